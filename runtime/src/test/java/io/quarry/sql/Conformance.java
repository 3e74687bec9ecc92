package io.quarry.sql;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the shared conformance data: the POM's property, else {@code shared/conformance} above the working directory. */
final class Conformance {
    private Conformance() {}

    static Path directory() {
        String property = System.getProperty("quarry.conformance.dir");
        if (property != null && Files.isDirectory(Path.of(property))) {
            return Path.of(property);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/conformance");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("conformance data not found; set quarry.conformance.dir");
    }

    static String tpchQuery(int number) throws java.io.IOException {
        return Files.readString(directory().resolve(String.format("tpch/queries/q%02d.sql", number)));
    }
}
