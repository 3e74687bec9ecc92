package io.quarry.exec;

import io.quarry.spi.ErrorCode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The tdigest and qdigest types and their functions over two workers (partial digests merged in the final step).
 * Every expectation is Trino 476's answer, bytes included.
 */
class TestDigestQueries extends LocalQueryTest {
    @Test
    void tdigestBytesAndQuantiles() throws Exception {
        assertResult("SELECT typeof(tdigest_agg(x)), to_base64(CAST(tdigest_agg(x) AS varbinary)) FROM (VALUES 1e0, 2e0, 3e0) t(x)",
                List.of("varchar", "varchar"),
                List.of("tdigest", "AAAAAAAAAPA/AAAAAAAACEAAAAAAAABZQAAAAAAAAAhAAwAAAAAAAAAAAPA/AAAAAAAAAEAAAAAAAAAIQAAAAAAAAPA/AAAAAAAA8D8AAAAAAADwPw=="));
        assertResult("SELECT to_base64(CAST(tdigest_agg(x, 2) AS varbinary)) FROM (VALUES 1, 2) t(x)",
                List.of("varchar"), List.of("AAAAAAAAAPA/AAAAAAAAAEAAAAAAAABZQAAAAAAAABBAAgAAAAAAAAAAAPA/AAAAAAAAAEAAAAAAAAAAQAAAAAAAAABA"));
        assertResult("SELECT value_at_quantile(tdigest_agg(x), 0.5), values_at_quantiles(tdigest_agg(x), ARRAY[0.1, 0.9])"
                        + " FROM (VALUES 1e0, 2e0, 3e0, 10e0) t(x)",
                List.of("double", "array(double)"), List.of(3.0, List.of(1.0, 10.0)));
        assertResult("SELECT value_at_quantile(tdigest_agg(x, w), 0.5) FROM (VALUES (1e0, 2e0), (2e0, 1e0), (3e0, 5e0)) t(x, w)",
                List.of("double"), List.of(2.4));
        assertResult("SELECT values_at_quantiles(tdigest_agg(x), ARRAY[null, 0.0, 0.9, null]) FROM UNNEST(sequence(1, 10)) t(x)",
                List.of("array(double)"), List.of(List.of(1.0, 1.0, 10.0, 10.0)));
        assertResult("SELECT value_at_quantile(CAST(CAST(tdigest_agg(x) AS varbinary) AS tdigest), 0.5) FROM (VALUES 1e0) t(x)",
                List.of("double"), List.of(1.0));
        // a tdigest is read when cast from varbinary, a qdigest only when used
        assertResult("SELECT try_cast(X'00' AS tdigest), to_base64(CAST(CAST(X'00' AS qdigest(bigint)) AS varbinary))",
                List.of("tdigest", "varchar"), java.util.Arrays.asList(null, "AA=="));
        assertResult("SELECT tdigest_agg(x) FROM (VALUES 1e0) t(x) WHERE false", List.of("tdigest"), java.util.Arrays.asList((Object) null));
    }

