package io.quarry.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.spi.ErrorCode;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The HyperLogLog type and its functions over two workers (partial sketches merged in the final step). Every
 * expectation is Trino 476's answer: estimates, and serialised bytes or their MD5 where they are long.
 */
class TestHyperLogLogQueries extends LocalQueryTest {
    private static String base64Md5(String sql) throws Exception {
        return Base64.getEncoder().encodeToString((byte[]) run(sql).rows().get(0).get(0));
    }

    @Test
    void approxSetSerialisesAsTrino() throws Exception {
        LocalQueryRunner.Result one = run("SELECT approx_set(1)");
        assertThat(one.types().get(0).displayName()).isEqualTo("HyperLogLog");
        assertThat(HexFormat.of().withUpperCase().formatHex((byte[]) one.rows().get(0).get(0))).isEqualTo("020C010080034400");
        assertResult("SELECT to_hex(CAST(approx_set(x) AS varbinary)) FROM UNNEST(sequence(1, 3)) t(x)",
                List.of("varchar"), List.of("020C03008003440000583D5B802008DE"));
        assertResult("SELECT to_hex(CAST(approx_set(x) AS varbinary)) FROM (VALUES 'a', 'b', 'a') t(x)",
                List.of("varchar"), List.of("020C020041A9987A40555585"));
        // 0.0 and -0.0 are different bits, so different values of approx_set
        assertResult("SELECT to_hex(CAST(approx_set(x) AS varbinary)) FROM (VALUES 1.5e0, -0.0e0, 0.0e0) t(x)",
                List.of("varchar"), List.of("020C0300C09D15018063DF28C0C862F2"));
        assertResult(
                "SELECT to_hex(CAST(approx_set(CAST(1 AS integer)) AS varbinary)), to_hex(CAST(approx_set(CAST(1.5 AS real)) AS varbinary)),"
                        + " to_hex(CAST(approx_set(1.5) AS varbinary))",
                List.of("varchar", "varchar", "varchar"),
                List.of("020C010080034400", "020C0100C0C862F2", "020C0100C0C862F2"));
    }

    @Test
    void sparseTurnsDenseAtTrinosSize() throws Exception {
        assertResult("SELECT substr(to_hex(CAST(approx_set(x) AS varbinary)), 1, 8), cardinality(approx_set(x)) FROM UNNEST(sequence(1, 511)) t(x)",
                List.of("varchar", "bigint"), List.of("020CFF01", 511L));
        assertResult("SELECT substr(to_hex(CAST(approx_set(x) AS varbinary)), 1, 8), cardinality(approx_set(x)) FROM UNNEST(sequence(1, 512)) t(x)",
                List.of("varchar", "bigint"), List.of("030C0000", 501L));
    }

    @Test
    void denseSketchesOfTpchColumns() throws Exception {
        assertThat(base64Md5("SELECT md5(CAST(approx_set(comment) AS varbinary)) FROM orders")).isEqualTo("4+3c8EdV2L0lgOSHMJZ+qw==");
        assertThat(base64Md5("SELECT md5(CAST(approx_set(totalprice) AS varbinary)) FROM orders")).isEqualTo("4LqTof3b768xq+iPYhhSsg==");
        assertResult(
                "SELECT cardinality(approx_set(orderkey)), cardinality(approx_set(comment)), cardinality(approx_set(totalprice)),"
                        + " cardinality(approx_set(custkey)) FROM orders",
                List.of("bigint", "bigint", "bigint", "bigint"),
                List.of(14936L, 15146L, 15134L, 1002L));
        assertResult(
                "SELECT orderstatus, cardinality(approx_set(custkey)) FROM orders GROUP BY 1 ORDER BY 1",
                List.of("varchar(1)", "bigint"),
                List.of("F", 998L), List.of("O", 1001L), List.of("P", 304L));
    }

