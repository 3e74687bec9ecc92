package io.quarry.testing.bench;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The least a statement-protocol client does, so that the benchmark measures the server: POST the SQL, follow
 * {@code nextUri} on one keep-alive HTTP/1.1 connection, count rows and requests, fail on a query error. No
 * value decoding, no protocol checks (those are {@link io.quarry.testing.StatementClient}'s job).
 */
final class BenchClient {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(10);

    private final HttpClient http;
    private final URI server;
    private final String catalog;
    private final String schema;

    /** What one statement did. */
    record Outcome(String queryId, long rows, int requests) {}

    BenchClient(URI server, String catalog, String schema) {
        this.server = requireNonNull(server, "server is null");
        this.catalog = catalog;
        this.schema = schema;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /**
     * Runs {@code sql} to the end.
     *
     * @throws IOException when the server cannot be reached or breaks the protocol
     * @throws QueryFailedException when the query fails
     */
    Outcome execute(String sql) throws IOException, InterruptedException {
        HttpRequest.Builder post = HttpRequest.newBuilder(server.resolve("/v1/statement"))
                .timeout(REQUEST_TIMEOUT)
                .header("X-Trino-User", "bench")
                .header("X-Trino-Source", "quarry-bench")
                .POST(HttpRequest.BodyPublishers.ofString(sql));
        if (catalog != null) {
            post.header("X-Trino-Catalog", catalog);
        }
        if (schema != null) {
            post.header("X-Trino-Schema", schema);
        }
        JsonNode body = send(post.build());
        int requests = 1;
        long rows = 0;
        while (true) {
            JsonNode data = body.get("data");
            if (data != null) {
                rows += data.size();
            }
            JsonNode next = body.get("nextUri");
            if (next == null) {
                break;
            }
            body = send(HttpRequest.newBuilder(URI.create(next.asText()))
                    .timeout(REQUEST_TIMEOUT)
                    .header("X-Trino-User", "bench")
                    .GET()
                    .build());
            requests++;
        }
        String queryId = body.path("id").asText();
        JsonNode error = body.get("error");
        if (error != null) {
            throw new QueryFailedException("Query " + queryId + " failed: " + error.path("errorName").asText() + ": "
                    + error.path("message").asText());
        }
        return new Outcome(queryId, rows, requests);
    }

    private JsonNode send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException(request.method() + " " + request.uri() + " answered " + response.statusCode() + ": "
                    + new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
        }
        return MAPPER.readTree(response.body());
    }

    /** The server ran the statement and reported an error. */
    static final class QueryFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        QueryFailedException(String message) {
            super(message);
        }
    }
}
