package io.quarry.actor;

import static java.util.Objects.requireNonNull;

import akka.actor.typed.ActorRef;

/** An active worker as the scheduler sees it: its node id and its task manager. */
public record WorkerRef(String nodeId, ActorRef<TaskManager.Command> taskManager) implements ClusterMessage {
    public WorkerRef {
        requireNonNull(nodeId, "nodeId is null");
        requireNonNull(taskManager, "taskManager is null");
    }
}
