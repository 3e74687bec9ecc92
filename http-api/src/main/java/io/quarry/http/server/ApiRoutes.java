package io.quarry.http.server;

import static java.util.Objects.requireNonNull;

import akka.http.javadsl.model.HttpHeader;
import akka.http.javadsl.model.HttpMethods;
import akka.http.javadsl.model.HttpRequest;
import akka.http.javadsl.model.StatusCodes;
import akka.http.javadsl.server.AllDirectives;
import akka.http.javadsl.server.Route;
import io.quarry.client.QuarryService;
import io.quarry.http.error.ApiExceptionHandler;
import io.quarry.http.error.ApiRejectionHandler;
import io.quarry.http.error.TextResponses;
import io.quarry.http.header.InternalToken;
import io.quarry.http.resource.InfoResource;
import io.quarry.http.resource.NodeResource;
import io.quarry.http.resource.QueryResource;
import io.quarry.http.resource.StageResource;
import io.quarry.http.resource.StatementResource;
import io.quarry.http.resource.StatusResource;
import io.quarry.http.resource.TaskResource;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * All REST resources of a node as one route, wrapped in Quarry's error handling: one-line text answers for
 * 4xx, 404 for unknown routes, 405 for wrong methods, a generic 500 for internal failures.
 */
public final class ApiRoutes extends AllDirectives {

    private final StatementResource statement;
    private final InfoResource info;
    private final StatusResource status;
    private final NodeResource node;
    private final TaskResource task;
    private final QueryResource query;
    private final StageResource stage;
    private final Optional<InternalToken> internalToken;
    private final Clock clock;

    /**
     * @param externalBaseUri completes with the base of every URI handed out ({@code http://host:boundPort})
     */
    public ApiRoutes(QuarryService service, HttpServerSettings settings, CompletionStage<URI> externalBaseUri, Clock clock) {
        requireNonNull(service, "service is null");
        requireNonNull(settings, "settings is null");
        requireNonNull(externalBaseUri, "externalBaseUri is null");
        requireNonNull(clock, "clock is null");
        this.statement = new StatementResource(service, settings, externalBaseUri);
        this.info = new InfoResource(service, settings, clock);
        this.status = new StatusResource(settings, clock);
        this.node = new NodeResource(service, clock);
        this.task = new TaskResource(service, externalBaseUri);
        this.query = new QueryResource(service, externalBaseUri);
        this.stage = new StageResource(service, externalBaseUri);
        this.internalToken = settings.sharedSecret().map(InternalToken::new);
        this.clock = clock;
    }

    public Route route() {
        return handleExceptions(ApiExceptionHandler.create(), () -> handleRejections(ApiRejectionHandler.create(), () ->
                internalRoutesAuthenticated(() -> concat(
                        statement.route(), info.route(), status.route(), node.route(), task.route(), query.route(),
                        stage.route()))));
    }

    /**
     * With a shared secret configured, the internal routes ({@code /v1/task/**}, {@code PUT /v1/info/state})
     * answer 401 and do nothing unless the request carries a valid signed token.
     */
    private Route internalRoutesAuthenticated(java.util.function.Supplier<Route> inner) {
        if (internalToken.isEmpty()) {
            return inner.get();
        }
        return extractRequest(request -> {
            String path = request.getUri().path();
            boolean internal = path.equals("/v1/task")
                    || path.startsWith("/v1/task/")
                    || (path.equals("/v1/info/state") && request.method().equals(HttpMethods.PUT));
            if (!internal || hasValidToken(request)) {
                return inner.get();
            }
            return complete(TextResponses.text(StatusCodes.UNAUTHORIZED, "A valid internal token is required"));
        });
    }

    private boolean hasValidToken(HttpRequest request) {
        for (String name : InternalToken.HEADERS) {
            Optional<HttpHeader> header = request.getHeader(name);
            if (header.isPresent() && internalToken.get().isValid(header.get().value(), clock.instant())) {
                return true;
            }
        }
        return false;
    }
}
