package io.quarry.connector.tpch;

import io.quarry.spi.Connector;
import io.quarry.spi.ConnectorContext;
import io.quarry.spi.ConnectorFactory;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import java.util.Locale;
import java.util.Map;

/**
 * Creates tpch catalogs ({@code connector.name=tpch}). Properties: {@code tpch.column-naming} =
 * {@code SIMPLIFIED} (default) or {@code STANDARD}; {@code tpch.splits-per-node} is accepted for
 * openLooKeng catalog files and ignored, since Quarry sizes splits from the cluster.
 */
public final class TpchConnectorFactory implements ConnectorFactory {
    public static final String NAME = "tpch";
    public static final String COLUMN_NAMING = "tpch.column-naming";
    public static final String SPLITS_PER_NODE = "tpch.splits-per-node";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Connector create(String catalogName, Map<String, String> properties, ConnectorContext context) {
        TpchColumnNaming naming = TpchColumnNaming.SIMPLIFIED;
        for (Map.Entry<String, String> property : properties.entrySet()) {
            String key = property.getKey();
            String value = property.getValue().trim();
            switch (key) {
                case COLUMN_NAMING -> naming = columnNaming(catalogName, value);
                case SPLITS_PER_NODE -> checkPositiveInteger(catalogName, key, value);
                case "connector.name" -> {
                    // Tolerated in case a loader passes the whole catalog file through.
                }
                default -> throw new QuarryException(
                        ErrorCode.CONFIGURATION_INVALID,
                        "Unknown property '" + key + "' in catalog '" + catalogName + "' (connector tpch)");
            }
        }
        return new TpchConnector(naming);
    }

    private static TpchColumnNaming columnNaming(String catalogName, String value) {
        try {
            return TpchColumnNaming.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new QuarryException(
                    ErrorCode.CONFIGURATION_INVALID,
                    "Invalid value '" + value + "' for property '" + COLUMN_NAMING + "' in catalog '" + catalogName
                            + "': expected SIMPLIFIED or STANDARD");
        }
    }

    private static void checkPositiveInteger(String catalogName, String key, String value) {
        boolean valid;
        try {
            valid = Integer.parseInt(value) > 0;
        } catch (NumberFormatException e) {
            valid = false;
        }
        if (!valid) {
            throw new QuarryException(
                    ErrorCode.CONFIGURATION_INVALID,
                    "Invalid value '" + value + "' for property '" + key + "' in catalog '" + catalogName
                            + "': expected a positive integer");
        }
    }
}
