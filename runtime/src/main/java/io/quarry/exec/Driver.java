package io.quarry.exec;

import io.quarry.exec.operator.Operator;
import io.quarry.exec.operator.OperatorStats;
import io.quarry.exec.operator.OutputOperator;
import io.quarry.exec.operator.RemoteSourceOperator;
import io.quarry.exec.operator.TableScanOperator;
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

    /** The operators until {@link #close()}, then none: what they hold must not outlive the driver's end. */
    private List<Operator> operators;
    /** The operators' figures, which stay readable after the close. */
    private final List<OperatorStats> stats;
    private final List<OperatorStats> inputStats;
    private final List<OperatorStats> outputStats;
    private final boolean[] finishSent;
    /** Each operator's wall time when the last slice's CPU time was shared out. */
    private final long[] wallAtLastCharge;
    private boolean closed;

    Driver(List<Operator> operators) {
        this.operators = List.copyOf(operators);
        this.stats = this.operators.stream().map(Operator::stats).toList();
        this.inputStats = this.operators.stream().filter(Driver::readsTaskInput).map(Operator::stats).toList();
        this.outputStats = this.operators.stream()
                .filter(operator -> operator instanceof OutputOperator).map(Operator::stats).toList();
        this.finishSent = new boolean[operators.size()];
        this.wallAtLastCharge = new long[operators.size()];
    }

    /** Scans and remote sources fed by other tasks (a local exchange moves rows the task already counted). */
    private static boolean readsTaskInput(Operator operator) {
        return operator instanceof TableScanOperator
                || (operator instanceof RemoteSourceOperator remote && !remote.isLocal());
    }

    /** Every operator's figures, in pipeline order. */
    List<OperatorStats> operatorStats() {
        return stats;
    }

    /** The figures of the operators that read the task's input. */
    List<OperatorStats> inputStats() {
        return inputStats;
    }

    /** The figures of the operators that write the task's output. */
    List<OperatorStats> outputStats() {
        return outputStats;
    }

    boolean isFinished() {
        return operators.get(operators.size() - 1).isFinished();
    }

    /** Runs until finished, blocked, or {@code maxNanos} have passed. */
    Result process(long maxNanos) {
        if (closed) {
            throw new IllegalStateException("the driver is closed");
        }
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
        long[] deltas = new long[stats.size()];
        long total = 0;
        for (int i = 0; i < deltas.length; i++) {
            long wall = stats.get(i).wallNanos();
            deltas[i] = wall - wallAtLastCharge[i];
            wallAtLastCharge[i] = wall;
            total += deltas[i];
        }
        if (total <= 0 || sliceCpuNanos <= 0) {
            return;
        }
        for (int i = 0; i < deltas.length; i++) {
            if (deltas[i] > 0) {
                stats.get(i).recordCpu((long) ((double) sliceCpuNanos * deltas[i] / total));
            }
        }
    }

    /**
     * Closes every operator once and lets go of them (failures while closing are logged, not thrown): their
     * hash tables and buffers leave the task's memory accounting now, so they must leave the heap too, even
     * though the task itself stays a while to answer late requests.
     */
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
        operators = List.of();
    }
}
