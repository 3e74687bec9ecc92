package io.quarry.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.spi.ErrorLocation;
import org.junit.jupiter.api.Test;

class TestSqlText {
    @Test
    void quotesASchemaNamedDefault() {
        assertThat(SqlText.of("SELECT * FROM memory.default.t").rewritten()).isEqualTo("SELECT * FROM memory.\"default\".t");
        assertThat(SqlText.of("SELECT * FROM DEFAULT . t").rewritten()).isEqualTo("SELECT * FROM \"default\" . t");
    }

    @Test
    void leavesOtherDefaultsAlone() {
        String sql = "SELECT 'memory.default.t', \"default\".x -- default.t\nFROM t /* a.default */ WHERE x = default";
        assertThat(SqlText.of(sql).rewritten()).isEqualTo(sql);
    }

    @Test
    void mapsPositionsBack() {
        SqlText text = SqlText.of("SELECT x FROM memory.default.t WHERE y = 1");
        // the rewritten text has two more characters after "default"
        assertThat(text.location(1, 39)).isEqualTo(new ErrorLocation(1, 37));
        assertThat(text.location(1, 8)).isEqualTo(new ErrorLocation(1, 8));
        assertThat(text.location(2, 5)).isEqualTo(new ErrorLocation(2, 5));
        assertThat(text.location(0, 0)).isNull();
    }
}
