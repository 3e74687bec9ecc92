package io.quarry.http.resource;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarry.http.server.TestingHttpServer;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TestInfoStatusNodeResources {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AIRLIFT_DURATION = "\\d+\\.\\d{2}(ns|us|ms|s|m|h|d)";
    private static TestingHttpServer coordinator;
    private static TestingHttpServer worker;

    @BeforeAll
    static void start() throws Exception {
        coordinator = new TestingHttpServer(true);
        worker = new TestingHttpServer(false);
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            coordinator.close();
        } finally {
            worker.close();
        }
    }

    private static HttpResponse<String> get(TestingHttpServer server, String path, String... headers) throws Exception {
        HttpRequest.Builder request = server.request(path).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return server.send(request.build());
    }

    private static HttpResponse<String> putState(String contentType, String body) throws Exception {
        return coordinator.send(coordinator.request("/v1/info/state")
                .header("Content-Type", contentType)
                .PUT(BodyPublishers.ofString(body))
                .build());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        return JSON.readTree(response.body());
    }

    @Test
    void infoNeedsNoUserAndHasAnAirliftUptime() throws Exception {
        JsonNode info = json(get(coordinator, "/v1/info"));
        assertThat(info.get("nodeVersion").toString()).isEqualTo("{\"version\":\"0.1.0\"}");
        assertThat(info.get("environment").asText()).isEqualTo("test");
        assertThat(info.get("coordinator").asBoolean()).isTrue();
        assertThat(info.get("starting").asBoolean()).isFalse();
        assertThat(info.get("nodeId").asText()).isEqualTo("coordinator-1");
        // The fixture started "3 h 12 min ago".
        assertThat(info.get("uptime").asText()).matches(AIRLIFT_DURATION).matches("3\\.2\\dh");
        assertThat(json(get(worker, "/v1/info")).get("coordinator").asBoolean()).isFalse();
    }

    @Test
    void stateAndCoordinatorProbes() throws Exception {
        HttpResponse<String> state = get(coordinator, "/v1/info/state");
        assertThat(json(state).asText()).isEqualTo("ACTIVE");
        assertThat(state.body()).isEqualTo("\"ACTIVE\"");

        HttpResponse<String> isCoordinator = get(coordinator, "/v1/info/coordinator");
        assertThat(isCoordinator.statusCode()).isEqualTo(200);
        assertThat(isCoordinator.body()).isEmpty();
        assertThat(get(worker, "/v1/info/coordinator").statusCode()).isEqualTo(404);
    }

    @Test
    void putStateValidatesTheBody() throws Exception {
        assertThat(putState("application/json", "\"ACTIVE\"").statusCode()).isEqualTo(200);
        HttpResponse<String> notJson = putState("application/json", "SHUTTING_DOWN");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notJson.headers().firstValue("Content-Type").orElseThrow()).startsWithIgnoringCase("text/plain");
        assertThat(putState("application/json", "\"SLEEPING\"").body()).contains("Unknown node state: SLEEPING");
        assertThat(putState("application/json", "\"SLEEPING\"").statusCode()).isEqualTo(400);
        assertThat(putState("application/json", "42").statusCode()).isEqualTo(400);
        assertThat(putState("application/json", "\"INACTIVE\"").statusCode()).isEqualTo(400);
        assertThat(putState("text/plain", "\"ACTIVE\"").statusCode()).isEqualTo(415);
    }

    @Test
    void shuttingDownIsAcceptedAndReportedThenNoWayBack() throws Exception {
        try (TestingHttpServer node = new TestingHttpServer(false)) {
            HttpResponse<String> isolate = put(node, "\"ISOLATED\"");
            assertThat(isolate.statusCode()).isEqualTo(400);
            assertThat(isolate.body()).contains("Invalid state transition to ISOLATED");
            HttpResponse<String> shutdown = put(node, "\"SHUTTING_DOWN\"");
            assertThat(shutdown.statusCode()).isEqualTo(200);
            assertThat(shutdown.body()).isEmpty();
            assertThat(json(get(node, "/v1/info/state")).asText()).isEqualTo("SHUTTING_DOWN");
            assertThat(put(node, "\"SHUTTING_DOWN\"").statusCode()).isEqualTo(200);
            HttpResponse<String> back = put(node, "\"ACTIVE\"");
            assertThat(back.statusCode()).isEqualTo(400);
            assertThat(back.body()).contains("Invalid state transition to ACTIVE");
        }
    }

    private static HttpResponse<String> put(TestingHttpServer node, String body) throws Exception {
        return node.send(node.request("/v1/info/state")
                .header("Content-Type", "application/json")
                .PUT(BodyPublishers.ofString(body))
                .build());
    }

    @Test
    void statusReportsRealJvmFigures() throws Exception {
        JsonNode status = json(get(coordinator, "/v1/status"));
        assertThat(status.get("nodeId").asText()).isEqualTo("coordinator-1");
        assertThat(status.get("nodeVersion").get("version").asText()).isEqualTo("0.1.0");
        assertThat(status.get("environment").asText()).isEqualTo("test");
        assertThat(status.get("coordinator").asBoolean()).isTrue();
        assertThat(status.get("uptime").asText()).matches(AIRLIFT_DURATION);
        assertThat(status.get("externalAddress").asText()).isEqualTo("127.0.0.1");
        assertThat(status.get("internalAddress").asText()).isEqualTo("127.0.0.1");
        assertThat(status.get("processors").asInt()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(status.get("heapUsed").asLong()).isPositive();
        assertThat(status.get("heapAvailable").asLong()).isEqualTo(Runtime.getRuntime().maxMemory());
        assertThat(status.get("nonHeapUsed").asLong()).isPositive();
        assertThat(status.get("processCpuLoad").isDouble()).isTrue();
        assertThat(status.get("systemCpuLoad").isDouble()).isTrue();
        JsonNode memory = status.get("memoryInfo");
        assertThat(memory.get("availableProcessors").asInt()).isPositive();
        assertThat(memory.get("totalNodeMemory").asText()).matches("\\d+(\\.\\d{2})?(B|kB|MB|GB|TB|PB)");
        JsonNode general = memory.get("pools").get("general");
        assertThat(general.get("maxBytes").asLong()).isEqualTo(Runtime.getRuntime().maxMemory());
        assertThat(general.get("reservedBytes").asLong()).isZero();
        assertThat(general.get("reservedRevocableBytes").asLong()).isZero();
        assertThat(general.get("queryMemoryReservations").toString()).isEqualTo("{}");
        assertThat(general.get("queryMemoryAllocations").toString()).isEqualTo("{}");
        assertThat(general.get("queryMemoryRevocableReservations").toString()).isEqualTo("{}");
    }

    @Test
    void nodesNeedAUserAndListTheFailureDetectorView() throws Exception {
        HttpResponse<String> anonymous = get(coordinator, "/v1/node");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).isEqualTo("X-Presto-User must be set");
        assertThat(get(coordinator, "/v1/node/failed").statusCode()).isEqualTo(401);

        JsonNode nodes = json(get(coordinator, "/v1/node", "X-Trino-User", "ops"));
        assertThat(nodes).hasSize(2);
        JsonNode healthy = nodes.get(0);
        assertThat(healthy.get("uri").asText()).isEqualTo("http://10.0.0.12:8080");
        assertThat(healthy.get("age").asText()).matches(AIRLIFT_DURATION);
        assertThat(healthy.get("recentRequests").isDouble()).isTrue();
        assertThat(healthy.get("recentRequests").asDouble()).isEqualTo(120.0);
        assertThat(healthy.has("lastFailureInfo")).isFalse();
        assertThat(healthy.get("recentFailures").isDouble()).isTrue();
        assertThat(healthy.get("recentSuccesses").isDouble()).isTrue();
        assertThat(healthy.get("recentFailureRatio").asDouble()).isEqualTo(0.0);
        assertThat(healthy.get("recentFailureRatio").isDouble()).isTrue();
        Instant.parse(healthy.get("lastRequestTime").asText());
        Instant.parse(healthy.get("lastResponseTime").asText());
        assertThat(healthy.get("recentFailuresByType").toString()).isEqualTo("{}");
        assertThat(healthy.has("nodeId")).isFalse();
        assertThat(nodes.get(1).get("recentFailureRatio").asDouble()).isEqualTo(0.2);
        assertThat(nodes.get(1).get("recentFailuresByType").get("java.util.concurrent.TimeoutException").asDouble())
                .isEqualTo(20.0);
        assertThat(nodes.get(1).get("lastFailureInfo").get("message").asText()).isEqualTo("Probe failed: no answer");

        JsonNode failed = json(get(coordinator, "/v1/node/failed", "X-Presto-User", "ops"));
        assertThat(failed).hasSize(1);
        assertThat(failed.get(0).get("uri").asText()).isEqualTo("http://10.0.0.13:8080");
        assertThat(failed.get(0).get("lastResponseTime").asText()).isEqualTo("2025-11-26T10:14:55Z");
    }

    @Test
    void wrongMethodsAre405() throws Exception {
        HttpResponse<String> response = coordinator.send(
                coordinator.request("/v1/info").POST(BodyPublishers.ofString("x")).build());
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("GET");
        assertThat(coordinator.send(coordinator.request("/v1/status").DELETE().build()).statusCode()).isEqualTo(405);
        assertThat(coordinator.send(coordinator.request("/v1/node").DELETE().header("X-Trino-User", "a").build())
                .statusCode()).isEqualTo(405);
    }
}
