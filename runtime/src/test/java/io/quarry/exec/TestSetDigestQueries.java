package io.quarry.exec;

import io.quarry.spi.ErrorCode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The SetDigest type and its functions over two workers (partial digests merged in the final step). Every
 * expectation is Trino 476's answer.
 */
class TestSetDigestQueries extends LocalQueryTest {
    @Test
    void serialisedDigests() throws Exception {
        assertResult("SELECT typeof(make_set_digest(1)), to_hex(CAST(make_set_digest(1) AS varbinary))",
                List.of("varchar", "varchar"),
                List.of("SetDigest", "0108000000020B01008003440000200000010000004AC405FBB70344000100"));
        assertResult("SELECT to_hex(CAST(make_set_digest(x) AS varbinary)) FROM (VALUES 'a') t(x)",
                List.of("varchar"), List.of("0108000000020B0100405555850020000001000000897859F6655555850100"));
        assertResult("SELECT to_base64(md5(CAST(make_set_digest(comment) AS varbinary))) FROM orders",
                List.of("varchar"), List.of("aMge/zbwWOSAtMUVA6W22A=="));
        assertResult("SELECT to_hex(CAST(CAST(make_set_digest(1) AS HyperLogLog) AS varbinary))",
                List.of("varchar"), List.of("020B010080034400"));
    }

    @Test
    void hashCountsOfLongsStringsAndDates() throws Exception {
        assertResult("SELECT hash_counts(make_set_digest(x)) FROM (VALUES 1, 1, 2) t(x)",
                List.of("map(bigint, smallint)"), List.of(Map.of(-2447670524089286488L, 1L, 19144387141682250L, 2L)));
        assertResult("SELECT hash_counts(make_set_digest(x)) FROM (VALUES 'a') t(x)",
                List.of("map(bigint, smallint)"), List.of(Map.of(-8839064797231613815L, 1L)));
        assertResult("SELECT hash_counts(make_set_digest(x)) FROM (VALUES DATE '2020-01-01') t(x)",
                List.of("map(bigint, smallint)"), List.of(Map.of(-7433241766931499047L, 1L)));
        assertResult("SELECT cardinality(hash_counts(make_set_digest(orderkey))), cardinality(make_set_digest(orderkey)) FROM lineitem",
                List.of("bigint", "bigint"), List.of(8192L, 15091L));
    }

    @Test
    void cardinalitiesIntersectionsAndMerges() throws Exception {
        assertResult(
                "SELECT intersection_cardinality(a, b), jaccard_index(a, b) FROM (SELECT make_set_digest(x) FILTER (WHERE x < 700) a,"
                        + " make_set_digest(x) FILTER (WHERE x > 300) b FROM UNNEST(sequence(1, 1000)) t(x))",
                List.of("bigint", "double"), List.of(399L, 0.3948497854077253));
        assertResult(
                "SELECT intersection_cardinality(a, b), jaccard_index(a, b), cardinality(a), cardinality(b) FROM (SELECT"
                        + " make_set_digest(orderkey) FILTER (WHERE custkey < 700) a, make_set_digest(orderkey) FILTER (WHERE custkey > 300) b FROM orders)",
                List.of("bigint", "double", "bigint", "bigint"), List.of(3909L, 0.25906137184115524, 6925L, 12080L));
        assertResult("SELECT cardinality(merge_set_digest(d)) FROM (SELECT make_set_digest(orderkey) d FROM orders GROUP BY custkey % 5)",
                List.of("bigint"), List.of(15091L));
        assertResult(
                "SELECT to_base64(md5(CAST(merge_set_digest(d) AS varbinary))) FROM (SELECT make_set_digest(partkey) d FROM lineitem GROUP BY suppkey)",
                List.of("varchar"), List.of("VLyFIT7lY708Jr+gZDgO4Q=="));
        assertResult("SELECT jaccard_index(make_set_digest(1), make_set_digest(2))", List.of("double"), List.of(0.0));
    }

    @Test
    void signatureErrors() {
        assertFails("SELECT make_set_digest(x) FROM (VALUES 1.5e0) t(x)", ErrorCode.FUNCTION_IMPLEMENTATION_MISSING,
                "Unsupported type parameters (make_set_digest(double):SetDigest)");
        assertFails("SELECT merge_set_digest(1)", ErrorCode.FUNCTION_NOT_FOUND, "Unexpected parameters (integer) for function merge_set_digest");
        assertFails("SELECT cardinality(CAST(X'01' AS SetDigest))", ErrorCode.INVALID_FUNCTION_ARGUMENT, "Cannot deserialize SetDigest");
    }
}
