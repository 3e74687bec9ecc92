package io.quarry.exec;

import io.quarry.spi.ErrorCode;
import org.junit.jupiter.api.Test;

/**
 * A statement failing over a table of several splits fails with its own error in the runner, as on a server: not
 * with the cancellation of the tasks the first failure stopped, which may end first.
 */
class TestRunnerFailures extends LocalQueryTest {
    @Test
    void aFailureOverManySplitsIsTheStatementsOwn() {
        for (int attempt = 0; attempt < 10; attempt++) {
            assertFails("SELECT 1 / (orderkey - orderkey) FROM orders", ErrorCode.DIVISION_BY_ZERO, "Division by zero");
            assertFails("SELECT CAST(comment AS integer) FROM lineitem", ErrorCode.INVALID_CAST_ARGUMENT, "Cannot cast '");
        }
    }
}
