package io.quarry.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarry.plan.Aggregate;
import io.quarry.plan.AggregationStep;
import io.quarry.plan.Filter;
import io.quarry.plan.Limit;
import io.quarry.plan.Output;
import io.quarry.plan.PlanNode;
import io.quarry.plan.Project;
import io.quarry.plan.Sort;
import io.quarry.plan.SortKey;
import io.quarry.plan.TableScan;
import io.quarry.plan.TopN;
import io.quarry.plan.Values;
import io.quarry.plan.expression.Call;
import io.quarry.plan.expression.Constant;
import io.quarry.plan.expression.Expression;
import io.quarry.plan.expression.SpecialForm;
import io.quarry.spi.ColumnMetadata;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.ErrorLocation;
import io.quarry.spi.QuarryException;
import io.quarry.spi.QueryId;
import io.quarry.spi.Session;
import io.quarry.type.Type;
import io.quarry.type.Types;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class TestSqlPlanner {
    private static final SqlPlanner PLANNER = new SqlPlanner(TestingMetadata.INSTANCE);
    private static final Session SESSION = session(Optional.of("tpch"), Optional.of("tiny"));

    @Test
    void tpchQ1() throws Exception {
        QueryPlan plan = plan(Conformance.tpchQuery(1));
        assertShape(plan.root(), Output.class, Sort.class, Aggregate.class, Project.class, Filter.class, TableScan.class);
        assertColumnsMatchConformance(plan, "q01");

        Aggregate aggregate = find(plan.root(), Aggregate.class);
        assertThat(aggregate.step()).isEqualTo(AggregationStep.SINGLE);
        assertThat(aggregate.groupKeys()).hasSize(2);
        assertThat(aggregate.calls()).extracting(c -> c.function())
                .containsExactly("sum", "sum", "sum", "sum", "avg", "avg", "avg", "count");
        assertThat(aggregate.calls()).allMatch(c -> !c.distinct());

        // DATE '1998-12-01' - INTERVAL '90' DAY is folded to a date constant
        Filter filter = find(plan.root(), Filter.class);
        Call comparison = (Call) filter.predicate();
        assertThat(comparison.function()).isEqualTo("less_than_or_equal");
        assertThat(comparison.arguments().get(1))
                .isEqualTo(new Constant(LocalDate.of(1998, 9, 2).toEpochDay(), Types.DATE));

        // only the seven columns Q1 uses are read
        TableScan scan = find(plan.root(), TableScan.class);
        assertThat(scan.catalog()).isEqualTo("tpch");
        assertThat(scan.table().toString()).isEqualTo("tiny.lineitem");
        assertThat(scan.columns()).extracting(ColumnMetadata::name).containsExactlyInAnyOrder(
                "quantity", "extendedprice", "discount", "tax", "returnflag", "linestatus", "shipdate");

        Sort sort = find(plan.root(), Sort.class);
        assertThat(sort.keys()).containsExactly(new SortKey(0, true, false), new SortKey(1, true, false));
    }

    @Test
    void tpchQ6() throws Exception {
        QueryPlan plan = plan(Conformance.tpchQuery(6));
        assertShape(plan.root(), Output.class, Aggregate.class, Project.class, Filter.class, TableScan.class);
        assertColumnsMatchConformance(plan, "q06");
        Filter filter = find(plan.root(), Filter.class);
        String predicate = PlanPrinter.expression(filter.predicate());
        assertThat(predicate)
                .contains("greater_than_or_equal(#3, " + LocalDate.of(1994, 1, 1).toEpochDay() + ":date)")
                .contains("less_than(#3, " + LocalDate.of(1995, 1, 1).toEpochDay() + ":date)")
                .contains("greater_than_or_equal(#2, 0.05:double)")
                .contains("less_than_or_equal(#2, 0.07:double)")
                .contains("less_than(#0, 24.0:double)");
        assertAllComparisonsHaveEqualOperandTypes(plan.root());
    }

    @Test
    void literalTypes() {
        QueryPlan plan = plan("SELECT 1, 10000000000, 1.5, 1e0, 'a', DATE '1998-12-01', true, 0.06, NULL");
        assertThat(plan.columnTypes()).containsExactly(Types.INTEGER, Types.BIGINT, Types.decimal(2, 1), Types.DOUBLE,
                Types.varchar(1), Types.DATE, Types.BOOLEAN, Types.decimal(2, 2), Types.UNKNOWN);
        Values values = (Values) plan.root().source();
        assertThat(values.rows()).hasSize(1);
        assertThat(values.rows().get(0)).containsExactly(
                new Constant(1L, Types.INTEGER),
                new Constant(10000000000L, Types.BIGINT),
                new Constant(new BigDecimal("1.5"), Types.decimal(2, 1)),
                new Constant(1.0, Types.DOUBLE),
                new Constant("a", Types.varchar(1)),
                new Constant(LocalDate.of(1998, 12, 1).toEpochDay(), Types.DATE),
                new Constant(true, Types.BOOLEAN),
                new Constant(new BigDecimal("0.06"), Types.decimal(2, 2)),
                Constant.nullOf(Types.UNKNOWN));
    }

    @Test
    void arithmeticTypesFollowTrino() {
        QueryPlan plan = plan("SELECT 1.10 + 2.205 AS a, 1.5 * 2.25 AS b, 10.00 / 3 AS c, 10 / 3 AS d, 7 % 3 AS f,"
                + " CAST(1 AS decimal(10, 2)) / 3 AS h, 0.1 + 0.2 AS i, 1.5 + 1 AS j, 1 + 10000000000 AS k");
        assertThat(plan.columnTypes()).containsExactly(Types.decimal(5, 3), Types.decimal(5, 3), Types.decimal(4, 2),
                Types.INTEGER, Types.INTEGER, Types.decimal(10, 2), Types.decimal(2, 1), Types.decimal(12, 1), Types.BIGINT);
        assertThat(plan.columnNames()).containsExactly("a", "b", "c", "d", "f", "h", "i", "j", "k");
    }

    @Test
    void aggregateResultTypes() {
        QueryPlan plan = plan("SELECT sum(linenumber), sum(orderkey), sum(quantity), avg(linenumber), avg(quantity),"
                + " count(*), count(comment), min(shipdate), max(comment) FROM lineitem");
        assertThat(plan.columnTypes()).containsExactly(Types.BIGINT, Types.BIGINT, Types.DOUBLE, Types.DOUBLE,
                Types.DOUBLE, Types.BIGINT, Types.BIGINT, Types.DATE, Types.varchar(44));
        QueryPlan decimals = plan("SELECT sum(price), avg(price) FROM memory.default.t");
        // Trino: sum widens a decimal to precision 38, avg keeps its type
        assertThat(decimals.columnTypes()).containsExactly(Types.decimal(38, 2), Types.decimal(12, 2));
    }

    @Test
    void castsMakeOperandTypesEqual() {
        QueryPlan plan = plan("SELECT linenumber + orderkey, linenumber * 1.5, quantity + linenumber FROM lineitem"
                + " WHERE linenumber < orderkey");
        // the scan reads orderkey, linenumber, quantity (table order)
        Project project = find(plan.root(), Project.class);
        assertThat(PlanPrinter.expression(project.projections().get(0)))
                .isEqualTo("add(cast(#1):bigint, #0):bigint");
        assertThat(PlanPrinter.expression(project.projections().get(1)))
                .isEqualTo("multiply(cast(#1):decimal(10,0), 1.5:decimal(2,1)):decimal(12,1)");
        assertThat(PlanPrinter.expression(project.projections().get(2)))
                .isEqualTo("add(#2, cast(#1):double):double");
        assertAllComparisonsHaveEqualOperandTypes(plan.root());
    }

    @Test
    void columnNames() {
        QueryPlan plan = plan("SELECT nationkey, name AS Label, \"name\" AS \"Quoted\", nationkey + 1, upper(name) FROM nation");
        assertThat(plan.columnNames()).containsExactly("nationkey", "Label", "Quoted", "_col3", "_col4");
        assertThat(plan.root().columnNames()).isEqualTo(plan.columnNames());
        assertThat(plan("SELECT * FROM region").columnNames()).containsExactly("regionkey", "name", "comment");
        assertThat(plan("SELECT NATIONKEY FROM NATION").columnNames()).containsExactly("NATIONKEY");
        assertThat(plan("VALUES (1, 'a'), (2, 'b'), (3, NULL)").columnNames()).containsExactly("_col0", "_col1");
    }

    @Test
    void starColumnsKeepTheirNamesWhenTheyRepeat() {
        List<String> joined = List.of("nationkey", "name", "regionkey", "comment", "regionkey", "name", "comment");
        String join = "SELECT * FROM nation n JOIN region r ON n.regionkey = r.regionkey";
        assertThat(plan(join).columnNames()).isEqualTo(joined);
        assertThat(plan("SELECT * FROM (" + join + ")").columnNames()).isEqualTo(joined);
        assertThat(plan("SELECT t.* FROM (" + join + ") t").columnNames()).isEqualTo(joined);
        assertThat(plan("WITH x AS (" + join + " ORDER BY 1 LIMIT 3) SELECT * FROM x ORDER BY 1").columnNames()).isEqualTo(joined);
        assertThat(plan("SELECT * FROM nation JOIN region USING (regionkey)").columnNames())
                .containsExactly("regionkey", "nationkey", "name", "comment", "name", "comment");
        assertThat(plan("SELECT r.*, r.* FROM region r").columnNames())
                .containsExactly("regionkey", "name", "comment", "regionkey", "name", "comment");
        // names written in the query are kept as written, and unnamed columns of a sub-query are numbered where shown
        assertThat(plan("SELECT n.name AS name0, 5, * FROM nation n, (SELECT 1 + 1) LIMIT 1").columnNames())
                .containsExactly("name0", "_col1", "nationkey", "name", "regionkey", "comment", "_col6");
        assertThat(plan("WITH x AS (SELECT 1) SELECT 1 AS a, 2 AS a FROM x").columnNames()).containsExactly("a", "a");
    }

    @Test
    void namesKeepTheLettersTheyWereWrittenWith() {
        assertThat(plan("SELECT R.NAME, count(*) AS Total FROM REGION R GROUP BY R.NAME").columnNames())
                .containsExactly("NAME", "Total");
        assertThat(plan("SELECT * FROM (SELECT 1 AS Foo)").columnNames()).containsExactly("Foo");
        assertThat(plan("SELECT * FROM (SELECT 1 AS Foo) t(Bar)").columnNames()).containsExactly("Bar");
        assertThat(plan("WITH t(Bar) AS (SELECT 1) SELECT * FROM t").columnNames()).containsExactly("Bar");
        assertThat(plan("SELECT Name FROM region UNION SELECT name FROM nation").columnNames()).containsExactly("Name");
        // a field of a column's row is named after the field, one of another expression's row is not named
        assertThat(plan("SELECT x.Y FROM (SELECT CAST(ROW(1) AS ROW(y int)) x)").columnNames()).containsExactly("Y");
        assertThat(plan("SELECT CAST(ROW(1, 2) AS ROW(a int, b int)).a").columnNames()).containsExactly("_col0");
    }

    @Test
    void valuesAndUnnestColumnsAreUnnamedUnlessAliased() {
        assertThat(plan("SELECT * FROM UNNEST(ARRAY[1, 2]) t").columnNames()).containsExactly("_col0");
        assertThat(plan("SELECT * FROM UNNEST(ARRAY[1, 2]) WITH ORDINALITY").columnNames()).containsExactly("_col0", "_col1");
        assertThat(plan("SELECT * FROM UNNEST(MAP(ARRAY[1], ARRAY['a']))").columnNames()).containsExactly("_col0", "_col1");
        assertThat(plan("SELECT * FROM (VALUES 1) a CROSS JOIN (VALUES 2) b").columnNames()).containsExactly("_col0", "_col1");
        assertThat(plan("SELECT * FROM UNNEST(ARRAY[CAST(ROW(1, 'a') AS ROW(p int, q varchar))])").columnNames())
                .containsExactly("p", "q");
        assertThat(plan("SELECT * FROM UNNEST(ARRAY[1]) WITH ORDINALITY t(X, o)").columnNames()).containsExactly("X", "o");
    }

    @Test
    void columnsOfOneNameAreAllShownAndAmbiguousByName() {
        assertThat(plan("SELECT * FROM (SELECT 1 AS a, 2 AS a)").columnNames()).containsExactly("a", "a");
        assertThat(plan("SELECT t.* FROM (VALUES (1, 2)) t(a, A)").columnNames()).containsExactly("a", "A");
        assertThat(plan("WITH t AS (SELECT 1 a, 2 a) SELECT * FROM t").columnNames()).containsExactly("a", "a");
        assertThat(plan("SELECT x FROM (SELECT 1 AS a, 2 AS a) t(x, y)").columnNames()).containsExactly("x");
        assertThat(plan("SELECT * FROM (SELECT 1 AS \"X\", 2 AS x)").columnNames()).containsExactly("X", "x");
        assertError("SELECT regionkey FROM (SELECT * FROM nation n JOIN region r ON n.regionkey = r.regionkey)",
                ErrorCode.AMBIGUOUS_NAME, 1, 8, "Column 'regionkey' is ambiguous");
        assertError("SELECT a FROM (VALUES (1, 2)) t(a, a)", ErrorCode.AMBIGUOUS_NAME, 1, 8, "Column 'a' is ambiguous");
        assertError("SELECT t.A FROM (SELECT 1 AS a, 2 AS a) t", ErrorCode.AMBIGUOUS_NAME, 1, 8, "Column 't.a' is ambiguous");
        assertError("SELECT * FROM (SELECT 1 AS a, 2 AS A) t WHERE a = 1", ErrorCode.AMBIGUOUS_NAME, 1, 47,
                "Column 'a' is ambiguous");
        assertError("WITH t(a) AS (SELECT 1, 2) SELECT * FROM t", ErrorCode.MISMATCHED_COLUMN_ALIASES, 1, 8,
                "Column alias list has 1 entries but relation has 2 columns");
        assertError("WITH t(a, a) AS (SELECT 1, 2) SELECT * FROM t", ErrorCode.DUPLICATE_COLUMN_NAME, 1, 11,
                "Column name 'a' specified more than once");
        assertError("WITH t AS (SELECT 1 a), t AS (SELECT 2 a) SELECT * FROM t", ErrorCode.DUPLICATE_NAMED_QUERY, 1, 25,
                "WITH query name 't' specified more than once");
    }

    @Test
    void clauseErrorsAreTrinos() {
        assertError("SELECT * FROM region WHERE 'a'", ErrorCode.TYPE_MISMATCH, 1, 28,
                "WHERE clause must evaluate to a boolean: actual type varchar(1)");
        assertError("SELECT * FROM nation n JOIN region r ON n.name", ErrorCode.TYPE_MISMATCH, 1, 41,
                "JOIN ON clause must evaluate to a boolean: actual type varchar(25)");
        assertError("SELECT count(*) FROM region HAVING 1", ErrorCode.TYPE_MISMATCH, 1, 36,
                "HAVING clause must evaluate to a boolean: actual type integer");
        assertError("SELECT * FROM region ORDER BY 4", ErrorCode.INVALID_COLUMN_REFERENCE, 1, 31,
                "ORDER BY position 4 is not in select list");
        assertError("SELECT name FROM region ORDER BY -1", ErrorCode.INVALID_COLUMN_REFERENCE, 1, 34,
                "ORDER BY position -1 is not in select list");
        assertError("SELECT regionkey FROM nation GROUP BY 2", ErrorCode.INVALID_COLUMN_REFERENCE, 1, 39,
                "GROUP BY position 2 is not in select list");
        assertError("SELECT regionkey FROM nation GROUP BY -1", ErrorCode.INVALID_COLUMN_REFERENCE, 1, 39,
                "GROUP BY position -1 is not in select list");
        assertError("SELECT name, name FROM region ORDER BY name", ErrorCode.AMBIGUOUS_NAME, 1, 40, "Column 'name' is ambiguous");
        assertError("SELECT name AS a, regionkey AS a FROM region ORDER BY a DESC", ErrorCode.AMBIGUOUS_NAME, 1, 55,
                "Column 'a' is ambiguous");
        assertThatThrownBy(() -> plan("SELECT * region"))
                .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.SYNTAX_ERROR));
        assertThatThrownBy(() -> plan("SELECT name FROM region ORDER BY count(*)")).isInstanceOfSatisfying(QuarryException.class,
                e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.EXPRESSION_NOT_AGGREGATE));
        assertThatThrownBy(() -> plan("SELECT DISTINCT name FROM region ORDER BY regionkey"))
                .isInstanceOfSatisfying(QuarryException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.EXPRESSION_NOT_IN_DISTINCT);
                    assertThat(e.getMessage()).endsWith("For SELECT DISTINCT, ORDER BY expressions must appear in select list");
                });
    }

    @Test
    void joinErrorsAreTrinos() {
        assertError("SELECT * FROM nation n JOIN region r", ErrorCode.SYNTAX_ERROR, 1, 37, "Expecting: 'ON', 'USING'");
        assertError("SELECT * FROM nation n LEFT JOIN region r WHERE true", ErrorCode.SYNTAX_ERROR, 1, 43,
                "Expecting: 'ON', 'USING'");
        assertThatThrownBy(() -> plan("SELECT * FROM nation n CROSS JOIN region r ON true"))
                .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.SYNTAX_ERROR));
        assertError("SELECT * FROM (VALUES 1) a(x) JOIN (VALUES 1) b(x) USING (x, x)", ErrorCode.DUPLICATE_COLUMN_NAME, 1, 62,
                "Column 'x' appears multiple times in USING clause");
        assertThatThrownBy(() -> plan("SELECT * FROM nation n JOIN region r ON count(*) > 1"))
                .isInstanceOfSatisfying(QuarryException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.EXPRESSION_NOT_SCALAR));
    }

    @Test
    void aStarOfAnUnknownRelationIsTableNotFound() {
        assertError("SELECT 1, Region.* FROM region r", ErrorCode.TABLE_NOT_FOUND, 1, 11, "Unable to resolve reference region");
        assertError("SELECT x.* FROM (SELECT CAST(ROW(1, 2) AS ROW(a int, b int)) x)", ErrorCode.TABLE_NOT_FOUND, 1, 8,
                "Unable to resolve reference x");
        assertError("SELECT a.b.* FROM region", ErrorCode.TABLE_NOT_FOUND, 1, 8, "Unable to resolve reference a.b");
        // a star of a known relation that fails otherwise keeps its own error
        assertError("SELECT t.* FROM nation t GROUP BY regionkey", ErrorCode.EXPRESSION_NOT_AGGREGATE, 1, 8, "must be an aggregate expression");
    }

    @Test
    void relationsOfOneNameAreAccepted() {
        assertThat(plan("SELECT * FROM region r, region r").columnNames())
                .containsExactly("regionkey", "name", "comment", "regionkey", "name", "comment");
        assertThat(plan("SELECT count(*) FROM region, region").columnNames()).containsExactly("_col0");
        assertError("SELECT r.name FROM region r, region r", ErrorCode.AMBIGUOUS_NAME, 1, 8, "Column 'r.name' is ambiguous");
        assertError("SELECT count(*) FROM region r, region r WHERE r.regionkey > 1", ErrorCode.AMBIGUOUS_NAME, 1, 47,
                "Column 'r.regionkey' is ambiguous");
    }

    @Test
    void aTableInParenthesesIsATable() {
        assertThat(plan("SELECT r.name FROM (region) r").columnNames()).containsExactly("name");
        assertThat(plan("SELECT count(*) FROM nation n JOIN (tpch.tiny.region r) ON n.regionkey = r.regionkey").columnNames())
                .containsExactly("_col0");
        assertError("SELECT count(*) FROM (nosuch)", ErrorCode.TABLE_NOT_FOUND, 1, 23, "Table 'tpch.tiny.nosuch' does not exist");
        assertThat(ParenthesizedTables.blank("SELECT '(x)' FROM (t) JOIN (SELECT 1) s ON true"))
                .isEqualTo("SELECT '(x)' FROM  t  JOIN (SELECT 1) s ON true");
    }

    @Test
    void fetchFirstZeroRowsIsOutOfRange() {
        assertError("SELECT regionkey FROM region FETCH FIRST 0 ROWS ONLY", ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, 1, 30,
                "FETCH FIRST row count must be positive (actual value: 0)");
        assertError("SELECT regionkey FROM region\nORDER BY 1 FETCH NEXT 0 ROWS ONLY", ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, 2, 12,
                "FETCH FIRST row count must be positive (actual value: 0)");
        assertThat(plan("SELECT regionkey FROM region LIMIT 0").columnNames()).containsExactly("regionkey");
    }

    @Test
    void fetchWithoutACountFetchesOneRow() {
        assertThat(find(plan("SELECT name FROM region ORDER BY name FETCH FIRST ROW ONLY").root(), TopN.class).count())
                .isEqualTo(1);
        assertThat(find(plan("SELECT name FROM region FETCH NEXT ROWS ONLY").root(), Limit.class).count()).isEqualTo(1);
    }

    @Test
    void tableNamesResolve() {
        for (String name : List.of("tpch.tiny.nation", "tiny.nation", "nation", "TPCH.TINY.NATION", "\"nation\"", "tpch.sf1.nation")) {
            TableScan scan = find(plan("SELECT name FROM " + name).root(), TableScan.class);
            assertThat(scan.catalog()).isEqualTo("tpch");
            assertThat(scan.table().table()).isEqualTo("nation");
        }
        TableScan scan = find(plan("SELECT id FROM memory.default.t").root(), TableScan.class);
        assertThat(scan.catalog()).isEqualTo("memory");
        assertThat(scan.table().schema()).isEqualTo("default");
        Session memorySession = session(Optional.of("memory"), Optional.of("default"));
        assertThat(PLANNER.plan("SELECT name FROM default.t WHERE id = 1", memorySession).columnNames())
                .containsExactly("name");
        assertThat(PLANNER.plan("SELECT name FROM t", memorySession).columnTypes()).containsExactly(Types.VARCHAR);
    }

    @Test
    void orderByAndLimit() {
        assertShape(plan("SELECT name FROM nation ORDER BY name DESC LIMIT 3").root(), Output.class, TopN.class,
                TableScan.class);
        TopN topN = find(plan("SELECT name FROM nation ORDER BY name DESC NULLS FIRST LIMIT 3").root(), TopN.class);
        assertThat(topN.count()).isEqualTo(3);
        assertThat(topN.keys()).containsExactly(new SortKey(0, false, true));
        // Trino puts NULLs last in both directions by default
        assertThat(find(plan("SELECT name FROM nation ORDER BY name DESC").root(), Sort.class).keys())
                .containsExactly(new SortKey(0, false, false));

        Limit limit = find(plan("SELECT nationkey FROM nation ORDER BY nationkey OFFSET 5 ROWS LIMIT 3").root(), Limit.class);
        assertThat(limit.offset()).isEqualTo(5);
        assertThat(limit.count()).isEqualTo(3);
        assertThat(((TopN) limit.source()).count()).isEqualTo(8);

        Limit plain = find(plan("SELECT name FROM nation FETCH FIRST 2 ROWS ONLY").root(), Limit.class);
        assertThat(plain.count()).isEqualTo(2);
        assertThat(find(plan("SELECT name FROM nation OFFSET 1 LIMIT 4").root(), Limit.class))
                .isEqualTo(new Limit(find(plan("SELECT name FROM nation OFFSET 1 LIMIT 4").root(), TableScan.class), 1, 4));
    }

    @Test
    void orderByColumnNotSelected() {
        QueryPlan plan = plan("SELECT name FROM nation ORDER BY regionkey, nationkey");
        assertThat(plan.columnNames()).containsExactly("name");
        assertThat(plan.columnTypes()).containsExactly(Types.varchar(25));
        assertThat(find(plan.root(), Sort.class).keys()).hasSize(2);
    }

    @Test
    void valuesAndSelectWithoutFrom() {
        QueryPlan values = plan("VALUES (1, 'a'), (2, 'b'), (3, NULL)");
        assertShape(values.root(), Output.class, Values.class);
        assertThat(values.columnTypes()).containsExactly(Types.INTEGER, Types.varchar(1));
        assertThat(((Values) values.root().source()).rows()).hasSize(3);

        QueryPlan select = plan("SELECT 1 AS x, 'abc' AS y");
        assertShape(select.root(), Output.class, Values.class);
        assertThat(select.columnNames()).containsExactly("x", "y");
        assertThat(select.columnTypes()).containsExactly(Types.INTEGER, Types.varchar(3));
    }

    @Test
    void groupByExpressionsAndHaving() {
        QueryPlan plan = plan("SELECT year(shipdate) AS y, count(*) AS c FROM lineitem GROUP BY year(shipdate)"
                + " HAVING count(*) > 10 ORDER BY y");
        assertThat(plan.columnNames()).containsExactly("y", "c");
        assertThat(plan.columnTypes()).containsExactly(Types.BIGINT, Types.BIGINT);
        assertThat(find(plan.root(), Aggregate.class).groupKeys()).hasSize(1);
        Filter having = find(plan.root(), Filter.class);
        assertThat(having.source()).isInstanceOf(Aggregate.class);
        assertThat(PlanPrinter.print(plan.root())).contains("year(#0):bigint");
    }

    @Test
    void countDistinctAloneBecomesTwoAggregates() {
        QueryPlan plan = plan("SELECT count(DISTINCT custkey) FROM orders");
        assertShape(plan.root(), Output.class, Aggregate.class, Aggregate.class, TableScan.class);
        Aggregate outer = (Aggregate) plan.root().source();
        Aggregate inner = (Aggregate) outer.source();
        assertThat(inner.groupKeys()).containsExactly(0);
        assertThat(inner.calls()).isEmpty();
        assertThat(outer.groupKeys()).isEmpty();
        assertThat(outer.calls()).singleElement().satisfies(call -> {
            assertThat(call.function()).isEqualTo("count");
            assertThat(call.distinct()).isFalse();
            assertThat(call.arguments()).containsExactly(0);
        });
        assertThat(plan.columnTypes()).containsExactly(Types.BIGINT);

        QueryPlan grouped = plan("SELECT orderstatus, count(DISTINCT custkey) FROM orders GROUP BY orderstatus");
        Aggregate groupedOuter = find(grouped.root(), Aggregate.class);
        assertThat(((Aggregate) groupedOuter.source()).groupKeys()).hasSize(2);
        assertThat(groupedOuter.groupKeys()).containsExactly(0);
        assertThat(groupedOuter.calls().get(0).arguments()).containsExactly(1);
    }

    @Test
    void mixedDistinctKeepsTheFlag() {
        Aggregate aggregate = find(plan("SELECT count(DISTINCT custkey), count(DISTINCT orderstatus), count(*) FROM orders").root(),
                Aggregate.class);
        assertThat(aggregate.source()).isInstanceOf(TableScan.class);
        assertThat(aggregate.calls()).extracting(c -> c.distinct()).containsExactly(true, true, false);
    }

    @Test
    void aggregateFilter() {
        Aggregate aggregate = find(plan("SELECT count(*) FILTER (WHERE regionkey = 1) AS america,"
                + " sum(nationkey) FILTER (WHERE regionkey = 3), count(*) FROM nation").root(), Aggregate.class);
        assertThat(aggregate.calls().get(0).filter()).isPresent();
        assertThat(aggregate.calls().get(1).filter()).isPresent();
        assertThat(aggregate.calls().get(2).filter()).isEmpty();
        List<Type> inputTypes = aggregate.source().outputTypes();
        assertThat(inputTypes.get(aggregate.calls().get(0).filter().orElseThrow())).isEqualTo(Types.BOOLEAN);
    }

    @Test
    void functionsAndSpecialForms() {
        QueryPlan plan = plan("SELECT substring(comment, 1, 3), substr(comment, 2), length(comment), lower(comment),"
                + " upper(comment), trim(comment), ltrim(comment), rtrim(comment), comment || 'x', concat(comment, 'y'),"
                + " replace(comment, 'a', 'b'), strpos(comment, 'a'), abs(quantity), round(quantity), round(quantity, 1),"
                + " floor(quantity), ceil(quantity), ceiling(quantity), power(quantity, 2), mod(linenumber, 2),"
                + " year(shipdate), month(shipdate), day(shipdate), extract(YEAR FROM shipdate),"
                + " CASE WHEN linenumber = 1 THEN 'one' ELSE 'many' END, if(linenumber > 1, 1, 2),"
                + " coalesce(comment, 'none'), nullif(linenumber, 1), linenumber IN (1, 2, 3), comment LIKE 'a%',"
                + " comment LIKE 'a!%' ESCAPE '!', linenumber BETWEEN 1 AND 3, comment IS NULL, NOT (comment LIKE 'x%'),"
                + " CAST(linenumber AS varchar), try_cast(comment AS integer), greatest(linenumber, 2)"
                + " FROM lineitem");
        List<String> names = new ArrayList<>();
        Project project = find(plan.root(), Project.class);
        collectNames(project.projections(), names);
        assertThat(names).contains("substr", "length", "lower", "upper", "trim", "ltrim", "rtrim", "concat",
                "replace", "strpos", "abs", "round", "floor", "ceil", "power", "modulus", "year", "month", "day",
                "like", "greater_than_or_equal", "less_than_or_equal", "cast", "try_cast", "CASE", "IN", "IS_NULL", "NOT");
        assertThat(names).doesNotContain("substring", "ceiling", "mod", "char_length", "||", "extract");
        assertThat(plan.columnTypes().get(2)).isEqualTo(Types.BIGINT); // length
        assertThat(plan.columnTypes().get(11)).isEqualTo(Types.BIGINT); // strpos
        assertThat(plan.columnTypes().get(24)).isEqualTo(Types.varchar(4)); // CASE of 'one' / 'many'
    }

    @Test
    void errorsCarryTrinoCodesAndLocations() {
        assertError("SELECT FROM WHERE", ErrorCode.SYNTAX_ERROR, 1, 8, "mismatched input 'FROM'");
        assertError("SELECT * FROM no_such_table", ErrorCode.TABLE_NOT_FOUND, 1, 15,
                "Table 'tpch.tiny.no_such_table' does not exist");
        assertError("SELECT * FROM nosuch.tiny.nation", ErrorCode.CATALOG_NOT_FOUND, 1, 15, "Catalog 'nosuch' does not exist");
        assertError("SELECT * FROM tpch.nosuch.nation", ErrorCode.SCHEMA_NOT_FOUND, 1, 15, "Schema 'nosuch' does not exist");
        assertError("SELECT no_such_column FROM nation", ErrorCode.COLUMN_NOT_FOUND, 1, 8,
                "Column 'no_such_column' cannot be resolved");
        assertError("SELECT no_such_function(1)", ErrorCode.FUNCTION_NOT_FOUND, 1, 8,
                "Function 'no_such_function' not registered");
        assertError("SELECT 1 + 'a'", ErrorCode.TYPE_MISMATCH, 1, 8, "Cannot apply operator: integer + varchar(1)");
        assertError("SELECT name FROM nation WHERE nationkey = 'a'", ErrorCode.TYPE_MISMATCH, 1, 41,
                "Cannot apply operator: bigint = varchar(1)");
        assertError("SELECT length(1)", ErrorCode.FUNCTION_NOT_FOUND, 1, 8, "Unexpected parameters (integer) for function length");
        assertError("SELECT name, count(*) FROM nation", ErrorCode.EXPRESSION_NOT_AGGREGATE, 1, 8,
                "'name' must be an aggregate expression or appear in GROUP BY clause");
        assertError("SELECT name\nFROM nation\nWHERE nosuch = 1", ErrorCode.COLUMN_NOT_FOUND, 3, 7,
                "Column 'nosuch' cannot be resolved");

        assertThatThrownBy(() -> PLANNER.plan("SELECT * FROM nation", session(Optional.empty(), Optional.empty())))
                .isInstanceOfSatisfying(QuarryException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.MISSING_CATALOG_NAME));
        assertThatThrownBy(() -> PLANNER.plan("SELECT * FROM nation", session(Optional.of("tpch"), Optional.empty())))
                .isInstanceOfSatisfying(QuarryException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.MISSING_SCHEMA_NAME));
        assertThat(PLANNER.plan("SELECT * FROM tpch.tiny.nation", session(Optional.empty(), Optional.empty())).columnNames())
                .hasSize(4);
    }

    @Test
    void locationsAfterTheDefaultRewriteAreTheUsersOnes() {
        assertError("SELECT nosuch FROM memory.default.t", ErrorCode.COLUMN_NOT_FOUND, 1, 8, "Column 'nosuch'");
        assertError("SELECT * FROM memory.default.t WHERE nosuch = 1", ErrorCode.COLUMN_NOT_FOUND, 1, 38, "Column 'nosuch'");
        assertError("SELECT * FROM memory.default.nosuch", ErrorCode.TABLE_NOT_FOUND, 1, 15,
                "Table 'memory.default.nosuch' does not exist");
    }

    @Test
    void unsupportedFeaturesSayNotSupported() {
        for (String sql : List.of(
                "INSERT INTO memory.default.t VALUES (1, 'a', 1.5, true)")) {
            assertThatThrownBy(() -> plan(sql)).as(sql).isInstanceOfSatisfying(QuarryException.class,
                    e -> assertThat(e.errorCode()).as(sql + ": " + e.getMessage()).isEqualTo(ErrorCode.NOT_SUPPORTED));
        }
    }

    @Test
    void everyTpchQueryPlansOrIsNotSupported() throws Exception {
        List<Integer> planned = new ArrayList<>();
        for (int query = 1; query <= 22; query++) {
            String sql = Conformance.tpchQuery(query);
            for (String schema : List.of("tiny", "sf1")) {
                try {
                    PLANNER.plan(sql, session(Optional.of("tpch"), Optional.of(schema)));
                    if (schema.equals("tiny")) {
                        planned.add(query);
                    }
                } catch (QuarryException e) {
                    assertThat(e.errorCode()).as("Q%d: %s", query, e.getMessage()).isEqualTo(ErrorCode.NOT_SUPPORTED);
                }
            }
        }
        assertThat(planned).containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 22).boxed().toList());
    }

    @Test
    void plannerIsThreadSafe() throws Exception {
        String q1 = Conformance.tpchQuery(1);
        QueryPlan expected = plan(q1);
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                try {
                    for (int i = 0; i < 10; i++) {
                        assertThat(plan(q1)).isEqualTo(expected);
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(failures).isEmpty();
    }

    // ---- helpers ----

    private static QueryPlan plan(String sql) {
        return PLANNER.plan(sql, SESSION);
    }

    private static Session session(Optional<String> catalog, Optional<String> schema) {
        return new Session(QueryId.valueOf("20240101_000000_00001_abcde"), "test", Optional.empty(), catalog, schema,
                ZoneOffset.UTC, "en", Map.of(), Map.of(), 0);
    }

    private static void assertError(String sql, ErrorCode code, int line, int column, String message) {
        assertThatThrownBy(() -> plan(sql)).as(sql).isInstanceOfSatisfying(QuarryException.class, e -> {
            assertThat(e.errorCode()).as(e.getMessage()).isEqualTo(code);
            assertThat(e.getMessage()).startsWith("line " + line + ":" + column + ": ").contains(message);
            assertThat(e.location()).contains(new ErrorLocation(line, column));
        });
    }

    @SafeVarargs
    private static void assertShape(PlanNode root, Class<? extends PlanNode>... kinds) {
        PlanNode node = root;
        for (int i = 0; i < kinds.length; i++) {
            assertThat(node).as(PlanPrinter.print(root)).isInstanceOf(kinds[i]);
            if (i < kinds.length - 1) {
                assertThat(node.sources()).as(PlanPrinter.print(root)).hasSize(1);
                node = node.sources().get(0);
            }
        }
        assertThat(node.sources()).as(PlanPrinter.print(root)).isEmpty();
    }

    private static <T extends PlanNode> T find(PlanNode node, Class<T> kind) {
        if (kind.isInstance(node)) {
            return kind.cast(node);
        }
        for (PlanNode source : node.sources()) {
            T found = findOrNull(source, kind);
            if (found != null) {
                return found;
            }
        }
        throw new AssertionError("no " + kind.getSimpleName() + " in\n" + PlanPrinter.print(node));
    }

    private static <T extends PlanNode> T findOrNull(PlanNode node, Class<T> kind) {
        try {
            return find(node, kind);
        } catch (AssertionError e) {
            return null;
        }
    }

    private static void assertColumnsMatchConformance(QueryPlan plan, String query) throws Exception {
        JsonNode expected = new ObjectMapper().readTree(
                Files.readString(Conformance.directory().resolve("tpch/tiny/" + query + ".json")));
        List<String> names = new ArrayList<>();
        List<String> types = new ArrayList<>();
        for (JsonNode column : expected.get("columns")) {
            names.add(column.get("name").asText());
            types.add(column.get("type").asText().replace(" ", ""));
        }
        assertThat(plan.columnNames()).isEqualTo(names);
        assertThat(plan.columnTypes()).extracting(Type::displayName).isEqualTo(types);
    }

    private static void assertAllComparisonsHaveEqualOperandTypes(PlanNode node) {
        List<Expression> expressions = new ArrayList<>();
        collectExpressions(node, expressions);
        Predicate<Call> isComparisonOrArithmetic = call -> List.of("equal", "not_equal", "less_than", "less_than_or_equal",
                "greater_than", "greater_than_or_equal", "add", "subtract", "multiply", "divide", "modulus").contains(call.function());
        List<Call> calls = new ArrayList<>();
        for (Expression expression : expressions) {
            collectCalls(expression, calls);
        }
        for (Call call : calls) {
            if (isComparisonOrArithmetic.test(call)) {
                Type left = call.arguments().get(0).type();
                Type right = call.arguments().get(1).type();
                if (!(left.rawType().equals("decimal") && right.rawType().equals("decimal"))) {
                    assertThat(left).as(PlanPrinter.expression(call)).isEqualTo(right);
                }
            }
        }
    }

    private static void collectExpressions(PlanNode node, List<Expression> out) {
        if (node instanceof Filter filter) {
            out.add(filter.predicate());
        }
        if (node instanceof Project project) {
            out.addAll(project.projections());
        }
        for (PlanNode source : node.sources()) {
            collectExpressions(source, out);
        }
    }

    private static void collectCalls(Expression expression, List<Call> out) {
        if (expression instanceof Call call) {
            out.add(call);
            call.arguments().forEach(argument -> collectCalls(argument, out));
        } else if (expression instanceof SpecialForm form) {
            form.arguments().forEach(argument -> collectCalls(argument, out));
        }
    }

    private static void collectNames(List<Expression> expressions, List<String> out) {
        for (Expression expression : expressions) {
            if (expression instanceof Call call) {
                out.add(call.function());
                collectNames(call.arguments(), out);
            } else if (expression instanceof SpecialForm form) {
                out.add(form.form().name());
                collectNames(form.arguments(), out);
            }
        }
    }
}
