package io.quarry.connector.tpch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads expected results from the shared conformance data (never copied into the repository). */
final class Conformance {
    private Conformance() {}

    static JsonNode sqlCase(String name) {
        Path file = directory().resolve("sql").resolve(name + ".json");
        try {
            return new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path directory() {
        String configured = System.getProperty("quarry.conformance.dir");
        if (configured != null && Files.isDirectory(Path.of(configured))) {
            return Path.of(configured);
        }
        // Tests run in the module directory; the conformance data sits beside the project root.
        return Path.of("..", "..", "shared", "conformance").toAbsolutePath().normalize();
    }
}
