package io.quarry.actor;

import static java.util.Objects.requireNonNull;

import io.quarry.connector.CatalogManager;
import io.quarry.spi.Connector;
import io.quarry.spi.ConnectorMetadata;
import io.quarry.sql.MetadataProvider;
import java.util.Optional;
import java.util.Set;

/** The SQL front end's view of a node's catalogs. */
final class CatalogMetadataProvider implements MetadataProvider {
    private final CatalogManager catalogs;

    CatalogMetadataProvider(CatalogManager catalogs) {
        this.catalogs = requireNonNull(catalogs, "catalogs is null");
    }

    @Override
    public Set<String> catalogNames() {
        return catalogs.catalogNames();
    }

    @Override
    public Optional<ConnectorMetadata> catalog(String name) {
        return catalogs.connector(name).map(Connector::metadata);
    }
}
