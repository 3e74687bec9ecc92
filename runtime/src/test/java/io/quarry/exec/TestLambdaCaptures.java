package io.quarry.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.type.Type;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lambdas that use the columns of their row, planned from SQL and run over two tasks per distributed stage. */
class TestLambdaCaptures extends LocalQueryTest {

    @Test
    void lambdaBodiesReadColumnsOfTheRow() throws Exception {
        LocalQueryRunner.Result result = run("SELECT nationkey, transform(ARRAY[1, 2], x -> x * 100 + nationkey),"
                + " filter(ARRAY[0, 1, 2, 3], x -> x < regionkey), reduce(ARRAY[1, 2], regionkey, (s, x) -> s + x, s -> s * nationkey)"
                + " FROM nation WHERE nationkey IN (1, 2) ORDER BY nationkey");
        assertThat(result.types().stream().map(Type::displayName).toList())
                .containsExactly("bigint", "array(bigint)", "array(integer)", "bigint");
        assertThat(result.rows()).containsExactly(
                List.of(1L, List.of(101L, 201L), List.of(0L), 4L),
                List.of(2L, List.of(102L, 202L), List.of(0L), 8L));
    }

    @Test
    void capturesAcrossJoinsAggregatesAndRowFields() throws Exception {
        LocalQueryRunner.Result result = run("SELECT n.name, transform(ARRAY[r.name], x -> x || '/' || n.name)"
                + " FROM nation n JOIN region r ON n.regionkey = r.regionkey WHERE n.nationkey = 3");
        assertThat(result.rows()).containsExactly(List.of("CANADA", List.of("AMERICA/CANADA")));
        LocalQueryRunner.Result aggregate = run("SELECT sum(cardinality(filter(ARRAY[1, 2, 3, 4], x -> x <= regionkey))) FROM nation");
        assertThat(aggregate.rows()).containsExactly(List.of(50L));
        LocalQueryRunner.Result field = run("SELECT transform(ARRAY[1.5E0], x -> x * t.r.k) FROM (SELECT CAST(ROW(2E0) AS row(k double)) AS r) t");
        assertThat(field.rows()).containsExactly(List.of(List.of(3.0)));
    }
}
