package io.quarry.connector;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * One configured catalog: its name, the {@code connector.name} of the factory that serves it and the
 * remaining catalog properties (without {@code connector.name}).
 */
public record CatalogEntry(String catalogName, String connectorName, Map<String, String> properties) {
    public CatalogEntry {
        requireNonNull(catalogName, "catalogName is null");
        requireNonNull(connectorName, "connectorName is null");
        if (catalogName.isBlank()) {
            throw new IllegalArgumentException("catalog name is blank");
        }
        properties = Map.copyOf(properties);
    }
}
