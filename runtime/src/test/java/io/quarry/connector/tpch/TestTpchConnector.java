package io.quarry.connector.tpch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarry.block.DoubleBlock;
import io.quarry.block.LongBlock;
import io.quarry.block.VariableWidthBlock;
import io.quarry.page.Page;
import io.quarry.spi.ColumnMetadata;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.PageSource;
import io.quarry.spi.QuarryException;
import io.quarry.spi.SchemaTableName;
import io.quarry.spi.Split;
import io.quarry.type.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TestTpchConnector {
    private final TpchConnector connector = new TpchConnector(TpchColumnNaming.SIMPLIFIED);

    @BeforeAll
    static void warmUp() {
        TpchConnector.warmUp();
    }

    @Test
    void smallTablesHaveOneSplitAndLargeOnesTheTarget() {
        assertThat(connector.splits(new SchemaTableName("tiny", "nation"), 8))
                .containsExactly(new TpchSplit("nation", 0.01, 0, 1));
        assertThat(connector.splits(new SchemaTableName("sf1", "region"), 8)).hasSize(1);
        assertThat(connector.splits(new SchemaTableName("tiny", "supplier"), 8)).hasSize(1);
        List<Split> lineitem = connector.splits(new SchemaTableName("tiny", "lineitem"), 4);
        assertThat(lineitem).containsExactly(
                new TpchSplit("lineitem", 0.01, 0, 4),
                new TpchSplit("lineitem", 0.01, 1, 4),
                new TpchSplit("lineitem", 0.01, 2, 4),
                new TpchSplit("lineitem", 0.01, 3, 4));
        assertThat(lineitem.get(0).estimatedRows()).isBetween(15_000L, 15_100L);
        assertThat(connector.splits(new SchemaTableName("sf1", "lineitem"), 64)).hasSize(64);
    }

    @Test
    void splitsOfUnknownTablesAreUserErrors() {
        assertThatThrownBy(() -> connector.splits(new SchemaTableName("tiny", "nope"), 4))
                .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.TABLE_NOT_FOUND));
        assertThatThrownBy(() -> connector.splits(new SchemaTableName("huge", "nation"), 4))
                .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.SCHEMA_NOT_FOUND));
    }

    @Test
    void splitsTogetherHoldExactlyTheRowCountOfEveryTable() {
        for (String table : connector.metadata().listTables("tiny")) {
            SchemaTableName name = new SchemaTableName("tiny", table);
            List<ColumnMetadata> columns = connector.metadata().table(name).orElseThrow().columns();
            long rows = 0;
            for (Split split : connector.splits(name, 3)) {
                rows += readAll(split, columns, page -> assertThat(page.channelCount()).isEqualTo(columns.size()));
            }
            assertThat((double) rows).as(table).isEqualTo(connector.metadata().statistics(name).rowCount());
        }
    }

    @Test
    void readsNoColumnsForCounting() {
        long rows = 0;
        for (Split split : connector.splits(new SchemaTableName("tiny", "orders"), 2)) {
            rows += readAll(split, List.of(), page -> assertThat(page.channelCount()).isZero());
        }
        assertThat(rows).isEqualTo(15_000);
    }

    @Test
    void producesTheGeneratorsValuesWithTheirTypes() {
        List<ColumnMetadata> columns = List.of(
                new ColumnMetadata("shipdate", Types.DATE),
                new ColumnMetadata("orderkey", Types.BIGINT),
                new ColumnMetadata("linenumber", Types.INTEGER),
                new ColumnMetadata("quantity", Types.DOUBLE),
                new ColumnMetadata("shipmode", Types.varchar(10)),
                new ColumnMetadata("row_number", Types.BIGINT));
        try (PageSource source = connector.pageSource(new TpchSplit("lineitem", 0.01, 0, 1), columns)) {
            Page page = source.nextPage();
            assertThat(page.positionCount()).isEqualTo(TpchPageSource.ROWS_PER_PAGE);
            assertThat(LocalDate.ofEpochDay(((LongBlock) page.block(0)).getLong(0))).isEqualTo(LocalDate.of(1996, 3, 13));
            assertThat(((LongBlock) page.block(1)).getLong(0)).isEqualTo(1);
            assertThat(((LongBlock) page.block(2)).getLong(0)).isEqualTo(1);
            assertThat(((DoubleBlock) page.block(3)).getDouble(0)).isEqualTo(17.0);
            assertThat(((VariableWidthBlock) page.block(4)).getString(0)).isEqualTo("TRUCK");
            assertThat(((LongBlock) page.block(5)).getLong(0)).isEqualTo(1);
            assertThat(source.completedPositions()).isEqualTo(TpchPageSource.ROWS_PER_PAGE);
            assertThat(source.completedBytes()).isPositive();
            assertThat(source.isFinished()).isFalse();
        }
    }

    @Test
    void lowCardinalityColumnsHaveTheDistinctCountsTheStatisticsClaim() {
        SchemaTableName name = new SchemaTableName("tiny", "lineitem");
        List<String> names = List.of("returnflag", "linestatus", "shipmode", "shipinstruct", "linenumber", "discount", "tax", "quantity");
        List<ColumnMetadata> columns = names.stream()
                .map(n -> connector.metadata().table(name).orElseThrow().column(n).orElseThrow())
                .toList();
        List<Set<Object>> distinct = new ArrayList<>();
        names.forEach(n -> distinct.add(new HashSet<>()));
        readAll(connector.splits(name, 1).get(0), columns, page -> {
            for (int channel = 0; channel < columns.size(); channel++) {
                for (int position = 0; position < page.positionCount(); position++) {
                    distinct.get(channel).add(io.quarry.block.Values.toObject(columns.get(channel).type(), page.block(channel), position));
                }
            }
        });
        for (int i = 0; i < names.size(); i++) {
            assertThat((double) distinct.get(i).size())
                    .as(names.get(i))
                    .isEqualTo(connector.metadata().statistics(name).distinctValues(names.get(i)).orElseThrow());
        }
    }

    @Test
    void datesAndStringsAgreeWithTrino() {
        // 038_dates_over_table: per order priority, the first and last order date and the count in 1995 Q1.
        JsonNode expected = Conformance.sqlCase("038_dates_over_table");
        long from = LocalDate.of(1995, 1, 1).toEpochDay();
        long to = LocalDate.of(1995, 3, 31).toEpochDay();
        Map<String, long[]> groups = new TreeMap<>();
        List<ColumnMetadata> columns = List.of(
                new ColumnMetadata("orderpriority", Types.varchar(15)), new ColumnMetadata("orderdate", Types.DATE));
        for (Split split : connector.splits(new SchemaTableName("tiny", "orders"), 3)) {
            readAll(split, columns, page -> {
                VariableWidthBlock priorities = (VariableWidthBlock) page.block(0);
                long[] dates = ((LongBlock) page.block(1)).rawValues();
                for (int i = 0; i < page.positionCount(); i++) {
                    if (dates[i] >= from && dates[i] <= to) {
                        long[] group = groups.computeIfAbsent(priorities.getString(i), k -> new long[] {Long.MAX_VALUE, Long.MIN_VALUE, 0});
                        group[0] = Math.min(group[0], dates[i]);
                        group[1] = Math.max(group[1], dates[i]);
                        group[2]++;
                    }
                }
            });
        }
        Map<String, String> actual = new HashMap<>();
        groups.forEach((k, v) -> actual.put(k, LocalDate.ofEpochDay(v[0]) + " " + LocalDate.ofEpochDay(v[1]) + " " + v[2]));
        Map<String, String> wanted = new HashMap<>();
        expected.get("rows").forEach(row -> wanted.put(
                row.get(0).asText(), row.get(1).asText() + " " + row.get(2).asText() + " " + row.get(3).asLong()));
        assertThat(actual).isEqualTo(wanted);
    }

    @Test
    void unknownColumnsAreUserErrors() {
        assertThatThrownBy(() -> connector.pageSource(
                        new TpchSplit("nation", 0.01, 0, 1), List.of(new ColumnMetadata("n_nationkey", Types.BIGINT))))
                .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.COLUMN_NOT_FOUND))
                .hasMessageContaining("n_nationkey");
    }

    @Test
    void splitsValidateTheirParts() {
        assertThatThrownBy(() -> new TpchSplit("nation", 0.01, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TpchSplit("nation", 0, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void factoryReadsColumnNamingAndRejectsUnknownProperties() {
        TpchConnectorFactory factory = new TpchConnectorFactory();
        assertThat(factory.name()).isEqualTo("tpch");
        TpchConnector standard = (TpchConnector) factory.create(
                "tpch", Map.of("tpch.column-naming", "standard", "tpch.splits-per-node", "4"), io.quarry.spi.ConnectorContext.EMPTY);
        assertThat(standard.metadata().naming()).isEqualTo(TpchColumnNaming.STANDARD);
        assertThatThrownBy(() -> factory.create("t", Map.of("tpch.column-naming", "SHORT"), io.quarry.spi.ConnectorContext.EMPTY))
                .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.CONFIGURATION_INVALID))
                .hasMessageContaining("tpch.column-naming");
        assertThatThrownBy(() -> factory.create("t", Map.of("tpch.colum-naming", "STANDARD"), io.quarry.spi.ConnectorContext.EMPTY))
                .isInstanceOf(QuarryException.class)
                .hasMessageContaining("tpch.colum-naming");
    }

    private long readAll(Split split, List<ColumnMetadata> columns, Consumer<Page> check) {
        long rows = 0;
        try (PageSource source = connector.pageSource(split, columns)) {
            while (!source.isFinished()) {
                Page page = source.nextPage();
                if (page != null) {
                    check.accept(page);
                    rows += page.positionCount();
                }
            }
            assertThat(source.completedPositions()).isEqualTo(rows);
        }
        return rows;
    }
}
