package io.quarry.testing.reliability;

import static java.util.Objects.requireNonNull;

import io.quarry.testing.ProcessCluster;
import io.quarry.testing.TpchCase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The core of the reliability program, on a cluster already started: checks the session with
 * {@link SessionCheck}, then runs {@code clients} client threads for {@code duration}, each looping over the TPC-H
 * queries in its own random order on {@code tpch.tiny} with every answer checked ({@link ResultChecker}), while a
 * {@link ChaosLoop} kills and restarts workers; prints a progress line every {@code reportEvery} and returns the
 * final figures once every client has finished its last query (each bounded by {@code queryDeadline}).
 */
public final class ReliabilityRun {
    private static final Logger log = LoggerFactory.getLogger(ReliabilityRun.class);

    /** The session property whose value every run reports: whether the runtime retries lost tasks. */
    public static final String RETRY_POLICY = "retry_policy";

    /**
     * What to run.
     *
     * @param clients concurrent clients
     * @param duration how long clients start new queries
     * @param queryDeadline how long one query may take before it counts as hung
     * @param reportEvery the period of the progress line
     * @param sessionProperties system session properties sent with every query
     * @param queries the names of the TPC-H queries of the mix
     * @param chaos the chaos loop's settings
     * @param seed the seed of the clients' query orders
     * @param memoryMix whether the mix also checks a memory table ({@link MemoryTableMix}), once per round
     */
    public record Settings(
            int clients,
            Duration duration,
            Duration queryDeadline,
            Duration reportEvery,
            Map<String, String> sessionProperties,
            List<String> queries,
            ChaosLoop.Settings chaos,
            long seed,
            boolean memoryMix) {
        public Settings {
            if (clients < 1) {
                throw new IllegalArgumentException("clients must be at least 1: " + clients);
            }
            requireNonNull(duration, "duration is null");
            requireNonNull(queryDeadline, "queryDeadline is null");
            requireNonNull(reportEvery, "reportEvery is null");
            sessionProperties = Map.copyOf(requireNonNull(sessionProperties, "sessionProperties is null"));
            queries = List.copyOf(requireNonNull(queries, "queries is null"));
            requireNonNull(chaos, "chaos is null");
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("duration must be positive: " + duration);
            }
            if (queryDeadline.isNegative() || queryDeadline.isZero()) {
                throw new IllegalArgumentException("queryDeadline must be positive: " + queryDeadline);
            }
            if (reportEvery.isNegative() || reportEvery.isZero()) {
                throw new IllegalArgumentException("reportEvery must be positive: " + reportEvery);
            }
            if (queries.isEmpty()) {
                throw new IllegalArgumentException("no queries to run");
            }
        }
    }

    private final ProcessCluster cluster;
    private final Settings settings;
    private final Consumer<String> out;
    private final List<TpchCase> cases;
    private volatile ReliabilityStats current;

    /** A run on {@code cluster}, its TPC-H cases loaded now; progress and events go to {@code out}, a line each. */
    public ReliabilityRun(ProcessCluster cluster, Settings settings, Consumer<String> out) {
        this.cluster = requireNonNull(cluster, "cluster is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.out = requireNonNull(out, "out is null");
        List<TpchCase> loaded = new ArrayList<>();
        settings.queries().forEach(name -> loaded.add(TpchCase.load(name)));
        this.cases = List.copyOf(loaded);
    }

    /**
     * Runs and returns the final figures.
     *
     * @throws SessionCheck.SessionRejectedException if the server refuses the session properties (nothing ran)
     */
    public ReliabilityReport run() {
        DeadlineStatementClient client =
                new DeadlineStatementClient(cluster.coordinatorUri(), "tpch", "tiny", settings.sessionProperties())
                        .keepHungQueryInfo(cluster.directory());
        Map<String, String> watched = SessionCheck.verify(client, settings.sessionProperties(), List.of(RETRY_POLICY));
        out.accept("session: " + (settings.sessionProperties().isEmpty() ? "no properties set" : settings.sessionProperties())
                + (watched.isEmpty() ? "" : "; server reports " + watched));

        List<MixEntry> mix = new ArrayList<>();
        for (TpchCase tpch : cases) {
            mix.add(deadline -> ResultChecker.check(tpch, client.execute(tpch.sql(), deadline)));
        }
        if (settings.memoryMix()) {
            MemoryTableMix memory = new MemoryTableMix(client, out);
            memory.prepare();
            out.accept("memory mix: " + MemoryTableMix.TABLE + " copied from tpch.tiny.orders");
            mix.add(memory::check);
        }
        // the clock starts with the clients
        ExecutorService clients = Executors.newFixedThreadPool(settings.clients(), runnable -> {
            Thread thread = new Thread(runnable, "reliability-client");
            thread.setDaemon(true);
            return thread;
        });
        ScheduledExecutorService reporter = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "reliability-report");
            thread.setDaemon(true);
            return thread;
        });
        ReliabilityStats stats = new ReliabilityStats();
        current = stats;
        long endNanos = System.nanoTime() + settings.duration().toNanos();
        ChaosLoop chaos = new ChaosLoop(cluster, settings.chaos(), stats, line -> out.accept(elapsed(stats) + line));
        try {
            for (int i = 0; i < settings.clients(); i++) {
                Random random = new Random(settings.seed() * 31 + i);
                clients.execute(() -> runClient(mix, stats, random, endNanos));
            }
            long period = settings.reportEvery().toMillis();
            reporter.scheduleAtFixedRate(() -> out.accept(stats.report().progressLine()), period, period, TimeUnit.MILLISECONDS);
            if (settings.chaos().maxKills() != 0) {
                chaos.start();
            }
            clients.shutdown();
            // clients stop starting queries at the end and finish the one they run, each bounded by the deadline
            Duration drain = settings.queryDeadline().plusSeconds(30);
            awaitUntil(endNanos);
            chaos.close();
            if (!clients.awaitTermination(drain.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Clients still running {} after the end of the run", drain);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            chaos.close();
            clients.shutdownNow();
            reporter.shutdownNow();
        }
        return stats.report();
    }

    /** The figures so far, while {@link #run} runs (for a report when the program is stopped early). */
    public Optional<ReliabilityReport> progress() {
        ReliabilityStats stats = current;
        return stats == null ? Optional.empty() : Optional.of(stats.report());
    }

    /** One query of the mix: runs it until {@code deadlineNanos} and says what became of it. */
    private interface MixEntry {
        QueryOutcome run(long deadlineNanos);
    }

    private void runClient(List<MixEntry> mix, ReliabilityStats stats, Random random, long endNanos) {
        List<MixEntry> order = new ArrayList<>(mix);
        while (System.nanoTime() < endNanos && !Thread.currentThread().isInterrupted()) {
            Collections.shuffle(order, random);
            for (MixEntry entry : order) {
                if (System.nanoTime() >= endNanos || Thread.currentThread().isInterrupted()) {
                    return;
                }
                stats.queryStarted();
                long start = System.nanoTime();
                try {
                    stats.record(entry.run(start + settings.queryDeadline().toNanos()), Duration.ofNanos(System.nanoTime() - start));
                } catch (RuntimeException e) {
                    // a bug of this program must not read as a hang or a pass
                    log.error("Client failed checking a query", e);
                    stats.record(QueryOutcome.broken("client error " + e), Duration.ofNanos(System.nanoTime() - start));
                } finally {
                    stats.queryEnded();
                }
            }
        }
    }

    private static void awaitUntil(long endNanos) throws InterruptedException {
        long remaining;
        while ((remaining = endNanos - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.sleep(Math.min(remaining, TimeUnit.SECONDS.toNanos(1)));
        }
    }

    private static String elapsed(ReliabilityStats stats) {
        return String.format("[%5d s] ", stats.elapsed().toSeconds());
    }
}
