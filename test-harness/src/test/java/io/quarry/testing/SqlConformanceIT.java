package io.quarry.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every case of the shared SQL conformance data, through the client protocol, on one node and on a coordinator
 * with two workers. The cases Quarry does not run yet are named in {@code sql-conformance-pending.txt}; each of
 * those must still fail (so the list only ever shrinks), every other case must match.
 */
class SqlConformanceIT {
    private static final Path PENDING = Path.of("src", "test", "resources", "sql-conformance-pending.txt");

    private static QuarryCluster singleNode;
    private static QuarryCluster cluster;

    @BeforeAll
    static void start() {
        singleNode = QuarryCluster.singleNode();
        cluster = QuarryCluster.withWorkers(2);
    }

    @AfterAll
    static void stop() {
        if (singleNode != null) {
            singleNode.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void casesMatchOnOneNode() {
        assertConformance(singleNode);
    }

    @Test
    void casesMatchOnACluster() {
        assertConformance(cluster);
    }

    private static void assertConformance(QuarryCluster target) {
        Set<String> pending = pendingCases();
        Map<String, String> failures = new LinkedHashMap<>();
        List<String> passingButPending = new ArrayList<>();
        List<Path> cases = cases();
        assertThat(cases).hasSizeGreaterThan(100);
        for (Path file : cases) {
            String name = file.getFileName().toString().replace(".sql", "");
            Optional<String> mismatch = run(target, file);
            if (pending.contains(name)) {
                if (mismatch.isEmpty()) {
                    passingButPending.add(name);
                }
            } else {
                mismatch.ifPresent(reason -> failures.put(name, reason));
            }
        }
        assertThat(failures).as("conformance cases that do not match").isEmpty();
        assertThat(passingButPending).as("cases that pass now: remove them from " + PENDING).isEmpty();
    }

    private static Optional<String> run(QuarryCluster target, Path file) {
        try {
            String sql = Files.readString(file).strip();
            if (sql.endsWith(";")) {
                sql = sql.substring(0, sql.length() - 1);
            }
            ExpectedResult expected = ExpectedResult.load(Path.of(file.toString().replace(".sql", ".json")));
            StatementClient.Result result = target.client("tpch", "tiny").execute(sql);
            return expected.mismatch(result, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            return Optional.of("protocol failure: " + e.getMessage());
        }
    }

    private static List<Path> cases() {
        try (Stream<Path> files = Files.list(ExpectedResult.conformanceDirectory().resolve("sql"))) {
            return files.filter(file -> file.toString().endsWith(".sql")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> pendingCases() {
        try (Stream<String> lines = Files.lines(PENDING)) {
            return lines.map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
