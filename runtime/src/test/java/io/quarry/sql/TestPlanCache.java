package io.quarry.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.connector.memory.MemoryMetadata;
import io.quarry.connector.tpch.TpchColumnNaming;
import io.quarry.connector.tpch.TpchConnector;
import io.quarry.plan.TableScan;
import io.quarry.spi.ColumnMetadata;
import io.quarry.spi.ConnectorMetadata;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.spi.QueryId;
import io.quarry.spi.SchemaTableName;
import io.quarry.spi.Session;
import io.quarry.spi.TableMetadata;
import io.quarry.spi.ViewDefinition;
import io.quarry.spi.WriteTarget;
import io.quarry.spi.WrittenFragment;
import io.quarry.type.Types;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TestPlanCache {
    private static final SchemaTableName T = new SchemaTableName("default", "t");
    private static final String Q6 = "SELECT sum(extendedprice * discount) FROM lineitem"
            + " WHERE shipdate >= DATE '1994-01-01' AND discount BETWEEN 0.05 AND 0.07 AND quantity < 24";

    private final Catalogs catalogs = new Catalogs();
    private final SqlPlanner planner = new SqlPlanner(catalogs);

    @Test
    void samePlanForTheSameTextAndSession() {
        QueryPlan first = planner.plan(Q6, session("tpch", "tiny"));
        assertThat(planner.plan(Q6, session("tpch", "tiny"))).isSameAs(first);
        assertThat(planner.plan("SELECT 1", session("tpch", "tiny")))
                .isSameAs(planner.plan("SELECT 1", session("tpch", "tiny")));
    }

    @Test
    void otherSessionsPlanAgain() {
        QueryPlan tiny = planner.plan(Q6, session("tpch", "tiny"));
        QueryPlan sf1 = planner.plan(Q6, session("tpch", "sf1"));
        assertThat(sf1).isNotSameAs(tiny);
        assertThat(scan(sf1).table().schema()).isEqualTo("sf1");
        assertThat(scan(tiny).table().schema()).isEqualTo("tiny");

        Session broadcast = new Session(QueryId.valueOf("20260101_000000_00001_abcde"), "me", Optional.empty(),
                Optional.of("tpch"), Optional.of("tiny"), ZoneOffset.UTC, "en",
                Map.of("join_distribution_type", "BROADCAST"), Map.of(), 1);
        assertThat(planner.plan(Q6, broadcast)).isNotSameAs(tiny);
        assertThat(planner.plan(Q6, session("tpch", "tiny", ZoneId.of("Asia/Tokyo")))).isNotSameAs(tiny);
        assertThat(planner.plan(Q6 + " ", session("tpch", "tiny"))).isNotSameAs(tiny);
    }

    @Test
    void writesMakePlansStale() {
        catalogs.memory.createTable(new TableMetadata(T, List.of(new ColumnMetadata("a", Types.BIGINT))));
        String sql = "SELECT a FROM t";
        QueryPlan empty = planner.plan(sql, session("memory", "default"));
        assertThat(planner.plan(sql, session("memory", "default"))).isSameAs(empty);

        WriteTarget insert = catalogs.memory.beginInsert(T, "w1");
        // an uncommitted write changes nothing yet
        assertThat(planner.plan(sql, session("memory", "default"))).isSameAs(empty);
        catalogs.memory.finishWrite(insert, List.of(new WrittenFragment("node", "d1", 1000, 8000, "")));
        QueryPlan inserted = planner.plan(sql, session("memory", "default"));
        assertThat(inserted).isNotSameAs(empty);
        assertThat(planner.plan(sql, session("memory", "default"))).isSameAs(inserted);

        catalogs.memory.dropTable(T);
        assertThatThrownBy(() -> planner.plan(sql, session("memory", "default")))
                .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.TABLE_NOT_FOUND));

        catalogs.memory.createTable(new TableMetadata(T, List.of(new ColumnMetadata("a", Types.VARCHAR))));
        QueryPlan recreated = planner.plan(sql, session("memory", "default"));
        assertThat(recreated.columnTypes()).containsExactly(Types.VARCHAR);
        assertThat(inserted.columnTypes()).containsExactly(Types.BIGINT);
    }

    @Test
    void aReplacedViewMakesPlansReadingItStale() {
        catalogs.memory.createTable(new TableMetadata(T, List.of(new ColumnMetadata("a", Types.BIGINT))));
        SchemaTableName v = new SchemaTableName("default", "v");
        catalogs.memory.createView(v, new ViewDefinition("SELECT a FROM t", Optional.of("memory"), Optional.of("default"),
                List.of(new ColumnMetadata("a", Types.BIGINT))), false);
        QueryPlan first = planner.plan("SELECT * FROM v", session("memory", "default"));
        assertThat(first.columnTypes()).containsExactly(Types.BIGINT);

        catalogs.memory.createView(v, new ViewDefinition("SELECT a, a + 1 AS b FROM t", Optional.of("memory"),
                Optional.of("default"), List.of(new ColumnMetadata("a", Types.BIGINT), new ColumnMetadata("b", Types.BIGINT))),
                true);

        assertThat(planner.plan("SELECT * FROM v", session("memory", "default")).columnTypes())
                .containsExactly(Types.BIGINT, Types.BIGINT);
    }

    @Test
    void aNewSchemaOrTableCanChangeWhatANameMeans() {
        catalogs.memory.createTable(new TableMetadata(T, List.of(new ColumnMetadata("a", Types.BIGINT))));
        QueryPlan plan = planner.plan("SELECT count(*) FROM t", session("memory", "default"));
        catalogs.memory.createSchema("other");
        assertThat(planner.plan("SELECT count(*) FROM t", session("memory", "default"))).isNotSameAs(plan);
    }

    @Test
    void aReplacedCatalogMakesPlansStale() {
        QueryPlan plan = planner.plan(Q6, session("tpch", "tiny"));
        catalogs.tpch = new TpchConnector(TpchColumnNaming.SIMPLIFIED).metadata();
        assertThat(planner.plan(Q6, session("tpch", "tiny"))).isNotSameAs(plan);
    }

    @Test
    void catalogsWithoutVersionsAreNeverCached() {
        catalogs.unversioned = true;
        QueryPlan plan = planner.plan(Q6, session("tpch", "tiny"));
        assertThat(planner.plan(Q6, session("tpch", "tiny"))).isNotSameAs(plan);
    }

    @Test
    void plansHoldingTheStartTimeAreNeverCached() {
        String sql = "SELECT current_date, a FROM t";
        catalogs.memory.createTable(new TableMetadata(T, List.of(new ColumnMetadata("a", Types.BIGINT))));
        Session first = session("memory", "default");
        Session dayLater = new Session(first.queryId(), first.user(), first.source(), first.catalog(), first.schema(),
                first.timeZone(), first.locale(), Map.of(), Map.of(), first.startTimeMillis() + 86_400_000L);
        QueryPlan today = planner.plan(sql, first);
        QueryPlan tomorrow = planner.plan(sql, dayLater);
        assertThat(tomorrow).isNotSameAs(today);
        assertThat(PlanPrinter.print(today.root())).isNotEqualTo(PlanPrinter.print(tomorrow.root()));
    }

    @Test
    void sizeZeroPlansEveryTime() {
        SqlPlanner uncached = new SqlPlanner(catalogs, 0);
        QueryPlan plan = uncached.plan(Q6, session("tpch", "tiny"));
        QueryPlan again = uncached.plan(Q6, session("tpch", "tiny"));
        assertThat(again).isNotSameAs(plan).isEqualTo(plan);
    }

    @Test
    void leastRecentlyUsedPlansGoFirst() {
        PlanCache cache = new PlanCache(2);
        QueryPlan plan = planner.plan("SELECT 1", session("tpch", "tiny"));
        for (String sql : List.of("a", "b", "c")) {
            cache.put(PlanCache.Key.of(sql, session("tpch", "tiny")), plan, catalogs.catalogNames(), List.of());
        }
        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.get(PlanCache.Key.of("a", session("tpch", "tiny")), catalogs)).isEmpty();
        assertThat(cache.get(PlanCache.Key.of("c", session("tpch", "tiny")), catalogs)).contains(plan);
    }

    private static TableScan scan(QueryPlan plan) {
        return find(plan.root(), TableScan.class);
    }

    private static <T> T find(io.quarry.plan.PlanNode node, Class<T> kind) {
        if (kind.isInstance(node)) {
            return kind.cast(node);
        }
        for (io.quarry.plan.PlanNode source : node.sources()) {
            T found = find(source, kind);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static Session session(String catalog, String schema) {
        return session(catalog, schema, ZoneOffset.UTC);
    }

    private static Session session(String catalog, String schema, ZoneId zone) {
        return new Session(QueryId.valueOf("20260101_000000_00000_abcde"), "me", Optional.empty(), Optional.of(catalog),
                Optional.of(schema), zone, "en", Map.of(), Map.of(), 1_780_000_000_000L);
    }

    /** A tpch and a memory catalog; tpch can be replaced, and can hide its versions. */
    private static final class Catalogs implements MetadataProvider {
        final MemoryMetadata memory = new MemoryMetadata("memory");
        ConnectorMetadata tpch = new TpchConnector(TpchColumnNaming.SIMPLIFIED).metadata();
        boolean unversioned;

        @Override
        public Set<String> catalogNames() {
            return new TreeMap<>(Map.of("tpch", 0, "memory", 0)).keySet();
        }

        @Override
        public Optional<ConnectorMetadata> catalog(String name) {
            return switch (name) {
                case "tpch" -> Optional.of(unversioned ? new Unversioned(tpch) : tpch);
                case "memory" -> Optional.of(memory);
                default -> Optional.empty();
            };
        }
    }

    /** A catalog that does not promise versions (the default). */
    private record Unversioned(ConnectorMetadata delegate) implements ConnectorMetadata {
        @Override
        public List<String> listSchemas() {
            return delegate.listSchemas();
        }

        @Override
        public boolean schemaExists(String schema) {
            return delegate.schemaExists(schema);
        }

        @Override
        public List<String> listTables(String schema) {
            return delegate.listTables(schema);
        }

        @Override
        public Optional<TableMetadata> table(SchemaTableName name) {
            return delegate.table(name);
        }
    }
}