    @Test
    void qdigestBytesAndQuantiles() throws Exception {
        assertResult("SELECT typeof(qdigest_agg(x)), to_base64(CAST(qdigest_agg(x) AS varbinary)) FROM (VALUES 1, 2, 3) t(x)",
                List.of("varchar", "varchar"), List.of("qdigest(bigint)",
                        "AHsUrkfheoQ/AAAAAAAAAAAAAAAAAAAAAAEAAAAAAAAAAwAAAAAAAAAFAAAAAAAAAAAAAPA/AQAAAAAAAIAAAAAAAAAA8D8CAAAAAAAAgAAAAAAAAADwPwMAAAAAAACAAwAAAAAAAAAAAgAAAAAAAIAHAAAAAAAAAAABAAAAAAAAgA=="));
        assertResult("SELECT to_base64(CAST(qdigest_agg(x) AS varbinary)) FROM (VALUES 1e0, 2e0) t(x)", List.of("varchar"),
                List.of("AHsUrkfheoQ/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAPA/AAAAAAAAAEADAAAAAAAAAAAAAPA/AAAAAAAA8L8AAAAAAAAA8D8AAAAAAAAAwPsAAAAAAAAAAAAAAAAAAPC/"));
        // the bytes depend on the values' order: UNNEST keeps it, a VALUES of casts may deliver them either way
        assertResult("SELECT to_base64(CAST(qdigest_agg(x) AS varbinary)) FROM UNNEST(ARRAY[real '1.5', real '2']) t(x)", List.of("varchar"),
                List.of("AHsUrkfheoQ/AAAAAAAAAAAAAAAAAAAAAAAAwD8AAAAAAAAAQAAAAAADAAAAAAAAAAAAAPA/AADAPwAAAIAAAAAAAAAA8D8AAABAAAAAgHsAAAAAAAAAAAAAwD8AAACA"));
        assertResult("SELECT to_base64(CAST(qdigest_agg(x, 2, 0.1) AS varbinary)) FROM (VALUES 1) t(x)", List.of("varchar"),
                List.of("AJqZmZmZmbk/AAAAAAAAAAAAAAAAAAAAAAEAAAAAAAAAAQAAAAAAAAABAAAAAAAAAAAAAABAAQAAAAAAAIA="));
        assertResult("SELECT value_at_quantile(qdigest_agg(x), 0.5), values_at_quantiles(qdigest_agg(x), ARRAY[0.1, 0.9]),"
                        + " quantile_at_value(qdigest_agg(x), 3) FROM (VALUES 1, 2, 3, 10) t(x)",
                List.of("bigint", "array(bigint)", "double"), List.of(3L, List.of(1L, 10L), 0.5));
        assertResult("SELECT value_at_quantile(qdigest_agg(x), 0.5), values_at_quantiles(qdigest_agg(x), ARRAY[0.1, 0.9]),"
                        + " quantile_at_value(qdigest_agg(x), 3) FROM (VALUES 1e0, 2.5e0, -3e0, 10e0) t(x)",
                List.of("double", "array(double)", "double"), List.of(2.5, List.of(-3.0, 10.0), 0.75));
        assertResult("SELECT value_at_quantile(qdigest_agg(x), 0.5), values_at_quantiles(qdigest_agg(x), ARRAY[0.1, 0.9]),"
                        + " quantile_at_value(qdigest_agg(x), real '3') FROM (VALUES real '1', real '2.5', real '-3', real '10') t(x)",
                List.of("real", "array(real)", "double"), List.of(2.5, List.of(-3.0, 10.0), 0.75));
        assertResult("SELECT typeof(qdigest_agg(x)), typeof(qdigest_agg(y)) FROM (VALUES (1.5, smallint '1')) t(x, y)",
                List.of("varchar", "varchar"), List.of("qdigest(real)", "qdigest(bigint)"));
        assertResult("SELECT value_at_quantile(qdigest_agg(x, w), 0.5) FROM (VALUES (1, 5), (10, 1)) t(x, w)",
                List.of("bigint"), List.of(1L));
        assertResult("SELECT values_at_quantiles(qdigest_agg(x), ARRAY[0.2, 0.9, 0.1]) FROM UNNEST(sequence(1, 10)) t(x)",
                List.of("array(bigint)"), List.of(List.of(3L, 10L, 2L)));
        assertResult("SELECT quantile_at_value(qdigest_agg(x), 100), quantile_at_value(qdigest_agg(x), -1),"
                        + " quantile_at_value(qdigest_agg(x), 1), quantile_at_value(qdigest_agg(x), 5) FROM (VALUES 1, 5) t(x)",
                List.of("double", "double", "double", "double"), java.util.Arrays.asList(null, null, 0.0, 0.5));
        assertResult("SELECT value_at_quantile(qdigest_agg(x), 0.5), values_at_quantiles(qdigest_agg(x), ARRAY[0, 0.25, 0.5, 0.75, 1])"
                        + " FROM (VALUES 9223372036854775807, -9223372036854775808, 0) t(x)",
                List.of("bigint", "array(bigint)"), List.of(0L,
                        List.of(Long.MIN_VALUE, Long.MIN_VALUE, 0L, Long.MAX_VALUE, Long.MAX_VALUE)));
        assertResult("SELECT value_at_quantile(CAST(CAST(qdigest_agg(x) AS varbinary) AS qdigest(bigint)), 0.5) FROM (VALUES 7) t(x)",
                List.of("bigint"), List.of(7L));
    }

    @Test
    void mergesAcrossGroups() throws Exception {
        assertResult("SELECT value_at_quantile(merge(d), 0.5) FROM (SELECT tdigest_agg(x) d FROM (VALUES (1, 1e0), (2, 5e0), (2, 7e0)) t(g, x) GROUP BY g)",
                List.of("double"), List.of(5.0));
        // a t-digest's merge depends on the order of its inputs: the extremes are exact whatever the order
        assertResult("SELECT values_at_quantiles(merge(d), ARRAY[0, 1]) FROM (SELECT tdigest_agg(totalprice) d FROM orders GROUP BY custkey % 7)",
                List.of("array(double)"), List.of(List.of(874.89, 466001.28)));
        // so does a qdigest's once it compresses; ten distinct values it keeps exactly
        assertResult("SELECT values_at_quantiles(merge(d), ARRAY[0.1, 0.5, 0.9]), quantile_at_value(merge(d), 7)"
                        + " FROM (SELECT qdigest_agg(orderkey % 10) d FROM orders GROUP BY custkey % 7)",
                List.of("array(bigint)", "double"), List.of(List.of(1L, 5L, 9L), 0.7));
        assertResult("SELECT typeof(merge(d)) FROM (SELECT qdigest_agg(x) d FROM (VALUES real '1') t(x))",
                List.of("varchar"), List.of("qdigest(real)"));
    }

