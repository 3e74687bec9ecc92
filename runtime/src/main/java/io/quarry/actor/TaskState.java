package io.quarry.actor;

/**
 * The states of a task, named as on the wire.
 *
 * <pre>
 * PLANNED -> RUNNING -> FLUSHING -> FINISHED
 *     \---------\----------\-----> CANCELED | ABORTED | FAILED
 * </pre>
 *
 * FLUSHING: the drivers are done and the output is still being pulled.
 */
public enum TaskState {
    PLANNED,
    RUNNING,
    FLUSHING,
    FINISHED,
    CANCELED,
    ABORTED,
    FAILED;

    public boolean isDone() {
        return this == FINISHED || this == CANCELED || this == ABORTED || this == FAILED;
    }
}
