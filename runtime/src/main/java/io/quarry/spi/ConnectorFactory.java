package io.quarry.spi;

import java.util.Map;

/** Creates the connector of a catalog from its {@code connector.name} and properties. */
public interface ConnectorFactory {
    /** The {@code connector.name} this factory answers to, e.g. {@code tpch}. */
    String name();

    /**
     * Creates the connector for one catalog. Unknown or malformed properties are a
     * {@link QuarryException} with {@link ErrorCode#CONFIGURATION_INVALID} naming the property.
     */
    Connector create(String catalogName, Map<String, String> properties, ConnectorContext context);
}
