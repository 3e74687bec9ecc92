package io.quarry.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * EXPLAIN ANALYZE and EXPLAIN (TYPE IO) on a coordinator with two workers, over the statement protocol and through
 * the Trino JDBC driver: every fragment shows, the figures are the run's (a table scan's rows are the table's), and
 * statements that write or are not queries are refused.
 */
class ExplainAnalyzeIT {
    private static final String Q3 = """
            SELECT l.orderkey AS l_orderkey, sum(l.extendedprice * (1 - l.discount)) AS revenue,
              o.orderdate AS o_orderdate, o.shippriority AS o_shippriority
            FROM customer c, orders o, lineitem l
            WHERE c.mktsegment = 'BUILDING' AND c.custkey = o.custkey AND l.orderkey = o.orderkey
              AND o.orderdate < DATE '1995-03-15' AND l.shipdate > DATE '1995-03-15'
            GROUP BY l.orderkey, o.orderdate, o.shippriority
            ORDER BY revenue DESC, o_orderdate
            LIMIT 10""";
    private static final long LINEITEM_ROWS = 60175;
    /** The figures line under a plan node. */
    private static final Pattern NODE_FIGURES = Pattern.compile(
            "CPU: ([0-9.]+)(ns|us|ms|s|m) \\(([0-9.]+)%\\), Wall: ([0-9.]+)(ns|us|ms|s|m) \\(([0-9.]+)%\\), Peak memory: ([0-9.]+)(B|kB|MB|GB),"
                    + " Input: (\\d+) rows \\(([0-9.]+)(B|kB|MB|GB)\\), Output: (\\d+) rows \\(([0-9.]+)(B|kB|MB|GB)\\)");

    private static QuarryCluster cluster;
    private static StatementClient client;

