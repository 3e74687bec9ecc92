package io.quarry.testing.reliability;

import static java.util.Objects.requireNonNull;

import io.quarry.testing.StatementClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The optional memory-table part of the mix: {@code tpch.tiny.orders} copied once into a memory table with
 * {@code CREATE TABLE AS}, then checked with {@code count(*)}, {@code count(DISTINCT orderkey)} and
 * {@code sum(orderkey)} against the source's figures, so that rows lost or duplicated by a lost worker show as
 * missing or extra rows. A killed worker takes its part of the table with it ({@code MISSING_DATA}, a named
 * failure); the first client to see that copies the table again, once at a time.
 */
public final class MemoryTableMix {
    /** The table the mix writes: in the {@code memory} catalog every node of the run has. */
    public static final String TABLE = "memory.default.reliability_orders";

    private static final String CHECK = "SELECT count(*), count(DISTINCT orderkey), sum(orderkey) FROM " + TABLE;
    private static final Duration SETUP_TIMEOUT = Duration.ofMinutes(2);

    private final DeadlineStatementClient client;
    private final Consumer<String> events;
    private final AtomicBoolean copying = new AtomicBoolean();
    private long expectedRows;
    private long expectedSum;

    /** A statement of the mix's setup failed: the message names it and the error. */
    public static final class SetupFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SetupFailedException(String message) {
            super(message);
        }
    }

    public MemoryTableMix(DeadlineStatementClient client, Consumer<String> events) {
        this.client = requireNonNull(client, "client is null");
        this.events = requireNonNull(events, "events is null");
    }

    /**
     * Reads the source's figures and copies the table; before the clients and the chaos start.
     *
     * @throws SetupFailedException when a statement fails
     */
    public void prepare() {
        List<Object> source = singleRow(execute("SELECT count(*), sum(orderkey) FROM tpch.tiny.orders"));
        expectedRows = ((Number) source.get(0)).longValue();
        expectedSum = ((Number) source.get(1)).longValue();
        copy();
    }

    /** Checks the table once; a {@code MISSING_DATA} failure makes this client copy the table again (unless another is). */
    public QueryOutcome check(long deadlineNanos) {
        QueryAttempt attempt = client.execute(CHECK, deadlineNanos);
        QueryOutcome outcome = classify(attempt, expectedRows, expectedSum);
        if (outcome.kind() == QueryOutcome.Kind.FAILED
                && (outcome.errorName().equals("MISSING_DATA") || outcome.errorName().equals("TABLE_NOT_FOUND"))
                && copying.compareAndSet(false, true)) {
            try {
                execute("DROP TABLE IF EXISTS " + TABLE);
                copy();
                events.accept("memory mix: " + TABLE + " copied again after " + outcome.errorName());
            } catch (SetupFailedException e) {
                events.accept("memory mix: copying " + TABLE + " again failed: " + e.getMessage());
            } finally {
                copying.set(false);
            }
        }
        return outcome;
    }

    /** The outcome of one check against the expected row count and key sum. */
    static QueryOutcome classify(QueryAttempt attempt, long expectedRows, long expectedSum) {
        if (attempt instanceof QueryAttempt.DeadlinePassed passed) {
            return QueryOutcome.hung("memory (query " + passed.queryId() + ", last state " + passed.lastState() + ")");
        }
        if (attempt instanceof QueryAttempt.Broken broken) {
            return QueryOutcome.broken("memory (query " + broken.queryId() + "): " + broken.detail());
        }
        StatementClient.Result result = ((QueryAttempt.Answered) attempt).result();
        if (result.error().isPresent()) {
            String name = result.errorName();
            String message = "memory (query " + result.queryId() + "): " + result.error().get().path("message").asText();
            return name == null || name.isBlank() ? QueryOutcome.broken(message + " (no error name)") : QueryOutcome.failed(name, message);
        }
        if (result.rows().size() != 1 || result.rows().get(0).size() != 3) {
            return QueryOutcome.wrong("memory (query " + result.queryId() + "): expected one row of 3 values, got "
                    + result.rows(), 0, 0);
        }
        List<Object> row = result.rows().get(0);
        long rows = ((Number) row.get(0)).longValue();
        long distinct = ((Number) row.get(1)).longValue();
        long sum = row.get(2) == null ? 0 : ((Number) row.get(2)).longValue();
        if (rows == expectedRows && distinct == expectedRows && sum == expectedSum) {
            return QueryOutcome.correct();
        }
        // every orderkey is unique in the source: keys not seen are lost rows, rows beyond the keys duplicates
        int missing = (int) Math.max(0, expectedRows - distinct);
        int extra = (int) Math.max(0, rows - distinct);
        return QueryOutcome.wrong("memory (query " + result.queryId() + "): count " + rows + ", distinct keys " + distinct
                + ", key sum " + sum + "; expected " + expectedRows + ", " + expectedRows + ", " + expectedSum, missing, extra);
    }

    private void copy() {
        execute("CREATE TABLE " + TABLE + " AS SELECT * FROM tpch.tiny.orders");
    }

    private StatementClient.Result execute(String sql) {
        QueryAttempt attempt = client.execute(sql, System.nanoTime() + SETUP_TIMEOUT.toNanos());
        if (attempt instanceof QueryAttempt.Answered answered && answered.result().error().isEmpty()) {
            return answered.result();
        }
        throw new SetupFailedException(sql + ": " + describe(attempt));
    }

    private static String describe(QueryAttempt attempt) {
        if (attempt instanceof QueryAttempt.Answered answered) {
            return answered.result().errorName() + ": " + answered.result().error().orElseThrow().path("message").asText();
        }
        if (attempt instanceof QueryAttempt.Broken broken) {
            return broken.detail();
        }
        return "no answer within " + SETUP_TIMEOUT.toSeconds() + " s";
    }

    private static List<Object> singleRow(StatementClient.Result result) {
        if (result.rows().size() != 1) {
            throw new SetupFailedException("expected one row, got " + result.rows().size());
        }
        return result.rows().get(0);
    }
}
