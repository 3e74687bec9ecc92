package io.quarry.testing;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One TPC-H query of the shared conformance data: its name ({@code q01}...{@code q22}), its SQL from
 * {@code tpch/queries/<name>.sql} and its expected answer on {@code tpch.tiny} from {@code tpch/tiny/<name>.json}.
 */
public record TpchCase(String name, String sql, ExpectedResult expected) {
    /** The names of the 22 queries, in order. */
    public static final List<String> NAMES = names();

    public TpchCase {
        requireNonNull(name, "name is null");
        requireNonNull(sql, "sql is null");
        requireNonNull(expected, "expected is null");
    }

    /** Loads query {@code name} from {@link ExpectedResult#conformanceDirectory()}. */
    public static TpchCase load(String name) {
        return load(ExpectedResult.conformanceDirectory(), name);
    }

    /** Loads query {@code name} from the conformance directory {@code conformance}. */
    public static TpchCase load(Path conformance, String name) {
        requireNonNull(conformance, "conformance is null");
        requireNonNull(name, "name is null");
        Path queryFile = conformance.resolve("tpch").resolve("queries").resolve(name + ".sql");
        Path expectedFile = conformance.resolve("tpch").resolve("tiny").resolve(name + ".json");
        try {
            return new TpchCase(name, Files.readString(queryFile, StandardCharsets.UTF_8), ExpectedResult.load(expectedFile));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read TPC-H query " + name + " (" + queryFile + ")", e);
        }
    }

    private static List<String> names() {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= 22; i++) {
            names.add(String.format("q%02d", i));
        }
        return List.copyOf(names);
    }
}
