package io.quarry.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarry.plan.ExchangeKind;
import io.quarry.plan.Join;
import io.quarry.plan.PlanFragment;
import io.quarry.plan.PlanNode;
import io.quarry.plan.TableScan;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.DateType;
import io.quarry.type.Type;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The 22 TPC-H queries and the join and sub-query conformance cases, planned from SQL and run over two
 * tasks per distributed stage (no actors), with broadcast and with partitioned joins, against Trino's
 * answers on tpch.tiny.
 */
class TestJoinQueries extends LocalQueryTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"AUTOMATIC", "PARTITIONED"})
    void tpchQueriesMatchTrino(String distribution) throws Exception {
        List<String> failures = new ArrayList<>();
        for (int i = 1; i <= 22; i++) {
            String name = String.format("q%02d", i);
            Path directory = TestTpchQueries.conformance().resolve("tpch");
            String sql = Files.readString(directory.resolve("queries/" + name + ".sql"));
            JsonNode expected = MAPPER.readTree(directory.resolve("tiny/" + name + ".json").toFile());
            try {
                LocalQueryRunner.Result result = runner.execute(sql, Map.of("join_distribution_type", distribution));
                String mismatch = mismatch(expected, result);
                if (mismatch != null) {
                    failures.add(name + ": " + mismatch);
                }
            } catch (Exception | AssertionError e) {
                failures.add(name + ": " + e);
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void conformanceCasesMatchTrino() throws Exception {
        List<String> failures = new ArrayList<>();
        List<Path> cases;
        try (Stream<Path> files = Files.list(TestTpchQueries.conformance().resolve("sql"))) {
            cases = files.filter(file -> file.getFileName().toString().matches("(07[4-9]|08[0-6]|111)_.*\\.sql")).sorted().toList();
        }
        assertThat(cases).hasSize(14);
        for (Path file : cases) {
            JsonNode expected = MAPPER.readTree(Path.of(file.toString().replace(".sql", ".json")).toFile());
            String name = file.getFileName().toString();
            try {
                LocalQueryRunner.Result result = runner.execute(Files.readString(file), Map.of());
                if (expected.has("error")) {
                    failures.add(name + ": expected " + expected.get("error").get("errorName").asText());
                    continue;
                }
                String mismatch = mismatch(expected, result);
                if (mismatch != null) {
                    failures.add(name + ": " + mismatch);
                }
            } catch (Exception e) {
                String error = errorName(e);
                if (!expected.has("error") || !expected.get("error").get("errorName").asText().equals(error)) {
                    failures.add(name + ": " + e);
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void partitionedJoinsRepartitionBothSides() throws Exception {
        String sql = Files.readString(TestTpchQueries.conformance().resolve("tpch/queries/q03.sql"));
        LocalQueryRunner.Result result = runner.execute(sql, Map.of("join_distribution_type", "PARTITIONED"));
        List<Join> joins = new ArrayList<>();
        List<ExchangeKind> inputs = new ArrayList<>();
        for (PlanFragment fragment : result.fragments()) {
            collect(fragment.root(), joins);
            if (containsJoin(fragment.root())) {
                result.fragments().stream()
                        .filter(source -> fragment.sourceFragments().contains(source.id()))
                        .forEach(source -> inputs.add(source.outputKind()));
            }
        }
        assertThat(joins).hasSize(2);
        assertThat(inputs).containsOnly(ExchangeKind.REPARTITION);

        LocalQueryRunner.Result broadcast = runner.execute(sql, Map.of("join_distribution_type", "BROADCAST"));
        assertThat(broadcast.fragments().stream().map(PlanFragment::outputKind)).contains(ExchangeKind.REPLICATE);
    }

    @Test
    void existsBecomesASemiJoinWithoutRepeatingTheOuterQuery() throws Exception {
        String sql = Files.readString(TestTpchQueries.conformance().resolve("tpch/queries/q21.sql"));
        LocalQueryRunner.Result result = runner.execute(sql, Map.of());
        List<TableScan> scans = new ArrayList<>();
        for (PlanFragment fragment : result.fragments()) {
            collectScans(fragment.root(), scans);
        }
        // l1, l2 and l3, not the outer join again inside each sub-query
        assertThat(scans.stream().filter(scan -> scan.table().table().equals("lineitem"))).hasSize(3);
    }

    @Test
    void existsOverABigTableBuildsTheFewRowsToKeep() throws Exception {
        String values = "(VALUES 1, 2, 2, 3, NULL, 999999) AS t(x)";
        String condition = "(SELECT * FROM orders o WHERE o.orderkey = t.x AND o.custkey > 0)";
        LocalQueryRunner.Result exists = runner.execute("SELECT x FROM " + values + " WHERE EXISTS " + condition, Map.of());
        assertThat(exists.rows()).containsExactlyInAnyOrder(row(1L), row(2L), row(2L), row(3L));
        assertThat(joinTypes(exists)).as(exists.fragments().toString()).contains(io.quarry.plan.JoinType.RIGHT_SEMI);
        LocalQueryRunner.Result missing = runner.execute("SELECT x FROM " + values + " WHERE NOT EXISTS " + condition, Map.of());
        assertThat(missing.rows()).containsExactlyInAnyOrder(row((Object) null), row(999999L));
        assertThat(joinTypes(missing)).contains(io.quarry.plan.JoinType.RIGHT_ANTI);
    }

    private static List<io.quarry.plan.JoinType> joinTypes(LocalQueryRunner.Result result) {
        List<Join> joins = new ArrayList<>();
        result.fragments().forEach(fragment -> collect(fragment.root(), joins));
        return joins.stream().map(Join::type).toList();
    }

    @Test
    void aJoinKeyInEveryBranchOfAnOrBecomesAnEquiKey() throws Exception {
        String sql = Files.readString(TestTpchQueries.conformance().resolve("tpch/queries/q19.sql"));
        LocalQueryRunner.Result result = runner.execute(sql, Map.of());
        List<Join> joins = new ArrayList<>();
        result.fragments().forEach(fragment -> collect(fragment.root(), joins));
        // part.partkey = lineitem.partkey stands in each of Q19's three OR branches
        assertThat(joins).hasSize(1);
        assertThat(joins.get(0).leftKeys()).hasSize(1);
    }

    private static void collectScans(PlanNode node, List<TableScan> scans) {
        if (node instanceof TableScan scan) {
            scans.add(scan);
        }
        node.sources().forEach(source -> collectScans(source, scans));
    }

    @Test
    void scalarSubqueryWithSeveralRowsFails() {
        assertThatThrownBy(() -> runner.execute("SELECT (SELECT nationkey FROM nation) AS k", Map.of()))
                .satisfies(e -> assertThat(errorName(e)).isEqualTo(ErrorCode.SUBQUERY_MULTIPLE_ROWS.name()));
    }

    @Test
    void outerJoinsPadWithNulls() throws Exception {
        LocalQueryRunner.Result full = runner.execute(
                "SELECT a.x, b.y FROM (VALUES 1, 2, 3, NULL) AS a(x) FULL JOIN (VALUES 2, 3, 4, NULL) AS b(y) ON a.x = b.y", Map.of());
        assertThat(full.rows()).containsExactlyInAnyOrder(
                row(1L, null), row(2L, 2L), row(3L, 3L), row(null, null), row(null, 4L), row(null, null));
        LocalQueryRunner.Result left = runner.execute(
                "SELECT n.name, count(o.orderkey) FROM nation n LEFT JOIN customer c ON c.nationkey = n.nationkey "
                        + "AND c.acctbal > 9990 LEFT JOIN orders o ON o.custkey = c.custkey WHERE n.regionkey = 0 "
                        + "GROUP BY n.name", Map.of());
        assertThat(left.rows()).hasSize(5);
    }

    @Test
    void notInIsNullAware() throws Exception {
        assertThat(runner.execute("SELECT count(*) FROM nation WHERE regionkey NOT IN (SELECT regionkey FROM region WHERE regionkey > 1)",
                Map.of()).rows()).containsExactly(List.of(10L));
        assertThat(runner.execute("SELECT count(*) FROM nation WHERE regionkey NOT IN (SELECT regionkey FROM region WHERE regionkey > 9)",
                Map.of()).rows()).containsExactly(List.of(25L));
        assertThat(runner.execute("SELECT x IN (SELECT y FROM (VALUES 1, NULL) t(y)) FROM (VALUES 1, 2, NULL) s(x)",
                Map.of()).rows()).containsExactlyInAnyOrder(List.of(true), row((Object) null), row((Object) null));
    }

    @Test
    void correlatedInIsUnknownOnlyForANullOfItsOwnCorrelation() throws Exception {
        // Trino 476: the NULL of (NULL, 20) is in the sub-query of x = 1 alone (z > x * 10)
        String in = "SELECT x, x IN (SELECT y FROM (VALUES (1, 10), (NULL, 20), (3, 30)) u(y, z) WHERE z > x * 10)"
                + " FROM (VALUES 1, 2, 3) t(x) ORDER BY 1";
        assertThat(runner.execute(in, Map.of()).rows())
                .containsExactly(row(1L, null), row(2L, false), row(3L, false));
        String notIn = "SELECT x FROM (VALUES 1, 2, 3) t(x)"
                + " WHERE x NOT IN (SELECT y FROM (VALUES (1, 10), (NULL, 20), (3, 30)) u(y, z) WHERE z > x * 10) ORDER BY 1";
        assertThat(runner.execute(notIn, Map.of()).rows()).containsExactly(List.of(2L), List.of(3L));
        String nullProbe = "SELECT x, x IN (SELECT y FROM (VALUES (1, 1), (2, 2)) u(y, z) WHERE z = w)"
                + " FROM (VALUES (NULL, 1), (NULL, 5)) t(x, w) ORDER BY 2";
        assertThat(runner.execute(nullProbe, Map.of()).rows()).containsExactly(row(null, false), row(null, null));
    }

    @Test
    void nanMatchesNothingInEquiJoinsButItselfInIn() throws Exception {
        // Trino 476: NaN = NaN is false in a join condition (inner, outer, EXISTS), while IN finds a NaN
        assertThat(runner.execute("SELECT count(*) FROM (VALUES nan(), 1e0) t(x) JOIN (VALUES nan(), 1e0) u(y) ON x = y",
                Map.of()).rows()).containsExactly(List.of(1L));
        assertThat(runner.execute("SELECT x, y FROM (VALUES nan()) t(x) LEFT JOIN (VALUES nan()) u(y) ON x = y",
                Map.of()).rows()).containsExactly(row(Double.NaN, null));
        assertThat(runner.execute("SELECT count(*) FROM (VALUES (REAL 'NaN', 1)) t(x, k) JOIN (VALUES (REAL 'NaN', 1)) u(y, j)"
                + " ON x = y AND k = j", Map.of()).rows()).containsExactly(List.of(0L));
        assertThat(runner.execute("SELECT x FROM (VALUES nan(), 1e0) t(x)"
                + " WHERE NOT EXISTS (SELECT 1 FROM (VALUES nan()) u(y) WHERE y = x) ORDER BY x", Map.of()).rows())
                .containsExactly(List.of(1.0), List.of(Double.NaN));
        assertThat(runner.execute("SELECT x FROM (VALUES nan(), 1e0) t(x) WHERE x IN (SELECT y FROM (VALUES nan(), 2e0) u(y))",
                Map.of()).rows()).isEmpty();
        assertThat(runner.execute("SELECT x, x IN (SELECT y FROM (VALUES nan(), 2e0) u(y)) FROM (VALUES nan(), 1e0) t(x) ORDER BY x",
                Map.of()).rows()).containsExactly(row(1.0, false), row(Double.NaN, true));
        assertThat(runner.execute("SELECT x FROM (VALUES nan(), 1e0) t(x) WHERE x NOT IN (SELECT nan())",
                Map.of()).rows()).containsExactly(List.of(1.0));
    }

    @Test
    void lateralGlobalAggregateKeepsOuterRowsWithoutInput() throws Exception {
        // Trino 476: a global aggregate has a row for every outer row, NULL where nothing matched
        assertThat(runner.execute("SELECT x, m FROM (VALUES 1, 2, 3) t(x),"
                + " LATERAL (SELECT max(z) m FROM (VALUES 1, 2) v(z) WHERE z < t.x) ORDER BY 1", Map.of()).rows())
                .containsExactly(row(1L, null), row(2L, 1L), row(3L, 2L));
        assertThat(runner.execute("SELECT x, m, c FROM (VALUES 1, 3) t(x)"
                + " CROSS JOIN LATERAL (SELECT sum(z) m, count(*) c FROM (VALUES 1, 2) v(z) WHERE z < t.x) ORDER BY 1", Map.of()).rows())
                .containsExactly(row(1L, null, 0L), row(3L, 3L, 2L));
    }

    @Test
    void lateralReferenceInFullOrRightJoinIsRefused() throws Exception {
        // Trino 476: INVALID_COLUMN_REFERENCE "LATERAL reference not allowed in FULL JOIN"; one without a reference runs
        for (String join : List.of("FULL", "RIGHT")) {
            assertThatThrownBy(() -> runner.execute("SELECT * FROM nation n " + join + " JOIN LATERAL (SELECT n.name) ON true", Map.of()))
                    .isInstanceOfSatisfying(QuarryException.class, e -> {
                        assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_COLUMN_REFERENCE);
                        assertThat(e.getMessage()).isEqualTo("LATERAL reference not allowed in " + join + " JOIN");
                    });
        }
        assertThat(runner.execute("SELECT * FROM (SELECT orderkey FROM orders WHERE orderkey = 1) x"
                + " FULL JOIN LATERAL (SELECT 1 AS k) ON TRUE", Map.of()).rows()).containsExactly(row(1L, 1L));
    }

    @Test
    void rowInSubQueryComparesRowsWithNullFieldsAlike() throws Exception {
        // Trino 476: a row IN is never unknown, NULL fields match NULL fields; a filter on it joins the fields
        String rows = " (SELECT y, k FROM (VALUES (1, 1), (NULL, 1), (5, 2)) u(y, k))";
        assertThat(runner.execute("SELECT x, k, (x, k) IN" + rows
                + " FROM (VALUES (1, 1), (3, 1), (NULL, 2), (NULL, 1)) t(x, k) ORDER BY 1, 2", Map.of()).rows())
                .containsExactly(row(1L, 1L, true), row(3L, 1L, false), row(null, 1L, true), row(null, 2L, false));
        assertThat(runner.execute("SELECT x, k FROM (VALUES (1, 1), (3, 1), (5, 2), (NULL, 2), (NULL, 1)) t(x, k)"
                + " WHERE (x, k) NOT IN" + rows + " ORDER BY 1, 2", Map.of()).rows())
                .containsExactly(row(3L, 1L), row(null, 2L));
        assertThat(runner.execute("SELECT x, k FROM (VALUES (1, 1), (3, 1), (5, 2), (NULL, 2), (NULL, 1)) t(x, k)"
                + " WHERE (x, k) IN" + rows + " ORDER BY 1, 2", Map.of()).rows())
                .containsExactly(row(1L, 1L), row(5L, 2L));
        assertThat(runner.execute("SELECT (x, k) = ANY (SELECT y, z FROM (VALUES (1, NULL), (NULL, 2)) u(y, z))"
                + " FROM (VALUES (NULL, 2), (1, 2), (1, NULL)) t(x, k) ORDER BY x NULLS FIRST, k NULLS FIRST", Map.of()).rows())
                .containsExactly(List.of(true), List.of(true), List.of(false));
    }

    @Test
    void usingColumnOfAliasedRelationsInWhereAndOrderBy() throws Exception {
        // Trino 476: the USING column is one column, also where the relations name their columns
        assertThat(runner.execute("SELECT y, x FROM (VALUES (1, 2), (3, 4)) a(x, y) JOIN (VALUES (1, 3), (3, 5)) b(x, z) USING (x)"
                + " WHERE x > 0 ORDER BY x DESC", Map.of()).rows())
                .containsExactly(row(4L, 3L), row(2L, 1L));
        assertThat(runner.execute("SELECT count(*) FROM (VALUES (1, 2)) a(x, y) JOIN (VALUES (1, 3)) b(x, z) USING (x) WHERE x = 1",
                Map.of()).rows()).containsExactly(List.of(1L));
        // the column has the common type of the two sides
        assertThat(runner.execute("SELECT typeof(x), x, count(*) FROM (VALUES 1, 2) a(x) JOIN (VALUES 2.0, 3) b(x) USING (x)"
                + " WHERE x > 0 GROUP BY x ORDER BY x", Map.of()).rows())
                .containsExactly(row("decimal(11,1)", new java.math.BigDecimal("2.0"), 1L));
    }

    @Test
    void notDistinctJoinMatchesArraysWithNullElements() throws Exception {
        // Trino 476: IS NOT DISTINCT FROM matches ARRAY[1, NULL] with itself; = does not
        assertThat(runner.execute("SELECT count(*) FROM (VALUES ARRAY[1, NULL], ARRAY[2]) a(x)"
                + " JOIN (VALUES ARRAY[1, NULL]) b(y) ON a.x IS NOT DISTINCT FROM b.y", Map.of()).rows())
                .containsExactly(List.of(1L));
        assertThat(runner.execute("SELECT count(*) FROM (VALUES ARRAY[1, NULL], ARRAY[2]) a(x)"
                + " JOIN (VALUES ARRAY[1, NULL]) b(y) ON a.x = b.y", Map.of()).rows())
                .containsExactly(List.of(0L));
    }

    private static List<Object> row(Object... values) {
        return java.util.Arrays.asList(values);
    }

    private static void collect(PlanNode node, List<Join> joins) {
        if (node instanceof Join join) {
            joins.add(join);
        }
        node.sources().forEach(source -> collect(source, joins));
    }

    private static boolean containsJoin(PlanNode node) {
        return node instanceof Join || node.sources().stream().anyMatch(TestJoinQueries::containsJoin);
    }

    private static String errorName(Throwable e) {
        Throwable current = e;
        while (current != null) {
            if (current instanceof QuarryException quarry) {
                return quarry.errorCode().name();
            }
            current = current.getCause() == current ? null : current.getCause();
        }
        return "none";
    }

    /** Null when the result matches the expected file; else why not. */
    static String mismatch(JsonNode expected, LocalQueryRunner.Result result) {
        JsonNode columns = expected.get("columns");
        if (columns.size() != result.types().size()) {
            return "columns " + result.names() + " for " + columns;
        }
        List<List<String>> actualRows = new ArrayList<>();
        for (List<Object> row : result.rows()) {
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < row.size(); c++) {
                cells.add(text(row.get(c), result.types().get(c)));
            }
            actualRows.add(cells);
        }
        List<List<String>> expectedRows = new ArrayList<>();
        for (JsonNode row : expected.get("rows")) {
            List<String> cells = new ArrayList<>();
            row.forEach(cell -> cells.add(cell.isNull() ? "null" : cell.isNumber() ? number(cell.decimalValue()) : cell.asText()));
            expectedRows.add(cells);
        }
        if (actualRows.size() != expectedRows.size()) {
            return actualRows.size() + " rows instead of " + expectedRows.size() + ": " + first(actualRows);
        }
        if (!expected.path("ordered").asBoolean()) {
            Comparator<List<String>> order = Comparator.comparing(Object::toString);
            actualRows.sort(order);
            expectedRows.sort(order);
        }
        for (int r = 0; r < actualRows.size(); r++) {
            for (int c = 0; c < columns.size(); c++) {
                if (!same(actualRows.get(r).get(c), expectedRows.get(r).get(c))) {
                    return "row " + r + ": " + actualRows.get(r) + " instead of " + expectedRows.get(r);
                }
            }
        }
        return null;
    }

    private static List<List<String>> first(List<List<String>> rows) {
        return rows.subList(0, Math.min(3, rows.size()));
    }

    private static boolean same(String actual, String expected) {
        if (actual.equals(expected)) {
            return true;
        }
        try {
            double a = Double.parseDouble(actual);
            double e = Double.parseDouble(expected);
            return Math.abs(a - e) <= Math.max(1e-9, Math.abs(e) * 1e-6);
        } catch (NumberFormatException ex) {
            return false;
        }
    }

    private static String text(Object value, Type type) {
        if (value == null) {
            return "null";
        }
        if (type instanceof DateType) {
            return LocalDate.ofEpochDay((Long) value).toString();
        }
        if (value instanceof Number number) {
            return number(new BigDecimal(number.toString()));
        }
        return value.toString();
    }

    private static String number(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() <= 0 ? stripped.toBigInteger().toString() : stripped.toPlainString();
    }
}
