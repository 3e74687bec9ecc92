package io.quarry.testing;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The contents of an openLooKeng-style {@code etc/} directory for one node, written by {@link #writeTo}:
 * {@code config.properties}, {@code node.properties}, {@code jvm.config} and one {@code catalog/<name>.properties}
 * per catalog. A fluent, mutable description (not thread-safe) that tests adjust key by key, including to
 * write values the loader must refuse.
 */
public final class EtcDirectory {
    /**
     * JVM options small enough to run three nodes and the build on a two-core machine: a small heap, the
     * serial collector, and only the C1 compiler, which starts a node and warms up a query faster when the
     * JVMs share two cores.
     */
    public static final List<String> SMALL_JVM = List.of("-Xmx768m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private final Map<String, String> config = new LinkedHashMap<>();
    private final Map<String, String> node = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> catalogs = new LinkedHashMap<>();
    private List<String> jvmOptions = SMALL_JVM;

    private EtcDirectory(String nodeId, String environment) {
        node.put("node.id", requireNonNull(nodeId, "nodeId is null"));
        node.put("node.environment", requireNonNull(environment, "environment is null"));
        catalogs.put("tpch", Map.of("connector.name", "tpch"));
    }

    /** A node with the given id and environment, the {@code tpch} catalog and {@link #SMALL_JVM}; no config keys yet. */
    public static EtcDirectory of(String nodeId, String environment) {
        return new EtcDirectory(nodeId, environment);
    }

    /** Sets a key of {@code config.properties}, replacing an earlier value. */
    public EtcDirectory config(String key, String value) {
        config.put(requireNonNull(key, "key is null"), requireNonNull(value, "value is null"));
        return this;
    }

    /** Sets a key of {@code node.properties}, replacing an earlier value. */
    public EtcDirectory node(String key, String value) {
        node.put(requireNonNull(key, "key is null"), requireNonNull(value, "value is null"));
        return this;
    }

    /** Replaces the lines of {@code jvm.config}. */
    public EtcDirectory jvmOptions(List<String> options) {
        jvmOptions = List.copyOf(options);
        return this;
    }

    /** Adds or replaces catalog {@code name} with the given properties ({@code connector.name} among them). */
    public EtcDirectory catalog(String name, Map<String, String> properties) {
        catalogs.put(requireNonNull(name, "name is null"), Map.copyOf(properties));
        return this;
    }

    public String nodeId() {
        return node.get("node.id");
    }

    /** The value of a {@code config.properties} key, or null. */
    public String configValue(String key) {
        return config.get(key);
    }

    /** Writes the files into {@code directory} (created if missing) and returns it. */
    public Path writeTo(Path directory) {
        try {
            Files.createDirectories(directory.resolve("catalog"));
            Files.write(directory.resolve("config.properties"), propertyLines(config), StandardCharsets.UTF_8);
            Files.write(directory.resolve("node.properties"), propertyLines(node), StandardCharsets.UTF_8);
            Files.write(directory.resolve("jvm.config"), jvmOptions, StandardCharsets.UTF_8);
            for (Map.Entry<String, Map<String, String>> catalog : catalogs.entrySet()) {
                Files.write(
                        directory.resolve("catalog").resolve(catalog.getKey() + ".properties"),
                        propertyLines(catalog.getValue()),
                        StandardCharsets.UTF_8);
            }
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the etc directory " + directory, e);
        }
    }

    private static List<String> propertyLines(Map<String, String> properties) {
        // values are written as they are: tests need to write bad ones, and none of ours needs escaping
        List<String> lines = new ArrayList<>();
        properties.forEach((key, value) -> lines.add(key + "=" + value));
        return lines;
    }
}
