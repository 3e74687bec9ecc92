package io.quarry.http.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarry.actor.SqlStatementPlanner;
import io.quarry.connector.CatalogEntry;
import io.quarry.connector.CatalogManager;
import io.quarry.connector.tpch.TpchSplit;
import io.quarry.plan.PlanFragment;
import io.quarry.plan.expression.Constant;
import io.quarry.plan.expression.Expression;
import io.quarry.spi.QuarryException;
import io.quarry.spi.QueryId;
import io.quarry.spi.Session;
import io.quarry.spi.Split;
import io.quarry.type.Types;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class TestPlanJson {
    private static final ObjectMapper MAPPER = PlanJson.mapper();
    private static final Session SESSION = new Session(QueryId.valueOf("20260101_000000_00001_abcde"), "test",
            Optional.of("cli"), Optional.of("tpch"), Optional.of("tiny"), ZoneId.of("Europe/Berlin"), "en_US",
            Map.of("query_max_run_time", "1m"), Map.of("tpch", Map.of("x", "y")), 1234);

    /** SESSION without its catalog property, which planning refuses (no connector has session properties). */
    private static final Session PLANNING_SESSION = new Session(SESSION.queryId(), SESSION.user(), SESSION.source(),
            SESSION.catalog(), SESSION.schema(), SESSION.timeZone(), SESSION.locale(), SESSION.systemProperties(), Map.of(),
            SESSION.startTimeMillis());

    /** Every fragment of every statement that plans (TPC-H and the SQL cases) survives a JSON round trip. */
    @Test
    void everyPlannedFragmentRoundTrips() throws Exception {
        SqlStatementPlanner planner = new SqlStatementPlanner(
                CatalogManager.withBuiltInConnectors(List.of(new CatalogEntry("tpch", "tpch", Map.of()))));
        Path conformance = conformanceDirectory();
        List<Path> statements = new ArrayList<>();
        for (String folder : List.of("tpch/queries", "sql")) {
            try (Stream<Path> files = Files.list(conformance.resolve(folder))) {
                files.filter(file -> file.toString().endsWith(".sql")).sorted().forEach(statements::add);
            }
        }
        int fragments = 0;
        for (Path file : statements) {
            String sql = Files.readString(file).strip().replaceAll(";$", "");
            List<PlanFragment> planned;
            try {
                planned = planner.plan(sql, PLANNING_SESSION).fragments();
            } catch (QuarryException e) {
                continue;
            }
            for (PlanFragment fragment : planned) {
                String json = MAPPER.writeValueAsString(fragment);
                PlanFragment read = MAPPER.readValue(json, PlanFragment.class);
                assertThat(MAPPER.writeValueAsString(read)).as(file.getFileName().toString()).isEqualTo(json);
                fragments++;
            }
        }
        assertThat(fragments).isGreaterThan(50);
    }

    @Test
    void sessionsAndSplitsRoundTrip() throws Exception {
        assertThat(MAPPER.readValue(MAPPER.writeValueAsString(SESSION), Session.class)).isEqualTo(SESSION);
        Split split = new TpchSplit("lineitem", 0.01, 1, 2);
        String json = MAPPER.writeValueAsString(split);
        assertThat(MAPPER.readTree(json).get("@type").asText()).isEqualTo("tpch");
        assertThat(MAPPER.readValue(json, Split.class)).isEqualTo(split);
    }

    @Test
    void constantsKeepTheirValues() throws Exception {
        for (Constant constant : List.of(new Constant(5L, Types.BIGINT), new Constant(Double.NaN, Types.DOUBLE),
                new Constant(new BigDecimal("12.50"), Types.decimal(4, 2)), new Constant("a\u00e9", Types.varchar(3)),
                new Constant(true, Types.BOOLEAN), Constant.nullOf(Types.DATE),
                new Constant(java.util.Arrays.asList(1L, null, 3L), Types.parse("array(bigint)")),
                new Constant(Map.of("a", List.of(1L)), Types.parse("map(varchar(1),array(bigint))")))) {
            assertThat((Object) MAPPER.readValue(MAPPER.writeValueAsString(constant), Expression.class)).isEqualTo(constant);
        }
        Constant binary = (Constant) MAPPER.readValue(
                MAPPER.writeValueAsString(new Constant(new byte[] {1, 2, 3}, Types.VARBINARY)), Expression.class);
        assertThat((byte[]) binary.value()).containsExactly(1, 2, 3);
        Constant uuid = (Constant) MAPPER.readValue(
                MAPPER.writeValueAsString(new Constant(new byte[16], Types.UUID)), Expression.class);
        assertThat(uuid.type()).isEqualTo(Types.UUID);
        assertThat((byte[]) uuid.value()).hasSize(16);
        Constant address = (Constant) MAPPER.readValue(
                MAPPER.writeValueAsString(new Constant(new byte[16], Types.IPADDRESS)), Expression.class);
        assertThat(address.type()).isEqualTo(Types.IPADDRESS);
        assertThat((byte[]) address.value()).hasSize(16);
        Constant time = new Constant(io.quarry.type.TimeWithTimeZoneType.pack(3_723_456_000_000L, -330),
                io.quarry.type.TemporalTypes.timeWithTimeZone(6));
        assertThat((Object) MAPPER.readValue(MAPPER.writeValueAsString(time), Expression.class)).isEqualTo(time);
    }

    @Test
    void badInputIsRefusedWithItsName() {
        assertThatThrownBy(() -> MAPPER.readValue("{\"@type\":\"Explode\"}", io.quarry.plan.PlanNode.class))
                .isInstanceOf(JsonProcessingException.class).hasMessageContaining("Explode");
        assertThatThrownBy(() -> MAPPER.readValue("{\"@type\":\"tpch\",\"table\":\"lineitem\",\"scaleFactor\":0.01,"
                        + "\"part\":0,\"partCount\":1,\"extra\":1}", Split.class))
                .isInstanceOf(JsonProcessingException.class).hasMessageContaining("extra");
        assertThatThrownBy(() -> MAPPER.readValue("{\"@type\":\"Constant\",\"type\":{\"@type\":\"BigintType\"},\"long\":\"x\"}", Expression.class))
                .isInstanceOf(JsonProcessingException.class).hasMessageContaining("long");
        JsonNode node = MAPPER.valueToTree(SESSION);
        assertThat(node.get("timeZone").asText()).isEqualTo("Europe/Berlin");
        assertThat(node.get("queryId").asText()).isEqualTo("20260101_000000_00001_abcde");
    }

    private static Path conformanceDirectory() {
        String configured = System.getProperty("quarry.conformance.dir");
        Path directory = configured != null ? Path.of(configured) : Path.of("..", "..", "shared", "conformance");
        assertThat(directory).isDirectory();
        return directory;
    }
}
