package io.quarry.testing.reliability;

import io.quarry.testing.StatementClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Before a run: {@code SHOW SESSION} with the run's session properties, so that a property the server does not
 * offer, or a value it refuses, stops the run with the server's own message instead of failing every query.
 */
public final class SessionCheck {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private SessionCheck() {}

    /** The server refused the session, or does not offer a property: the message says which and why. */
    public static final class SessionRejectedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public SessionRejectedException(String message) {
            super(message);
        }
    }

    /**
     * Runs {@code SHOW SESSION} through {@code client} (which sends the properties) and returns the value the server
     * reports for each of {@code watched} it knows, by name ({@code value (default ...)}).
     *
     * @throws SessionRejectedException if the statement fails, or a property of {@code requested} is not listed
     */
    public static Map<String, String> verify(DeadlineStatementClient client, Map<String, String> requested, List<String> watched) {
        QueryAttempt attempt = client.execute("SHOW SESSION", System.nanoTime() + TIMEOUT.toNanos());
        if (attempt instanceof QueryAttempt.Broken broken) {
            throw new SessionRejectedException("the server refused the session " + requested + ": " + broken.detail());
        }
        if (attempt instanceof QueryAttempt.DeadlinePassed) {
            throw new SessionRejectedException("SHOW SESSION did not answer within " + TIMEOUT.toSeconds() + " s");
        }
        StatementClient.Result result = ((QueryAttempt.Answered) attempt).result();
        if (result.error().isPresent()) {
            throw new SessionRejectedException("the server refused the session " + requested + ": " + result.errorName()
                    + ": " + result.error().get().path("message").asText());
        }
        Map<String, List<Object>> rows = new LinkedHashMap<>();
        for (List<Object> row : result.rows()) {
            rows.put(String.valueOf(row.get(0)), row);
        }
        for (String name : requested.keySet()) {
            if (!rows.containsKey(name)) {
                throw new SessionRejectedException("the server does not offer session property '" + name
                        + "'; SHOW SESSION lists: " + String.join(", ", new ArrayList<>(rows.keySet())));
            }
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : watched) {
            List<Object> row = rows.get(name);
            if (row != null) {
                values.put(name, row.get(1) + " (default " + row.get(2) + ")");
            }
        }
        return values;
    }
}
