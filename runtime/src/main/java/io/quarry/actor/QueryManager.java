package io.quarry.actor;

import static java.util.Objects.requireNonNull;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.SupervisorStrategy;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import akka.actor.typed.javadsl.TimerScheduler;
import io.quarry.client.ClientSession;
import io.quarry.client.FetchRejected;
import io.quarry.client.FetchResult;
import io.quarry.client.QueryHandle;
import io.quarry.client.QueryStatistics;
import io.quarry.client.ResultPhase;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.FailureInfo;
import io.quarry.spi.QueryId;
import io.quarry.spi.Session;
import io.quarry.sql.SystemSessionProperties;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The coordinator's registry of queries: gives out query ids and slugs, creates a {@link QueryActor} per
 * statement, routes the result protocol to it, and keeps finished queries for a while (at least
 * {@code minExpireAge}; beyond {@code maxHistory} of them the oldest go) before stopping them.
 */
public final class QueryManager extends AbstractBehavior<QueryManager.Command> {
    private static final String COORDINATOR_ID_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss");
    private static final Duration EXPIRY_CHECK = Duration.ofSeconds(5);

    public sealed interface Command {}

    public record Submit(ClientSession session, String sql, ActorRef<QueryHandle> replyTo) implements Command, LocalOnly {}

    public record Fetch(
            QueryHandle handle, ResultPhase phase, long token, Duration maxWait, long targetBytes,
            ActorRef<FetchResult> replyTo) implements Command, LocalOnly {}

    public record CancelQuery(QueryHandle handle, ActorRef<Boolean> replyTo) implements Command, LocalOnly {}

    public record Heartbeat(QueryHandle handle, ActorRef<Boolean> replyTo) implements Command, LocalOnly {}

    /** The query's current statistics; empty for an unknown query or a wrong slug. Not a heartbeat. */
    public record GetStatistics(QueryHandle handle, ActorRef<Optional<QueryStatistics>> replyTo)
            implements Command, LocalOnly {}

    /** The actor of a query, running or kept after its end; empty when unknown or already removed. */
    public record GetQuery(QueryId queryId, ActorRef<Optional<ActorRef<QueryActor.Command>>> replyTo)
            implements Command, LocalOnly {}

    /** The actors of every query, running or kept after its end. */
    public record ListQueries(ActorRef<List<ActorRef<QueryActor.Command>>> replyTo) implements Command, LocalOnly {}

    /** From a query: it reached FINISHED or FAILED. */
    public record QueryEnded(QueryId queryId) implements Command, LocalOnly {}

    /** How many queries have not ended yet (a draining coordinator waits for them). */
    public record CountRunning(ActorRef<Integer> replyTo) implements Command, LocalOnly {}

    private record QueryStopped(QueryId queryId) implements Command, LocalOnly {}

    private enum ExpiryTick implements Command, LocalOnly {
        INSTANCE
    }

    /** The settings of the query manager and of every query it creates. */
    public record Settings(
            QueryActor.Settings query, Duration minExpireAge, int maxHistory, int maxConcurrentQueries, int maxQueuedQueries)
            implements LocalOnly {
        public Settings {
            requireNonNull(query, "query is null");
            requireNonNull(minExpireAge, "minExpireAge is null");
            if (maxConcurrentQueries < 1 || maxQueuedQueries < 0) {
                throw new IllegalArgumentException("maxConcurrentQueries must be at least 1 and maxQueuedQueries at least 0");
            }
        }
    }

    private record Ended(QueryId queryId, long endNanos) {}

    private final Settings settings;
    private final SecureRandom random = new SecureRandom();
    private final String coordinatorId;
    private final Map<QueryId, ActorRef<QueryActor.Command>> queries = new HashMap<>();
    private final ArrayDeque<Ended> ended = new ArrayDeque<>();
    private final Set<QueryId> endedIds = new HashSet<>();
    /** Admitted queries that have not ended, and the queries waiting for admission, oldest first. */
    private final Set<QueryId> running = new HashSet<>();
    private final ArrayDeque<QueryId> waiting = new ArrayDeque<>();
    private String idSecond = "";
    private int counter;

    public static Behavior<Command> create(Settings settings) {
        return Behaviors.setup(context -> Behaviors.withTimers(timers -> new QueryManager(context, timers, settings)));
    }

