package io.quarry.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarry.testing.ProtocolRequests.Response;
import io.quarry.testing.ProtocolRequests.ResultUri;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The statement protocol on one real node, request by request ({@code rest-protocol.md} §2): bad input is
 * a clear 4xx that creates no query, tokens repeat, continue and go stale as §2.4 says, session
 * properties are checked by the query, and every answer speaks the prefix of its request.
 */
class StatementProtocolIT {
    private static final Map<String, String> TRINO_USER = Map.of("X-Trino-User", "test");
    private static final Map<String, String> PRESTO_USER = Map.of("X-Presto-User", "test");

    private static QuarryCluster cluster;
    private static ProtocolRequests requests;

    @BeforeAll
    static void start() {
        cluster = QuarryCluster.singleNode();
        requests = new ProtocolRequests(cluster.coordinatorUri());
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    // ---- 1. bad input: a clear 4xx, and nothing changes ----

    @Test
    void postWithoutUserIs401AndCreatesNoQuery() {
        assertCreatesNoQuery(() -> {
            Response none = requests.post("SELECT 1", Map.of());
            assertThat(none.status()).isEqualTo(401);
            assertThat(none.contentType()).startsWith("text/plain");
            assertThat(none.body()).contains("X-Presto-User must be set");

            Response trinoWithoutUser = requests.post("SELECT 1", Map.of("X-Trino-Source", "test"));
            assertThat(trinoWithoutUser.status()).isEqualTo(401);
            assertThat(trinoWithoutUser.body()).contains("X-Trino-User must be set");

            Response blankUser = requests.post("SELECT 1", Map.of("X-Trino-User", " "));
            assertThat(blankUser.status()).isEqualTo(401);
        });
        assertThat(requests.head(cluster.coordinatorUri().resolve("/v1/statement"), Map.of()).status())
                .isEqualTo(401);
        assertThat(requests.head(cluster.coordinatorUri().resolve("/v1/statement"), TRINO_USER).status())
                .isEqualTo(200);
    }

    @Test
    void emptyStatementIs400WithMessage() {
        assertCreatesNoQuery(() -> {
            for (String sql : List.of("", "   \n\t ")) {
                Response response = requests.post(sql, TRINO_USER);
                assertThat(response.status()).as("POST of '%s'", sql).isEqualTo(400);
                assertThat(response.contentType()).startsWith("text/plain");
                assertThat(response.body()).isEqualTo("SQL statement is empty");
            }
        });
    }

    @Test
    void bothPrefixesAre400() {
        assertCreatesNoQuery(() -> {
            Response response = requests.post("SELECT 1", Map.of("X-Trino-User", "test", "X-Presto-User", "test"));
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.body()).contains("X-Trino-").contains("X-Presto-");

            Response mixedSession = requests.post("SELECT 1", Map.of("X-Trino-User", "test", "X-Presto-Catalog", "tpch"));
            assertThat(mixedSession.status()).isEqualTo(400);
        });
    }

    @Test
    void malformedSessionHeadersAre400() {
        assertCreatesNoQuery(() -> {
            for (String session : List.of("query_max_run_time", "a.b.c=1", "=1", "x=%zz")) {
                Response response = requests.post("SELECT 1", Map.of("X-Trino-User", "test", "X-Trino-Session", session));
                assertThat(response.status()).as("X-Trino-Session: %s", session).isEqualTo(400);
                assertThat(response.contentType()).startsWith("text/plain");
                assertThat(response.body()).as("X-Trino-Session: %s", session).contains("X-Trino-Session");
            }
            Response schemaWithoutCatalog = requests.post("SELECT 1", Map.of("X-Trino-User", "test", "X-Trino-Schema", "tiny"));
            assertThat(schemaWithoutCatalog.status()).isEqualTo(400);
            Response badZone = requests.post("SELECT 1", Map.of("X-Trino-User", "test", "X-Trino-Time-Zone", "Mars/Base"));
            assertThat(badZone.status()).isEqualTo(400);
            assertThat(badZone.body()).contains("Mars/Base");
        });
    }

