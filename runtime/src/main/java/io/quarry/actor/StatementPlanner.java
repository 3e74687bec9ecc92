package io.quarry.actor;

import io.quarry.spi.Session;

/**
 * Turns a statement into what a query runs: its result columns and its fragments. Runs on the planning
 * executor, never on an actor's thread; failures are {@link io.quarry.spi.QuarryException}s.
 */
@FunctionalInterface
public interface StatementPlanner {
    PlannedQuery plan(String sql, Session session);

    /** Plans a statement that may use the client's prepared statements and transaction. */
    default PlannedQuery plan(String sql, Session session, StatementContext context) {
        return plan(sql, session);
    }
}
