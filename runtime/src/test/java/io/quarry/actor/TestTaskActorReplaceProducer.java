package io.quarry.actor;

import static org.assertj.core.api.Assertions.assertThat;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.ActorRef;
import io.quarry.client.TaskSnapshot;
import io.quarry.exec.memory.NodeMemoryPool;
import io.quarry.plan.ExchangeKind;
import io.quarry.plan.FragmentDistribution;
import io.quarry.plan.Output;
import io.quarry.plan.PlanFragment;
import io.quarry.plan.RemoteSource;
import io.quarry.spi.QueryId;
import io.quarry.spi.Session;
import io.quarry.spi.StageId;
import io.quarry.spi.TaskId;
import io.quarry.type.Types;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A consumer task under task retry told that a producer runs again: it reads the new attempt when it still needs
 * that producer's output, and otherwise releases its buffer there at once (an unread buffer would fill and hold
 * the new attempt back from the consumers that do read it).
 */
class TestTaskActorReplaceProducer {
    private static final QueryId QUERY = QueryId.valueOf("20260101_000000_00003_repla");
    private static final StageId CONSUMER_STAGE = new StageId(QUERY, 0);
    private static final StageId PRODUCER_STAGE = new StageId(QUERY, 1);
    private static final PlanFragment FRAGMENT = new PlanFragment(
            0, new Output(new RemoteSource(1, List.of(Types.BIGINT)), List.of("x")), FragmentDistribution.HASH,
            ExchangeKind.GATHER, List.of(), List.of(1));
    private static final Duration WAIT = Duration.ofSeconds(5);
    /** The consumer is partition 1 of its stage: it reads buffer 1 of every producer. */
    private static final int BUFFER = 1;

    private static ActorTestKit testKit;
    private static ExecutorService drivers;

    @BeforeAll
    static void start() {
        testKit = ActorTestKit.create();
        drivers = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void stop() {
        testKit.shutdownTestKit();
        drivers.shutdownNow();
    }

    private static ActorRef<TaskActor.Command> consumer(String retryPolicy) {
        TaskId taskId = new TaskId(CONSUMER_STAGE, BUFFER, 0);
        Session session = new Session(QUERY, "test", Optional.empty(), Optional.empty(), Optional.empty(), ZoneId.of("UTC"),
                "en-US", Map.of("retry_policy", retryPolicy), Map.of(), System.currentTimeMillis());
        TestProbe<TaskStatus> statuses = testKit.createTestProbe();
        return testKit.spawn(TaskActor.create(
                taskId, "node", FRAGMENT, session, 1, catalog -> {
                    throw new IllegalStateException("no catalog in this test");
                },
                drivers, 1 << 20, WAIT, NodeMemoryPool.unlimited().createTaskContext(taskId, Long.MAX_VALUE),
                statuses.getRef()));
    }

    private static RemoteTask producer(int partition, int attempt, TestProbe<TaskActor.Command> probe) {
        return new RemoteTask(new TaskId(PRODUCER_STAGE, partition, attempt), probe.getRef());
    }

    /** Answers the next page request of {@code producer} with the end of its output. */
    private static void answerComplete(TestProbe<TaskActor.Command> producer) {
        TaskActor.GetPages request = producer.expectMessageClass(TaskActor.GetPages.class, WAIT);
        assertThat(request.bufferId()).isEqualTo(BUFFER);
        request.replyTo().tell(new TaskActor.Pages(
                new TaskId(PRODUCER_STAGE, 0, 0), BUFFER, request.token(), request.token(), List.of(), true, Optional.empty()));
    }

    @Test
    void aProducerWhoseOutputIsHereWholeHasItsNewAttemptReleased() {
        ActorRef<TaskActor.Command> task = consumer("TASK");
        TestProbe<TaskActor.Command> first = testKit.createTestProbe();
        TestProbe<TaskActor.Command> second = testKit.createTestProbe();
        task.tell(new TaskActor.AddRemoteSources(1, List.of(producer(0, 0, first), producer(1, 0, second))));
        answerComplete(first);
        answerComplete(second);
        assertThat(second.expectMessageClass(TaskActor.DestroyBuffer.class, WAIT).bufferId()).isEqualTo(BUFFER);

        TestProbe<TaskActor.Command> rerun = testKit.createTestProbe();
        task.tell(new TaskActor.ReplaceProducer(1, producer(1, 1, rerun)));

        assertThat(rerun.expectMessageClass(TaskActor.DestroyBuffer.class, WAIT).bufferId()).isEqualTo(BUFFER);
        rerun.expectNoMessage(Duration.ofMillis(200));
    }

    @Test
    void aProducerStillNeededIsReadFromItsNewAttempt() {
        ActorRef<TaskActor.Command> task = consumer("TASK");
        TestProbe<TaskActor.Command> first = testKit.createTestProbe();
        TestProbe<TaskActor.Command> lost = testKit.createTestProbe();
        task.tell(new TaskActor.AddRemoteSources(1, List.of(producer(0, 0, first), producer(1, 0, lost))));
        answerComplete(first);
        lost.expectMessageClass(TaskActor.GetPages.class, WAIT); // never answered: its node is gone

        TestProbe<TaskActor.Command> rerun = testKit.createTestProbe();
        task.tell(new TaskActor.ReplaceProducer(1, producer(1, 1, rerun)));

        TaskActor.GetPages read = rerun.expectMessageClass(TaskActor.GetPages.class, WAIT);
        assertThat(read.bufferId()).isEqualTo(BUFFER);
        assertThat(read.token()).isZero();
        // the same attempt announced again changes nothing: its buffer is still read, not released
        task.tell(new TaskActor.ReplaceProducer(1, producer(1, 1, rerun)));
        rerun.expectNoMessage(Duration.ofMillis(300));
    }

    @Test
    void anEndedTaskReleasesTheNewAttemptsBuffer() {
        ActorRef<TaskActor.Command> task = consumer("TASK");
        TestProbe<TaskActor.Command> first = testKit.createTestProbe();
        TestProbe<TaskActor.Command> lost = testKit.createTestProbe();
        task.tell(new TaskActor.AddRemoteSources(1, List.of(producer(0, 0, first), producer(1, 0, lost))));
        first.expectMessageClass(TaskActor.GetPages.class, WAIT);
        task.tell(new TaskActor.CancelAndReport(false, testKit.<TaskSnapshot>createTestProbe().getRef()));

        TestProbe<TaskActor.Command> rerun = testKit.createTestProbe();
        task.tell(new TaskActor.ReplaceProducer(1, producer(1, 1, rerun)));

        assertThat(rerun.expectMessageClass(TaskActor.DestroyBuffer.class, WAIT).bufferId()).isEqualTo(BUFFER);
    }
}