    private QueryManager(ActorContext<Command> context, TimerScheduler<Command> timers, Settings settings) {
        super(context);
        this.settings = settings;
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            id.append(COORDINATOR_ID_ALPHABET.charAt(random.nextInt(COORDINATOR_ID_ALPHABET.length())));
        }
        this.coordinatorId = id.toString();
        timers.startTimerWithFixedDelay(ExpiryTick.INSTANCE, EXPIRY_CHECK);
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Submit.class, this::onSubmit)
                .onMessage(Fetch.class, this::onFetch)
                .onMessage(CancelQuery.class, this::onCancel)
                .onMessage(Heartbeat.class, this::onHeartbeat)
                .onMessage(GetStatistics.class, this::onGetStatistics)
                .onMessage(GetQuery.class, request -> {
                    request.replyTo().tell(Optional.ofNullable(queries.get(request.queryId())));
                    return this;
                })
                .onMessage(ListQueries.class, request -> {
                    request.replyTo().tell(List.copyOf(queries.values()));
                    return this;
                })
                .onMessage(QueryEnded.class, this::onQueryEnded)
                .onMessage(CountRunning.class, request -> {
                    request.replyTo().tell((int) queries.keySet().stream().filter(id -> !endedIds.contains(id)).count());
                    return this;
                })
                .onMessage(QueryStopped.class, this::onQueryStopped)
                .onMessageEquals(ExpiryTick.INSTANCE, this::onExpiryTick)
                .build();
    }

    private Behavior<Command> onSubmit(Submit submit) {
        QueryId queryId = nextQueryId();
        byte[] secret = new byte[16];
        random.nextBytes(secret);
        String slug = "x" + HexFormat.of().formatHex(secret);
        ClientSession client = submit.session();
        Session session = new Session(
                queryId, client.user(), client.source(), client.catalog(), client.schema(),
                SystemSessionProperties.effectiveZone(client.timeZone(), client.systemProperties()),
                client.locale(), client.systemProperties(), client.catalogProperties(), System.currentTimeMillis());
        ActorRef<QueryActor.Command> query = getContext().spawn(
                Behaviors.supervise(QueryActor.create(queryId, slug, session,
                                new StatementContext(client.preparedStatements(), client.transactionId()), submit.sql(),
                                settings.query(), getContext().getSelf()))
                        .onFailure(SupervisorStrategy.stop()),
                "query-" + queryId);
        getContext().watchWith(query, new QueryStopped(queryId));
        queries.put(queryId, query);
        if (running.size() < settings.maxConcurrentQueries()) {
            running.add(queryId);
            query.tell(QueryActor.Admit.INSTANCE);
        } else if (waiting.size() < settings.maxQueuedQueries()) {
            waiting.add(queryId);
        } else {
            query.tell(new QueryActor.Reject(FailureInfo.of(ErrorCode.QUERY_QUEUE_FULL, "Too many queued queries: "
                    + waiting.size() + " wait while " + running.size() + " run (query.max-queued-queries = "
                    + settings.maxQueuedQueries() + ")")));
        }
        getContext().getLog().debug("Query {} submitted by {}", queryId, client.user());
        submit.replyTo().tell(new QueryHandle(queryId, slug));
        return this;
    }

    private QueryId nextQueryId() {
        String second = LocalDateTime.now(ZoneOffset.UTC).format(ID_TIME);
        if (!second.substring(0, 8).equals(idSecond.isEmpty() ? "" : idSecond.substring(0, 8))) {
            counter = 0;
        }
        idSecond = second;
        counter = (counter + 1) % 100_000;
        return QueryId.valueOf(String.format("%s_%05d_%s", second, counter, coordinatorId));
    }

    private Behavior<Command> onFetch(Fetch fetch) {
        Optional<ActorRef<QueryActor.Command>> query = Optional.ofNullable(queries.get(fetch.handle().queryId()));
        if (query.isEmpty()) {
            fetch.replyTo().tell(new FetchRejected(FetchRejected.Reason.NOT_FOUND, "Query not found"));
        } else {
            query.get().tell(new QueryActor.Fetch(
                    fetch.handle().slug(), fetch.phase(), fetch.token(), fetch.maxWait(), fetch.targetBytes(), fetch.replyTo()));
        }
        return this;
    }

    private Behavior<Command> onCancel(CancelQuery cancel) {
        ActorRef<QueryActor.Command> query = queries.get(cancel.handle().queryId());
        if (query == null) {
            cancel.replyTo().tell(false);
        } else {
            query.tell(new QueryActor.Cancel(cancel.handle().slug(), cancel.replyTo()));
        }
        return this;
    }

    private Behavior<Command> onHeartbeat(Heartbeat heartbeat) {
        ActorRef<QueryActor.Command> query = queries.get(heartbeat.handle().queryId());
        if (query == null) {
            heartbeat.replyTo().tell(false);
        } else {
            query.tell(new QueryActor.Heartbeat(heartbeat.handle().slug(), heartbeat.replyTo()));
        }
        return this;
    }

    private Behavior<Command> onGetStatistics(GetStatistics request) {
        ActorRef<QueryActor.Command> query = queries.get(request.handle().queryId());
        if (query == null) {
            request.replyTo().tell(Optional.empty());
        } else {
            query.tell(new QueryActor.GetStatistics(request.handle().slug(), request.replyTo()));
        }
        return this;
    }

    private Behavior<Command> onQueryEnded(QueryEnded message) {
        leave(message.queryId());
        if (endedIds.add(message.queryId())) {
            ended.add(new Ended(message.queryId(), System.nanoTime()));
        }
        return onExpiryTick();
    }

    private Behavior<Command> onQueryStopped(QueryStopped message) {
        queries.remove(message.queryId());
        leave(message.queryId());
        if (endedIds.remove(message.queryId())) {
            ended.removeIf(entry -> entry.queryId().equals(message.queryId()));
        }
        return this;
    }

    /** A query that ended (or stopped) frees its place; the oldest waiting ones are admitted. */
    private void leave(QueryId queryId) {
        running.remove(queryId);
        waiting.remove(queryId);
        while (running.size() < settings.maxConcurrentQueries() && !waiting.isEmpty()) {
            QueryId next = waiting.poll();
            ActorRef<QueryActor.Command> query = queries.get(next);
            if (query != null) {
                running.add(next);
                query.tell(QueryActor.Admit.INSTANCE);
            }
        }
    }

    private Behavior<Command> onExpiryTick() {
        long now = System.nanoTime();
        while (!ended.isEmpty()) {
            Ended oldest = ended.peek();
            // As in Trino: only beyond maxHistory finished queries, and only once they are old enough.
            boolean old = now - oldest.endNanos() > settings.minExpireAge().toNanos();
            if (ended.size() <= settings.maxHistory() || !old) {
                break;
            }
            ended.poll();
            endedIds.remove(oldest.queryId());
            ActorRef<QueryActor.Command> query = queries.get(oldest.queryId());
            if (query != null) {
                query.tell(QueryActor.Expire.INSTANCE);
            }
        }
        return this;
    }
}
