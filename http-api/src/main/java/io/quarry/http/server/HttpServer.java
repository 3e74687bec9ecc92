package io.quarry.http.server;

import static java.util.Objects.requireNonNull;

import akka.actor.typed.ActorSystem;
import akka.http.javadsl.Http;
import akka.http.javadsl.ServerBinding;
import io.quarry.client.QuarryService;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bound HTTP server of a node: {@link #start} binds {@link ApiRoutes} at the configured host and port
 * (0 = a free port) and completes once it accepts connections; {@link #stop} unbinds and lets open requests
 * finish for a few seconds.
 */
public final class HttpServer {
    private static final Logger log = LoggerFactory.getLogger(HttpServer.class);
    private static final Duration STOP_DEADLINE = Duration.ofSeconds(5);

    private final ServerBinding binding;
    private final URI externalBaseUri;

    private HttpServer(ServerBinding binding, URI externalBaseUri) {
        this.binding = binding;
        this.externalBaseUri = externalBaseUri;
    }

    /**
     * Binds the REST API. Fails with an {@link IllegalStateException} naming host and port when the address
     * cannot be bound (port in use, unknown host).
     */
    public static CompletionStage<HttpServer> start(ActorSystem<?> system, QuarryService service, HttpServerSettings settings) {
        requireNonNull(system, "system is null");
        requireNonNull(service, "service is null");
        requireNonNull(settings, "settings is null");
        CompletableFuture<URI> externalBaseUri = new CompletableFuture<>();
        if (settings.sharedSecret().isEmpty()) {
            log.warn("internal-communication.shared-secret is not set: /v1/task and PUT /v1/info/state of node {} are open "
                    + "to anyone who can reach it", settings.nodeId());
        }
        ApiRoutes routes = new ApiRoutes(service, settings, externalBaseUri, Clock.systemUTC());
        return Http.get(system)
                .newServerAt(settings.host(), settings.port())
                .bind(routes.route())
                .handle((binding, failure) -> {
                    if (failure != null) {
                        IllegalStateException bindFailure = new IllegalStateException(
                                "Cannot bind the HTTP server to " + settings.host() + ":" + settings.port() + ": "
                                        + rootMessage(failure),
                                failure);
                        externalBaseUri.completeExceptionally(bindFailure);
                        throw new CompletionException(bindFailure);
                    }
                    URI base = settings.externalBaseUri(binding.localAddress().getPort());
                    externalBaseUri.complete(base);
                    log.info("HTTP server of node {} listening on {}", settings.nodeId(), base);
                    return new HttpServer(binding, base);
                });
    }

    /** The port the server is bound to (the chosen one when configured with 0). */
    public int port() {
        return binding.localAddress().getPort();
    }

    /** {@code http://host:port}, the base of every URI the server hands out. */
    public URI externalBaseUri() {
        return externalBaseUri;
    }

    /** Stops accepting connections, gives open requests a few seconds, then closes them. */
    public CompletionStage<Void> stop() {
        return binding.terminate(STOP_DEADLINE).thenApply(terminated -> {
            log.info("HTTP server at {} stopped", externalBaseUri);
            return null;
        });
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }
}
