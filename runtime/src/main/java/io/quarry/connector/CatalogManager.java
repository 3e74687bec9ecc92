package io.quarry.connector;

import static java.util.Objects.requireNonNull;

import io.quarry.connector.informationschema.InformationSchemaConnector;
import io.quarry.spi.Connector;
import io.quarry.spi.ConnectorContext;
import io.quarry.spi.ConnectorFactory;
import io.quarry.spi.ConnectorMetadata;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.NodeInfo;
import io.quarry.spi.QuarryException;
import io.quarry.spi.QueryId;
import io.quarry.spi.QuerySummary;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The catalogs of a node, each with its connector, created once at start. Immutable after construction
 * and therefore thread-safe.
 *
 * <p>A catalog whose connector does not exist is skipped and reported in {@link #warnings()} rather than
 * stopping the node, as openLooKeng does with catalogs of uninstalled plugins. Malformed properties of an
 * existing connector are fatal: the factory's {@link QuarryException} propagates.
 *
 * <p>Every catalog gets its {@code information_schema} ({@link InformationSchemaConnector}), and every
 * connector sees the other catalogs through its context ({@link ConnectorContext#catalogMetadata}).
 */
public final class CatalogManager {
    private static final Logger log = LoggerFactory.getLogger(CatalogManager.class);

    private final Map<String, Connector> connectors;
    private final Map<String, String> connectorNames = new LinkedHashMap<>();
    private final List<String> warnings;
    private final ConnectorContext context;

    public CatalogManager(List<CatalogEntry> catalogs, List<ConnectorFactory> factories, ConnectorContext context) {
        requireNonNull(catalogs, "catalogs is null");
        requireNonNull(factories, "factories is null");
        requireNonNull(context, "context is null");
        Map<String, ConnectorFactory> factoriesByName = new LinkedHashMap<>();
        for (ConnectorFactory factory : factories) {
            if (factoriesByName.putIfAbsent(factory.name(), factory) != null) {
                throw new IllegalArgumentException("two connector factories are named " + factory.name());
            }
        }
        Map<String, Connector> created = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        ConnectorContext withCatalogs = new CatalogsContext(context);
        this.context = withCatalogs;
        for (CatalogEntry catalog : catalogs) {
            if (created.containsKey(catalog.catalogName())) {
                throw new QuarryException(
                        ErrorCode.CONFIGURATION_INVALID, "Catalog '" + catalog.catalogName() + "' is defined twice");
            }
            ConnectorFactory factory = factoriesByName.get(catalog.connectorName());
            if (factory == null) {
                String warning = "Catalog '" + catalog.catalogName() + "' uses connector '" + catalog.connectorName()
                        + "', which does not exist; skipped";
                log.warn(warning);
                problems.add(warning);
                continue;
            }
            Connector connector = factory.create(catalog.catalogName(), catalog.properties(), withCatalogs);
            created.put(catalog.catalogName(), new InformationSchemaConnector(catalog.catalogName(), connector));
            connectorNames.put(catalog.catalogName(), catalog.connectorName());
        }
        this.connectors = Collections.unmodifiableMap(created);
        this.warnings = List.copyOf(problems);
    }

    /** The catalogs served by the built-in connectors. */
    public static CatalogManager withBuiltInConnectors(List<CatalogEntry> catalogs) {
        return withBuiltInConnectors(catalogs, ConnectorContext.EMPTY);
    }

    public static CatalogManager withBuiltInConnectors(List<CatalogEntry> catalogs, ConnectorContext context) {
        return new CatalogManager(catalogs, BuiltInConnectors.factories(), context);
    }

    /** The catalog names, in configuration order. */
    public Set<String> catalogNames() {
        return connectors.keySet();
    }

    public Optional<Connector> connector(String catalogName) {
        return Optional.ofNullable(connectors.get(catalogName));
    }

    /** The connector of a catalog, or {@link ErrorCode#CATALOG_NOT_FOUND} naming it. */
    public Connector require(String catalogName) {
        Connector connector = connectors.get(catalogName);
        if (connector == null) {
            throw new QuarryException(ErrorCode.CATALOG_NOT_FOUND, "Catalog '" + catalogName + "' does not exist");
        }
        return connector;
    }

    /** The node's context, for what the system catalog's procedures do (kill a query). */
    public ConnectorContext context() {
        return context;
    }

    /** One line per catalog that was skipped at start, for the node's start-up report. */
    public List<String> warnings() {
        return warnings;
    }

    /** The node's context, answering for the catalogs from this manager (once it is built). */
    private final class CatalogsContext implements ConnectorContext {
        private final ConnectorContext node;

        CatalogsContext(ConnectorContext node) {
            this.node = node;
        }

        @Override
        public CompletionStage<List<NodeInfo>> clusterNodes() {
            return node.clusterNodes();
        }

        @Override
        public String nodeId() {
            return node.nodeId();
        }

        @Override
        public CompletionStage<List<QuerySummary>> queries() {
            return node.queries();
        }

        @Override
        public CompletionStage<Boolean> killQuery(QueryId queryId, String message) {
            return node.killQuery(queryId, message);
        }

        @Override
        public List<String> catalogNames() {
            return connectors == null ? List.of() : List.copyOf(connectors.keySet());
        }

        @Override
        public Optional<String> connectorName(String catalogName) {
            return connectors == null ? Optional.empty() : Optional.ofNullable(connectorNames.get(catalogName));
        }

        @Override
        public Optional<ConnectorMetadata> catalogMetadata(String catalogName) {
            return connectors == null ? Optional.empty() : connector(catalogName).map(Connector::metadata);
        }
    }
}
