package io.quarry.sql;

import io.quarry.spi.QueryId;
import io.quarry.spi.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TestExplore {
    @Test
    void explore() throws Exception {
        SqlPlanner planner = new SqlPlanner(TestingMetadata.INSTANCE);
        Session session = new Session(QueryId.valueOf("20240101_000000_00001_abcde"), "test", Optional.empty(),
                Optional.of("tpch"), Optional.of("tiny"), ZoneOffset.UTC, "en", Map.of(), Map.of(), 0);
        for (String sql : System.getProperty("explore.sql", "SELECT 1").split(";;")) {
            String text = sql.startsWith("@") ? Files.readString(Path.of(sql.substring(1))) : sql;
            try {
                QueryPlan plan = planner.plan(text, session);
                System.err.println("== " + text + "\n" + PlanPrinter.print(plan.root()) + plan.columnTypes());
            } catch (Exception e) {
                System.err.println("== " + text + "\n" + e);
                if (!(e instanceof io.quarry.spi.QuarryException q) || q.errorCode() == io.quarry.spi.ErrorCode.GENERIC_INTERNAL_ERROR) {
                    e.printStackTrace();
                }
            }
        }
    }
}
