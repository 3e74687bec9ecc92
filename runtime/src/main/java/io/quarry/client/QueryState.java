package io.quarry.client;

/**
 * The states a query goes through, named as on the wire.
 *
 * <pre>
 * QUEUED -> PLANNING -> STARTING -> RUNNING -> FINISHING -> FINISHED
 *    \__________\___________\__________\___________\-----> FAILED (errors, cancel = USER_CANCELED)
 * </pre>
 */
public enum QueryState {
    QUEUED,
    PLANNING,
    STARTING,
    RUNNING,
    FINISHING,
    FINISHED,
    FAILED;

    public boolean isDone() {
        return this == FINISHED || this == FAILED;
    }
}
