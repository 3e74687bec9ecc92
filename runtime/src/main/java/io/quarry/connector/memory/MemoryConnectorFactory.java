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
 * {@code memory.replication-factor}, how many workers hold a copy of each piece of data written (at least 1,
 * default 2; never more than the active workers, so that a single node keeps one copy).
 */
public final class MemoryConnectorFactory implements ConnectorFactory {
    public static final String NAME = "memory";
    public static final String MAX_DATA_PER_NODE = "memory.max-data-per-node";
    public static final String REPLICATION_FACTOR = "memory.replication-factor";
    public static final long DEFAULT_MAX_DATA_PER_NODE = 1L << 30;
    public static final int DEFAULT_REPLICATION_FACTOR = 2;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Connector create(String catalogName, Map<String, String> properties, ConnectorContext context) {
        long maxDataPerNode = DEFAULT_MAX_DATA_PER_NODE;
        int replicationFactor = DEFAULT_REPLICATION_FACTOR;
        for (Map.Entry<String, String> property : properties.entrySet()) {
            String key = property.getKey();
            String value = property.getValue().trim();
            switch (key) {
                case MAX_DATA_PER_NODE -> maxDataPerNode = dataSize(catalogName, key, value);
                case REPLICATION_FACTOR -> replicationFactor = replicationFactor(catalogName, key, value);
                case "connector.name" -> {
                    // Tolerated in case a loader passes the whole catalog file through.
                }
                default -> throw new QuarryException(
                        ErrorCode.CONFIGURATION_INVALID,
                        "Unknown property '" + key + "' in catalog '" + catalogName + "' (connector memory)");
            }
        }
        return new MemoryConnector(catalogName, context.nodeId(), maxDataPerNode, replicationFactor, context);
    }

    private static int replicationFactor(String catalogName, String key, String value) {
        int factor;
        try {
            factor = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw invalid(catalogName, key, value, "it must be a whole number of copies, at least 1");
        }
        if (factor < 1) {
            throw invalid(catalogName, key, value, "it must be at least 1");
        }
        return factor;
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
