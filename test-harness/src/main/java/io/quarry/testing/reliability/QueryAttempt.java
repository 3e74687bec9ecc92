package io.quarry.testing.reliability;

import static java.util.Objects.requireNonNull;

import io.quarry.testing.StatementClient;

/** How the statement protocol ended for one query: an answer (rows or an error), a broken exchange, or the deadline. */
public sealed interface QueryAttempt {
    /** The server finished the query: {@code result} holds its rows, or its error. */
    record Answered(StatementClient.Result result) implements QueryAttempt {
        public Answered {
            requireNonNull(result, "result is null");
        }
    }

    /** The exchange broke before the query finished: a status other than 200, an I/O error, unreadable JSON. */
    record Broken(String queryId, String detail) implements QueryAttempt {
        public Broken {
            requireNonNull(queryId, "queryId is null");
            requireNonNull(detail, "detail is null");
        }
    }

    /** The per-query deadline passed before the query finished or failed; the client cancelled it. */
    record DeadlinePassed(String queryId, String lastState) implements QueryAttempt {
        public DeadlinePassed {
            requireNonNull(queryId, "queryId is null");
            requireNonNull(lastState, "lastState is null");
        }
    }
}
