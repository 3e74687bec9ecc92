package io.quarry.exec;

import static java.util.Objects.requireNonNull;

import io.quarry.exec.memory.TaskMemoryContext;
import io.quarry.plan.PlanFragment;
import io.quarry.spi.Connector;
import io.quarry.spi.Session;
import io.quarry.spi.TaskId;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * Everything a {@link TaskExecution} needs: the fragment to run, the session, the connectors by catalog
 * name ({@code catalogs} throws QuarryException CATALOG_NOT_FOUND for an unknown one), the number of consumer
 * partitions, where output goes, the CPU executor the drivers run on, and the bound of each remote-source
 * buffer, and the task's memory context (limited by its query's per-node memory).
 */
public record TaskExecutionContext(
        TaskId taskId,
        PlanFragment fragment,
        Session session,
        Function<String, Connector> catalogs,
        int outputPartitionCount,
        OutputSink output,
        Executor executor,
        long remoteSourceBufferBytes,
        TaskMemoryContext memory) {
    public TaskExecutionContext {
        requireNonNull(memory, "memory is null");
        requireNonNull(taskId, "taskId is null");
        requireNonNull(fragment, "fragment is null");
        requireNonNull(session, "session is null");
        requireNonNull(catalogs, "catalogs is null");
        requireNonNull(output, "output is null");
        requireNonNull(executor, "executor is null");
        if (outputPartitionCount < 1) {
            throw new IllegalArgumentException("outputPartitionCount must be positive");
        }
        if (remoteSourceBufferBytes <= 0) {
            throw new IllegalArgumentException("remoteSourceBufferBytes must be positive");
        }
    }

    /** A context whose task memory is counted but not limited (tasks run outside a node). */
    public TaskExecutionContext(
            TaskId taskId,
            PlanFragment fragment,
            Session session,
            Function<String, Connector> catalogs,
            int outputPartitionCount,
            OutputSink output,
            Executor executor,
            long remoteSourceBufferBytes) {
        this(taskId, fragment, session, catalogs, outputPartitionCount, output, executor, remoteSourceBufferBytes,
                TaskMemoryContext.unlimited(taskId));
    }
}
