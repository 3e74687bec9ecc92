package io.quarry.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * approx_distinct and the sketch types (HyperLogLog, SetDigest) on one node and on a coordinator with two
 * workers, where partial sketches cross the exchange in their serialised form: the estimates, the bytes and
 * the protocol's rendering are Trino 476's.
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
}
