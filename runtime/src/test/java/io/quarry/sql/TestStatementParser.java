package io.quarry.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.babel.SqlBabelParserImpl;
import org.apache.calcite.sql.parser.impl.SqlParserImpl;
import org.apache.calcite.util.Litmus;
import org.junit.jupiter.api.Test;

class TestStatementParser {
    private static final SqlParser.Config BABEL = SqlParser.config()
            .withParserFactory(SqlBabelParserImpl.FACTORY)
            .withQuoting(Quoting.DOUBLE_QUOTE)
            .withUnquotedCasing(Casing.TO_LOWER)
            .withQuotedCasing(Casing.UNCHANGED)
            .withCaseSensitive(false)
            .withConformance(PrestoConformance.INSTANCE);
    private static final SqlParser.Config CORE = BABEL.withParserFactory(SqlParserImpl.FACTORY);

    private final StatementParser parser = new StatementParser(BABEL);

    @Test
    void buildsBabelsTreeForWhatBothGrammarsAccept() throws SqlParseException {
        List<String> statements = List.of(
                "SELECT l.returnflag, sum(l.quantity * (1 - l.discount)) AS q FROM lineitem l"
                        + " WHERE l.shipdate <= DATE '1998-12-01' - INTERVAL '90' DAY GROUP BY l.returnflag ORDER BY 1",
                "SELECT n.name FROM nation n WHERE EXISTS (SELECT 1 FROM region r WHERE r.regionkey = n.regionkey)"
                        + " AND n.name LIKE 'A%' AND n.nationkey IN (1, 2, 3) LIMIT 5",
                "WITH t AS (SELECT a, CASE WHEN b > 0 THEN 'x' ELSE NULL END AS c FROM s)"
                        + " SELECT c, count(*) OVER (PARTITION BY a ORDER BY c) FROM t");
        for (String sql : statements) {
            SqlNode core = SqlParser.create(sql, CORE).parseQuery();
            SqlNode babel = SqlParser.create(sql, BABEL).parseQuery();
            SqlNode parsed = parser.parse(sql);
            assertThat(parsed.equalsDeep(babel, Litmus.IGNORE)).as(sql).isTrue();
            assertThat(parsed.toString()).isEqualTo(babel.toString()).isEqualTo(core.toString());
        }
    }

    @Test
    void fallsBackToBabelForWhatOnlyItAccepts() throws SqlParseException {
        // a keyword of the core grammar used as a name (TPC-H Q11), and a PostgreSQL-style cast
        for (String sql : List.of("SELECT sum(v) AS value FROM t", "SELECT x::bigint FROM t")) {
            assertThatThrownBy(() -> SqlParser.create(sql, CORE).parseQuery()).isInstanceOf(SqlParseException.class);
            assertThat(parser.parse(sql).toString()).isEqualTo(SqlParser.create(sql, BABEL).parseQuery().toString());
        }
    }

    @Test
    void reportsBabelsErrorWhenNeitherGrammarAccepts() {
        String sql = "SELECT FROM WHERE";
        String babelMessage = null;
        try {
            SqlParser.create(sql, BABEL).parseQuery();
        } catch (SqlParseException e) {
            babelMessage = e.getMessage();
        }
        assertThat(babelMessage).isNotNull();
        assertThatThrownBy(() -> parser.parse(sql)).isInstanceOf(SqlParseException.class).hasMessage(babelMessage);
    }
}
