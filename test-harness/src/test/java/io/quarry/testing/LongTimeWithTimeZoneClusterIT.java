package io.quarry.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code time(p) with time zone} of two longs between two workers: values cross the exchanges (pages through Kryo) and
 * are hash-partitioned by their UTC time of day, so equal values at different offsets meet in one join or group.
 * Expected values from Trino 476.
 */
class LongTimeWithTimeZoneClusterIT {
    private static QuarryCluster cluster;

    @BeforeAll
    static void start() {
        cluster = QuarryCluster.withWorkers(2);
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    private static StatementClient.Result execute(String sql) {
        StatementClient client = new StatementClient(cluster.coordinatorUri(), "X-Trino-", Map.of("User", "test", "Catalog", "tpch",
                "Schema", "tiny", "Session", "join_distribution_type=PARTITIONED", "Client-Capabilities", "PARAMETRIC_DATETIME"));
        StatementClient.Result result = client.execute(sql);
        assertThat(result.error()).as(sql).isEmpty();
        return result;
    }

    private static List<List<Object>> rows(String sql) {
        return execute(sql).rows();
    }

    /** The same instant an hour ahead at +01:00 and at +00:00, to the picosecond. */
    private static String time(String table, int hourShift, String offset) {
        return "(SELECT CAST(format('%02d:00:00.000000000%03d " + offset + "', orderkey % 23 + " + hourShift + ", orderkey % 1000) "
                + "AS time(12) with time zone) t FROM tpch.tiny." + table + ")";
    }

    @Test
    void partitionedJoinMatchesEqualTimesAtOtherOffsets() {
        assertThat(rows("SELECT count(*), count(DISTINCT a.t) FROM " + time("orders", 1, "+01:00") + " a JOIN "
                + time("lineitem", 0, "+00:00") + " b ON a.t = b.t")).containsExactly(List.of(60175, 15000));
    }

    @Test
    void groupsByTheUtcTimeOfDay() {
        String times = "(SELECT CAST(format('%02d:00:00.000000000%03d +0%d:00', orderkey % 20 + orderkey % 3, orderkey % 7, orderkey % 3) "
                + "AS time(11) with time zone) t FROM tpch.tiny.lineitem)";
        assertThat(rows("SELECT count(*) FROM (SELECT t FROM " + times + " GROUP BY t)")).containsExactly(List.of(40));
        assertThat(rows("SELECT CAST(t AT TIME ZONE 'UTC' AS varchar), c FROM (SELECT t, count(*) c FROM " + times + " GROUP BY t) "
                + "ORDER BY t LIMIT 2")).containsExactly(List.of("00:00:00.00000000000+00:00", 2147), List.of("00:00:00.00000000001+00:00", 854));
    }

    @Test
    void memoryTablesKeepEveryDigit() {
        execute("CREATE TABLE memory.default.timetz_cluster AS SELECT orderkey, t FROM " + time("orders", 0, "-05:30").replace(") t FROM", ") t, orderkey FROM"));
        try {
            assertThat(rows("SELECT CAST(max(t) AS varchar), CAST(min(t) AS varchar), count(DISTINCT t), typeof(max(t)) FROM memory.default.timetz_cluster"))
                    .containsExactly(List.of("18:00:00.000000000998-05:30", "19:00:00.000000000000-05:30", 15000, "time(12) with time zone"));
        } finally {
            execute("DROP TABLE memory.default.timetz_cluster");
        }
    }
}
