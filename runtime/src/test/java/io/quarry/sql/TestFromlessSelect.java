package io.quarry.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TestFromlessSelect {
    @Test
    void aSelectWithoutFromReadsOneRowBeforeItsWhere() {
        assertThat(FromlessSelect.rewrite("SELECT CAST(NULL AS varchar) TABLE_CAT WHERE false"))
                .isEqualTo("SELECT CAST(NULL AS varchar) TABLE_CAT FROM (VALUES (0)) WHERE false");
        assertThat(FromlessSelect.rewrite("select 1 where false union all select 2 where true"))
                .isEqualTo("select 1 FROM (VALUES (0)) where false union all select 2 FROM (VALUES (0)) where true");
    }

    @Test
    void aSubQueryWithoutFromReadsOneRowToo() {
        assertThat(FromlessSelect.rewrite("SELECT (SELECT 1 WHERE x) FROM t"))
                .isEqualTo("SELECT (SELECT 1 FROM (VALUES (0)) WHERE x) FROM t");
        assertThat(FromlessSelect.rewrite("SELECT a FROM t WHERE a IN (SELECT 1 WHERE true) AND substring(b FROM 2) = ''"))
                .isEqualTo("SELECT a FROM t WHERE a IN (SELECT 1 FROM (VALUES (0)) WHERE true) AND substring(b FROM 2) = ''");
    }

    @Test
    void everythingElseIsLeftAlone() {
        for (String sql : new String[] {
            "SELECT * FROM t WHERE a = 1",
            "SELECT 'where' AS w",
            "SELECT a FROM t WHERE b IN (SELECT c FROM u WHERE d)",
            "SELECT 1 -- where\n",
            "SELECT \"where\" FROM t"
        }) {
            assertThat(FromlessSelect.rewrite(sql)).as(sql).isEqualTo(sql);
        }
    }
}