    @Test
    void argumentErrors() {
        assertFails("SELECT tdigest_agg(x, w) FROM (VALUES (1e0, 0e0)) t(x, w)", ErrorCode.INVALID_FUNCTION_ARGUMENT,
                "weight must be >= 1, was 0.0");
        assertFails("SELECT tdigest_agg(x, w) FROM (VALUES (1e0, nan())) t(x, w)", ErrorCode.INVALID_FUNCTION_ARGUMENT,
                "weight must be finite, was NaN");
        assertFails("SELECT tdigest_agg(x) FROM (VALUES nan()) t(x)", ErrorCode.INVALID_FUNCTION_ARGUMENT, "value is NaN");
        assertFails("SELECT qdigest_agg(x, w) FROM (VALUES (1, 0)) t(x, w)", ErrorCode.INVALID_FUNCTION_ARGUMENT,
                "Percentile weight must be > 0, was 0");
        assertFails("SELECT qdigest_agg(x, 0, 1.5) FROM (VALUES 1) t(x)", ErrorCode.INVALID_FUNCTION_ARGUMENT,
                "Percentile accuracy must be exclusively between 0 and 1, was 1.5");
        assertFails("SELECT values_at_quantiles(tdigest_agg(x), ARRAY[0.9, 0.1]) FROM (VALUES 1e0, 5e0) t(x)",
                ErrorCode.INVALID_FUNCTION_ARGUMENT, "quantiles must be sorted in increasing order");
        assertFails("SELECT value_at_quantile(tdigest_agg(x), 1.5) FROM (VALUES 1e0) t(x)", ErrorCode.INVALID_FUNCTION_ARGUMENT,
                "quantiles should be in [0, 1] range");
        assertFails("SELECT value_at_quantile(qdigest_agg(x), 1.5) FROM (VALUES 1) t(x)", ErrorCode.INVALID_FUNCTION_ARGUMENT,
                "quantile must be between [0,1]");
        assertFails("SELECT merge(d) FROM (SELECT qdigest_agg(x, 1, a) d FROM (VALUES (1, 0.01e0), (2, 0.5e0)) t(x, a) GROUP BY a)",
                ErrorCode.INVALID_FUNCTION_ARGUMENT, "Cannot merge qdigests with different accuracies");
    }

    @Test
    void signatureErrors() {
        assertFails("SELECT tdigest_agg(x) FROM (VALUES 'a') t(x)", ErrorCode.FUNCTION_NOT_FOUND,
                "Unexpected parameters (varchar(1)) for function tdigest_agg. Expected: tdigest_agg(double), tdigest_agg(double, double)");
        assertFails("SELECT qdigest_agg(x, 1e0) FROM (VALUES 1) t(x)", ErrorCode.FUNCTION_NOT_FOUND,
                "Unexpected parameters (integer, double) for function qdigest_agg. Expected: qdigest_agg(bigint), qdigest_agg(bigint, bigint)");
        assertFails("SELECT merge(x) FROM (VALUES 1) t(x)", ErrorCode.FUNCTION_NOT_FOUND,
                "Unexpected parameters (integer) for function merge. Expected: merge(hyperloglog), merge(qdigest(v)) V, merge(tdigest)");
        assertFails("SELECT quantile_at_value(tdigest_agg(x), 1) FROM (VALUES 1e0) t(x)", ErrorCode.FUNCTION_NOT_FOUND,
                "Unexpected parameters (tdigest, integer) for function quantile_at_value");
        assertFails("SELECT CAST(qdigest_agg(x) AS qdigest(double)) FROM (VALUES 1) t(x)", ErrorCode.TYPE_MISMATCH,
                "Cannot cast qdigest(bigint) to qdigest(double)");
        assertFails("SELECT CAST(tdigest_agg(x) AS varchar) FROM (VALUES 1e0) t(x)", ErrorCode.TYPE_MISMATCH);
        assertFails("SELECT CAST(X'00' AS tdigest)", ErrorCode.INVALID_FUNCTION_ARGUMENT, "Cannot deserialize tdigest");
        assertFails("SELECT value_at_quantile(CAST(X'00' AS qdigest(bigint)), 0.5)", ErrorCode.INVALID_FUNCTION_ARGUMENT,
                "Cannot deserialize qdigest(bigint)");
        assertFails("SELECT tdigest_agg(x) = tdigest_agg(x) FROM (VALUES 1e0) t(x)", ErrorCode.TYPE_MISMATCH);
    }
}
