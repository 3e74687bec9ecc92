package io.quarry.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A node in its own JVM with a small heap and the default memory limits, which it derives from that heap: queries
 * that would need many times the heap fail with a memory limit error, the JVM (which exits on any OutOfMemoryError)
 * stays up, and the node answers the next query. Of the 512 MB, Akka, Calcite, the planner and the tpch generator's
 * text pool for comments (about 300 MB once made) take about three quarters at rest, so the memory a failed query
 * held must leave the heap as soon as it leaves the accounting.
 */
class SmallHeapNodeIT {
    private static final String HUGE = "tpch.tiny.orders a CROSS JOIN tpch.tiny.orders b";
    private static final List<String> HUGE_QUERIES = List.of(
            "SELECT cardinality(array_agg(a.comment)) FROM " + HUGE,
            "SELECT count(*) FROM (SELECT a.custkey * 100000 + b.orderkey, count(*) FROM " + HUGE + " GROUP BY 1)",
            "SELECT a.comment, b.comment FROM " + HUGE + " ORDER BY a.totalprice + b.totalprice",
            "SELECT count(*) FROM " + HUGE + " WHERE a.orderkey * 100000 + b.custkey IN "
                    + "(SELECT c.orderkey * 100000 + d.orderkey FROM tpch.tiny.orders c CROSS JOIN tpch.tiny.orders d)",
            "SELECT cardinality(map_agg(a.orderkey * 100000 + b.orderkey, b.comment)) FROM " + HUGE);

    @Test
    void hugeQueriesFailCleanlyOnTheDefaultLimitsOfASmallHeap() {
        Path directory = QuarryProcess.newWorkDirectory("small-heap-");
        int httpPort = QuarryCluster.freePort();
        int clusterPort = QuarryCluster.freePort();
        Path etc = EtcDirectory.of("small-heap", ProcessCluster.ENVIRONMENT)
                .config("coordinator", "true")
                .config("node-scheduler.include-coordinator", "true")
                .config("http-server.http.host", "127.0.0.1")
                .config("http-server.http.port", Integer.toString(httpPort))
                .config("discovery.uri", "http://127.0.0.1:" + httpPort)
                .config("cluster.port", Integer.toString(clusterPort))
                .config("cluster.seed-nodes", "127.0.0.1:" + clusterPort)
                // no query.max-memory-per-node: the default comes from this heap
                .jvmOptions(List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:+ExitOnOutOfMemoryError"))
                .writeTo(directory.resolve("etc"));
        try (QuarryProcess node = QuarryProcess.start("small-heap", etc, directory)) {
            URI uri = URI.create("http://127.0.0.1:" + httpPort);
            node.awaitInfo(uri, ProcessCluster.START_TIMEOUT);
            StatementClient client = StatementClient.forCatalog(uri, "tpch", "tiny");
            Waits.until(Duration.ofSeconds(60), "the node runs queries",
                    () -> client.execute("SELECT count(*) FROM nation").error().isEmpty());

            for (String sql : HUGE_QUERIES) {
                StatementClient.Result result = client.execute(sql);
                assertThat(result.errorName())
                        .as("%s: %s\n%s", sql, result.error(), node.diagnostics())
                        .isIn("EXCEEDED_LOCAL_MEMORY_LIMIT", "EXCEEDED_GLOBAL_MEMORY_LIMIT");
                assertThat(node.isAlive()).as(node.diagnostics()).isTrue();
                StatementClient.Result next = client.execute("SELECT count(*) FROM nation");
                assertThat(next.error()).as(node.diagnostics()).isEmpty();
                assertThat(next.rows()).containsExactly(List.of(25));
            }
            assertThat(node.logText()).doesNotContain("OutOfMemoryError");
        }
    }
}
