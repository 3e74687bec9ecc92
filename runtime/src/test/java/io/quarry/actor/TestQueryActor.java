package io.quarry.actor;

import static org.assertj.core.api.Assertions.assertThat;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.ActorRef;
import com.typesafe.config.ConfigFactory;
import io.quarry.client.FetchRejected;
import io.quarry.client.FetchResult;
import io.quarry.client.KillResult;
import io.quarry.client.QueryInfo;
import io.quarry.client.QueryState;
import io.quarry.client.ResultBatch;
import io.quarry.client.ResultPhase;
import io.quarry.config.QueryConfig;
import io.quarry.connector.CatalogManager;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.FailureInfo;
import io.quarry.spi.QueryId;
import io.quarry.spi.Session;
import io.quarry.sql.SystemSessionProperties;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A query actor alone, with a planner that takes its time: its timers must not crash it. */
class TestQueryActor {
    private static final Duration LONG = Duration.ofMinutes(5);

    private static ActorTestKit testKit;
    private static ExecutorService planning;

    @BeforeAll
    static void start() {
        testKit = ActorTestKit.create(ConfigFactory.parseString("akka.actor.serialize-messages = on")
                .withFallback(ConfigFactory.load()));
        planning = Executors.newSingleThreadExecutor();
    }

    @AfterAll
    static void stop() {
        testKit.shutdownTestKit();
        planning.shutdownNow();
    }

