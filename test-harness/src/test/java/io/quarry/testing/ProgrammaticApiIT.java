package io.quarry.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarry.block.DoubleBlock;
import io.quarry.client.ClientSession;
import io.quarry.client.ClusterNode;
import io.quarry.client.QueryRunner;
import io.quarry.client.ResultColumn;
import io.quarry.spi.ErrorCode;
import io.quarry.type.Types;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The programmatic actor API, without HTTP, on a coordinator with two workers. */
class ProgrammaticApiIT {
    private static QuarryCluster cluster;
    private static QueryRunner runner;

    @BeforeAll
    static void start() {
        cluster = QuarryCluster.withWorkers(2);
        runner = new QueryRunner(cluster.coordinator().node().service());
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    private static ClientSession session() {
        return ClientSession.forUser("api").withCatalogSchema("tpch", "tiny");
    }

    @Test
    void q6ArrivesAsColumnarPages() throws Exception {
        QueryRunner.CollectedResult result = runner.collect(session(), TpchConformance.query("q06"))
                .toCompletableFuture()
                .get(60, TimeUnit.SECONDS);
        result.outcome().orThrow();
        assertThat(result.outcome().columns()).containsExactly(new ResultColumn("revenue", Types.DOUBLE));
        assertThat(result.rowCount()).isEqualTo(1);
        double revenue = ((DoubleBlock) result.pages().stream().filter(p -> p.positionCount() > 0).findFirst().orElseThrow()
                        .block(0))
                .getDouble(0);
        JsonNode expected = new ObjectMapper()
                .readTree(Files.readString(ExpectedResult.conformanceDirectory().resolve("tpch/tiny/q06.json")));
        double expectedRevenue = expected.path("rows").get(0).get(0).asDouble();
        assertThat(revenue).isCloseTo(expectedRevenue, org.assertj.core.data.Percentage.withPercentage(1e-4));
        assertThat(result.outcome().stats().processedRows()).isEqualTo(60175);
    }

    @Test
    void failuresCarryTheirErrorCode() throws Exception {
        QueryRunner.Outcome outcome = runner.execute(session(), "SELECT * FROM missing_table", page -> {})
                .toCompletableFuture()
                .get(60, TimeUnit.SECONDS);
        assertThat(outcome.failure()).isPresent();
        assertThat(outcome.failure().get().errorCode()).isEqualTo(ErrorCode.TABLE_NOT_FOUND);
    }

    @Test
    void membershipShowsTheWorkers() throws Exception {
        List<ClusterNode> nodes = cluster.coordinator().node().service().nodes().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(nodes).extracting(ClusterNode::nodeId).containsExactlyInAnyOrder("worker-1", "worker-2");
        assertThat(nodes).allSatisfy(node -> {
            assertThat(node.failed()).isFalse();
            assertThat(node.roles()).containsExactly("worker");
        });
    }
}
