package io.quarry.connector.system;

import io.quarry.spi.Connector;
import io.quarry.spi.ConnectorContext;
import io.quarry.spi.ConnectorFactory;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import java.util.Map;

/** The {@code system} connector: tables over the live state of the cluster. Takes no properties. */
public final class SystemConnectorFactory implements ConnectorFactory {
    public static final String NAME = "system";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Connector create(String catalogName, Map<String, String> properties, ConnectorContext context) {
        for (String property : properties.keySet()) {
            if (!property.equals("connector.name")) {
                throw new QuarryException(
                        ErrorCode.CONFIGURATION_INVALID,
                        "Catalog '" + catalogName + "': the system connector has no property '" + property + "'");
            }
        }
        return new SystemConnector(context);
    }
}
