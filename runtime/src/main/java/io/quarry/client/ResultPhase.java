package io.quarry.client;

/** The two phases of the result URIs: before the query is dispatched, and while it executes. */
public enum ResultPhase {
    QUEUED,
    EXECUTING
}
