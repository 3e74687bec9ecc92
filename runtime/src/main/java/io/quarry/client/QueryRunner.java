package io.quarry.client;

import static java.util.Objects.requireNonNull;

import io.quarry.page.Page;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.FailureInfo;
import io.quarry.spi.QuarryException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * Runs statements through a {@link QuarryService} without HTTP: submits, then follows the result protocol
 * to the end, handing each page to a consumer as it arrives. Nothing blocks; the stages complete when the
 * query has finished or failed.
 */
public final class QueryRunner {
    private static final Duration MAX_WAIT = Duration.ofSeconds(1);
    private static final long TARGET_BYTES = 1L << 20;

    private final QuarryService service;

    public QueryRunner(QuarryService service) {
        this.service = requireNonNull(service, "service is null");
    }

    /** The end of a statement: its columns, final statistics and failure, if any. */
    public record Outcome(List<ResultColumn> columns, QueryStatistics stats, Optional<FailureInfo> failure) {
        public Outcome {
            columns = List.copyOf(columns);
        }

        /** Throws the failure as a {@link QuarryException}, if there is one. */
        public Outcome orThrow() {
            failure.ifPresent(cause -> {
                throw cause.toException();
            });
            return this;
        }
    }

    /** A statement's whole result in memory: only for small results. */
    public record CollectedResult(Outcome outcome, List<Page> pages) {
        public CollectedResult {
            pages = List.copyOf(pages);
        }

        public long rowCount() {
            return pages.stream().mapToLong(Page::positionCount).sum();
        }
    }

    /** Runs {@code sql}, passing every page to {@code pages} in order. */
    public CompletionStage<Outcome> execute(ClientSession session, String sql, Consumer<Page> pages) {
        return service.submit(session, sql).thenCompose(handle -> follow(handle, ResultPhase.QUEUED, 1, List.of(), pages));
    }

    /** Runs {@code sql} and keeps all its pages. */
    public CompletionStage<CollectedResult> collect(ClientSession session, String sql) {
        List<Page> pages = new ArrayList<>();
        return execute(session, sql, pages::add).thenApply(outcome -> new CollectedResult(outcome, pages));
    }

    private CompletionStage<Outcome> follow(
            QueryHandle handle, ResultPhase phase, long token, List<ResultColumn> columns, Consumer<Page> pages) {
        return service.fetch(handle, phase, token, MAX_WAIT, TARGET_BYTES).thenCompose(result -> {
            if (result instanceof FetchRejected rejected) {
                return CompletableFuture.failedFuture(
                        new QuarryException(ErrorCode.GENERIC_INTERNAL_ERROR, "Result request rejected: " + rejected.message()));
            }
            ResultBatch batch = (ResultBatch) result;
            batch.pages().forEach(pages);
            List<ResultColumn> known = batch.columns().orElse(columns);
            if (batch.nextPhase().isEmpty()) {
                return CompletableFuture.completedFuture(new Outcome(known, batch.stats(), batch.error()));
            }
            return follow(handle, batch.nextPhase().get(), batch.nextToken().getAsLong(), known, pages);
        });
    }
}
