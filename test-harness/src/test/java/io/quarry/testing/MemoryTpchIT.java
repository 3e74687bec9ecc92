package io.quarry.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * TPC-H tiny copied into the memory catalog with CREATE TABLE AS (the copies spread over two workers): the 22
 * queries over the copies give the expected answers, as they do over the tpch connector.
 */
class MemoryTpchIT {
    private static final List<String> TABLES =
            List.of("region", "nation", "supplier", "customer", "part", "partsupp", "orders", "lineitem");

    private static QuarryCluster cluster;

    @BeforeAll
    static void start() {
        cluster = QuarryCluster.withWorkers(2);
        StatementClient memory = cluster.client("memory", "default");
        assertThat(memory.execute("CREATE SCHEMA memory.tiny").error()).isEmpty();
        for (String table : TABLES) {
            StatementClient.Result copied = memory.execute("CREATE TABLE memory.tiny." + table + " AS SELECT * FROM tpch.tiny." + table);
            assertThat(copied.error()).as("copy of %s", table).isEmpty();
            long source = ((Number) cluster.client("tpch", "tiny").execute("SELECT count(*) FROM " + table).rows().get(0).get(0))
                    .longValue();
            assertThat(((Number) copied.rows().get(0).get(0)).longValue()).as("rows copied of %s", table).isEqualTo(source);
        }
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void allTwentyTwoQueriesMatchOverTheMemoryCopies() {
        StatementClient client = cluster.client("memory", "tiny");
        for (int query = 1; query <= 22; query++) {
            TpchConformance.assertMatches(client, String.format("q%02d", query));
        }
    }
}
