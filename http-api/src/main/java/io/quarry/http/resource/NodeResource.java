package io.quarry.http.resource;

import static java.util.Objects.requireNonNull;

import akka.http.javadsl.server.AllDirectives;
import akka.http.javadsl.server.Route;
import io.quarry.client.ClusterNode;
import io.quarry.client.ProbeFigures;
import io.quarry.client.QuarryService;
import io.quarry.config.Durations;
import io.quarry.http.dto.ClientFailureInfo;
import io.quarry.http.dto.NodeHealth;
import io.quarry.http.header.ProtocolHeaders;
import io.quarry.http.header.SessionHeaderParser;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * {@code GET /v1/node} (every other node the cluster watches) and {@code /v1/node/failed} (the unreachable
 * ones), in openLooKeng's failure-detector shape. Quarry derives health from cluster reachability, not from
 * probes, so the request counters are 0 and the failure ratio is 0.0 or 1.0. Needs a user.
 */
public final class NodeResource extends AllDirectives {
    private final QuarryService service;
    private final Clock clock;

    public NodeResource(QuarryService service, Clock clock) {
        this.service = requireNonNull(service, "service is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    public Route route() {
        return pathPrefix("v1", () -> pathPrefix("node", () -> concat(
                pathEndOrSingleSlash(() -> get(() -> nodes(node -> true))),
                path("failed", () -> get(() -> nodes(ClusterNode::failed))))));
    }

    private Route nodes(Predicate<ClusterNode> filter) {
        return extractRequest(request -> {
            ProtocolHeaders protocol = ProtocolHeaders.detect(request.getHeaders());
            if (protocol.user(request.getHeaders()).isEmpty()) {
                throw SessionHeaderParser.missingUser(protocol);
            }
            return onSuccess(service.nodes(), nodes -> {
                Instant now = clock.instant();
                List<NodeHealth> health = nodes.stream().filter(filter).map(node -> health(node, now)).toList();
                return complete(Responses.json(health));
            });
        });
    }

    static NodeHealth health(ClusterNode node, Instant now) {
        Duration age = Duration.between(node.joined(), now);
        ProbeFigures probes = node.probes();
        return new NodeHealth(
                node.httpUri(),
                Durations.format(age.isNegative() ? Duration.ZERO : age),
                probes.recentRequests(),
                probes.recentFailures(),
                probes.recentSuccesses(),
                probes.recentFailureRatio(),
                probes.lastRequestTime().orElse(node.joined()).toString(),
                probes.lastResponseTime().orElse(node.joined()).toString(),
                probes.recentFailuresByType(),
                probes.lastFailure().map(ClientFailureInfo::of));
    }
}
