package io.quarry.actor;

import static java.util.Objects.requireNonNull;

import io.quarry.client.ResultColumn;
import io.quarry.client.SessionUpdates;
import io.quarry.spi.Session;
import io.quarry.plan.PlanFragment;
import java.util.List;
import java.util.Optional;

/**
 * A planned query: the columns the client gets and the fragments, root fragment (id 0) first. Statements
 * that change data or metadata also carry their protocol {@code updateType} (e.g. {@code INSERT}) and,
 * for writes, the {@link WriteCompletion} that commits them on the coordinator once the output is complete;
 * statements that change the client's session ({@code USE}, {@code SET SESSION}, {@code PREPARE}, …) carry
 * the {@link SessionUpdates} the client is told of. EXPLAIN ANALYZE carries the {@link ExplainAnalyze} that drops the
 * query's rows and answers with the plan and the figures of its run. A query that sets its own session properties
 * ({@code WITH SESSION …}) carries the session it runs with.
 */
public record PlannedQuery(
        List<ResultColumn> columns,
        List<PlanFragment> fragments,
        Optional<String> updateType,
        Optional<WriteCompletion> completion,
        SessionUpdates sessionUpdates,
        Optional<ExplainAnalyze> analyze,
        Optional<Session> runSession)
        implements LocalOnly {
    public PlannedQuery {
        columns = List.copyOf(columns);
        fragments = List.copyOf(fragments);
        if (fragments.isEmpty() || fragments.get(0).id() != 0) {
            throw new IllegalArgumentException("the root fragment (id 0) comes first");
        }
        requireNonNull(sessionUpdates, "sessionUpdates is null");
        requireNonNull(analyze, "analyze is null");
        requireNonNull(runSession, "runSession is null");
    }

    public PlannedQuery(
            List<ResultColumn> columns,
            List<PlanFragment> fragments,
            Optional<String> updateType,
            Optional<WriteCompletion> completion,
            SessionUpdates sessionUpdates,
            Optional<ExplainAnalyze> analyze) {
        this(columns, fragments, updateType, completion, sessionUpdates, analyze, Optional.empty());
    }

    /** This query, run with {@code session} instead of the client's. */
    public PlannedQuery runningWith(Session session) {
        return new PlannedQuery(columns, fragments, updateType, completion, sessionUpdates, analyze, Optional.of(session));
    }

    public PlannedQuery(
            List<ResultColumn> columns,
            List<PlanFragment> fragments,
            Optional<String> updateType,
            Optional<WriteCompletion> completion,
            SessionUpdates sessionUpdates) {
        this(columns, fragments, updateType, completion, sessionUpdates, Optional.empty());
    }

    public PlannedQuery(
            List<ResultColumn> columns, List<PlanFragment> fragments, Optional<String> updateType, Optional<WriteCompletion> completion) {
        this(columns, fragments, updateType, completion, SessionUpdates.NONE);
    }

    public PlannedQuery(List<ResultColumn> columns, List<PlanFragment> fragments) {
        this(columns, fragments, Optional.empty(), Optional.empty());
    }
}
