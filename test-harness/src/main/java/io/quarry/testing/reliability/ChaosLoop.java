package io.quarry.testing.reliability;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarry.testing.ProcessCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kills a random worker of a {@link ProcessCluster} with SIGKILL at random intervals and starts it again (a new
 * JVM from the same etc directory, which rejoins through the seed) after a delay, never killing the last worker
 * that is ready (answers {@code /v1/info} and is not in the coordinator's {@code /v1/node/failed}). Signals only
 * the processes the cluster started, by their handles.
 */
public final class ChaosLoop implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ChaosLoop.class);
    private static final Duration READY_POLL = Duration.ofMillis(500);

    /**
     * When and how often to kill.
     *
     * @param minInterval the shortest wait before a kill (after the start, or after the previous kill)
     * @param maxInterval the longest such wait
     * @param restartAfter how long a killed worker stays down before it is started again
     * @param maxKills the most kills of the run; 0 disables the loop, negative means no limit
     * @param seed the seed of the random choices
     */
    public record Settings(Duration minInterval, Duration maxInterval, Duration restartAfter, int maxKills, long seed) {
        public Settings {
            requireNonNull(minInterval, "minInterval is null");
            requireNonNull(maxInterval, "maxInterval is null");
            requireNonNull(restartAfter, "restartAfter is null");
            if (minInterval.isNegative() || minInterval.isZero() || maxInterval.compareTo(minInterval) < 0) {
                throw new IllegalArgumentException("kill interval must be positive with min <= max: " + minInterval + ".." + maxInterval);
            }
            if (restartAfter.isNegative()) {
                throw new IllegalArgumentException("restartAfter must not be negative: " + restartAfter);
            }
        }
    }

    private enum SlotState { READY, DOWN, STARTING, LOST }

    /** One worker position: the node now in it and its state. Guarded by the loop's monitor. */
    private static final class Slot {
        ProcessCluster.Node node;
        SlotState state = SlotState.READY;
        int restarts;

        Slot(ProcessCluster.Node node) {
            this.node = node;
        }
    }

    private final ProcessCluster cluster;
    private final Settings settings;
    private final ReliabilityStats stats;
    private final Consumer<String> events;
    private final Random random;
    private final List<Slot> slots = new ArrayList<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final ScheduledExecutorService restarter;
    private final Thread thread;

    public ChaosLoop(ProcessCluster cluster, Settings settings, ReliabilityStats stats, Consumer<String> events) {
        this.cluster = requireNonNull(cluster, "cluster is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.stats = requireNonNull(stats, "stats is null");
        this.events = requireNonNull(events, "events is null");
        this.random = new Random(settings.seed());
        cluster.workers().forEach(worker -> slots.add(new Slot(worker)));
        this.restarter = Executors.newScheduledThreadPool(Math.max(1, slots.size()), runnable -> {
            Thread restarting = new Thread(runnable, "reliability-restart");
            restarting.setDaemon(true);
            return restarting;
        });
        this.thread = new Thread(this::loop, "reliability-chaos");
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    private void loop() {
        int kills = 0;
        while (settings.maxKills() < 0 || kills < settings.maxKills()) {
            if (waitOrStop(nextInterval())) {
                return;
            }
            Slot victim = chooseVictim();
            if (victim == null) {
                events.accept("chaos: no kill now, fewer than 2 workers are ready");
                continue;
            }
            ProcessCluster.Node node = victim.node;
            node.process().kill();
            kills++;
            stats.killed();
            events.accept("chaos: killed " + node.nodeId() + " (pid " + node.process().pid() + ") with SIGKILL");
            restarter.schedule(() -> restart(victim), settings.restartAfter().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private Duration nextInterval() {
        long min = settings.minInterval().toMillis();
        long spread = settings.maxInterval().toMillis() - min;
        return Duration.ofMillis(min + (spread == 0 ? 0 : (long) (random.nextDouble() * (spread + 1))));
    }

    /** A random ready worker when at least two are ready (so one stays), else null; marks it down. */
    private synchronized Slot chooseVictim() {
        List<Slot> ready = new ArrayList<>();
        for (Slot slot : slots) {
            if (slot.state == SlotState.READY && slot.node.process().isAlive()) {
                ready.add(slot);
            }
        }
        if (ready.size() < 2) {
            return null;
        }
        Slot victim = ready.get(random.nextInt(ready.size()));
        victim.state = SlotState.DOWN;
        return victim;
    }

    private void restart(Slot slot) {
        if (stopped.getCount() == 0) {
            return;
        }
        ProcessCluster.Node restarted;
        synchronized (this) {
            slot.restarts++;
            restarted = cluster.restart(slot.node, slot.node.nodeId() + "-restart-" + slot.restarts);
            slot.node = restarted;
            slot.state = SlotState.STARTING;
        }
        stats.restarted();
        events.accept("chaos: restarted " + restarted.nodeId() + " (pid " + restarted.process().pid() + ")");
        long deadline = System.nanoTime() + ProcessCluster.START_TIMEOUT.toNanos();
        while (!isReady(restarted)) {
            if (!restarted.process().isAlive() || System.nanoTime() > deadline) {
                synchronized (this) {
                    slot.state = SlotState.LOST;
                }
                events.accept("chaos: " + restarted.nodeId() + " did not come back (log " + restarted.process().log() + ")");
                return;
            }
            if (waitOrStop(READY_POLL)) {
                return;
            }
        }
        synchronized (this) {
            slot.state = SlotState.READY;
        }
        events.accept("chaos: " + restarted.nodeId() + " is ready again");
    }

    private boolean isReady(ProcessCluster.Node node) {
        if (cluster.getJson(node.uri().resolve("/v1/info")).isEmpty()) {
            return false;
        }
        String uri = node.uri().toString();
        return cluster.getJson(cluster.coordinatorUri().resolve("/v1/node/failed"))
                .map(failed -> {
                    for (JsonNode entry : failed) {
                        if (entry.path("uri").asText().equals(uri)) {
                            return false;
                        }
                    }
                    return true;
                })
                .orElse(false);
    }

    /** Waits {@code time}; true when the loop was stopped meanwhile. */
    private boolean waitOrStop(Duration time) {
        try {
            return stopped.await(time.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /** Stops killing and restarting; workers down stay down (the cluster's close stops the rest). */
    @Override
    public void close() {
        stopped.countDown();
        restarter.shutdownNow();
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
            if (!restarter.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("Restarts still running after the chaos loop stopped");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
