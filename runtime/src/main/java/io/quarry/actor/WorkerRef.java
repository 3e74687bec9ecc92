package io.quarry.actor;

import static java.util.Objects.requireNonNull;

import akka.actor.typed.ActorRef;

/**
 * An active worker as the scheduler sees it: its node id, its HTTP URI ({@code http://host:port}, the base of
 * its task URIs) and its task manager.
 */
public record WorkerRef(String nodeId, String httpUri, ActorRef<TaskManager.Command> taskManager) implements ClusterMessage {
    public WorkerRef {
        requireNonNull(nodeId, "nodeId is null");
        requireNonNull(httpUri, "httpUri is null");
        requireNonNull(taskManager, "taskManager is null");
    }
}
