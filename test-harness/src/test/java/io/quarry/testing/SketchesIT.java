package io.quarry.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * approx_distinct, approx_percentile with an accuracy and the sketch types (HyperLogLog, SetDigest, tdigest, qdigest)
 * on one node and on a coordinator with two workers, where partial sketches cross the exchange in their serialised
 * form: the estimates, the bytes and the protocol's rendering are Trino 476's.
 */
class SketchesIT extends OneNodeAndCluster {
    private static StatementClient tpch(String which) {
        return client(which, "tpch", "tiny");
    }

    @ParameterizedTest
    @MethodSource("clusters")
    void approxDistinctGivesTrinosEstimates(String which) {
        StatementClient client = tpch(which);
        assertThat(ok(client, "SELECT approx_distinct(orderkey), approx_distinct(comment), approx_distinct(totalprice) FROM orders").rows())
                .containsExactly(List.of(15432, 15011, 15167));
        assertThat(ok(client, "SELECT orderstatus, approx_distinct(custkey), approx_distinct(totalprice, 0.1) FROM orders"
                + " GROUP BY orderstatus ORDER BY 1").rows())
                .containsExactly(List.of("F", 990, 7423), List.of("O", 990, 6881), List.of("P", 303, 367));
    }

    @ParameterizedTest
    @MethodSource("clusters")
    void sketchesTravelAsBase64OfTheirBytes(String which) {
        StatementClient client = tpch(which);
        StatementClient.Result result = ok(client, "SELECT approx_set(1) h, make_set_digest(1) d");
        assertThat(result.columns().get(0).type()).isEqualTo("HyperLogLog");
        assertThat(result.columns().get(0).typeSignature().path("rawType").asText()).isEqualTo("HyperLogLog");
        assertThat(result.columns().get(1).type()).isEqualTo("SetDigest");
        assertThat(result.rows()).containsExactly(List.of("AgwBAIADRAA=", "AQgAAAACCwEAgANEAAAgAAABAAAASsQF+7cDRAABAA=="));
    }

    @ParameterizedTest
    @MethodSource("clusters")
    void partialSketchesMergeAcrossTheExchange(String which) {
        StatementClient client = tpch(which);
        assertThat(ok(client, "SELECT to_base64(md5(CAST(merge(h) AS varbinary))), cardinality(merge(h))"
                + " FROM (SELECT approx_set(partkey) h FROM lineitem GROUP BY suppkey)").rows())
                .containsExactly(List.of("cLdIP0y6KYYDoG9SAbdJ0A==", 1972));
        assertThat(ok(client, "SELECT to_base64(md5(CAST(approx_set(comment) AS varbinary))) FROM orders").rows())
                .containsExactly(List.of("4+3c8EdV2L0lgOSHMJZ+qw=="));
        assertThat(ok(client, "SELECT to_base64(md5(CAST(merge_set_digest(d) AS varbinary)))"
                + " FROM (SELECT make_set_digest(partkey) d FROM lineitem GROUP BY suppkey)").rows())
                .containsExactly(List.of("VLyFIT7lY708Jr+gZDgO4Q=="));
        assertThat(ok(client, "SELECT intersection_cardinality(a, b), cardinality(a), cardinality(b) FROM (SELECT"
                + " make_set_digest(orderkey) FILTER (WHERE custkey < 700) a, make_set_digest(orderkey) FILTER (WHERE custkey > 300) b FROM orders)").rows())
                .containsExactly(List.of(3909, 6925, 12080));
    }

    @ParameterizedTest
    @MethodSource("clusters")
    void digestsTravelAsBase64AndMergeAcrossTheExchange(String which) {
        StatementClient client = tpch(which);
        StatementClient.Result result = ok(client, "SELECT tdigest_agg(x) t, qdigest_agg(y) q FROM (VALUES (1e0, 1), (2e0, 2), (3e0, 3)) v(x, y)");
        assertThat(result.columns().get(0).type()).isEqualTo("tdigest");
        assertThat(result.columns().get(1).type()).isEqualTo("qdigest(bigint)");
        assertThat(result.columns().get(1).typeSignature().path("rawType").asText()).isEqualTo("qdigest");
        assertThat(result.columns().get(1).typeSignature().path("arguments").path(0).path("value").path("rawType").asText())
                .isEqualTo("bigint");
        assertThat(result.rows()).containsExactly(List.of(
                "AAAAAAAAAPA/AAAAAAAACEAAAAAAAABZQAAAAAAAAAhAAwAAAAAAAAAAAPA/AAAAAAAAAEAAAAAAAAAIQAAAAAAAAPA/AAAAAAAA8D8AAAAAAADwPw==",
                "AHsUrkfheoQ/AAAAAAAAAAAAAAAAAAAAAAEAAAAAAAAAAwAAAAAAAAAFAAAAAAAAAAAAAPA/AQAAAAAAAIAAAAAAAAAA8D8CAAAAAAAAgAAAAAAAAADwPwMAAAAAAACAAwAAAAAAAAAAAgAAAAAAAIAHAAAAAAAAAAABAAAAAAAAgA=="));
        // digests of few distinct values are exact, so partial ones give Trino's answers whatever order they merge in
        // (their bytes, like a large digest's estimates, depend on that order)
        assertThat(ok(client, "SELECT values_at_quantiles(qdigest_agg(orderkey % 10), ARRAY[0.1, 0.5, 0.9]),"
                + " quantile_at_value(qdigest_agg(orderkey % 10), 5), values_at_quantiles(tdigest_agg(totalprice), ARRAY[0, 1]) FROM orders").rows())
                .containsExactly(List.of(List.of(1, 5, 9), 0.5, List.of(874.89, 466001.28)));
        assertThat(ok(client, "SELECT values_at_quantiles(merge(d), ARRAY[0.25, 0.75]), quantile_at_value(merge(d), 3)"
                + " FROM (SELECT qdigest_agg(linenumber) d FROM lineitem GROUP BY suppkey)").rows())
                .containsExactly(List.of(List.of(2, 4), 0.46364769422517654));
    }

    @ParameterizedTest
    @MethodSource("clusters")
    void percentileQuantileDigestsMergeAcrossTheExchange(String which) {
        StatementClient client = tpch(which);
        // digests of few distinct values are exact: the same answers whatever order the partial ones merge in
        assertThat(ok(client, "SELECT approx_percentile(orderkey % 10, 1, 0.5, 0.01), approx_percentile(CAST(orderkey % 10 AS double) / 4, 1.5, 0.9, 0.02),"
                + " approx_percentile(CAST(custkey % 7 AS real), 2, 0.1, 0.5) FROM orders").rows())
                .containsExactly(List.of(5, 2.25, 0.0));
        assertThat(ok(client, "SELECT orderstatus, approx_percentile(linenumber, quantity / 10, 0.75, 0.01) FROM lineitem l"
                + " JOIN orders o USING (orderkey) GROUP BY orderstatus ORDER BY 1").rows())
                .containsExactly(List.of("F", 4), List.of("O", 4), List.of("P", 4));
        StatementClient.Result refused = client.execute("SELECT approx_percentile(linenumber, discount * 100, 0.5, 0.01) FROM lineitem");
        assertThat(refused.errorName()).isEqualTo("INVALID_FUNCTION_ARGUMENT");
        assertThat(refused.error().orElseThrow().path("message").asText()).isEqualTo("percentile weight must be > 0");
    }
}
