package io.quarry.actor;

import static java.util.Objects.requireNonNull;

import akka.actor.typed.ActorRef;
import io.quarry.spi.TaskId;

/** A producing task that a consumer pulls pages from. */
public record RemoteTask(TaskId taskId, ActorRef<TaskActor.Command> task) implements ClusterMessage {
    public RemoteTask {
        requireNonNull(taskId, "taskId is null");
        requireNonNull(task, "task is null");
    }
}
