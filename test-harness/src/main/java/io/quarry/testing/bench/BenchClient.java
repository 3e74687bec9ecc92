package io.quarry.testing.bench;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The least a statement-protocol client does, so that the benchmark measures the server: POST the SQL, follow
 * {@code nextUri} on one keep-alive HTTP/1.1 connection ({@link HttpConnection}), count rows and requests, fail
 * on a query error. No
 * value decoding, no protocol checks (those are {@link io.quarry.testing.StatementClient}'s job).
 */
final class BenchClient implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpConnection connection = new HttpConnection();
    private final URI server;
    private final Map<String, String> postHeaders = new LinkedHashMap<>();
    private final Map<String, String> getHeaders = Map.of("X-Trino-User", "bench");

    /** What one statement did. */
    record Outcome(String queryId, long rows, int requests) {}

    /** What one statement returned: its columns and rows as the protocol sent them, and its final statistics. */
    record Answer(String queryId, LiveResult result, JsonNode finalStats) {}

    BenchClient(URI server, String catalog, String schema) {
        this.server = requireNonNull(server, "server is null");
        postHeaders.put("X-Trino-User", "bench");
        postHeaders.put("X-Trino-Source", "quarry-bench");
        postHeaders.put("Content-Type", "text/plain; charset=utf-8");
        if (catalog != null) {
            postHeaders.put("X-Trino-Catalog", catalog);
        }
        if (schema != null) {
            postHeaders.put("X-Trino-Schema", schema);
        }
    }

    /**
     * Runs {@code sql} to the end.
     *
     * @throws IOException when the server cannot be reached or breaks the protocol
     * @throws QueryFailedException when the query fails
     */
    Outcome execute(String sql) throws IOException {
        Run run = run(sql, null);
        return new Outcome(run.queryId(), run.rows(), run.requests());
    }

    /**
     * Runs {@code sql} to the end and keeps what it returned.
     *
     * @throws IOException when the server cannot be reached or breaks the protocol
     * @throws QueryFailedException when the query fails
     */
    Answer query(String sql) throws IOException {
        List<JsonNode> rows = new ArrayList<>();
        Run run = run(sql, rows);
        return new Answer(run.queryId(), new LiveResult(run.columns(), rows), run.finalStats());
    }

    /** The server's {@code /v1/info} document, or empty when it has none. */
    JsonNode info() throws IOException {
        HttpConnection.Response response = connection.send("GET", server.resolve("/v1/info"), getHeaders, null);
        return response.status() == 200 ? MAPPER.readTree(response.body()) : MAPPER.createObjectNode();
    }

    private record Run(String queryId, long rows, int requests, List<LiveResult.Column> columns, JsonNode finalStats) {}

    private Run run(String sql, List<JsonNode> keptRows) throws IOException {
        URI statement = server.resolve("/v1/statement");
        JsonNode body = send("POST", statement, postHeaders, sql.getBytes(StandardCharsets.UTF_8));
        int requests = 1;
        long rows = 0;
        List<LiveResult.Column> columns = null;
        while (true) {
            if (keptRows != null && columns == null && body.has("columns")) {
                columns = new ArrayList<>();
                for (JsonNode column : body.get("columns")) {
                    columns.add(new LiveResult.Column(column.path("name").asText(), column.path("type").asText()));
                }
            }
            JsonNode data = body.get("data");
            if (data != null) {
                rows += data.size();
                if (keptRows != null) {
                    data.forEach(keptRows::add);
                }
            }
            JsonNode next = body.get("nextUri");
            if (next == null) {
                break;
            }
            body = send("GET", URI.create(next.asText()), getHeaders, null);
            requests++;
        }
        String queryId = body.path("id").asText();
        JsonNode error = body.get("error");
        if (error != null) {
            throw new QueryFailedException("Query " + queryId + " failed: " + error.path("errorName").asText() + ": "
                    + error.path("message").asText());
        }
        return new Run(queryId, rows, requests, columns == null ? List.of() : columns, body.path("stats"));
    }

    private JsonNode send(String method, URI uri, Map<String, String> headers, byte[] body) throws IOException {
        HttpConnection.Response response = connection.send(method, uri, headers, body);
        if (response.status() != 200) {
            throw new IOException(method + " " + uri + " answered " + response.status() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        return MAPPER.readTree(response.body());
    }

    @Override
    public void close() {
        connection.close();
    }

    /** The server ran the statement and reported an error. */
    static final class QueryFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        QueryFailedException(String message) {
            super(message);
        }
    }
}
