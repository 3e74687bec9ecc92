package io.quarry.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs a TPC-H query of the shared conformance data and checks the answer against the expected file. */
final class TpchConformance {
    private TpchConformance() {}

    static String query(String name) {
        try {
            return Files.readString(ExpectedResult.conformanceDirectory().resolve("tpch/queries/" + name + ".sql"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ExpectedResult expected(String name) {
        return ExpectedResult.load(ExpectedResult.conformanceDirectory().resolve(Path.of("tpch", "tiny", name + ".json")));
    }

    /** Runs TPC-H query {@code name} on {@code tpch.tiny} and asserts it matches; returns the result. */
    static StatementClient.Result assertMatches(StatementClient client, String name) {
        StatementClient.Result result = client.execute(query(name));
        assertThat(expected(name).mismatch(result, false)).as(name).isEmpty();
        return result;
    }
}
