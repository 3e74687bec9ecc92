package io.quarry.actor;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;

/**
 * What a statement may refer to besides its session: the client's prepared statements (name to SQL text) and
 * the transaction it runs in ({@code NONE} or a transaction id; empty when the client does not support
 * transactions).
 */
public record StatementContext(Map<String, String> preparedStatements, Optional<String> transactionId) implements LocalOnly {
    public static final StatementContext EMPTY = new StatementContext(Map.of(), Optional.empty());

    public StatementContext {
        preparedStatements = Map.copyOf(preparedStatements);
        requireNonNull(transactionId, "transactionId is null");
    }

    /** Whether the client is inside a transaction it started. */
    public boolean inTransaction() {
        return transactionId.isPresent() && !transactionId.get().equals("NONE");
    }
}
