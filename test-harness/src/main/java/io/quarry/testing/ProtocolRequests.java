package io.quarry.testing;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Single raw requests of the statement protocol over {@code java.net.http}, for tests that check what
 * {@link StatementClient} hides: status codes, headers, exact bodies, repeated and stale tokens,
 * {@code DELETE} and {@code HEAD}. Header names are given in full ({@code X-Trino-User}).
 */
public final class ProtocolRequests {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration TASKS_DEADLINE = Duration.ofSeconds(20);

    private final HttpClient http;
    private final URI server;

    public ProtocolRequests(URI server) {
        this.server = requireNonNull(server, "server is null");
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** One answer: status, headers and the body as text. */
    /**
     * Submits {@code sql} and follows its result URIs until the query has at least {@code tasks} tasks on
     * the nodes of {@code cluster} (for tests of long-running queries); fails if the query fails first or
     * the deadline passes. Returns the last response, whose {@code nextUri} continues the query.
     */
    public Response submitUntilTasksRun(QuarryCluster cluster, String sql, Map<String, String> headers, int tasks) {
        Response response = post(sql, headers);
        String queryId = response.json().path("id").asText();
        long deadline = System.nanoTime() + TASKS_DEADLINE.toNanos();
        while (cluster.tasksOf(queryId).size() < tasks) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("query " + queryId + " has no " + tasks + " tasks after " + TASKS_DEADLINE);
            }
            response = get(response.nextUri().orElseThrow(), headers);
            if (response.status() != 200 || response.error().isPresent()) {
                throw new AssertionError("query " + queryId + " failed early: " + response.body());
            }
        }
        return response;
    }

    public record Response(int status, HttpHeaders headers, String body) {
        public Response {
            requireNonNull(headers, "headers is null");
            requireNonNull(body, "body is null");
        }

        public JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON (status " + status + "): " + body, e);
            }
        }

        public String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }

        /** The QueryResults' {@code nextUri}, absent on the last response. */
        public Optional<URI> nextUri() {
            JsonNode next = json().get("nextUri");
            return next == null ? Optional.empty() : Optional.of(URI.create(next.asText()));
        }

        public String state() {
            return json().path("stats").path("state").asText();
        }

        /** The rows of {@code data}, each as its JSON text; empty when the response has none. */
        public List<String> rows() {
            List<String> rows = new ArrayList<>();
            json().path("data").forEach(row -> rows.add(row.toString()));
            return rows;
        }

        public Optional<JsonNode> error() {
            return Optional.ofNullable(json().get("error"));
        }

        /** The names of the response headers that start with {@code prefix}, compared ignoring case. */
        public List<String> headerNamesStartingWith(String prefix) {
            String wanted = prefix.toLowerCase(Locale.ROOT);
            return headers.map().keySet().stream()
                    .filter(name -> name.toLowerCase(Locale.ROOT).startsWith(wanted))
                    .toList();
        }
    }

    /** {@code POST /v1/statement} with {@code sql} as the body. */
    public Response post(String sql, Map<String, String> headers) {
        return send("POST", server.resolve("/v1/statement"), headers, sql);
    }

    public Response get(URI uri, Map<String, String> headers) {
        return send("GET", uri, headers, null);
    }

    public Response delete(URI uri, Map<String, String> headers) {
        return send("DELETE", uri, headers, null);
    }

    /** A DELETE on a path of this server, e.g. {@code /v1/stage/{id}}. */
    public Response delete(String path, Map<String, String> headers) {
        return delete(server.resolve(path), headers);
    }

    public Response head(URI uri, Map<String, String> headers) {
        return send("HEAD", uri, headers, null);
    }

    /** A request on a path of this server, e.g. {@code /v1/info}. */
    public Response get(String path, Map<String, String> headers) {
        return get(server.resolve(path), headers);
    }

    public Response send(String method, URI uri, Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(REQUEST_TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body() == null ? "" : response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + uri + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** {@code uri} with a query string, e.g. {@code targetResultSize=1kB} on an executing URI. */
    public static URI withQuery(URI uri, String query) {
        return URI.create(uri + (uri.getRawQuery() == null ? "?" : "&") + query);
    }

    /** The parts of a result URI {@code …/v1/statement/{phase}/{queryId}/{slug}/{token}}. */
    public record ResultUri(String phase, String queryId, String slug, long token) {
        public static ResultUri parse(URI uri) {
            String[] segments = uri.getPath().split("/");
            int n = segments.length;
            if (n < 6 || !segments[n - 5].equals("statement")) {
                throw new IllegalArgumentException("not a result URI: " + uri);
            }
            return new ResultUri(segments[n - 4], segments[n - 3], segments[n - 2], Long.parseLong(segments[n - 1]));
        }

        /** The same URI on {@code server} with parts replaced. */
        public URI on(URI server) {
            return server.resolve("/v1/statement/" + phase + "/" + queryId + "/" + slug + "/" + token);
        }

        public ResultUri withQueryId(String newQueryId) {
            return new ResultUri(phase, newQueryId, slug, token);
        }

        public ResultUri withSlug(String newSlug) {
            return new ResultUri(phase, queryId, newSlug, token);
        }

        public ResultUri withToken(long newToken) {
            return new ResultUri(phase, queryId, slug, newToken);
        }
    }
}
