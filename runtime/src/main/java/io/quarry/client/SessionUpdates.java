package io.quarry.client;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Session changes a statement asks the client to apply (the protocol's Set-/Clear- response headers). */
public record SessionUpdates(
        Optional<String> setCatalog,
        Optional<String> setSchema,
        Map<String, String> setSessionProperties,
        Set<String> resetSessionProperties,
        Map<String, String> addedPreparedStatements,
        Set<String> deallocatedPreparedStatements,
        Optional<String> startedTransactionId,
        boolean clearTransactionId) {
    public static final SessionUpdates NONE =
            new SessionUpdates(Optional.empty(), Optional.empty(), Map.of(), Set.of(), Map.of(), Set.of(), Optional.empty(), false);

    public SessionUpdates {
        setSessionProperties = Map.copyOf(setSessionProperties);
        resetSessionProperties = Set.copyOf(resetSessionProperties);
        addedPreparedStatements = Map.copyOf(addedPreparedStatements);
        deallocatedPreparedStatements = Set.copyOf(deallocatedPreparedStatements);
    }
}