    @BeforeAll
    static void start() {
        cluster = QuarryCluster.withWorkers(2);
        client = cluster.client("tpch", "tiny");
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Test
    void explainAnalyzeOfQ3ShowsEveryFragmentWithTheFiguresOfTheRun() {
        String plainPlan = text(client.execute("EXPLAIN " + Q3));
        String analyzed = text(client.execute("EXPLAIN ANALYZE " + Q3));

        List<String> fragments = fragmentHeaders(plainPlan);
        assertThat(fragments).hasSizeGreaterThanOrEqualTo(3);
        assertThat(fragmentHeaders(analyzed)).isEqualTo(fragments);
        for (String fragment : fragments) {
            String after = analyzed.substring(analyzed.indexOf(fragment) + fragment.length() + 1);
            assertThat(after.lines().findFirst().orElseThrow().strip())
                    .matches("CPU: [0-9.]+(ns|us|ms|s|m), Wall: [0-9.]+(ns|us|ms|s|m), Peak memory: [0-9.]+(B|kB|MB|GB), Tasks: [12],"
                            + " Input: \\d+ rows .*, Output: \\d+ rows .*");
        }
        // the scan reads every row of lineitem, whatever the dynamic filters later drop
        assertThat(figuresOf(analyzed, "TableScan[", "lineitem").inputRows()).isEqualTo(LINEITEM_ROWS);
        // every figure of every node is there and not negative
        Matcher matcher = NODE_FIGURES.matcher(analyzed);
        int nodes = 0;
        while (matcher.find()) {
            nodes++;
            for (int group : new int[] {1, 3, 4, 6, 7, 10, 13}) {
                assertThat(Double.parseDouble(matcher.group(group))).isGreaterThanOrEqualTo(0);
            }
        }
        assertThat(nodes).isGreaterThanOrEqualTo(8);
        assertThat(analyzed).startsWith("Tasks: ");
        // the top-N at the root gives the query's rows
        assertThat(figuresOf(analyzed, "TopN[", "").outputRows()).isEqualTo(10);
    }

    @Test
    void withoutDynamicFilteringTheScanOfLineitemOutputsTheWholeTable() {
        StatementClient noFilters = new StatementClient(cluster.coordinatorUri(), "X-Trino-",
                Map.of("User", "test", "Catalog", "tpch", "Schema", "tiny", "Session", "enable_dynamic_filtering=false"));
        String analyzed = text(noFilters.execute("EXPLAIN ANALYZE " + Q3));
        Figures scan = figuresOf(analyzed, "TableScan[", "lineitem");
        assertThat(scan.outputRows()).isEqualTo(LINEITEM_ROWS);
        assertThat(scan.inputRows()).isEqualTo(LINEITEM_ROWS);
    }

    @Test
    void anAggregatesOutputIsTheQuerysRowCount() {
        String query = "SELECT orderstatus, count(*) FROM orders GROUP BY orderstatus";
        int rows = client.execute(query).rows().size();
        String analyzed = text(client.execute("EXPLAIN ANALYZE " + query));
        assertThat(figuresOf(analyzed, "Aggregate[", "step = FINAL").outputRows()).isEqualTo(rows).isEqualTo(3);
        assertThat(figuresOf(analyzed, "TableScan[", "orders").outputRows()).isEqualTo(15000);
    }

    @Test
    void verboseAddsOperatorsTasksAndSkew() {
        String analyzed = text(client.execute("EXPLAIN ANALYZE VERBOSE SELECT count(*) FROM lineitem"));
        assertThat(analyzed).contains("Operators: TableScan, Tasks: 2, Drivers: ");
        assertThat(analyzed).containsPattern("Input avg\\.: [0-9.]+ rows per task, Input std\\.dev\\.: [0-9.]+%");
        assertThat(figuresOf(analyzed, "TableScan[", "lineitem").outputRows()).isEqualTo(LINEITEM_ROWS);
    }

    @Test
    void statementsThatWriteAndUtilityStatementsAreRefused() {
        StatementClient memory = cluster.client("memory", "default");
        StatementClient.Result insert = memory.execute("EXPLAIN ANALYZE INSERT INTO t SELECT 1");
        assertThat(insert.errorName()).isEqualTo("NOT_SUPPORTED");
        assertThat(insert.error().orElseThrow().path("message").asText()).contains("write data");
        StatementClient.Result create = memory.execute("EXPLAIN ANALYZE CREATE TABLE t AS SELECT 1 x");
        assertThat(create.errorName()).isEqualTo("NOT_SUPPORTED");
        assertThat(memory.execute("SHOW TABLES").rows()).isEmpty();
        StatementClient.Result show = client.execute("EXPLAIN ANALYZE SHOW CATALOGS");
        assertThat(show.errorName()).isEqualTo("NOT_SUPPORTED");
        assertThat(show.error().orElseThrow().path("message").asText()).contains("only supported for queries");
        assertThat(client.execute("EXPLAIN ANALYZE SELECT nothing FROM nation").errorName()).isEqualTo("COLUMN_NOT_FOUND");
    }

    @Test
    void explainIoOfAJoinListsBothTables() throws Exception {
        String json = text(client.execute(
                "EXPLAIN (TYPE IO, FORMAT JSON) SELECT n.name, r.name FROM nation n JOIN region r ON n.regionkey = r.regionkey"
                        + " WHERE r.name = 'ASIA'"));
        JsonNode io = new ObjectMapper().readTree(json);
        List<String> tables = new ArrayList<>();
        for (JsonNode input : io.get("inputTableColumnInfos")) {
            assertThat(input.at("/table/catalog").asText()).isEqualTo("tpch");
            assertThat(input.at("/table/schemaTable/schema").asText()).isEqualTo("tiny");
            tables.add(input.at("/table/schemaTable/table").asText());
        }
        assertThat(tables).containsExactlyInAnyOrder("nation", "region");
        assertThat(json).contains("\"columnName\" : \"name\"").contains("\"value\" : \"ASIA\"");
    }

    @Test
    void throughTheTrinoJdbcDriver() throws Exception {
        Properties properties = new Properties();
        properties.setProperty("user", "jdbc-test");
        String url = "jdbc:trino://127.0.0.1:" + cluster.coordinatorUri().getPort() + "/tpch/tiny";
        try (Connection connection = DriverManager.getConnection(url, properties);
                Statement statement = connection.createStatement();
                ResultSet resultSet = statement.executeQuery("EXPLAIN ANALYZE SELECT count(*) FROM lineitem")) {
            assertThat(resultSet.getMetaData().getColumnLabel(1)).isEqualTo("Query Plan");
            assertThat(resultSet.next()).isTrue();
            String text = resultSet.getString(1);
            assertThat(resultSet.next()).isFalse();
            assertThat(figuresOf(text, "TableScan[", "lineitem").outputRows()).isEqualTo(LINEITEM_ROWS);
        }
    }

    private record Figures(long inputRows, long outputRows) {}

    /** The figures of the first plan node whose line starts with {@code node} and contains {@code detail}. */
    private static Figures figuresOf(String text, String node, String detail) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String stripped = line.replaceFirst("^[\\s│├└─]*", "");
            if (stripped.startsWith(node) && line.contains(detail)) {
                for (int j = i + 1; j < lines.size() && j <= i + 4; j++) {
                    Matcher matcher = NODE_FIGURES.matcher(lines.get(j));
                    if (matcher.find()) {
                        return new Figures(Long.parseLong(matcher.group(9)), Long.parseLong(matcher.group(12)));
                    }
                }
                throw new AssertionError("no figures under " + line + " in\n" + text);
            }
        }
        throw new AssertionError("no node " + node + " with " + detail + " in\n" + text);
    }

    private static List<String> fragmentHeaders(String text) {
        return text.lines().filter(line -> line.startsWith("Fragment ")).toList();
    }

    private static String text(StatementClient.Result result) {
        assertThat(result.error()).as("error of the statement").isEmpty();
        assertThat(result.rows()).hasSize(1);
        assertThat(result.columns()).extracting(StatementClient.Column::name).containsExactly("Query Plan");
        return (String) result.rows().get(0).get(0);
    }
}
