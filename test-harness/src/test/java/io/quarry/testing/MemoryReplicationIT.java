package io.quarry.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.connector.informationschema.InformationSchemaConnector;
import io.quarry.connector.memory.MemoryConnector;
import io.quarry.connector.memory.MemoryMetadata;
import io.quarry.connector.memory.MemorySplit;
import io.quarry.spi.Connector;
import io.quarry.spi.SchemaTableName;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Memory tables keep {@code memory.replication-factor} copies (default 2) of every piece on distinct workers: a
 * scan still returns every row exactly once after a worker holding data leaves, and the coordinator restores the
 * second copy of what that worker held on the workers that remain.
 */
class MemoryReplicationIT {
    private static final SchemaTableName LINEITEM = new SchemaTableName("default", "lineitem");
    private static final String COUNT = "SELECT count(*) FROM lineitem";
    private static final String CHECKSUM = "SELECT sum(orderkey * 7 + linenumber) FROM lineitem";

    private static StatementClient.Result ok(StatementClient client, String sql) {
        StatementClient.Result result = client.execute(sql);
        assertThat(result.error()).as("error of %s", sql).isEmpty();
        assertThat(result.state()).isEqualTo("FINISHED");
        return result;
    }

    private static long number(StatementClient client, String sql) {
        return ((Number) ok(client, sql).rows().get(0).get(0)).longValue();
    }

    private static MemoryConnector memoryConnector(QuarryCluster.Node node) {
        Connector connector = node.node().catalogs().require("memory");
        if (connector instanceof InformationSchemaConnector wrapper) {
            connector = wrapper.delegate();
        }
        return (MemoryConnector) connector;
    }

    private static MemoryMetadata metadata(QuarryCluster cluster) {
        return memoryConnector(cluster.coordinator()).metadata();
    }

    private static long tableId(QuarryCluster cluster) {
        return ((MemorySplit) metadata(cluster).splits(LINEITEM).get(0)).tableId();
    }

    /** Every piece has {@code copies} distinct holders, each a node in {@code nodes} that holds all its rows. */
    private static boolean replicated(QuarryCluster cluster, int copies, List<QuarryCluster.Node> nodes) {
        long tableId = tableId(cluster);
        Map<String, List<String>> holders = metadata(cluster).holders(LINEITEM);
        for (Map.Entry<String, List<String>> piece : holders.entrySet()) {
            if (piece.getValue().size() != copies || piece.getValue().stream().distinct().count() != copies) {
                return false;
            }
            for (String holder : piece.getValue()) {
                Optional<QuarryCluster.Node> node = nodes.stream().filter(n -> n.config().nodeId().equals(holder)).findFirst();
                if (node.isEmpty() || memoryConnector(node.get()).store().rows(tableId, piece.getKey()) == 0) {
                    return false;
                }
            }
        }
        return !holders.isEmpty();
    }

