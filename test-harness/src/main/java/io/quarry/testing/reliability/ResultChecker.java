package io.quarry.testing.reliability;

import io.quarry.testing.ExpectedResult;
import io.quarry.testing.StatementClient;
import io.quarry.testing.TpchCase;
import java.util.Optional;

/**
 * Classifies a query attempt against the expected answer of its TPC-H case by the conformance rules
 * ({@link ExpectedResult#mismatch}, column names only): a named error is an allowed failure, any difference in a
 * successful answer is wrong, with the rows it lacks or has beyond the expected ones counted.
 */
public final class ResultChecker {
    private ResultChecker() {}

    public static QueryOutcome check(TpchCase tpch, QueryAttempt attempt) {
        if (attempt instanceof QueryAttempt.DeadlinePassed passed) {
            return QueryOutcome.hung(tpch.name() + " (query " + passed.queryId() + ", last state " + passed.lastState() + ")");
        }
        if (attempt instanceof QueryAttempt.Broken broken) {
            return QueryOutcome.broken(tpch.name() + " (query " + broken.queryId() + "): " + broken.detail());
        }
        StatementClient.Result result = ((QueryAttempt.Answered) attempt).result();
        if (result.error().isPresent()) {
            String name = result.errorName();
            String message = result.error().get().path("message").asText();
            if (name == null || name.isBlank()) {
                return QueryOutcome.broken(tpch.name() + " (query " + result.queryId() + ") failed without an error name: "
                        + message);
            }
            return QueryOutcome.failed(name, tpch.name() + " (query " + result.queryId() + "): " + message);
        }
        Optional<String> mismatch = tpch.expected().mismatch(result, false);
        if (mismatch.isEmpty()) {
            return QueryOutcome.correct();
        }
        ExpectedResult.RowDifference difference = tpch.expected().rowDifference(result);
        return QueryOutcome.wrong(tpch.name() + " (query " + result.queryId() + "): " + mismatch.get(),
                difference.missing(), difference.extra());
    }
}
