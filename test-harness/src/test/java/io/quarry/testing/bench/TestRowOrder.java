package io.quarry.testing.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TestRowOrder {
    @Test
    void noTopLevelOrderByIsUnordered() {
        assertThat(RowOrder.of("SELECT a FROM (SELECT a FROM t ORDER BY a LIMIT 3) -- ORDER BY a", List.of("a")))
                .isEqualTo(RowOrder.UNORDERED);
        assertThat(RowOrder.of("SELECT 'order by a' AS a FROM t", List.of("a"))).isEqualTo(RowOrder.UNORDERED);
    }

    @Test
    void orderByOutputNamesAndOrdinalsGivesTheKeys() {
        String sql = "SELECT c.name AS c_name, sum(x) AS total FROM t c GROUP BY c.name\n"
                + "ORDER BY total DESC NULLS LAST, 1 LIMIT 100;";
        assertThat(RowOrder.of(sql, List.of("c_name", "total"))).isEqualTo(new RowOrder(true, Optional.of(List.of(1, 0))));
        assertThat(RowOrder.of("SELECT n.name FROM nation n ORDER BY n.name", List.of("name")))
                .isEqualTo(new RowOrder(true, Optional.of(List.of(0))));
    }

    @Test
    void orderByAnExpressionMeansStrictOrder() {
        assertThat(RowOrder.of("SELECT a, b FROM t ORDER BY a + b", List.of("a", "b")))
                .isEqualTo(new RowOrder(true, Optional.empty()));
        assertThat(RowOrder.of("SELECT a, b FROM t ORDER BY 3", List.of("a", "b")))
                .isEqualTo(new RowOrder(true, Optional.empty()));
    }

    @Test
    void everyTpchQueryButFourOrdersByItsOutputColumns() throws Exception {
        java.nio.file.Path queries = io.quarry.testing.ExpectedResult.conformanceDirectory().resolve("tpch").resolve("queries");
        java.nio.file.Path expected = io.quarry.testing.ExpectedResult.conformanceDirectory().resolve("tpch").resolve("tiny");
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        for (java.nio.file.Path file : TpchSideBySide.queryFiles(queries)) {
            String name = file.getFileName().toString().replace(".sql", "");
            com.fasterxml.jackson.databind.JsonNode json = mapper.readTree(expected.resolve(name + ".json").toFile());
            List<String> columns = new java.util.ArrayList<>();
            json.get("columns").forEach(column -> columns.add(column.get("name").asText()));
            RowOrder order = RowOrder.of(java.nio.file.Files.readString(file), columns);
            assertThat(order.ordered()).as(name).isEqualTo(json.path("ordered").asBoolean());
            if (json.has("order_by")) {
                List<Integer> keys = new java.util.ArrayList<>();
                json.get("order_by").forEach(key -> keys.add(key.asInt()));
                assertThat(order.keys()).as(name).contains(keys);
            }
        }
    }
}
