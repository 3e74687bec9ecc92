package io.quarry.actor;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.connector.CatalogEntry;
import io.quarry.connector.CatalogManager;
import io.quarry.spi.QueryId;
import io.quarry.spi.Session;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TestPlannerWarmUp {
    @Test
    void everyWarmUpStatementPlans() {
        SqlStatementPlanner planner = new SqlStatementPlanner(
                CatalogManager.withBuiltInConnectors(List.of(new CatalogEntry("tpch", "tpch", Map.of()))), 0);
        Session session = new Session(QueryId.valueOf("20260101_000000_00000_abcde"), "me", Optional.empty(),
                Optional.of("tpch"), Optional.of("sf1"), ZoneOffset.UTC, "en", Map.of(), Map.of(), 0);
        for (String statement : PlannerWarmUp.STATEMENTS) {
            PlannedQuery planned = planner.plan(statement, session);
            assertThat(planned.fragments()).as(statement).isNotEmpty();
        }
    }
}
