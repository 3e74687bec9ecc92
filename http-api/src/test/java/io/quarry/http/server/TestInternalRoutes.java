package io.quarry.http.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.client.NodeState;
import io.quarry.http.header.InternalToken;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** With a shared secret, the internal routes need a signed token; the others do not. */
class TestInternalRoutes {
    private static final String SECRET = "cluster-secret";

    @Test
    void internalRoutesNeedAValidToken() throws Exception {
        try (TestingHttpServer server = new TestingHttpServer(false, Optional.of(SECRET))) {
            assertThat(server.send(server.request("/v1/task").GET().build()).statusCode()).isEqualTo(401);
            assertThat(server.send(server.request("/v1/task").header("X-Presto-Internal-Bearer", "forged").GET().build())
                            .statusCode())
                    .isEqualTo(401);
            String token = new InternalToken(SECRET).create("coordinator-1", Instant.now());
            HttpResponse<String> presto =
                    server.send(server.request("/v1/task").header("X-Presto-Internal-Bearer", token).GET().build());
            assertThat(presto.statusCode()).as(presto.body()).isEqualTo(200);
            HttpResponse<String> trino =
                    server.send(server.request("/v1/task").header("X-Trino-Internal-Bearer", token).GET().build());
            assertThat(trino.statusCode()).as(trino.body()).isEqualTo(200);

            HttpResponse<String> refused = server.send(server.request("/v1/info/state")
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("\"SHUTTING_DOWN\""))
                    .build());
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(server.service.nodeState().toCompletableFuture().get()).isEqualTo(NodeState.ACTIVE);

            // Public routes stay public.
            assertThat(server.send(server.request("/v1/info").GET().build()).statusCode()).isEqualTo(200);
            assertThat(server.send(server.request("/v1/info/state").GET().build()).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void internalCredentialsCannotStartQueries() throws Exception {
        try (TestingHttpServer server = new TestingHttpServer(true, Optional.of(SECRET))) {
            String token = new InternalToken(SECRET).create("worker-1", Instant.now());
            HttpResponse<String> response = server.send(server.request("/v1/statement")
                    .header("X-Trino-User", "alice")
                    .header("X-Trino-Internal-Bearer", token)
                    .POST(HttpRequest.BodyPublishers.ofString("SELECT 1"))
                    .build());
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.body()).contains("Internal credentials");
            assertThat(server.service.sessions).as("nothing submitted").isEmpty();
        }
    }

    @Test
    void withoutASecretTheInternalRoutesAreOpen() throws Exception {
        try (TestingHttpServer server = new TestingHttpServer(false)) {
            assertThat(server.send(server.request("/v1/task").GET().build()).statusCode()).isEqualTo(200);
        }
    }
}
