package io.quarry.http.server;

import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.Behaviors;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real binding of the REST API on 127.0.0.1, a free port, over a {@link FakeQuarryService}, with a
 * {@code java.net.http} client for the tests. Close it after the tests.
 */
public final class TestingHttpServer implements AutoCloseable {
    public final FakeQuarryService service = new FakeQuarryService();
    public final ActorSystem<Void> system;
    public final HttpServer server;
    public final HttpServerSettings settings;
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    public TestingHttpServer(boolean coordinator) throws Exception {
        this(coordinator, Optional.empty());
    }

    /** A server whose internal routes need tokens signed with {@code sharedSecret}, when present. */
    public TestingHttpServer(boolean coordinator, Optional<String> sharedSecret) throws Exception {
        system = ActorSystem.create(Behaviors.empty(), "quarry-http-test");
        settings = HttpServerSettings.of(
                        "127.0.0.1", 0, coordinator ? "coordinator-1" : "worker-1", "test", coordinator,
                        Instant.now().minusSeconds(3 * 3600 + 12 * 60))
                .withSharedSecret(sharedSecret);
        server = HttpServer.start(system, service, settings).toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    public URI uri(String path) {
        return server.externalBaseUri().resolve(path);
    }

    public HttpRequest.Builder request(String path) {
        return request(uri(path));
    }

    public HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20));
    }

    public HttpClient client() {
        return client;
    }

    public HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        try {
            server.stop().toCompletableFuture().orTimeout(20, TimeUnit.SECONDS).join();
        } finally {
            system.terminate();
            system.getWhenTerminated().toCompletableFuture().orTimeout(20, TimeUnit.SECONDS).join();
        }
    }
}