    @Test
    void badResultUrisAre404Or410() {
        Response posted = requests.post("SELECT * FROM tpch.tiny.nation", TRINO_USER);
        assertThat(posted.status()).isEqualTo(200);
        URI queued = posted.nextUri().orElseThrow();
        ResultUri first = ResultUri.parse(queued);
        URI server = cluster.coordinatorUri();
        String otherQueryId = "20200101_000000_00001_aaaaa";
        String otherSlug = "x" + "0".repeat(32);

        assertCreatesNoQuery(() -> {
            assertNotFound(requests.get(first.withQueryId(otherQueryId).on(server), TRINO_USER));
            assertNotFound(requests.get(first.withSlug(otherSlug).on(server), TRINO_USER));
            assertNotFound(requests.get(first.withQueryId("NOT-A-QUERY-ID").on(server), TRINO_USER));
            assertNotFound(requests.get(first.withToken(Long.MAX_VALUE).on(server), TRINO_USER));
            assertNotFound(requests.get(server.resolve("/v1/statement/queued/" + first.queryId() + "/" + first.slug() + "/-1"), TRINO_USER));
            assertNotFound(requests.delete(first.withSlug(otherSlug).on(server), TRINO_USER));
            assertNotFound(requests.delete(first.withQueryId(otherQueryId).on(server), TRINO_USER));
            assertThat(requests.head(first.withSlug(otherSlug).on(server), TRINO_USER).status()).isEqualTo(404);
            assertThat(requests.head(first.withQueryId("NOT-A-QUERY-ID").on(server), TRINO_USER).status()).isEqualTo(404);
        });

        // Walk the query to its end, remembering each URI served.
        List<URI> served = new ArrayList<>();
        Response response = posted;
        while (response.nextUri().isPresent()) {
            URI next = response.nextUri().get();
            response = requests.get(next, TRINO_USER);
            assertThat(response.status()).as("GET %s", next).isEqualTo(200);
            served.add(next);
        }
        assertThat(response.state()).isEqualTo("FINISHED");
        ResultUri last = ResultUri.parse(served.get(served.size() - 1));
        assertThat(last.phase()).isEqualTo("executing");

        assertCreatesNoQuery(() -> {
            // The last token again: the identical final answer.
            Response repeated = requests.get(last.on(server), TRINO_USER);
            assertThat(repeated.status()).isEqualTo(200);
            assertThat(repeated.nextUri()).isEmpty();
            // Past the end: 404; wrong slug or query on the executing phase: 404.
            assertNotFound(requests.get(last.withToken(last.token() + 1).on(server), TRINO_USER));
            assertNotFound(requests.get(last.withToken(last.token() + 5).on(server), TRINO_USER));
            assertNotFound(requests.get(last.withSlug(otherSlug).on(server), TRINO_USER));
            assertNotFound(requests.get(last.withQueryId(otherQueryId).on(server), TRINO_USER));
            // An older token: 410, in both phases.
            if (last.token() > 0) {
                assertGone(requests.get(last.withToken(last.token() - 1).on(server), TRINO_USER));
            }
            assertGone(requests.get(first.withToken(0).on(server), TRINO_USER));
            // A phase that does not exist.
            Response badPhase = requests.get(server.resolve("/v1/statement/running/" + last.queryId() + "/" + last.slug() + "/0"), TRINO_USER);
            assertThat(badPhase.status()).isEqualTo(404);
        });
    }

