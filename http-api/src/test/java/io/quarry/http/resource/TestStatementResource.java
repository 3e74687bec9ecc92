package io.quarry.http.resource;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarry.client.ClientSession;
import io.quarry.http.server.TestingHttpServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TestStatementResource {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestingHttpServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new TestingHttpServer(true);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static HttpResponse<String> post(String sql, String... headers) throws Exception {
        HttpRequest.Builder request = server.request("/v1/statement").POST(BodyPublishers.ofString(sql));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return server.send(request.build());
    }

    private static HttpResponse<String> get(URI uri, String... headers) throws Exception {
        HttpRequest.Builder request = server.request(uri).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return server.send(request.build());
    }

    private static HttpResponse<String> method(String method, URI uri, String... headers) throws Exception {
        HttpRequest.Builder request = server.request(uri).method(method, BodyPublishers.noBody());
        if (headers.length > 0) {
            request.headers(headers);
        }
        return server.send(request.build());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        return JSON.readTree(response.body());
    }

    private static void assertText(HttpResponse<String> response, int status, String message) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWithIgnoringCase("text/plain; charset=utf-8");
        assertThat(response.body()).contains(message).doesNotContain("\n").doesNotContain("at io.quarry");
    }

    private static URI next(JsonNode results) {
        return URI.create(results.get("nextUri").asText());
    }

    @Test
    void fullLifecycleFollowsNextUriToTheEnd() throws Exception {
        JsonNode submitted = json(post("SELECT paged", "X-Trino-User", "alice"));
        String id = submitted.get("id").asText();
        assertThat(submitted.get("infoUri").asText()).isEqualTo(server.uri("/v1/query/" + id).toString());
        assertThat(submitted.get("nextUri").asText())
                .startsWith(server.server.externalBaseUri() + "/v1/statement/queued/" + id + "/x")
                .endsWith("/1");
        assertThat(submitted.get("stats").get("state").asText()).isEqualTo("QUEUED");
        assertThat(submitted.get("stats").get("queued").asBoolean()).isTrue();
        assertThat(submitted.get("warnings").isArray()).isTrue();
        assertThat(submitted.get("warnings")).isEmpty();
        assertThat(submitted.has("columns")).isFalse();
        assertThat(submitted.has("data")).isFalse();
        assertThat(submitted.has("error")).isFalse();

        JsonNode queued = json(get(next(submitted), "X-Trino-User", "alice"));
        assertThat(queued.get("stats").get("state").asText()).isEqualTo("QUEUED");
        assertThat(queued.get("nextUri").asText()).contains("/v1/statement/executing/" + id + "/").endsWith("/0");
        assertThat(queued.has("data")).isFalse();

        URI firstPage = next(queued);
        HttpResponse<String> first = get(firstPage, "X-Trino-User", "alice");
        JsonNode running = json(first);
        assertThat(running.get("columns").toString()).isEqualTo("[{\"name\":\"id\",\"type\":\"bigint\","
                + "\"typeSignature\":{\"rawType\":\"bigint\",\"arguments\":[]}},{\"name\":\"name\",\"type\":\"varchar(25)\","
                + "\"typeSignature\":{\"rawType\":\"varchar\",\"arguments\":[{\"kind\":\"LONG\",\"value\":25}]}}]");
        assertThat(running.get("data").toString()).isEqualTo("[[1,\"one\"],[2,\"two\"]]");
        JsonNode stats = running.get("stats");
        assertThat(stats.get("state").asText()).isEqualTo("RUNNING");
        assertThat(stats.get("scheduled").asBoolean()).isTrue();
        assertThat(stats.get("progressPercentage").asDouble()).isEqualTo(75.0);
        assertThat(stats.get("rootStage").get("stageId").asText()).isEqualTo("0");
        assertThat(stats.get("rootStage").get("subStages").get(0).get("stageId").asText()).isEqualTo("1");
        for (String field : new String[] {"nodes", "totalSplits", "queuedSplits", "runningSplits", "completedSplits",
                "cpuTimeMillis", "wallTimeMillis", "queuedTimeMillis", "elapsedTimeMillis", "processedRows",
                "processedBytes", "physicalInputBytes", "peakMemoryBytes", "spilledBytes", "planningTimeMillis"}) {
            assertThat(stats.has(field)).as(field).isTrue();
        }
        assertThat(running.get("partialCancelUri").asText()).isEqualTo(server.uri("/v1/stage/" + id + ".1").toString());

        // The same token again: the identical answer (a safe retry).
        HttpResponse<String> again = get(firstPage, "X-Trino-User", "alice");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());

        JsonNode second = json(get(next(running), "X-Trino-User", "alice"));
        assertThat(second.get("data").toString()).isEqualTo("[[3,\"three\"]]");
        JsonNode finished = json(get(next(second), "X-Trino-User", "alice"));
        assertThat(finished.get("stats").get("state").asText()).isEqualTo("FINISHED");
        assertThat(finished.has("nextUri")).isFalse();
        assertThat(finished.has("data")).as("never \"data\": []").isFalse();
        assertThat(finished.has("partialCancelUri")).isFalse();
        assertThat(finished.get("columns")).isEqualTo(running.get("columns"));

        // An older token than the last served one is gone; an unknown query or slug is not found.
        assertText(get(firstPage, "X-Trino-User", "alice"), 410, "already acknowledged");
        assertText(get(URI.create(firstPage.toString().replace(id, "20990101_000000_00000_nope1"))), 404, "Query not found");
        String slug = firstPage.getPath().split("/")[5];
        assertText(get(URI.create(firstPage.toString().replace(slug, "xwrong"))), 404, "Query not found");
    }

    @Test
    void malformedResultPathsAreNotFound() throws Exception {
        JsonNode submitted = json(post("SELECT paged", "X-Presto-User", "alice"));
        String uri = submitted.get("nextUri").asText();
        String id = submitted.get("id").asText();
        assertText(get(URI.create(uri.replace(id, "NOT-AN-ID"))), 404, "Query not found");
        assertText(get(URI.create(uri.substring(0, uri.length() - 1) + "one")), 404, "Query not found");
        assertText(get(URI.create(uri.substring(0, uri.length() - 1) + "-1")), 404, "Query not found");
        assertThat(get(URI.create(uri.replace("/queued/", "/running/"))).statusCode()).isEqualTo(404);
        assertThat(get(URI.create(uri + "/extra")).statusCode()).isEqualTo(404);
    }

    @Test
    void answersInThePrefixOfTheRequest() throws Exception {
        for (String prefix : new String[] {"X-Presto-", "X-Trino-"}) {
            String other = prefix.equals("X-Presto-") ? "X-Trino-" : "X-Presto-";
            JsonNode submitted = json(post("USE tpch.tiny", prefix + "User", "bob"));
            json(get(next(submitted), prefix + "User", "bob"));
            JsonNode queued = json(get(next(submitted), prefix + "User", "bob"));
            HttpResponse<String> response = get(next(queued), prefix + "User", "bob");
            JsonNode finished = json(response);
            assertThat(finished.get("updateType").asText()).isEqualTo("USE");
            assertThat(finished.get("data").toString()).isEqualTo("[[true]]");
            assertThat(response.headers().firstValue(prefix + "Set-Catalog")).hasValue("tpch");
            assertThat(response.headers().firstValue(prefix + "Set-Schema")).hasValue("tiny");
            assertThat(response.headers().allValues(prefix + "Set-Session")).containsExactly("query_max_run_time=1+h");
            assertThat(response.headers().allValues(prefix + "Clear-Session")).containsExactly("join_distribution_type");
            assertThat(response.headers().allValues(prefix + "Added-Prepare")).containsExactly("my+stmt=SELECT+1%2C+2");
            assertThat(response.headers().allValues(prefix + "Deallocated-Prepare")).containsExactly("old");
            assertThat(response.headers().firstValue(other + "Set-Catalog")).isEmpty();
        }
        // A result request without any protocol header falls back to the Presto prefix.
        JsonNode submitted = json(post("USE tpch.tiny", "X-Trino-User", "bob"));
        JsonNode queued = json(get(next(submitted)));
        HttpResponse<String> response = get(next(queued));
        assertThat(response.headers().firstValue("X-Presto-Set-Catalog")).hasValue("tpch");
    }

    @Test
    void rejectsBadRequestsWithOneLineOfText() throws Exception {
        assertText(post("SELECT 1", "X-Trino-User", "a", "X-Presto-Source", "x"), 400, "both X-Trino- and X-Presto-");
        assertText(post("SELECT 1"), 401, "X-Presto-User must be set");
        assertText(post("SELECT 1", "X-Trino-Source", "cli"), 401, "X-Trino-User must be set");
        assertText(post("", "X-Trino-User", "a"), 400, "SQL statement is empty");
        assertText(post("  \n ", "X-Trino-User", "a"), 400, "SQL statement is empty");
        assertText(post("SELECT 1", "X-Trino-User", "a", "X-Trino-Session", "a.b.c=1"), 400, "X-Trino-Session");
        assertText(post("SELECT 1", "X-Trino-User", "a", "X-Trino-Session", "novalue"), 400, "X-Trino-Session");
        assertText(post("SELECT 1", "X-Trino-User", "a", "X-Trino-Session", "x=%zz"), 400, "X-Trino-Session");
        assertText(post("SELECT 1", "X-Trino-User", "a", "X-Trino-Schema", "tiny"), 400, "X-Trino-Catalog is not");
        assertText(post("SELECT 1", "X-Trino-User", "a", "X-Trino-Time-Zone", "Mars/Olympus"), 400, "X-Trino-Time-Zone");
        assertText(post("SELECT 1", "X-Presto-User", "a", "X-Presto-Resource-Estimate", "DISK=1GB"), 400,
                "X-Presto-Resource-Estimate");
        assertText(post("SELECT 1", "X-Presto-User", "a", "X-Presto-Resource-Estimate", "PEAK_MEMORY=lots"), 400,
                "X-Presto-Resource-Estimate");
        assertText(post("SELECT 1", "X-Presto-User", "a", "X-Presto-Prepared-Statement", "nameonly"), 400,
                "X-Presto-Prepared-Statement");
        assertText(post("SELECT 1", "X-Presto-User", "a", "X-Presto-Role", "tpch=BOSS"), 400, "X-Presto-Role");
        assertText(post("SELECT 1", "X-Presto-User", "a", "X-Presto-Transaction-Id", "maybe"), 400, "X-Presto-Transaction-Id");
        HttpResponse<String> credential =
                post("SELECT 1", "X-Presto-User", "a", "X-Presto-Extra-Credential", "secretvalue%zz");
        assertText(credential, 400, "X-Presto-Extra-Credential");
        assertThat(credential.body()).doesNotContain("secretvalue");
    }

    @Test
    void parsesSessionHeadersIntoTheClientSession() throws Exception {
        int before = server.service.sessions.size();
        json(post("SELECT paged",
                "X-Trino-User", "carol",
                "X-Trino-Source", "trino-jdbc",
                "X-Trino-Catalog", "tpch",
                "X-Trino-Schema", "tiny",
                "X-Trino-Time-Zone", "Europe/Berlin",
                "X-Trino-Language", "de-DE",
                "X-Trino-Session", "query_max_run_time=10s,tpch.split_size=100",
                "X-Trino-Session", "greeting=hello+world%21",
                "X-Trino-Prepared-Statement", "statement1=SELECT+%3F%2C+1",
                "X-Trino-Prepared-Statement", "q0=SELECT+1,q1=SELECT+2",
                "X-Trino-Client-Tags", "a, b",
                "X-Trino-Client-Capabilities", "PATH,PARAMETRIC_DATETIME,SESSION_AUTHORIZATION",
                "X-Trino-Resource-Estimate", "EXECUTION_TIME=1h,PEAK_MEMORY=2GB",
                "X-Trino-Role", "tpch=ROLE%7Badmin%7D",
                "X-Trino-Extra-Credential", "token=abc",
                "X-Trino-Transaction-Id", "NONE",
                "X-Trino-Trace-Token", "trace-1",
                "X-Trino-Client-Info", "info",
                "X-Trino-Query-Data-Encoding", "json+zstd,json"));
        ClientSession session = server.service.sessions.get(before);
        assertThat(session.user()).isEqualTo("carol");
        assertThat(session.source()).hasValue("trino-jdbc");
        assertThat(session.catalog()).hasValue("tpch");
        assertThat(session.schema()).hasValue("tiny");
        assertThat(session.timeZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(session.locale()).isEqualTo("de-DE");
        assertThat(session.systemProperties())
                .isEqualTo(Map.of("query_max_run_time", "10s", "greeting", "hello world!"));
        assertThat(session.catalogProperties()).isEqualTo(Map.of("tpch", Map.of("split_size", "100")));
        assertThat(session.preparedStatements())
                .isEqualTo(Map.of("statement1", "SELECT ?, 1", "q0", "SELECT 1", "q1", "SELECT 2"));
        assertThat(session.clientTags()).isEqualTo(Set.of("a", "b"));
        assertThat(session.clientCapabilities()).isEqualTo(Set.of("PATH", "PARAMETRIC_DATETIME", "SESSION_AUTHORIZATION"));
        assertThat(session.traceToken()).hasValue("trace-1");
        assertThat(session.clientInfo()).hasValue("info");
    }

    @Test
    void headRoutesCheckTheUserAndTouchTheQueryWithoutFetching() throws Exception {
        HttpResponse<String> ok = method("HEAD", server.uri("/v1/statement"), "X-Trino-User", "alice");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(method("HEAD", server.uri("/v1/statement")).statusCode()).isEqualTo(401);

        JsonNode submitted = json(post("SELECT paged", "X-Trino-User", "alice"));
        int fetches = server.service.fetches.get();
        int heartbeats = server.service.heartbeats.get();
        assertThat(method("HEAD", next(submitted), "X-Trino-User", "alice").statusCode()).isEqualTo(200);
        assertThat(server.service.fetches.get()).isEqualTo(fetches);
        assertThat(server.service.heartbeats.get()).isEqualTo(heartbeats + 1);
        URI unknown = URI.create(next(submitted).toString().replace("/x", "/xwrong"));
        assertThat(method("HEAD", unknown).statusCode()).isEqualTo(404);
        // The page was not consumed by the HEAD: token 1 of the queued phase is still served.
        assertThat(get(next(submitted)).statusCode()).isEqualTo(200);
    }

    @Test
    void deleteCancelsTheQuery() throws Exception {
        JsonNode submitted = json(post("SELECT paged", "X-Presto-User", "alice"));
        HttpResponse<String> deleted = method("DELETE", next(submitted), "X-Presto-User", "alice");
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertThat(server.service.canceled).anyMatch(id -> id.toString().equals(submitted.get("id").asText()));
        URI unknown = URI.create(next(submitted).toString().replace("/x", "/xwrong"));
        assertText(method("DELETE", unknown), 404, "Query not found");
    }

    @Test
    void encodesEveryTypeAsTheClientsExpect() throws Exception {
        JsonNode submitted = json(post("SELECT all_types", "X-Trino-User", "alice"));
        JsonNode queued = json(get(next(submitted)));
        HttpResponse<String> response = get(next(queued));
        JsonNode results = json(response);
        assertThat(results.has("nextUri")).isFalse();
        String body = response.body();
        String data = body.substring(body.indexOf("\"data\":") + 7, body.indexOf(",\"stats\":"));
        assertThat(data).isEqualTo("["
                + "[true,1,2,3,4,1.1,1.0,\"123.40\",\"12345678901234567890.12345\",\"h\u00e9llo\",\"x\\\"y\",\"ab  \",\"aGk=\",\"2025-11-26\",null],"
                + "[false,-128,-32768,-2147483648,-9223372036854775808,\"NaN\",\"-Infinity\",\"-0.05\",\"-1.00000\",\"\",\"\",\"    \",\"\",\"+10000-01-01\",null],"
                + "[null,null,null,null,null,null,0.0025,null,null,null,null,null,null,null,null]]");
        JsonNode columns = results.get("columns");
        assertThat(columns).hasSize(15);
        assertThat(columns.get(7).toString()).isEqualTo("{\"name\":\"dec\",\"type\":\"decimal(12,2)\",\"typeSignature\":"
                + "{\"rawType\":\"decimal\",\"arguments\":[{\"kind\":\"LONG\",\"value\":12},{\"kind\":\"LONG\",\"value\":2}]}}");
        assertThat(columns.get(10).toString()).isEqualTo("{\"name\":\"vu\",\"type\":\"varchar\",\"typeSignature\":"
                + "{\"rawType\":\"varchar\",\"arguments\":[{\"kind\":\"LONG\",\"value\":2147483647}]}}");
        assertThat(columns.get(11).toString()).isEqualTo("{\"name\":\"c\",\"type\":\"char(4)\",\"typeSignature\":"
                + "{\"rawType\":\"char\",\"arguments\":[{\"kind\":\"LONG\",\"value\":4}]}}");
        assertThat(columns.get(14).get("typeSignature").toString()).isEqualTo("{\"rawType\":\"unknown\",\"arguments\":[]}");
    }

    @Test
    void failedQueryCarriesTheErrorInA200() throws Exception {
        JsonNode submitted = json(post("SELEC 1", "X-Trino-User", "alice"));
        JsonNode failed = json(get(next(submitted)));
        assertThat(failed.has("nextUri")).isFalse();
        assertThat(failed.get("stats").get("state").asText()).isEqualTo("FAILED");
        assertThat(failed.get("error").toString()).isEqualTo("{\"message\":\"line 1:1: mismatched input 'SELEC'\","
                + "\"errorCode\":1,\"errorName\":\"SYNTAX_ERROR\",\"errorType\":\"USER_ERROR\","
                + "\"errorLocation\":{\"lineNumber\":1,\"columnNumber\":1},"
                + "\"failureInfo\":{\"type\":\"io.quarry.sql.ParsingException\",\"message\":\"line 1:1: mismatched input 'SELEC'\","
                + "\"suppressed\":[],\"stack\":[],\"errorLocation\":{\"lineNumber\":1,\"columnNumber\":1}}}");
        assertThat(failed.has("sqlState")).isFalse();
    }

    @Test
    void validatesAndCapsLongPollParameters() throws Exception {
        JsonNode submitted = json(post("SELECT paged", "X-Trino-User", "alice"));
        URI queued = next(submitted);
        assertText(get(URI.create(queued + "?maxWait=soon")), 400, "maxWait");
        assertText(get(URI.create(queued + "?targetResultSize=big")), 400, "targetResultSize");

        int before = server.service.maxWaits.size();
        JsonNode queuedResults = json(get(URI.create(queued + "?maxWait=500ms")));
        assertThat(server.service.maxWaits.get(before)).isEqualTo(Duration.ofMillis(500));
        URI executing = next(queuedResults);
        json(get(URI.create(executing + "?maxWait=5m&targetResultSize=1GB")));
        assertThat(server.service.maxWaits.get(before + 1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(server.service.targetResultBytes.get(before + 1)).isEqualTo(128L << 20);
        json(get(executing));
        assertThat(server.service.maxWaits.get(before + 2)).isEqualTo(Duration.ofSeconds(1));
        assertThat(server.service.targetResultBytes.get(before + 2)).isEqualTo(1L << 20);
    }

    @Test
    void internalFailuresAreAGeneric500() throws Exception {
        JsonNode submitted = json(post("SELECT boom", "X-Trino-User", "alice"));
        HttpResponse<String> response = get(next(submitted));
        assertText(response, 500, "Internal server error");
        assertThat(response.body()).doesNotContain("fake engine bug");
    }

    @Test
    void aCoordinatorThatCannotTakeQueriesAnswers503() throws Exception {
        assertText(post("SELECT while_shutting_down", "X-Trino-User", "alice"), 503, "shutting down");
    }

    @Test
    void unknownRoutesAndWrongMethods() throws Exception {
        assertText(method("PUT", server.uri("/v1/statement"), "X-Trino-User", "a"), 405, "HTTP method not allowed");
        assertText(method("GET", server.uri("/v1/statement"), "X-Trino-User", "a"), 405, "HTTP method not allowed");
        assertText(method("GET", server.uri("/v1/nothing")), 404, "could not be found");
        assertText(method("GET", server.uri("/v2/statement")), 404, "could not be found");
    }

    @Test
    void bodiesAboveTheContentLimitAre413() throws Exception {
        // A raw socket: the server answers as soon as it sees the declared length, before the body is sent
        // (java.net.http would report the closed connection instead of the answer).
        URI uri = server.uri("/v1/statement");
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(20_000);
            String request = "POST /v1/statement HTTP/1.1\r\nHost: localhost\r\nX-Trino-User: alice\r\n"
                    + "Content-Type: text/plain\r\nContent-Length: " + (9 * 1024 * 1024) + "\r\n\r\nSELECT '";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            BufferedReader reader = new BufferedReader(
                    new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String statusLine = reader.readLine();
            assertThat(statusLine).startsWith("HTTP/1.1 413");
            String line;
            boolean textPlain = false;
            while ((line = reader.readLine()) != null && !line.isEmpty()) {
                textPlain |= line.toLowerCase(Locale.ROOT).startsWith("content-type: text/plain");
            }
            assertThat(textPlain).isTrue();
        }
    }
}
