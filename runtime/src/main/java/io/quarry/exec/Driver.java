package io.quarry.exec;

import io.quarry.exec.operator.Operator;
import io.quarry.page.EncodedPages;
import io.quarry.page.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves pages through one chain of operators, for a bounded time slice per call. Never waits: when no
 * operator can make progress it returns the future to wait for. Used by one thread at a time.
 */
final class Driver {
    private static final Logger log = LoggerFactory.getLogger(Driver.class);

    /** What a time slice ended with. */
    record Result(boolean finished, CompletableFuture<Void> blocked) {
        static final Result FINISHED = new Result(true, null);
        static final Result YIELDED = new Result(false, null);
    }

    private final List<Operator> operators;
    private final boolean[] finishSent;
    /** Each operator's wall time when the last slice's CPU time was shared out. */
    private final long[] wallAtLastCharge;
    private boolean closed;

    Driver(List<Operator> operators) {
        this.operators = List.copyOf(operators);
        this.finishSent = new boolean[operators.size()];
        this.wallAtLastCharge = new long[operators.size()];
    }

    List<Operator> operators() {
        return operators;
    }

    boolean isFinished() {
        return operators.get(operators.size() - 1).isFinished();
    }

    /** Runs until finished, blocked, or {@code maxNanos} have passed. */
    Result process(long maxNanos) {
        long deadline = System.nanoTime() + maxNanos;
        do {
            if (isFinished()) {
                return Result.FINISHED;
            }
            boolean progress = step();
            if (isFinished()) {
                return Result.FINISHED;
            }
            if (!progress) {
                List<CompletableFuture<Void>> blocked = new ArrayList<>();
                for (Operator operator : operators) {
                    CompletableFuture<Void> future = operator.isBlocked();
                    if (!future.isDone()) {
                        blocked.add(future);
                    }
                }
                if (!blocked.isEmpty()) {
                    return new Result(false, blocked.size() == 1
                            ? blocked.get(0)
                            : CompletableFuture.anyOf(blocked.toArray(CompletableFuture[]::new)).thenApply(ignored -> null));
                }
                return Result.YIELDED;
            }
        } while (System.nanoTime() < deadline);
        return Result.YIELDED;
    }

    private boolean step() {
        boolean progress = false;
        for (int i = 0; i < operators.size() - 1; i++) {
            Operator current = operators.get(i);
            Operator next = operators.get(i + 1);
            if (!current.isBlocked().isDone() || !next.isBlocked().isDone()) {
                continue;
            }
            if (!current.isFinished() && next.needsInput()) {
                long start = System.nanoTime();
                Page page = current.getOutput();
                long afterOutput = System.nanoTime();
                current.stats().recordWall(afterOutput - start);
                if (page != null && page.positionCount() > 0) {
                    next.addInput(next.acceptsEncodedBlocks() ? page : EncodedPages.flatten(page));
                    next.stats().recordWall(System.nanoTime() - afterOutput);
                    progress = true;
                } else if (page != null) {
                    progress = true;
                }
            }
            if (current.isFinished() && !finishSent[i + 1]) {
                finishSent[i + 1] = true;
                long start = System.nanoTime();
                next.finish();
                next.stats().recordWall(System.nanoTime() - start);
                progress = true;
            }
        }
        // a lone source operator (never in practice: the last operator is always a sink)
        if (operators.size() == 1) {
            Operator only = operators.get(0);
            progress = only.getOutput() != null;
        }
        return progress;
    }

    /**
     * Shares the thread CPU time of the time slice that just ended among the operators, in proportion to the wall
     * time each spent in its calls during the slice: reading the thread's CPU clock around every call costs too much
     * (microseconds on some machines), reading it once per slice does not.
     */
    void chargeCpu(long sliceCpuNanos) {
        long[] deltas = new long[operators.size()];
        long total = 0;
        for (int i = 0; i < deltas.length; i++) {
            long wall = operators.get(i).stats().wallNanos();
            deltas[i] = wall - wallAtLastCharge[i];
            wallAtLastCharge[i] = wall;
            total += deltas[i];
        }
        if (total <= 0 || sliceCpuNanos <= 0) {
            return;
        }
        for (int i = 0; i < deltas.length; i++) {
            if (deltas[i] > 0) {
                operators.get(i).stats().recordCpu((long) ((double) sliceCpuNanos * deltas[i] / total));
            }
        }
    }

    /** Closes every operator once; failures while closing are logged, not thrown. */
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Operator operator : operators) {
            try {
                operator.close();
            } catch (RuntimeException e) {
                log.warn("Closing operator {} failed", operator.stats().operatorType(), e);
            }
        }
    }
}
