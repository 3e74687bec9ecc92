package io.quarry.actor;

import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import java.util.Map;
import java.util.Set;

/**
 * The session properties of the catalogs ({@code catalog.property}, set by {@code SET SESSION} or the
 * {@code X-Trino-Session} header). Quarry's connectors (tpch, memory, system) have none, as Trino's tpch and
 * memory connectors have none, so every such property is refused by name, with Trino's error.
 */
final class CatalogSessionProperties {
    /** The properties of each connector, by catalog name; a catalog missing here has none. */
    private static final Map<String, Set<String>> PROPERTIES = Map.of();

    private CatalogSessionProperties() {}

    /** Checks that {@code catalog} exists and has {@code property}; INVALID_SESSION_PROPERTY naming it otherwise. */
    static void check(Set<String> catalogs, String catalog, String property) {
        String name = catalog + "." + property;
        if (!catalogs.contains(catalog)) {
            throw new QuarryException(ErrorCode.INVALID_SESSION_PROPERTY,
                    "Session property '" + name + "' does not exist: catalog '" + catalog + "' does not exist");
        }
        if (!PROPERTIES.getOrDefault(catalog, Set.of()).contains(property)) {
            throw new QuarryException(ErrorCode.INVALID_SESSION_PROPERTY,
                    "Session property '" + name + "' does not exist: catalog '" + catalog + "' has no such property");
        }
    }
}
