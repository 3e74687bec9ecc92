package io.quarry.config;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One catalog of a node: its name, the connector that serves it and the connector's own properties
 * ({@code connector.name} excluded), with the file or HOCON origin it came from for messages.
 */
public record CatalogConfig(String name, String connectorName, Map<String, String> properties, String source) {
    /** Catalog names: lower-case letters, digits and underscores, as openLooKeng's file names. */
    public static final Pattern NAME_PATTERN = Pattern.compile("[a-z0-9_]+");

    public CatalogConfig {
        requireNonNull(name, "name is null");
        requireNonNull(connectorName, "connectorName is null");
        requireNonNull(properties, "properties is null");
        requireNonNull(source, "source is null");
        if (!NAME_PATTERN.matcher(name).matches()) {
            throw new IllegalArgumentException("catalog name '" + name + "' does not match " + NAME_PATTERN);
        }
        if (connectorName.isBlank()) {
            throw new IllegalArgumentException("connector name of catalog '" + name + "' is blank");
        }
        // sorted, so that equal catalogs print and compare alike whatever order the file had
        properties = Collections.unmodifiableMap(new TreeMap<>(properties));
    }

    /** A catalog with no connector properties. */
    public static CatalogConfig of(String name, String connectorName, String source) {
        return new CatalogConfig(name, connectorName, Map.of(), source);
    }
}
