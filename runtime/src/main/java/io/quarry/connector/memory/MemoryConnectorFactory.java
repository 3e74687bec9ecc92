package io.quarry.connector.memory;

import io.quarry.config.DataSizes;
import io.quarry.spi.Connector;
import io.quarry.spi.ConnectorContext;
import io.quarry.spi.ConnectorFactory;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import java.util.Map;

/**
 * Creates memory catalogs ({@code connector.name=memory}). Properties: {@code memory.max-data-per-node},
 * the most data (a data size such as {@code 1GB}) the catalog holds on one node, default 1GB; and
 * {@code memory.replication-factor}, accepted only as 1 (each piece of data lives on one node).
 */
public final class MemoryConnectorFactory implements ConnectorFactory {
    public static final String NAME = "memory";
    public static final String MAX_DATA_PER_NODE = "memory.max-data-per-node";
    public static final String REPLICATION_FACTOR = "memory.replication-factor";
    public static final long DEFAULT_MAX_DATA_PER_NODE = 1L << 30;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Connector create(String catalogName, Map<String, String> properties, ConnectorContext context) {
        long maxDataPerNode = DEFAULT_MAX_DATA_PER_NODE;
        for (Map.Entry<String, String> property : properties.entrySet()) {
            String key = property.getKey();
            String value = property.getValue().trim();
            switch (key) {
                case MAX_DATA_PER_NODE -> maxDataPerNode = dataSize(catalogName, key, value);
                case REPLICATION_FACTOR -> {
                    if (!value.equals("1")) {
                        throw invalid(catalogName, key, value, "only 1 is supported");
                    }
                }
                case "connector.name" -> {
                    // Tolerated in case a loader passes the whole catalog file through.
                }
                default -> throw new QuarryException(
                        ErrorCode.CONFIGURATION_INVALID,
                        "Unknown property '" + key + "' in catalog '" + catalogName + "' (connector memory)");
            }
        }
        return new MemoryConnector(catalogName, context.nodeId(), maxDataPerNode);
    }

    private static long dataSize(String catalogName, String key, String value) {
        long bytes;
        try {
            bytes = DataSizes.parseBytes(value);
        } catch (IllegalArgumentException e) {
            throw invalid(catalogName, key, value, e.getMessage());
        }
        if (bytes <= 0) {
            throw invalid(catalogName, key, value, "it must be positive");
        }
        return bytes;
    }

    private static QuarryException invalid(String catalogName, String key, String value, String why) {
        return new QuarryException(
                ErrorCode.CONFIGURATION_INVALID,
                "Invalid value '" + value + "' for property '" + key + "' in catalog '" + catalogName + "': " + why);
    }
}