    @Test
    void badMaxRunTimeFailsThePlanningEvenWhenATickComesFirst() {
        QueryId queryId = QueryId.valueOf("20260101_000000_00001_test0");
        Session session = new Session(
                queryId, "test", Optional.empty(), Optional.empty(), Optional.empty(), ZoneId.of("UTC"), "en-US",
                Map.of(SystemSessionProperties.QUERY_MAX_RUN_TIME, "abc"), Map.of(), System.currentTimeMillis());
        CountDownLatch planningMayEnd = new CountDownLatch(1);
        StatementPlanner slowPlanner = (sql, plannedSession) -> {
            try {
                planningMayEnd.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            // As SqlStatementPlanner does first.
            plannedSession.systemProperties().forEach(SystemSessionProperties::validate);
            throw new AssertionError("validation must have failed");
        };
        TestProbe<NodeRegistry.Command> registry = testKit.createTestProbe();
        TestProbe<QueryManager.Command> manager = testKit.createTestProbe();
        QueryActor.Settings settings = new QueryActor.Settings(
                slowPlanner, planning, CatalogManager.withBuiltInConnectors(List.of()), registry.getRef(),
                Duration.ofSeconds(3), LONG, LONG, 1 << 20, 1, QueryConfig.DEFAULT_MAX_MEMORY_BYTES,
                QueryConfig.DEFAULT_RETRY_POLICY);
        ActorRef<QueryActor.Command> query = testKit.spawn(
                QueryActor.create(queryId, "slug", session, "SELECT 1", settings, manager.getRef()));
        query.tell(QueryActor.Admit.INSTANCE);

        // The run-time check ticks every second; let it see the bad value while planning still runs.
        TestProbe<FetchResult> client = testKit.createTestProbe();
        manager.expectNoMessage(Duration.ofMillis(1500));
        planningMayEnd.countDown();

        manager.expectMessageClass(QueryManager.QueryEnded.class, Duration.ofSeconds(5));
        query.tell(new QueryActor.Fetch("slug", ResultPhase.QUEUED, 1, Duration.ZERO, 1 << 20, client.getRef()));
        FetchResult result = client.expectMessageClass(ResultBatch.class, Duration.ofSeconds(5));
        assertThat(((ResultBatch) result).error().orElseThrow().errorCode()).isEqualTo(ErrorCode.INVALID_SESSION_PROPERTY);

        // That queued answer ended the protocol: it repeats for its own token, and no later token exists.
        query.tell(new QueryActor.Fetch("slug", ResultPhase.QUEUED, 1, Duration.ZERO, 1 << 20, client.getRef()));
        assertThat(client.expectMessageClass(ResultBatch.class, Duration.ofSeconds(5))).isEqualTo(result);
        query.tell(new QueryActor.Fetch("slug", ResultPhase.QUEUED, 2, Duration.ZERO, 1 << 20, client.getRef()));
        assertThat(client.expectMessageClass(FetchRejected.class, Duration.ofSeconds(5)).reason())
                .isEqualTo(FetchRejected.Reason.NOT_FOUND);
    }

    @Test
    void infoAndKillByIdNeedNoSlug() {
        QueryId queryId = QueryId.valueOf("20260101_000000_00002_test0");
        Session session = new Session(
                queryId, "alice", Optional.of("cli"), Optional.empty(), Optional.empty(), ZoneId.of("UTC"), "en-US",
                Map.of(), Map.of(), System.currentTimeMillis());
        CountDownLatch planningMayEnd = new CountDownLatch(1);
        StatementPlanner blockedPlanner = (sql, plannedSession) -> {
            try {
                planningMayEnd.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new AssertionError("the query was killed while planning");
        };
        // The answers are values of the in-process API, not cluster messages: no serialization check.
        ActorTestKit localKit = ActorTestKit.create("local");
        TestProbe<NodeRegistry.Command> registry = localKit.createTestProbe();
        TestProbe<QueryManager.Command> manager = localKit.createTestProbe();
        QueryActor.Settings settings = new QueryActor.Settings(
                blockedPlanner, planning, CatalogManager.withBuiltInConnectors(List.of()), registry.getRef(),
                Duration.ofSeconds(3), LONG, LONG, 1 << 20, 1, QueryConfig.DEFAULT_MAX_MEMORY_BYTES,
                QueryConfig.DEFAULT_RETRY_POLICY);
        ActorRef<QueryActor.Command> query = localKit.spawn(
                QueryActor.create(queryId, "slug", session, "SELECT 42", settings, manager.getRef()));
        try {
            TestProbe<QueryInfo> infos = localKit.createTestProbe();
            query.tell(new QueryActor.GetInfo(false, infos.getRef()));
            assertThat(infos.receiveMessage(Duration.ofSeconds(5)).state()).as("before admission").isEqualTo(QueryState.QUEUED);
            query.tell(QueryActor.Admit.INSTANCE);
            query.tell(new QueryActor.GetInfo(true, infos.getRef()));
            QueryInfo planningInfo = infos.receiveMessage(Duration.ofSeconds(5));
            assertThat(planningInfo.state()).isEqualTo(QueryState.PLANNING);
            assertThat(planningInfo.query()).isEqualTo("SELECT 42");
            assertThat(planningInfo.session().user()).isEqualTo("alice");
            assertThat(planningInfo.endTime()).isEmpty();
            assertThat(planningInfo.outputStage()).isEmpty();
            assertThat(planningInfo.createTime().toEpochMilli()).isEqualTo(session.startTimeMillis());

            TestProbe<KillResult> kills = localKit.createTestProbe();
            FailureInfo cause = FailureInfo.of(ErrorCode.ADMINISTRATIVELY_KILLED, "Query killed. Message: test");
            query.tell(new QueryActor.Kill(cause, kills.getRef()));
            assertThat(kills.receiveMessage(Duration.ofSeconds(5))).isEqualTo(KillResult.KILLED);
            manager.expectMessageClass(QueryManager.QueryEnded.class, Duration.ofSeconds(5));

            query.tell(new QueryActor.GetInfo(false, infos.getRef()));
            QueryInfo killed = infos.receiveMessage(Duration.ofSeconds(5));
            assertThat(killed.state()).isEqualTo(QueryState.FAILED);
            assertThat(killed.failure()).contains(cause);
            assertThat(killed.endTime()).isPresent();
            assertThat(killed.endTime().get()).isAfterOrEqualTo(killed.createTime());

            query.tell(new QueryActor.Kill(cause, kills.getRef()));
            assertThat(kills.receiveMessage(Duration.ofSeconds(5))).isEqualTo(KillResult.ALREADY_DONE);
        } finally {
            planningMayEnd.countDown();
            localKit.shutdownTestKit();
        }
    }
}
