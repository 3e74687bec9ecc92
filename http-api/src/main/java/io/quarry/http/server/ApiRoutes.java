package io.quarry.http.server;

import static java.util.Objects.requireNonNull;

import akka.http.javadsl.server.AllDirectives;
import akka.http.javadsl.server.Route;
import io.quarry.client.QuarryService;
import io.quarry.http.error.ApiExceptionHandler;
import io.quarry.http.error.ApiRejectionHandler;
import io.quarry.http.resource.InfoResource;
import io.quarry.http.resource.NodeResource;
import io.quarry.http.resource.QueryResource;
import io.quarry.http.resource.StageResource;
import io.quarry.http.resource.StatementResource;
import io.quarry.http.resource.StatusResource;
import io.quarry.http.resource.TaskResource;
import java.net.URI;
import java.time.Clock;
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
    }

    public Route route() {
        return handleExceptions(ApiExceptionHandler.create(), () -> handleRejections(ApiRejectionHandler.create(), () ->
                concat(statement.route(), info.route(), status.route(), node.route(), task.route(), query.route(),
                        stage.route())));
    }
}
