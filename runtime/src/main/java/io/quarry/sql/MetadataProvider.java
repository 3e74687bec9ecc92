package io.quarry.sql;

import io.quarry.spi.ConnectorMetadata;
import java.util.Optional;
import java.util.Set;

/** The catalogs the planner can resolve names in; the runtime implements it over its connectors. */
public interface MetadataProvider {
    /** The names of all catalogs, lower case. */
    Set<String> catalogNames();

    /** The metadata of a catalog, empty when no catalog has that (exact, lower-case) name. */
    Optional<ConnectorMetadata> catalog(String name);
}
