package io.quarry.testing;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A small client of the statement protocol over {@code java.net.http}: POST the SQL, follow
 * {@code nextUri} to the end, collect columns, rows, the final stats and the error. For tests and the
 * benchmark; it checks the protocol's rules as it goes (absolute URIs, no empty data, columns stable).
 */
public final class StatementClient {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient http;
    private final URI server;
    private final String prefix;
    private final Map<String, String> headers;

    /** A client sending {@code prefix} headers ({@code X-Trino-} or {@code X-Presto-}). */
    public StatementClient(URI server, String prefix, Map<String, String> headers) {
        this.server = requireNonNull(server, "server is null");
        this.prefix = requireNonNull(prefix, "prefix is null");
        this.headers = Map.copyOf(headers);
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** A Trino-prefixed client with user {@code test} and the given session catalog and schema. */
    public static StatementClient forCatalog(URI server, String catalog, String schema) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("User", "test");
        if (catalog != null) {
            headers.put("Catalog", catalog);
        }
        if (schema != null) {
            headers.put("Schema", schema);
        }
        return new StatementClient(server, "X-Trino-", headers);
    }

    public StatementClient withPrefix(String newPrefix) {
        return new StatementClient(server, newPrefix, headers);
    }

    /** The outcome of one statement. */
    public record Result(
            String queryId,
            List<Column> columns,
            List<List<Object>> rows,
            JsonNode finalStats,
            Optional<JsonNode> error,
            List<JsonNode> responses,
            Map<String, List<String>> lastHeaders) {
        public String errorName() {
            return error.map(e -> e.path("errorName").asText()).orElse(null);
        }

        public String state() {
            return finalStats.path("state").asText();
        }
    }

    public record Column(String name, String type, JsonNode typeSignature) {}

    public Result execute(String sql) {
        try {
            HttpRequest.Builder post = HttpRequest.newBuilder(server.resolve("/v1/statement"))
                    .timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofString(sql));
            headers.forEach((name, value) -> post.header(prefix + name, value));
            HttpResponse<String> response = http.send(post.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new ProtocolException("POST /v1/statement answered " + response.statusCode() + ": " + response.body());
            }
            List<JsonNode> responses = new ArrayList<>();
            List<Column> columns = null;
            List<List<Object>> rows = new ArrayList<>();
            JsonNode body = MAPPER.readTree(response.body());
            Map<String, List<String>> lastHeaders = response.headers().map();
            while (true) {
                responses.add(body);
                JsonNode columnsNode = body.get("columns");
                if (columnsNode != null) {
                    List<Column> parsed = new ArrayList<>();
                    for (JsonNode column : columnsNode) {
                        parsed.add(new Column(column.path("name").asText(), column.path("type").asText(), column.get("typeSignature")));
                    }
                    if (columns != null && !columns.equals(parsed)) {
                        throw new ProtocolException("columns changed between responses");
                    }
                    columns = parsed;
                }
                JsonNode data = body.get("data");
                if (data != null) {
                    if (columns == null) {
                        throw new ProtocolException("data without columns");
                    }
                    if (data.isEmpty()) {
                        throw new ProtocolException("empty data array sent");
                    }
                    for (JsonNode row : data) {
                        if (row.size() != columns.size()) {
                            throw new ProtocolException("row with " + row.size() + " values for " + columns.size() + " columns");
                        }
                        List<Object> values = new ArrayList<>();
                        row.forEach(value -> values.add(MAPPER.convertValue(value, Object.class)));
                        rows.add(values);
                    }
                }
                JsonNode next = body.get("nextUri");
                if (next == null) {
                    break;
                }
                URI nextUri = URI.create(next.asText());
                if (!nextUri.isAbsolute()) {
                    throw new ProtocolException("nextUri is not absolute: " + nextUri);
                }
                HttpRequest.Builder get = HttpRequest.newBuilder(nextUri).timeout(Duration.ofSeconds(60)).GET();
                get.header(prefix + "User", headers.getOrDefault("User", "test"));
                HttpResponse<String> page = http.send(get.build(), HttpResponse.BodyHandlers.ofString());
                if (page.statusCode() != 200) {
                    throw new ProtocolException("GET " + nextUri + " answered " + page.statusCode() + ": " + page.body());
                }
                lastHeaders = page.headers().map();
                body = MAPPER.readTree(page.body());
            }
            return new Result(
                    body.path("id").asText(),
                    columns == null ? List.of() : columns,
                    rows,
                    body.path("stats"),
                    Optional.ofNullable(body.get("error")),
                    responses,
                    lastHeaders);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** A response that breaks the protocol's rules. */
    public static final class ProtocolException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public ProtocolException(String message) {
            super(message);
        }
    }
}
