package io.quarry.testing.reliability;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarry.testing.StatementClient;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * A statement-protocol client with a deadline per query: POST the SQL, follow {@code nextUri} until the last
 * response, each request timing out when the deadline passes. A query still running at its deadline is cancelled
 * (DELETE of its {@code nextUri}, best effort) and reported as {@link QueryAttempt.DeadlinePassed}. Thread-safe:
 * many client threads share one instance and its HTTP client.
 */
public final class DeadlineStatementClient {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String USER = "reliability";
    private static final Duration CANCEL_TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient http;
    private final URI server;
    private final Map<String, String> headers;
    /** Where the query info of a query that passed its deadline is written, if anywhere. */
    private volatile Path hungQueryDirectory;

    /**
     * A client of {@code server} with session catalog and schema and the given system session properties (sent
     * in {@code X-Trino-Session}, values URL-encoded).
     */
    public DeadlineStatementClient(URI server, String catalog, String schema, Map<String, String> sessionProperties) {
        this.server = requireNonNull(server, "server is null");
        requireNonNull(sessionProperties, "sessionProperties is null");
        Map<String, String> values = new LinkedHashMap<>();
        values.put("X-Trino-User", USER);
        values.put("X-Trino-Source", "quarry-reliability");
        if (catalog != null) {
            values.put("X-Trino-Catalog", catalog);
        }
        if (schema != null) {
            values.put("X-Trino-Schema", schema);
        }
        if (!sessionProperties.isEmpty()) {
            StringJoiner session = new StringJoiner(",");
            sessionProperties.forEach((name, value) -> session.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)));
            values.put("X-Trino-Session", session.toString());
        }
        this.headers = Map.copyOf(values);
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /**
     * Writes the query info ({@code /v1/query/{id}}: stages, tasks, their states) of every query that passes its
     * deadline to {@code directory} as {@code hung-<query id>.json}, before it is cancelled.
     */
    public DeadlineStatementClient keepHungQueryInfo(Path directory) {
        this.hungQueryDirectory = requireNonNull(directory, "directory is null");
        return this;
    }

    /** Runs {@code sql} until it finishes, fails, breaks, or {@code deadlineNanos} ({@link System#nanoTime()}) passes. */
    public QueryAttempt execute(String sql, long deadlineNanos) {
        String queryId = "(none yet)";
        String state = "(not submitted)";
        URI next = null;
        try {
            HttpRequest.Builder post = HttpRequest.newBuilder(server.resolve("/v1/statement"))
                    .timeout(remaining(deadlineNanos))
                    .POST(HttpRequest.BodyPublishers.ofString(sql));
            headers.forEach(post::header);
            JsonNode body = send(post.build());
            List<StatementClient.Column> columns = null;
            List<List<Object>> rows = new ArrayList<>();
            while (true) {
                queryId = body.path("id").asText(queryId);
                state = body.path("stats").path("state").asText(state);
                JsonNode columnsNode = body.get("columns");
                if (columnsNode != null && columns == null) {
                    columns = new ArrayList<>();
                    for (JsonNode column : columnsNode) {
                        columns.add(new StatementClient.Column(
                                column.path("name").asText(), column.path("type").asText(), column.get("typeSignature")));
                    }
                }
                JsonNode data = body.get("data");
                if (data != null) {
                    if (columns == null) {
                        return new QueryAttempt.Broken(queryId, "data without columns");
                    }
                    for (JsonNode row : data) {
                        List<Object> values = new ArrayList<>(row.size());
                        row.forEach(value -> values.add(MAPPER.convertValue(value, Object.class)));
                        rows.add(values);
                    }
                }
                JsonNode nextNode = body.get("nextUri");
                if (nextNode == null) {
                    return new QueryAttempt.Answered(new StatementClient.Result(
                            queryId,
                            columns == null ? List.of() : columns,
                            rows,
                            body.path("stats"),
                            Optional.ofNullable(body.get("error")),
                            List.of(),
                            Map.of()));
                }
                next = URI.create(nextNode.asText());
                if (System.nanoTime() >= deadlineNanos) {
                    keepQueryInfo(queryId);
                    cancel(next);
                    return new QueryAttempt.DeadlinePassed(queryId, state);
                }
                HttpRequest.Builder get = HttpRequest.newBuilder(next).timeout(remaining(deadlineNanos)).GET();
                get.header("X-Trino-User", USER);
                body = send(get.build());
            }
        } catch (IOException e) {
            // the request timeout fires at the deadline; while a body is read it shows as another IOException
            if (System.nanoTime() >= deadlineNanos) {
                if (next != null) {
                    keepQueryInfo(queryId);
                    cancel(next);
                }
                return new QueryAttempt.DeadlinePassed(queryId, state);
            }
            String what = e instanceof HttpTimeoutException ? "timed out: " : e.getClass().getSimpleName() + ": ";
            return new QueryAttempt.Broken(queryId, what + e.getMessage());
        } catch (RuntimeException e) {
            return new QueryAttempt.Broken(queryId, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new QueryAttempt.Broken(queryId, "interrupted");
        }
    }

    private JsonNode send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(request.method() + " " + request.uri().getPath() + " answered " + response.statusCode()
                    + ": " + oneLine(response.body()));
        }
        return MAPPER.readTree(response.body());
    }

    private void keepQueryInfo(String queryId) {
        Path directory = hungQueryDirectory;
        if (directory == null || !queryId.matches("[A-Za-z0-9_]+")) {
            return;
        }
        HttpRequest get = HttpRequest.newBuilder(server.resolve("/v1/query/" + queryId))
                .timeout(CANCEL_TIMEOUT)
                .header("X-Trino-User", USER)
                .GET()
                .build();
        try {
            HttpResponse<String> response = http.send(get, HttpResponse.BodyHandlers.ofString());
            Files.writeString(directory.resolve("hung-" + queryId + ".json"), response.body());
        } catch (IOException e) {
            // best effort: the figures still count the query as hung
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void cancel(URI next) {
        HttpRequest delete = HttpRequest.newBuilder(next)
                .timeout(CANCEL_TIMEOUT)
                .header("X-Trino-User", USER)
                .DELETE()
                .build();
        try {
            http.send(delete, HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            // best effort: the server's client timeout ends the query anyway
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Duration remaining(long deadlineNanos) {
        return Duration.ofNanos(Math.max(Duration.ofMillis(1).toNanos(), deadlineNanos - System.nanoTime()));
    }

    private static String oneLine(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }
}
