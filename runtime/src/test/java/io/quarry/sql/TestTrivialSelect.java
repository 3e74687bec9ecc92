package io.quarry.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.spi.ConnectorMetadata;
import io.quarry.spi.QueryId;
import io.quarry.spi.Session;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TestTrivialSelect {
    private static final MetadataProvider NO_CATALOGS = new MetadataProvider() {
        @Override
        public Set<String> catalogNames() {
            return Set.of();
        }

        @Override
        public Optional<ConnectorMetadata> catalog(String name) {
            return Optional.empty();
        }
    };
    private static final Session SESSION = new Session(QueryId.valueOf("20000101_000000_00000_trivi"), "test",
            Optional.empty(), Optional.empty(), Optional.empty(), ZoneOffset.UTC, "en", Map.of(), Map.of(), 0);

    @Test
    void samePlanAsCalciteForIntegerSelects() {
        for (String sql : List.of("SELECT 1", "select 1, 2", "  Select\n 2147483647 ", "SELECT 01,0")) {
            Optional<QueryPlan> shortcut = TrivialSelect.plan(sql);
            assertThat(shortcut).as(sql).isPresent();
            assertThat(shortcut.get()).as(sql).isEqualTo(calcitePlan(sql));
        }
    }

    @Test
    void leavesEverythingElseToCalcite() {
        for (String sql : List.of(
                "SELECT 2147483648", "SELECT -1", "SELECT 1 AS x", "SELECT 1;", "SELECT 1 -- c", "SELECT 1.0",
                "SELECT 1 FROM t", "SELECT 1 WHERE true", "SELECT '1'", "SELECT", "VALUES 1", "SELECT 1,")) {
            assertThat(TrivialSelect.plan(sql)).as(sql).isEmpty();
        }
    }

    /** The full planner with the shortcut bypassed (it never matches text with a leading comment). */
    private static QueryPlan calcitePlan(String sql) {
        return new SqlPlanner(NO_CATALOGS).plan("/* full planner */ " + sql, SESSION);
    }
}
