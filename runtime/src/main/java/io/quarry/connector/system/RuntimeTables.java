package io.quarry.connector.system;

import io.quarry.spi.QuerySummary;
import io.quarry.type.DateTimeValues;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The rows of {@code system.runtime.queries} and {@code system.runtime.tasks}, from the coordinator's queries. */
final class RuntimeTables {
    private static final int UTC_ZONE_KEY = 0;
    private static final java.util.Set<String> DONE_STATES = java.util.Set.of("FINISHED", "CANCELED", "ABORTED", "FAILED");

    private RuntimeTables() {}

    static List<Object[]> queries(List<QuerySummary> queries) {
        List<Object[]> rows = new ArrayList<>();
        for (QuerySummary query : queries) {
            rows.add(new Object[] {
                query.queryId(), query.state(), query.user(), query.source().orElse(null), query.query(), null,
                query.queuedMillis(), query.planningMillis(), query.planningMillis(),
                timestamp(query.created()), timestamp(query.started()), timestamp(query.lastHeartbeat()),
                timestamp(query.ended()),
                query.errorCode().map(code -> code.type().name()).orElse(null),
                query.errorCode().map(Enum::name).orElse(null)
            });
        }
        return rows;
    }

    /**
     * One row per task. A task is created when its query is scheduled and reports to its stage until it ends, so
     * its times are those of its query: created and started when the query started running, last heard of at the
     * query's last heartbeat, ended (once the task is done) when the query ended, or at that heartbeat if it runs on.
     */
    static List<Object[]> tasks(List<QuerySummary> queries) {
        List<Object[]> rows = new ArrayList<>();
        for (QuerySummary query : queries) {
            Long created = timestamp(query.started().or(() -> Optional.of(query.created())));
            Long heartbeat = timestamp(query.lastHeartbeat());
            for (QuerySummary.Task task : query.tasks()) {
                Long end = DONE_STATES.contains(task.state()) ? timestamp(query.ended().or(query::lastHeartbeat)) : null;
                rows.add(new Object[] {
                    task.nodeId(), task.taskId(), task.stageId(), query.queryId(), task.state(),
                    task.splits(), task.queuedSplits(), task.runningSplits(), task.completedSplits(),
                    task.wallMillis(), task.cpuMillis(), null,
                    task.inputBytes(), task.inputRows(), task.inputBytes(), task.inputRows(),
                    task.outputBytes(), task.outputRows(), task.inputBytes(), 0L,
                    created, created, heartbeat, end
                });
            }
        }
        return rows;
    }

    private static Long timestamp(Instant instant) {
        return DateTimeValues.packWithZone(instant.toEpochMilli(), UTC_ZONE_KEY);
    }

    private static Long timestamp(Optional<Instant> instant) {
        return instant.map(RuntimeTables::timestamp).orElse(null);
    }
}
