package io.quarry.spi;

/**
 * What the node offers connectors. Empty for now; the system connector will reach live cluster state
 * through it.
 */
public interface ConnectorContext {
    ConnectorContext EMPTY = new ConnectorContext() {};
}
