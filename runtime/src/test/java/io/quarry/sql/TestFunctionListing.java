package io.quarry.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.spi.QueryId;
import io.quarry.spi.Session;
import io.quarry.sql.FunctionListing.FunctionRow;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TestFunctionListing {
    private static final SqlPlanner PLANNER = new SqlPlanner(TestingMetadata.INSTANCE);
    private static final Session SESSION = new Session(QueryId.valueOf("20240101_000000_00001_abcde"), "test",
            Optional.empty(), Optional.of("tpch"), Optional.of("tiny"), ZoneOffset.UTC, "en", Map.of(), Map.of(), 0);

    /**
     * Names the operator table resolves that are not listed: syntax (casts, EXTRACT), the parser's own name for
     * translate, current_time, which resolves only to report that it is not supported yet, and the session's
     * current_user, current_catalog, current_schema and current_path, which Trino does not list either.
     */
    private static final Set<String> NOT_LISTED = Set.of("cast", "try_cast", "extract", "translate3", "current_time", "$tz_lit", "$t", "$at_timezone", "$ip_lit", "$d", "$ts_lit",
            "$char_cast", "$field_value", "$char_try_cast", "$keep_char", "$max_n", "$min_n", "$ar", "$tiny", "$small", "$inte", "$big", "$r", "$dou", "$deci", "$c", "$varc",
            "current_user", "current_catalog", "current_schema", "current_path",
            // SQL/JSON syntax, which Trino does not list either
            "json_value", "json_query", "json_exists", "json_object", "json_array", "format json",
            // and the forms Quarry writes their clauses in
            "$omit_quotes", "$json_path", "$json_clauses", "$json_decode", "$json_formatted", "$json_table",
            // hidden in Trino
            "fail",
            // row pattern recognition's navigation, which Trino does not list either, and Quarry's forms of it
            "prev", "next", "first", "last", "classifier", "match_number", "$measure_prev", "$measure_next", "$label_row", "$classifier", "$subset_column");

    /** Functions the parser takes without parentheses, as SQL's special values. */
    private static final Set<String> WITHOUT_PARENTHESES =
            Set.of("current_date", "current_time", "current_timestamp", "localtime", "localtimestamp");

    /** Instances of the type variables: those of a signature's inputs bigint, those its lambdas produce double. */
    private static final Map<String, String> TYPE_VARIABLES = Map.ofEntries(
            Map.entry("T", "bigint"), Map.entry("E", "bigint"), Map.entry("K", "bigint"), Map.entry("V", "bigint"),
            Map.entry("U", "double"), Map.entry("R", "double"), Map.entry("S", "double"), Map.entry("K2", "double"),
            Map.entry("V2", "double"));

    /** Instances of the parametric types, distinct lengths so that a result shows which argument it follows. */
    private static final Map<String, String> PARAMETRIC_TYPES = Map.ofEntries(
            Map.entry("decimal(p,s)", "decimal(10,2)"),
            Map.entry("timestamp(p)", "timestamp(3)"),
            Map.entry("time(p)", "time(3)"),
            Map.entry("varchar(x)", "varchar(5)"),
            Map.entry("varchar(y)", "varchar(3)"),
            Map.entry("varchar(z)", "varchar(4)"),
            Map.entry("char(x)", "char(5)"),
            Map.entry("char(y)", "char(3)"),
            // Trino's types of regular expressions, JSON paths and character sets are varchar to Quarry
            Map.entry("joniregexp", "varchar(3)"),
            Map.entry("jsonpath", "varchar(3)"),
            Map.entry("codepoints", "varchar(3)"),
            Map.entry("qdigest(v)", "qdigest(double)"));

    /** Results computed from the parameters (Trino's constraints), under the instances above. */
    private static final Map<String, String> COMPUTED_RESULTS = Map.ofEntries(
            Map.entry("round(decimal(p,s))", "decimal(9,0)"),
            Map.entry("ceil(decimal(p,s))", "decimal(9,0)"),
            Map.entry("ceiling(decimal(p,s))", "decimal(9,0)"),
            Map.entry("floor(decimal(p,s))", "decimal(9,0)"),
            Map.entry("round(decimal(p,s), integer)", "decimal(11,2)"),
            Map.entry("truncate(decimal(p,s))", "decimal(8,0)"),
            Map.entry("sum(decimal(p,s))", "decimal(38,2)"),
            Map.entry("replace(varchar(x), varchar(y), varchar(z))", "varchar(29)"),
            Map.entry("regexp_replace(varchar(x), joniregexp, varchar(z))", "varchar(65)"),
            Map.entry("concat(char(x), char(y))", "char(8)"),
            Map.entry("url_encode(varchar(x))", "varchar(60)"),
            Map.entry("render(varchar(x), color)", "varchar(20)"),
            // date-time functions
            Map.entry("to_iso8601(timestamp(p))", "varchar(26)"),
            Map.entry("to_iso8601(timestamp(p) with time zone)", "varchar(32)"));

    /** Rows whose planned column type is not yet the listed (Trino's) one, with the type planned instead: none now. */
    private static final Map<String, String> KNOWN_DIFFERENCES = Map.of();

    @Test
    void everyResolvedNameIsListedAndEveryListedNameResolves() {
        Set<String> resolved = PrestoOperatorTable.INSTANCE.functionsByName().keySet().stream()
                .map(name -> name.toLowerCase(Locale.ROOT))
                .filter(name -> !NOT_LISTED.contains(name))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> listed = FunctionListing.list(Optional.empty(), Optional.empty()).stream()
                .filter(row -> !row.functionType().equals("table"))
                .map(FunctionRow::function)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(listed).containsExactlyElementsOf(resolved);
    }

    @Test
    void rowsAreTrinosSignaturesWithDescriptions() {
        List<FunctionRow> rows = FunctionListing.list(Optional.empty(), Optional.empty());
        assertThat(rows).filteredOn(row -> row.function().equals("abs"))
                .extracting(FunctionRow::argumentTypes)
                .containsExactlyInAnyOrder("tinyint", "smallint", "integer", "bigint", "real", "double", "decimal(p,s)");
        assertThat(rows).filteredOn(row -> row.function().equals("all_match"))
                .singleElement()
                .satisfies(row -> {
                    assertThat(row.returnType()).isEqualTo("boolean");
                    assertThat(row.argumentTypes()).isEqualTo("array(T), function(T,boolean)");
                });
        assertThat(rows).contains(new FunctionRow(
                "rand", "double", "", "scalar", false, "A pseudo-random number from 0 (inclusive) to 1 (exclusive)."));
        assertThat(rows).allSatisfy(row -> assertThat(row.description()).as(row.function()).isNotBlank().endsWith("."));
        assertThat(rows).doesNotHaveDuplicates();
        assertThat(rows).filteredOn(row -> row.functionType().equals("table"))
                .extracting(FunctionRow::function, FunctionRow::returnType, FunctionRow::argumentTypes, FunctionRow::deterministic)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("exclude_columns", "unknown", "unknown, unknown", false),
                        org.assertj.core.groups.Tuple.tuple("sequence", "unknown", "bigint, bigint, bigint", false));
        assertThat(rows).isSortedAccordingTo(Comparator.comparing(FunctionRow::function)
                .thenComparing(FunctionRow::returnType)
                .thenComparing(FunctionRow::argumentTypes)
                .thenComparing(FunctionRow::functionType));
    }

    @Test
    void everyRowPlansToItsReturnType() {
        List<String> failures = new ArrayList<>();
        for (FunctionRow row : FunctionListing.list(Optional.empty(), Optional.empty())) {
            if (row.functionType().equals("table")) {
                continue; // called in FROM, not in an expression: TestExcludeColumns, TestQueryEdges
            }
            String signature = row.function() + "(" + row.argumentTypes() + ")";
            String expected = KNOWN_DIFFERENCES.getOrDefault(
                    signature, COMPUTED_RESULTS.getOrDefault(signature, instance(row.returnType())));
            String sql = call(row);
            try {
                QueryPlan plan = PLANNER.plan(sql, SESSION);
                String actual = plan.columnTypes().get(0).displayName().replace(", ", ",");
                // Trino lists every type name in lower case, HyperLogLog as hyperloglog
                if (!actual.equalsIgnoreCase(expected)) {
                    failures.add(signature + ": planned " + actual + ", listed " + expected + "   [" + sql + "]");
                }
            } catch (RuntimeException e) {
                failures.add(signature + ": " + e.getMessage() + "   [" + sql + "]");
            }
        }
        assertThat(failures).as("rows whose call does not plan to the listed type").isEmpty();
    }

    /** A call with a null (or a lambda) of an instance of each listed argument type, in the clause it needs. */
    private static String call(FunctionRow row) {
        String name = row.function();
        // window functions take their counts and offsets as constants
        List<String> arguments = row.argumentTypeList().stream()
                .map(type -> row.functionType().equals("window") && type.equals("bigint") ? "2" : argument(type))
                .toList();
        if (name.equals("grouping")) {
            return "SELECT grouping(g) FROM (VALUES CAST(NULL AS bigint)) t(g) GROUP BY GROUPING SETS ((g), ())";
        }
        if (name.equals("listagg")) {
            // Trino lists listagg's internal form; SQL spells it with WITHIN GROUP
            return "SELECT listagg(CAST(NULL AS varchar), ',') WITHIN GROUP (ORDER BY dummy) FROM (VALUES 1) t(dummy)";
        }
        if (name.equals("normalize") && arguments.size() == 2) {
            // SQL spells the form as a bare word
            return "SELECT normalize(" + arguments.get(0) + ", NFC)";
        }
        if (name.equals("position")) {
            return "SELECT position(" + arguments.get(1) + " IN " + arguments.get(0) + ")";
        }
        String invocation = WITHOUT_PARENTHESES.contains(name)
                ? name
                : name + "(" + (arguments.isEmpty() && name.equals("count") ? "*" : String.join(", ", arguments)) + ")";
        return switch (row.functionType()) {
            case "aggregate" -> "SELECT " + invocation + " FROM (VALUES 1) t(dummy)";
            case "window" -> "SELECT " + invocation + " OVER (ORDER BY dummy) FROM (VALUES 1) t(dummy)";
            default -> "SELECT " + invocation;
        };
    }

    private static String argument(String type) {
        if (type.startsWith("function(")) {
            List<String> types = List.of(type.substring("function(".length(), type.length() - 1).split(","));
            List<String> parameters = new ArrayList<>();
            for (int i = 0; i < types.size() - 1; i++) {
                parameters.add("p" + i);
            }
            String body = "CAST(NULL AS " + instance(types.get(types.size() - 1)) + ")";
            return (parameters.size() == 1 ? parameters.get(0) : "(" + String.join(", ", parameters) + ")") + " -> " + body;
        }
        // a row type in a cast needs field names
        return "CAST(NULL AS " + instance(type).replace("row(bigint,bigint)", "row(k bigint, v bigint)") + ")";
    }

    /** The concrete type standing for a listed one. */
    private static String instance(String type) {
        String result = type;
        for (Map.Entry<String, String> parametric : PARAMETRIC_TYPES.entrySet()) {
            result = result.replace(parametric.getKey(), parametric.getValue());
        }
        Matcher matcher = Pattern.compile("\\b[A-Z][0-9]?\\b").matcher(result);
        StringBuilder substituted = new StringBuilder();
        while (matcher.find()) {
            String variable = matcher.group();
            if (!TYPE_VARIABLES.containsKey(variable)) {
                throw new AssertionError("Unknown type variable " + variable + " in " + type);
            }
            matcher.appendReplacement(substituted, TYPE_VARIABLES.get(variable));
        }
        matcher.appendTail(substituted);
        return substituted.toString();
    }

    @Test
    void likeMatchesNamesWithUnderscoresPercentsAndEscapes() {
        assertThat(FunctionListing.list(Optional.of("approx\\_%"), Optional.of("\\")))
                .extracting(FunctionRow::function)
                .containsOnly("approx_distinct", "approx_most_frequent", "approx_percentile", "approx_set");
        assertThat(FunctionListing.list(Optional.of("l_g"), Optional.empty()))
                .extracting(FunctionRow::function)
                .containsOnly("lag", "log");
        assertThat(FunctionListing.likeToRegex("a_b%", Optional.of("a")).matcher("_bxyz").matches()).isTrue();
        assertThat(FunctionListing.likeToRegex("a_b%", Optional.of("a")).matcher("xbxyz").matches()).isFalse();
        assertThat(FunctionListing.likeToRegex("x!%", Optional.of("!")).matcher("x%").matches()).isTrue();
        assertThat(FunctionListing.likeToRegex("x!%", Optional.of("!")).matcher("xy").matches()).isFalse();
    }

    @Test
    void parsesShowFunctions() {
        assertThat(WriteStatementParser.parse("SHOW FUNCTIONS")).contains(new WriteStatement.ShowFunctions(Optional.empty(), Optional.empty()));
        assertThat(WriteStatementParser.parse("show functions like 'a%' escape '!'"))
                .contains(new WriteStatement.ShowFunctions(Optional.of("a%"), Optional.of("!")));
    }
}
