package io.quarry.client;

/** A node's lifecycle state as {@code /v1/info/state} reports it. */
public enum NodeState {
    ACTIVE,
    INACTIVE,
    SHUTTING_DOWN
}
