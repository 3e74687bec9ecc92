package io.quarry.http.resource;

import static java.util.Objects.requireNonNull;

import akka.http.javadsl.model.MediaTypes;
import akka.http.javadsl.model.StatusCodes;
import akka.http.javadsl.server.AllDirectives;
import akka.http.javadsl.server.Route;
import akka.http.javadsl.unmarshalling.Unmarshaller;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarry.client.NodeState;
import io.quarry.client.QuarryService;
import io.quarry.config.Durations;
import io.quarry.http.dto.NodeVersion;
import io.quarry.http.dto.ServerInfo;
import io.quarry.http.dto.WireJson;
import io.quarry.http.error.HttpStatusException;
import io.quarry.http.error.TextResponses;
import io.quarry.http.server.HttpServerSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

/**
 * {@code /v1/info} (version, environment, role, uptime), {@code /v1/info/state} (this node's lifecycle state)
 * and {@code /v1/info/coordinator} (200 on a coordinator, 404 elsewhere). The GETs are public: load balancers
 * and drivers call them without a user.
 */
public final class InfoResource extends AllDirectives {
    /** Every state name openLooKeng knows for a node; a PUT naming anything else is a 400. */
    private static final Set<String> KNOWN_STATES =
            Set.of("ACTIVE", "INACTIVE", "ISOLATING", "ISOLATED", "SHUTTING_DOWN", "DISCONNECTION");

    private final QuarryService service;
    private final HttpServerSettings settings;
    private final Clock clock;

    public InfoResource(QuarryService service, HttpServerSettings settings, Clock clock) {
        this.service = requireNonNull(service, "service is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    public Route route() {
        return pathPrefix("v1", () -> pathPrefix("info", () -> concat(
                pathEndOrSingleSlash(() -> get(() -> complete(Responses.json(serverInfo())))),
                path("state", () -> concat(
                        get(() -> onSuccess(service.nodeState(), state -> complete(Responses.json(state.name())))),
                        put(this::changeState))),
                path("coordinator", () -> get(() -> complete(
                        settings.coordinator() ? Responses.ok() : Responses.notFound()))))));
    }

    ServerInfo serverInfo() {
        return new ServerInfo(
                new NodeVersion(settings.version()),
                settings.environment(),
                settings.coordinator(),
                false,
                uptime(settings, clock),
                settings.nodeId());
    }

    static String uptime(HttpServerSettings settings, Clock clock) {
        Duration uptime = Duration.between(settings.startTime(), clock.instant());
        return Durations.format(uptime.isNegative() ? Duration.ZERO : uptime);
    }

    /**
     * {@code PUT /v1/info/state} with a JSON string. {@code SHUTTING_DOWN} drains the node and stops it;
     * naming the current state changes nothing; Quarry has no isolation, so every other transition is a 400.
     */
    private Route changeState() {
        return extractRequest(request -> {
            if (!request.entity().getContentType().mediaType().equals(MediaTypes.APPLICATION_JSON)) {
                throw new HttpStatusException(
                        StatusCodes.UNSUPPORTED_MEDIA_TYPE, "The node state must be sent as application/json");
            }
            return entity(Unmarshaller.entityToString(), body -> {
                String state = parseState(body);
                NodeState target = switch (state) {
                    case "ACTIVE" -> NodeState.ACTIVE;
                    case "SHUTTING_DOWN" -> NodeState.SHUTTING_DOWN;
                    default -> throw new HttpStatusException(StatusCodes.BAD_REQUEST, "Invalid state transition to " + state);
                };
                return onSuccess(service.changeNodeState(target), refusal -> complete(refusal
                        .map(reason -> TextResponses.text(StatusCodes.BAD_REQUEST, reason))
                        .orElseGet(Responses::ok)));
            });
        });
    }

    private static String parseState(String body) {
        JsonNode node;
        try {
            node = WireJson.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            node = null;
        }
        if (node == null || !node.isTextual()) {
            throw new HttpStatusException(
                    StatusCodes.BAD_REQUEST, "The body must be a node state as a JSON string, e.g. \"SHUTTING_DOWN\"");
        }
        String state = node.textValue();
        if (!KNOWN_STATES.contains(state)) {
            throw new HttpStatusException(StatusCodes.BAD_REQUEST, "Unknown node state: " + state);
        }
        return state;
    }
}
