package io.quarry.connector;

import io.quarry.connector.memory.MemoryConnectorFactory;
import io.quarry.connector.system.SystemConnectorFactory;
import io.quarry.connector.tpch.TpchConnectorFactory;
import io.quarry.spi.ConnectorFactory;
import java.util.List;

/** The connector factories every Quarry node has. A new built-in connector adds one line here. */
public final class BuiltInConnectors {
    private BuiltInConnectors() {}

    public static List<ConnectorFactory> factories() {
        return List.of(new TpchConnectorFactory(), new SystemConnectorFactory(), new MemoryConnectorFactory());
    }
}
