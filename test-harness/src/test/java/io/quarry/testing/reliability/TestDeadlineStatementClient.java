package io.quarry.testing.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client against a small fake of the statement protocol on a free port of 127.0.0.1. */
class TestDeadlineStatementClient {
    private HttpServer server;
    private URI base;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> sessionHeaders = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    /**
     * {@code /v1/statement} answers with a nextUri per SQL text: "finish" gives one row on the next page, "forever"
     * keeps the query running, "fail" fails it with a named error, "500" answers HTTP 500.
     */
    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        requests.add(method + " " + path);
        String session = exchange.getRequestHeaders().getFirst("X-Trino-Session");
        if (session != null) {
            sessionHeaders.add(session);
        }
        if (method.equals("DELETE")) {
            respond(exchange, 204, "");
            return;
        }
        if (path.startsWith("/v1/query/")) {
            respond(exchange, 200, "{\"queryId\":\"" + path.substring("/v1/query/".length()) + "\",\"state\":\"RUNNING\"}");
            return;
        }
        if (method.equals("POST")) {
            String sql = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (sql.equals("500")) {
                respond(exchange, 500, "boom");
                return;
            }
            respond(exchange, 200, running(sql));
            return;
        }
        String kind = path.substring(path.lastIndexOf('/') + 1);
        switch (kind) {
            case "finish" -> respond(exchange, 200, """
                    {"id":"q1","columns":[{"name":"x","type":"bigint"}],"data":[[7]],"stats":{"state":"FINISHED"}}""");
            case "fail" -> respond(exchange, 200, """
                    {"id":"q1","stats":{"state":"FAILED"},"error":{"errorName":"REMOTE_HOST_GONE","message":"lost"}}""");
            default -> respond(exchange, 200, running(kind));
        }
    }

    private String running(String kind) {
        return "{\"id\":\"q1\",\"nextUri\":\"" + base + "/v1/statement/executing/q1/" + kind
                + "\",\"stats\":{\"state\":\"RUNNING\"}}";
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private QueryAttempt execute(String sql, Duration deadline) {
        DeadlineStatementClient client = new DeadlineStatementClient(base, "tpch", "tiny", Map.of("retry_policy", "TASK"));
        return client.execute(sql, System.nanoTime() + deadline.toNanos());
    }

    @Test
    void finishedQueryIsAnsweredWithItsRows() {
        QueryAttempt attempt = execute("finish", Duration.ofSeconds(30));

        assertThat(attempt).isInstanceOf(QueryAttempt.Answered.class);
        QueryAttempt.Answered answered = (QueryAttempt.Answered) attempt;
        assertThat(answered.result().rows()).containsExactly(List.of(7));
        assertThat(answered.result().error()).isEmpty();
        assertThat(sessionHeaders).containsOnly("retry_policy=TASK");
    }

    @Test
    void failedQueryIsAnsweredWithItsError() {
        QueryAttempt attempt = execute("fail", Duration.ofSeconds(30));

        assertThat(((QueryAttempt.Answered) attempt).result().errorName()).isEqualTo("REMOTE_HOST_GONE");
    }

    @Test
    void queryStillRunningAtTheDeadlineIsCancelledAndReported() {
        long start = System.nanoTime();
        QueryAttempt attempt = execute("forever", Duration.ofMillis(300));

        assertThat(attempt).isEqualTo(new QueryAttempt.DeadlinePassed("q1", "RUNNING"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(requests).last().isEqualTo("DELETE /v1/statement/executing/q1/forever");
    }

    @Test
    void hungQueryInfoIsKeptBeforeTheCancel(@TempDir Path directory) throws IOException {
        DeadlineStatementClient client = new DeadlineStatementClient(base, "tpch", "tiny", Map.of())
                .keepHungQueryInfo(directory);

        QueryAttempt attempt = client.execute("forever", System.nanoTime() + Duration.ofMillis(300).toNanos());

        assertThat(attempt).isInstanceOf(QueryAttempt.DeadlinePassed.class);
        assertThat(Files.readString(directory.resolve("hung-q1.json"))).contains("\"queryId\":\"q1\"");
        assertThat(requests).containsSubsequence("GET /v1/query/q1", "DELETE /v1/statement/executing/q1/forever");
    }

    @Test
    void httpErrorIsBroken() {
        QueryAttempt attempt = execute("500", Duration.ofSeconds(30));

        assertThat(attempt).isInstanceOf(QueryAttempt.Broken.class);
        assertThat(((QueryAttempt.Broken) attempt).detail()).contains("answered 500: boom");
    }
}
