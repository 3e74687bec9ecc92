package io.quarry.actor;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.connector.CatalogEntry;
import io.quarry.connector.CatalogManager;
import io.quarry.plan.PlanFragment;
import io.quarry.plan.PlanNode;
import io.quarry.plan.TableScan;
import io.quarry.spi.QueryId;
import io.quarry.spi.Session;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The statement planner carries equality filters on information_schema's schema and table names into the scan. */
class TestInformationSchemaFilters {
    private static final SqlStatementPlanner PLANNER = new SqlStatementPlanner(CatalogManager.withBuiltInConnectors(List.of(
            new CatalogEntry("tpch", "tpch", Map.of()), new CatalogEntry("memory", "memory", Map.of()))));
    private static final Session SESSION = new Session(QueryId.valueOf("20240101_000000_00001_abcde"), "test", Optional.empty(),
            Optional.of("tpch"), Optional.of("tiny"), ZoneId.of("UTC"), "en_US", Map.of(), Map.of(), 0);

    private static List<String> scannedTables(String sql) {
        List<String> tables = new ArrayList<>();
        for (PlanFragment fragment : PLANNER.plan(sql, SESSION).fragments()) {
            collect(fragment.root(), tables);
        }
        return tables;
    }

    private static void collect(PlanNode node, List<String> tables) {
        if (node instanceof TableScan scan) {
            tables.add(scan.table().toString());
        }
        node.sources().forEach(source -> collect(source, tables));
    }

    @Test
    void schemaAndTableEqualitiesNarrowTheListing() {
        assertThat(scannedTables("SELECT column_name FROM information_schema.columns "
                + "WHERE table_schema = 'tiny' AND table_name = 'nation'"))
                .containsExactly("information_schema.columns[table_schema='tiny'][table_name='nation']");
        assertThat(scannedTables("SELECT table_name FROM information_schema.tables WHERE 'tiny' = table_schema"))
                .containsExactly("information_schema.tables[table_schema='tiny']");
    }

    @Test
    void otherFiltersListEverything() {
        assertThat(scannedTables("SELECT table_name FROM information_schema.tables WHERE table_name LIKE 'n%'"))
                .containsExactly("information_schema.tables");
        assertThat(scannedTables("SELECT count(*) FROM nation WHERE name = 'x'")).containsExactly("tiny.nation");
    }
}
