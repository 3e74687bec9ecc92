package io.quarry.connector.tpch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarry.spi.ColumnMetadata;
import io.quarry.spi.SchemaTableName;
import io.quarry.spi.TableMetadata;
import io.quarry.spi.TableStatistics;
import io.quarry.type.Types;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestTpchMetadata {
    private final TpchMetadata metadata = new TpchMetadata(TpchColumnNaming.SIMPLIFIED);

    @Test
    void listsTrinosSchemasAndResolvesAnyScaleFactor() {
        assertThat(metadata.listSchemas())
                .containsExactly("tiny", "sf1", "sf100", "sf300", "sf1000", "sf3000", "sf10000", "sf30000", "sf100000");
        assertThat(metadata.schemaExists("tiny")).isTrue();
        assertThat(metadata.schemaExists("sf10")).isTrue();
        assertThat(metadata.schemaExists("sf0.5")).isTrue();
        for (String bad : List.of("sf", "sf0", "sf-1", "sfabc", "sf1e3", "sfNaN", "SF1", "small", "")) {
            assertThat(metadata.schemaExists(bad)).as(bad).isFalse();
        }
        assertThat(TpchMetadata.scaleFactor("tiny")).hasValue(0.01);
        assertThat(TpchMetadata.scaleFactor("sf0.5")).hasValue(0.5);
        assertThat(metadata.listTables("sf1"))
                .containsExactlyInAnyOrder("customer", "orders", "lineitem", "part", "partsupp", "supplier", "nation", "region");
        assertThat(metadata.listTables("nope")).isEmpty();
    }

    @Test
    void columnsMatchTheConformanceData() {
        assertColumns("nation", Conformance.sqlCase("098_show_columns"));
        assertColumns("orders", Conformance.sqlCase("099_describe"));
    }

    private void assertColumns(String table, JsonNode expected) {
        TableMetadata actual = metadata.table(new SchemaTableName("tiny", table)).orElseThrow();
        List<String> expectedRows = new ArrayList<>();
        expected.get("rows").forEach(row -> expectedRows.add(row.get(0).asText() + " " + row.get(1).asText()));
        assertThat(actual.columns()).extracting(c -> c.name() + " " + c.type().displayName()).containsExactlyElementsOf(expectedRows);
    }

    @Test
    void mapsEveryGeneratorTypeAsOpenLooKengDoes() {
        TableMetadata lineitem = metadata.table(new SchemaTableName("sf1", "lineitem")).orElseThrow();
        assertThat(lineitem.column("orderkey")).contains(new ColumnMetadata("orderkey", Types.BIGINT));
        assertThat(lineitem.column("linenumber")).contains(new ColumnMetadata("linenumber", Types.INTEGER));
        assertThat(lineitem.column("quantity")).contains(new ColumnMetadata("quantity", Types.DOUBLE));
        assertThat(lineitem.column("shipdate")).contains(new ColumnMetadata("shipdate", Types.DATE));
        assertThat(lineitem.column("returnflag")).contains(new ColumnMetadata("returnflag", Types.varchar(1)));
        assertThat(lineitem.columns()).hasSize(16);
        assertThat(metadata.table(new SchemaTableName("nope", "lineitem"))).isEmpty();
        assertThat(metadata.table(new SchemaTableName("tiny", "nope"))).isEmpty();
    }

    @Test
    void standardNamingKeepsThePrefixes() {
        TpchMetadata standard = new TpchMetadata(TpchColumnNaming.STANDARD);
        TableMetadata lineitem = standard.table(new SchemaTableName("tiny", "lineitem")).orElseThrow();
        assertThat(lineitem.columns().get(0).name()).isEqualTo("l_orderkey");
        assertThat(lineitem.column("l_returnflag")).isPresent();
        assertThat(standard.statistics(new SchemaTableName("tiny", "lineitem")).distinctValues("l_orderkey"))
                .hasValue(15_000);
    }

    @Test
    void statisticsHaveExactRowCountsAndUsefulDistinctCounts() {
        TableStatistics lineitem = metadata.statistics(new SchemaTableName("tiny", "lineitem"));
        assertThat(lineitem.rowCount()).isEqualTo(60_175);
        assertThat(lineitem.distinctValues("orderkey")).hasValue(15_000);
        assertThat(lineitem.distinctValues("partkey")).hasValue(2_000);
        assertThat(lineitem.distinctValues("returnflag")).hasValue(3);
        assertThat(metadata.statistics(new SchemaTableName("sf1", "lineitem")).rowCount()).isEqualTo(6_001_215);
        assertThat(metadata.statistics(new SchemaTableName("sf1", "orders")).rowCount()).isEqualTo(1_500_000);
        assertThat(metadata.statistics(new SchemaTableName("sf1", "partsupp")).rowCount()).isEqualTo(800_000);
        assertThat(metadata.statistics(new SchemaTableName("sf1", "customer")).distinctValues("nationkey")).hasValue(25);
        assertThat(metadata.statistics(new SchemaTableName("sf2", "lineitem")).rowCount()).isCloseTo(12_000_000, within(1.0));
        assertThat(metadata.statistics(new SchemaTableName("tiny", "nation")).distinctValues("regionkey")).hasValue(5);
        assertThat(metadata.statistics(new SchemaTableName("tiny", "supplier")).distinctValues("acctbal")).hasValue(100);
        assertThat(metadata.statistics(new SchemaTableName("nope", "nation"))).isEqualTo(TableStatistics.UNKNOWN);
        for (String table : metadata.listTables("tiny")) {
            TableStatistics statistics = metadata.statistics(new SchemaTableName("tiny", table));
            assertThat(statistics.distinctValues().keySet())
                    .as(table)
                    .containsExactlyInAnyOrderElementsOf(metadata.table(new SchemaTableName("tiny", table))
                            .orElseThrow().columns().stream().map(ColumnMetadata::name).toList());
        }
    }
}
