package io.quarry.testing.reliability;

import io.quarry.testing.bench.LatencySummary;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/** The counters of a reliability run, updated by every client thread and the chaos loop; {@link #report} reads them. */
public final class ReliabilityStats {
    /** How many problem lines a report keeps: enough to start looking, not a log. */
    static final int MAX_PROBLEMS = 20;

    private final long startNanos = System.nanoTime();
    private final LongAdder queries = new LongAdder();
    private final LongAdder correct = new LongAdder();
    private final Map<String, LongAdder> failedByErrorName = new ConcurrentHashMap<>();
    private final LongAdder broken = new LongAdder();
    private final LongAdder wrong = new LongAdder();
    private final LongAdder hung = new LongAdder();
    private final LongAdder missingRows = new LongAdder();
    private final LongAdder extraRows = new LongAdder();
    private final AtomicInteger kills = new AtomicInteger();
    private final AtomicInteger restarts = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final List<Double> latencies = new ArrayList<>();
    private final List<Double> correctLatencies = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    /** Counts one finished query and its latency. */
    public void record(QueryOutcome outcome, Duration latency) {
        queries.increment();
        double millis = latency.toNanos() / 1e6;
        switch (outcome.kind()) {
            case CORRECT -> correct.increment();
            case FAILED -> failedByErrorName.computeIfAbsent(outcome.errorName(), name -> new LongAdder()).increment();
            case BROKEN -> broken.increment();
            case WRONG -> {
                wrong.increment();
                missingRows.add(outcome.missingRows());
                extraRows.add(outcome.extraRows());
            }
            case HUNG -> hung.increment();
        }
        synchronized (this) {
            if (outcome.kind() != QueryOutcome.Kind.HUNG) {
                latencies.add(millis);
            }
            if (outcome.kind() == QueryOutcome.Kind.CORRECT) {
                correctLatencies.add(millis);
            }
            boolean problem = outcome.kind() == QueryOutcome.Kind.WRONG
                    || outcome.kind() == QueryOutcome.Kind.HUNG
                    || outcome.kind() == QueryOutcome.Kind.BROKEN;
            if (problem && problems.size() < MAX_PROBLEMS) {
                problems.add(outcome.kind() + " " + outcome.detail()
                        + (outcome.kind() == QueryOutcome.Kind.WRONG
                                ? " [rows missing " + outcome.missingRows() + ", extra " + outcome.extraRows() + "]"
                                : ""));
            }
        }
    }

    public void queryStarted() {
        inFlight.incrementAndGet();
    }

    public void queryEnded() {
        inFlight.decrementAndGet();
    }

    public void killed() {
        kills.incrementAndGet();
    }

    public void restarted() {
        restarts.incrementAndGet();
    }

    /** Time since these counters were created (the run's start). */
    public Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    public int kills() {
        return kills.get();
    }

    /** The figures now. */
    public ReliabilityReport report() {
        TreeMap<String, Long> failures = new TreeMap<>();
        failedByErrorName.forEach((name, count) -> failures.put(name, count.sum()));
        Optional<LatencySummary> latency;
        Optional<LatencySummary> correctLatency;
        List<String> problemLines;
        synchronized (this) {
            latency = summary(latencies);
            correctLatency = summary(correctLatencies);
            problemLines = List.copyOf(problems);
        }
        return new ReliabilityReport(
                elapsed(),
                queries.sum(),
                correct.sum(),
                failures,
                broken.sum(),
                wrong.sum(),
                hung.sum(),
                missingRows.sum(),
                extraRows.sum(),
                latency,
                correctLatency,
                kills.get(),
                restarts.get(),
                inFlight.get(),
                problemLines);
    }

    private static Optional<LatencySummary> summary(List<Double> millis) {
        if (millis.isEmpty()) {
            return Optional.empty();
        }
        double[] values = new double[millis.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = millis.get(i);
        }
        return Optional.of(LatencySummary.of(values));
    }
}
