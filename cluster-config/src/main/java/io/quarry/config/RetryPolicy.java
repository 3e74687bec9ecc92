package io.quarry.config;

import java.util.Locale;

/**
 * What a query does when a worker running its tasks is lost ({@code retry-policy}, session property
 * {@code retry_policy}).
 */
public enum RetryPolicy {
    /** The query fails with the node's loss named. */
    NONE,
    /** The whole query runs again on the surviving workers, if no result reached the client yet. */
    QUERY,
    /** Only the lost tasks run again, on surviving workers; the rest of the query goes on. */
    TASK;

    /**
     * Parses a policy name in any case.
     *
     * @throws IllegalArgumentException naming the allowed values
     */
    public static RetryPolicy parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not a retry policy (NONE, QUERY or TASK)");
        }
    }
}
