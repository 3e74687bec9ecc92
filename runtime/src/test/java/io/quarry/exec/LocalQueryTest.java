package io.quarry.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.Type;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * A base for tests that run SQL through a {@link LocalQueryRunner} of two workers: one runner per test class,
 * and assertions on the result's types and rows.
 */
abstract class LocalQueryTest {
    private static ExecutorService executor;
    static LocalQueryRunner runner;

    @BeforeAll
    static void startRunner() {
        executor = Executors.newFixedThreadPool(4);
        runner = new LocalQueryRunner(executor, 2);
    }

    @AfterAll
    static void stopRunner() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }

    static LocalQueryRunner.Result run(String sql) throws Exception {
        return runner.execute(sql, Map.of());
    }

    /** Asserts the display names of the result's column types and its rows, in order. */
    static void assertResult(String sql, List<String> types, List<?>... rows) throws Exception {
        LocalQueryRunner.Result result = run(sql);
        assertThat(result.types().stream().map(Type::displayName).toList()).as("types of %s", sql).isEqualTo(types);
        assertThat(result.rows()).as("rows of %s", sql).isEqualTo(List.of(rows));
    }

    /** Asserts that the statement fails with the error code (planning errors come as they are, execution errors wrapped). */
    static void assertFails(String sql, ErrorCode code) {
        assertFails(sql, code, "");
    }

    /** Asserts that the statement fails with the error code and a message containing the text. */
    static void assertFails(String sql, ErrorCode code, String message) {
        Throwable failure = catchThrowable(() -> run(sql));
        while (failure != null && !(failure instanceof QuarryException) && failure.getCause() != null) {
            failure = failure.getCause();
        }
        assertThat(failure).as(sql).isInstanceOfSatisfying(QuarryException.class, e -> {
            assertThat(e.errorCode()).as(sql).isEqualTo(code);
            assertThat(e.getMessage()).as(sql).contains(message);
        });
    }
}
