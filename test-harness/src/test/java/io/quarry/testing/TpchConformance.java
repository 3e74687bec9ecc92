package io.quarry.testing;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs a TPC-H query of the shared conformance data and checks the answer against the expected file. */
final class TpchConformance {
    private TpchConformance() {}

    static String query(String name) {
        return TpchCase.load(name).sql();
    }

    static ExpectedResult expected(String name) {
        return TpchCase.load(name).expected();
    }

    /** Runs TPC-H query {@code name} on {@code tpch.tiny} and asserts it matches; returns the result. */
    static StatementClient.Result assertMatches(StatementClient client, String name) {
        TpchCase tpch = TpchCase.load(name);
        StatementClient.Result result = client.execute(tpch.sql());
        assertThat(tpch.expected().mismatch(result, false)).as(name).isEmpty();
        return result;
    }
}