    @Test
    void infoAndStatusNeedNoUser() {
        Response info = requests.get("/v1/info", Map.of());
        assertThat(info.status()).isEqualTo(200);
        assertThat(info.contentType()).startsWith("application/json");
        assertThat(info.json().path("coordinator").asBoolean()).isTrue();
        assertThat(info.json().has("uptime")).isTrue();

        Response status = requests.get("/v1/status", Map.of());
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.contentType()).startsWith("application/json");
        assertThat(status.json().path("nodeId").asText()).isEqualTo("coordinator");
    }

    // ---- 2. token semantics on a query with many responses ----

    @Test
    void repeatedTokenIsIdenticalNextContinuesOlderIsGone() {
        Response posted = requests.post("SELECT * FROM tpch.tiny.orders", TRINO_USER);
        URI queued = posted.nextUri().orElseThrow();

        // The queued phase: the same token twice is the same answer; token 0 is before the first one served.
        Response queuedFirst = requests.get(queued, TRINO_USER);
        Response queuedAgain = requests.get(queued, TRINO_USER);
        assertThat(queuedAgain.status()).isEqualTo(200);
        assertThat(queuedAgain.body()).isEqualTo(queuedFirst.body());
        assertGone(requests.get(ResultUri.parse(queued).withToken(0).on(cluster.coordinatorUri()), TRINO_USER));

        Response response = queuedFirst;
        List<String> rows = new ArrayList<>();
        int dataResponses = 0;
        long expectedToken = 0;
        while (response.nextUri().isPresent()) {
            URI next = response.nextUri().get();
            ResultUri served = ResultUri.parse(next);
            boolean executing = served.phase().equals("executing");
            // A small target size on executing URIs forces one page per response.
            URI request = executing ? ProtocolRequests.withQuery(next, "targetResultSize=1kB") : next;
            Response current = requests.get(request, TRINO_USER);
            assertThat(current.status()).as("GET %s", request).isEqualTo(200);
            Response repeated = requests.get(request, TRINO_USER);
            assertThat(repeated.status()).as("repeated GET %s", request).isEqualTo(200);
            assertThat(repeated.body()).as("repeated GET %s", request).isEqualTo(current.body());
            if (executing) {
                // Each nextUri is the token after the one just served; the one before it is gone now.
                assertThat(served.token()).isEqualTo(expectedToken);
                expectedToken++;
                if (served.token() > 0) {
                    assertGone(requests.get(served.withToken(served.token() - 1).on(cluster.coordinatorUri()), TRINO_USER));
                }
            }
            if (!current.rows().isEmpty()) {
                dataResponses++;
                rows.addAll(current.rows());
            }
            response = current;
        }
        assertThat(response.state()).isEqualTo("FINISHED");
        assertThat(dataResponses).as("responses with data").isGreaterThanOrEqualTo(4);
        assertThat(rows).hasSize(15000);
        Set<String> orderKeys = new HashSet<>();
        for (String row : rows) {
            orderKeys.add(row.substring(1, row.indexOf(',')));
        }
        assertThat(orderKeys).as("distinct order keys").hasSize(15000);
    }

    // ---- 3. session properties ----

    @Test
    void validSessionPropertyIsAccepted() {
        StatementClient.Result result = client(Map.of("Session", "query_max_run_time=10m"))
                .execute("SELECT count(*) FROM tpch.tiny.nation");
        assertThat(result.error()).isEmpty();
        assertThat(result.state()).isEqualTo("FINISHED");
        assertThat(result.rows()).containsExactly(List.of(25));
    }

    @Test
    void unknownSessionPropertyFailsTheQuery() {
        StatementClient.Result result = client(Map.of("Session", "no_such_property=1"))
                .execute("SELECT count(*) FROM tpch.tiny.nation");
        assertFailed(result, "INVALID_SESSION_PROPERTY", 14, "USER_ERROR");
        assertThat(result.error().get().path("message").asText()).contains("no_such_property");
    }

    @Test
    void badSessionPropertyValueFailsTheQuery() {
        StatementClient.Result result = client(Map.of("Session", "query_max_run_time=abc"))
                .execute("SELECT count(*) FROM tpch.tiny.nation");
        assertFailed(result, "INVALID_SESSION_PROPERTY", 14, "USER_ERROR");
        assertThat(result.error().get().path("message").asText()).contains("abc").contains("query_max_run_time");
    }

    @Test
    void queryMaxRunTimeFailsALongQuery() {
        // Scanning and filtering sf1's 6 M lineitem rows takes several seconds on this machine.
        StatementClient.Result result = client(Map.of("Session", "query_max_run_time=1s"))
                .execute("SELECT count(*) FROM tpch.sf1.lineitem WHERE comment LIKE '%x%'");
        assertFailed(result, "EXCEEDED_TIME_LIMIT", 131075, "INSUFFICIENT_RESOURCES");
        long elapsed = result.finalStats().path("elapsedTimeMillis").asLong();
        assertThat(elapsed).as("elapsed ms when the limit struck").isBetween(1000L, 5000L);
        Waits.until(java.time.Duration.ofSeconds(2), "the query's tasks to stop",
                () -> cluster.tasksOf(result.queryId()).isEmpty());
    }

    @Test
    void withSessionLimitsTheQueryItself() {
        StatementClient.Result result = client(Map.of())
                .execute("WITH SESSION query_max_run_time = '1s' SELECT count(*) FROM tpch.sf1.lineitem WHERE comment LIKE '%x%'");
        assertFailed(result, "EXCEEDED_TIME_LIMIT", 131075, "INSUFFICIENT_RESOURCES");
        assertThat(result.error().get().path("message").asText()).isEqualTo("Query exceeded maximum time limit of 1.00s");
    }

    // ---- 8. each answer in the prefix of its request ----

    @Test
    void prestoQueryAnswersOnlyInPrestoHeaders() {
        List<Response> responses = walk(Map.of("X-Presto-User", "test", "X-Presto-Catalog", "tpch", "X-Presto-Schema", "tiny"),
                PRESTO_USER);
        for (Response response : responses) {
            assertThat(response.headerNamesStartingWith("X-Trino-")).isEmpty();
        }
        assertThat(responses.get(responses.size() - 1).state()).isEqualTo("FINISHED");
    }

    @Test
    void trinoQueryAnswersOnlyInTrinoHeaders() {
        List<Response> responses = walk(Map.of("X-Trino-User", "test", "X-Trino-Catalog", "tpch", "X-Trino-Schema", "tiny"),
                TRINO_USER);
        for (Response response : responses) {
            assertThat(response.headerNamesStartingWith("X-Presto-")).isEmpty();
        }
        assertThat(responses.get(responses.size() - 1).state()).isEqualTo("FINISHED");
    }

    @Test
    void resultRequestWithBothPrefixesIs400() {
        Response posted = requests.post("SELECT 1", TRINO_USER);
        URI next = posted.nextUri().orElseThrow();
        Response mixed = requests.get(next, Map.of("X-Trino-User", "test", "X-Presto-User", "test"));
        assertThat(mixed.status()).isEqualTo(400);
        // The bad request consumed nothing: the token is still the next one.
        Response good = requests.get(next, TRINO_USER);
        assertThat(good.status()).isEqualTo(200);
        requests.delete(good.nextUri().orElse(next), TRINO_USER);
    }

    // ---- helpers ----

    private static List<Response> walk(Map<String, String> postHeaders, Map<String, String> followHeaders) {
        List<Response> responses = new ArrayList<>();
        Response response = requests.post("SELECT name FROM nation WHERE nationkey < 3", postHeaders);
        assertThat(response.status()).isEqualTo(200);
        responses.add(response);
        while (response.nextUri().isPresent()) {
            response = requests.get(response.nextUri().get(), followHeaders);
            assertThat(response.status()).isEqualTo(200);
            responses.add(response);
        }
        return responses;
    }

    private static StatementClient client(Map<String, String> extraHeaders) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("User", "test");
        headers.putAll(extraHeaders);
        return new StatementClient(cluster.coordinatorUri(), "X-Trino-", headers);
    }

    private static void assertFailed(StatementClient.Result result, String errorName, int errorCode, String errorType) {
        assertThat(result.state()).isEqualTo("FAILED");
        assertThat(result.error()).isPresent();
        JsonNode error = result.error().get();
        assertThat(error.path("errorName").asText()).isEqualTo(errorName);
        assertThat(error.path("errorCode").asInt()).isEqualTo(errorCode);
        assertThat(error.path("errorType").asText()).isEqualTo(errorType);
    }

    private static void assertNotFound(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("text/plain");
        assertThat(response.body()).isEqualTo("Query not found");
    }

    private static void assertGone(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(410);
        assertThat(response.contentType()).startsWith("text/plain");
    }

    /**
     * Runs {@code badRequests} between two probe queries and checks that the second probe's id follows the
     * first one's directly: the bad requests registered no query.
     */
    private static void assertCreatesNoQuery(Runnable badRequests) {
        String before = probe();
        badRequests.run();
        String after = probe();
        assertThat(counterOf(after))
                .as("query counter of %s after %s", after, before)
                .isEqualTo(sameDay(before, after) ? counterOf(before) + 1 : 1);
    }

    private static String probe() {
        StatementClient.Result result = cluster.client(null, null).execute("SELECT 1");
        assertThat(result.error()).isEmpty();
        return result.queryId();
    }

    private static int counterOf(String queryId) {
        return Integer.parseInt(queryId.split("_")[2]);
    }

    private static boolean sameDay(String first, String second) {
        return first.substring(0, 8).equals(second.substring(0, 8));
    }
}
