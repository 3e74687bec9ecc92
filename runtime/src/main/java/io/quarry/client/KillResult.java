package io.quarry.client;

/** The outcome of killing a query by id: killed now, already finished or failed, or not known. */
public enum KillResult {
    KILLED,
    ALREADY_DONE,
    NOT_FOUND
}