    @Test
    void mergeOfPartialSketches() throws Exception {
        assertThat(base64Md5("SELECT md5(CAST(merge(h) AS varbinary)) FROM (SELECT approx_set(partkey) h FROM lineitem GROUP BY suppkey)"))
                .isEqualTo("cLdIP0y6KYYDoG9SAbdJ0A==");
        assertResult("SELECT cardinality(merge(h)) FROM (SELECT approx_set(partkey) h FROM lineitem GROUP BY suppkey)",
                List.of("bigint"), List.of(1972L));
        assertResult(
                "SELECT cardinality(merge(h)), cardinality(merge(CAST(h AS P4HyperLogLog))) FROM (SELECT approx_set(comment) h FROM lineitem GROUP BY linenumber)",
                List.of("bigint", "bigint"), List.of(56674L, 56674L));
        assertResult("SELECT cardinality(merge(h)) FROM (SELECT approx_set(x) h FROM UNNEST(sequence(1, 1000)) t(x) GROUP BY x % 7)",
                List.of("bigint"), List.of(1005L));
        assertResult("SELECT to_hex(CAST(merge(h) AS varbinary)) FROM (SELECT approx_set(1) h UNION ALL SELECT NULL)",
                List.of("varchar"), List.of("020C010080034400"));
    }

    @Test
    void emptyAndNullSketches() throws Exception {
        assertResult("SELECT to_hex(CAST(empty_approx_set() AS varbinary)), cardinality(empty_approx_set()), typeof(empty_approx_set())",
                List.of("varchar", "bigint", "varchar"), List.of("020C0000", 0L, "HyperLogLog"));
        assertResult("SELECT approx_set(x) IS NULL, merge(CAST(NULL AS HyperLogLog)) IS NULL FROM UNNEST(ARRAY[CAST(NULL AS bigint)]) t(x)",
                List.of("boolean", "boolean"), List.of(true, true));
        assertResult("SELECT cardinality(CAST(NULL AS HyperLogLog)), cardinality(CAST(X'020c0000' AS HyperLogLog))",
                List.of("bigint", "bigint"), java.util.Arrays.asList(null, 0L));
    }

    @Test
    void castsBetweenTheTypes() throws Exception {
        assertResult("SELECT typeof(CAST(empty_approx_set() AS P4HyperLogLog)), cardinality(CAST(approx_set(x) AS P4HyperLogLog))"
                        + " FROM UNNEST(sequence(1, 100)) t(x)",
                List.of("varchar", "bigint"), List.of("P4HyperLogLog", 101L));
        // a P4HyperLogLog is dense: 3 header bytes, 2048 bytes of registers, no overflows
        assertResult("SELECT length(CAST(CAST(CAST(empty_approx_set() AS P4HyperLogLog) AS HyperLogLog) AS varbinary))",
                List.of("bigint"), List.of(2053L));
        assertFails("SELECT CAST(CAST(empty_approx_set() AS P4HyperLogLog) AS varbinary)", ErrorCode.TYPE_MISMATCH,
                "Cannot cast P4HyperLogLog to varbinary");
        assertFails("SELECT cardinality(CAST(X'01' AS HyperLogLog))", ErrorCode.INVALID_FUNCTION_ARGUMENT, "Cannot deserialize HyperLogLog");
    }

    @Test
    void signatureErrors() {
        assertFails("SELECT approx_set(DATE '2020-01-01')", ErrorCode.FUNCTION_NOT_FOUND,
                "Unexpected parameters (date) for function approx_set. Expected: approx_set(bigint), approx_set(double), approx_set(varchar(x))");
        assertFails("SELECT approx_set(true)", ErrorCode.FUNCTION_NOT_FOUND, "Unexpected parameters (boolean) for function approx_set");
        assertFails("SELECT merge(1)", ErrorCode.FUNCTION_NOT_FOUND, "Unexpected parameters (integer) for function merge");
        assertFails("SELECT approx_set(1) = approx_set(1)", ErrorCode.TYPE_MISMATCH, "Cannot apply operator: HyperLogLog = HyperLogLog");
    }
}
