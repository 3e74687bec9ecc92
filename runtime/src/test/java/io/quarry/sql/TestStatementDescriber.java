package io.quarry.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.spi.QueryId;
import io.quarry.spi.Session;
import io.quarry.sql.StatementDescriber.ColumnOrigin;
import io.quarry.type.Types;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TestStatementDescriber {
    private static final Session SESSION = new Session(QueryId.valueOf("20240101_000000_00001_abcde"), "test",
            Optional.empty(), Optional.of("tpch"), Optional.of("tiny"), ZoneOffset.UTC, "en", Map.of(), Map.of(), 0);
    private static final StatementDescriber DESCRIBER = new StatementDescriber(new SqlPlanner(TestingMetadata.INSTANCE));

    @Test
    void parametersTakeTheTypeValidationGivesThem() {
        assertThat(DESCRIBER.parameterTypes("SELECT name FROM nation WHERE nationkey = ? AND name = ? LIMIT ?", SESSION, 3))
                .containsExactly(Types.BIGINT, Types.varchar(25), Types.BIGINT);
        assertThat(DESCRIBER.parameterTypes("SELECT * FROM orders WHERE totalprice > ? ORDER BY orderkey LIMIT ?", SESSION, 2))
                .containsExactly(Types.DOUBLE, Types.BIGINT);
    }

    @Test
    void parametersValidationCannotTypeAreUnknown() {
        assertThat(DESCRIBER.parameterTypes("SELECT ?", SESSION, 1)).containsExactly(Types.UNKNOWN);
        assertThat(DESCRIBER.parameterTypes("SELECT 1", SESSION, 0)).isEmpty();
    }

    @Test
    void outputColumnsNameTheTableColumnTheyAre() {
        assertThat(DESCRIBER.columnOrigins("SELECT nationkey, name AS label, nationkey + 1 AS after, 1 FROM nation", SESSION))
                .containsExactly(
                        new ColumnOrigin(Optional.of("tpch"), Optional.of("tiny"), Optional.of("nation"), false),
                        new ColumnOrigin(Optional.of("tpch"), Optional.of("tiny"), Optional.of("nation"), true),
                        new ColumnOrigin(Optional.empty(), Optional.empty(), Optional.empty(), true),
                        new ColumnOrigin(Optional.empty(), Optional.empty(), Optional.empty(), false));
        assertThat(DESCRIBER.columnOrigins("SELECT * FROM region ORDER BY 1", SESSION)).hasSize(3).allSatisfy(origin -> {
            assertThat(origin.table()).contains("region");
            assertThat(origin.aliased()).isFalse();
        });
    }
}
