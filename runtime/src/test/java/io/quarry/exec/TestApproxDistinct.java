package io.quarry.exec;

import io.quarry.spi.ErrorCode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * approx_distinct gives Trino's estimates (every expectation here is Trino 476's answer), through partial and
 * final steps over two workers.
 */
class TestApproxDistinct extends LocalQueryTest {
    @Test
    void tpchColumnsOfEveryKind() throws Exception {
        assertResult(
                "SELECT approx_distinct(orderkey), approx_distinct(comment), approx_distinct(totalprice) FROM orders",
                List.of("bigint", "bigint", "bigint"),
                List.of(15432L, 15011L, 15167L));
        assertResult(
                "SELECT approx_distinct(custkey), approx_distinct(orderdate), approx_distinct(orderstatus), approx_distinct(clerk) FROM orders",
                List.of("bigint", "bigint", "bigint", "bigint"),
                List.of(990L, 2443L, 3L, 995L));
        assertResult(
                "SELECT approx_distinct(partkey), approx_distinct(suppkey), approx_distinct(extendedprice), approx_distinct(discount),"
                        + " approx_distinct(shipdate), approx_distinct(comment), approx_distinct(quantity) FROM lineitem",
                List.of("bigint", "bigint", "bigint", "bigint", "bigint", "bigint", "bigint"),
                List.of(1973L, 100L, 35912L, 11L, 2543L, 59880L, 50L));
        assertResult(
                "SELECT approx_distinct(name), approx_distinct(retailprice), approx_distinct(size), approx_distinct(type) FROM part",
                List.of("bigint", "bigint", "bigint", "bigint"),
                List.of(2032L, 1103L, 50L, 150L));
    }

    @Test
    void maximumStandardErrorChoosesTheBuckets() throws Exception {
        assertResult(
                "SELECT approx_distinct(partkey, 0.0040625), approx_distinct(comment, 0.26), approx_distinct(supplycost, 0.01),"
                        + " approx_distinct(availqty, 0.05) FROM partsupp",
                List.of("bigint", "bigint", "bigint", "bigint"),
                List.of(2000L, 7924L, 7648L, 5741L));
        assertResult(
                "SELECT approx_distinct(x), approx_distinct(x, 0.1) FROM UNNEST(sequence(1, 300)) t(x)",
                List.of("bigint", "bigint"),
                List.of(298L, 299L));
        assertFails("SELECT approx_distinct(1, 0.001)", ErrorCode.INVALID_FUNCTION_ARGUMENT,
                "Max standard error must be in [0.0040625, 0.26]: 0.001");
    }

    @Test
    void groupsAndTypes() throws Exception {
        assertResult(
                "SELECT orderstatus, approx_distinct(custkey), approx_distinct(totalprice, 0.1) FROM orders GROUP BY orderstatus ORDER BY 1",
                List.of("varchar(1)", "bigint", "bigint"),
                List.of("F", 990L, 7423L), List.of("O", 990L, 6881L), List.of("P", 303L, 367L));
        assertResult(
                "SELECT approx_distinct(CAST(x AS real)), approx_distinct(CAST(x AS double)), approx_distinct(CAST(x AS integer)),"
                        + " approx_distinct(CAST(x AS varchar)), approx_distinct(CAST(x AS decimal(20,2))) FROM UNNEST(sequence(1, 5000)) t(x)",
                List.of("bigint", "bigint", "bigint", "bigint", "bigint"),
                List.of(4942L, 4955L, 4941L, 4981L, 5071L));
        assertResult(
                "SELECT approx_distinct(ARRAY[x, x + 1]), approx_distinct(ROW(x, 'a')) FROM UNNEST(sequence(1, 3000)) t(x)",
                List.of("bigint", "bigint"),
                List.of(3000L, 2242L));
        // a zoned timestamp hashes as its instant, whatever its zone
        assertResult(
                "SELECT approx_distinct(from_unixtime(x)), approx_distinct(from_unixtime(x) AT TIME ZONE 'America/New_York')"
                        + " FROM UNNEST(sequence(1, 3000)) t(x)",
                List.of("bigint", "bigint"),
                List.of(3023L, 3023L));
    }

    @Test
    void booleansAreCountedExactlyAndUnknownIsZero() throws Exception {
        assertResult("SELECT approx_distinct(x) FROM (VALUES true, false, NULL, true) t(x)", List.of("bigint"), List.of(2L));
        assertResult(
                "SELECT approx_distinct(true), approx_distinct(NULL), approx_distinct(true, 5.0)",
                List.of("bigint", "bigint", "bigint"),
                List.of(1L, 0L, 1L));
    }
}