    @Test
    void aTableKeepsEveryRowWhenAWorkerLeavesAndGetsItsSecondCopiesBack() {
        try (QuarryCluster cluster = QuarryCluster.withWorkers(3)) {
            StatementClient memory = cluster.client("memory", "default");
            StatementClient tpch = cluster.client("tpch", "tiny");
            long expectedCount = number(tpch, COUNT);
            long expectedChecksum = number(tpch, CHECKSUM);
            assertThat(ok(memory, "CREATE TABLE lineitem AS SELECT * FROM tpch.tiny.lineitem").rows())
                    .containsExactly(List.of((int) expectedCount));
            assertThat(number(memory, COUNT)).isEqualTo(expectedCount);
            assertThat(number(memory, CHECKSUM)).isEqualTo(expectedChecksum);
            // The statement reported success once every piece was on two workers.
            assertThat(replicated(cluster, 2, cluster.workers())).isTrue();
            long tableId = tableId(cluster);
            long rowsHeld = cluster.workers().stream()
                    .mapToLong(worker -> metadata(cluster).holders(LINEITEM).keySet().stream()
                            .mapToLong(piece -> memoryConnector(worker).store().rows(tableId, piece)).sum())
                    .sum();
            assertThat(rowsHeld).isEqualTo(2 * expectedCount);

            // A worker holding data leaves.
            QuarryCluster.Node leaving = cluster.workers().stream()
                    .filter(worker -> memoryConnector(worker).store().usedBytes() > 0)
                    .findFirst()
                    .orElseThrow();
            String leavingId = leaving.config().nodeId();
            leaving.http().stop().toCompletableFuture().join();
            leaving.node().close();
            Waits.until(Duration.ofSeconds(30), "the coordinator no longer uses " + leavingId,
                    () -> cluster.coordinator().node().service().nodes().toCompletableFuture().join().stream()
                            .noneMatch(node -> node.nodeId().equals(leavingId) && !node.failed()));
            assertThat(number(memory, COUNT)).isEqualTo(expectedCount);
            assertThat(number(memory, CHECKSUM)).isEqualTo(expectedChecksum);

            // The pieces it held get a second copy on the two workers left.
            List<QuarryCluster.Node> remaining = cluster.workers().stream()
                    .filter(worker -> !worker.config().nodeId().equals(leavingId))
                    .toList();
            Waits.until(Duration.ofSeconds(60), "every piece on two remaining workers", () -> replicated(cluster, 2, remaining));
            assertThat(metadata(cluster).holders(LINEITEM).values()).allSatisfy(holders -> assertThat(holders).doesNotContain(leavingId));
            assertThat(number(memory, COUNT)).isEqualTo(expectedCount);
            assertThat(number(memory, CHECKSUM)).isEqualTo(expectedChecksum);

            // Writes go on with the workers left, and DROP TABLE frees every copy.
            ok(memory, "INSERT INTO lineitem SELECT * FROM tpch.tiny.lineitem WHERE orderkey < 100");
            // a worker that a loaded machine's probes missed for a moment gets its copies a second later
            Waits.until(Duration.ofSeconds(30), "every piece on two remaining workers after the insert",
                    () -> replicated(cluster, 2, remaining));
            ok(memory, "DROP TABLE lineitem");
            assertThat(remaining).allSatisfy(worker -> assertThat(memoryConnector(worker).store().usedBytes()).isZero());
        }
    }

    @Test
    void theDefaultFactorWorksWithTwoWorkers() {
        try (QuarryCluster cluster = QuarryCluster.withWorkers(2)) {
            StatementClient memory = cluster.client("memory", "default");
            ok(memory, "CREATE TABLE lineitem AS SELECT * FROM tpch.tiny.lineitem");
            ok(memory, "INSERT INTO lineitem SELECT * FROM tpch.tiny.lineitem WHERE linenumber = 1");
            StatementClient tpch = cluster.client("tpch", "tiny");
            assertThat(number(memory, COUNT)).isEqualTo(number(tpch, COUNT) + number(tpch, COUNT + " WHERE linenumber = 1"));
            assertThat(number(memory, CHECKSUM))
                    .isEqualTo(number(tpch, CHECKSUM) + number(tpch, CHECKSUM + " WHERE linenumber = 1"));
            assertThat(metadata(cluster).replicationFactor()).isEqualTo(2);
            // a worker that a loaded machine's probes missed for a moment gets its copies a second later
            Waits.until(Duration.ofSeconds(30), "every piece on both workers", () -> replicated(cluster, 2, cluster.workers()));
            ok(memory, "DROP TABLE lineitem");
            assertThat(cluster.workers()).allSatisfy(worker -> assertThat(memoryConnector(worker).store().usedBytes()).isZero());
        }
    }

    @Test
    void theDefaultFactorKeepsOneCopyOnASingleNode() {
        try (QuarryCluster cluster = QuarryCluster.singleNode()) {
            StatementClient memory = cluster.client("memory", "default");
            ok(memory, "CREATE TABLE lineitem AS SELECT * FROM tpch.tiny.lineitem");
            StatementClient tpch = cluster.client("tpch", "tiny");
            assertThat(number(memory, COUNT)).isEqualTo(number(tpch, COUNT));
            assertThat(number(memory, CHECKSUM)).isEqualTo(number(tpch, CHECKSUM));
            assertThat(replicated(cluster, 1, cluster.nodes())).isTrue();
            ok(memory, "DROP TABLE lineitem");
            assertThat(memoryConnector(cluster.coordinator()).store().usedBytes()).isZero();
        }
    }
}
