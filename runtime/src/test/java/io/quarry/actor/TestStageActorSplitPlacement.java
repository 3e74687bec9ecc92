package io.quarry.actor;

import static org.assertj.core.api.Assertions.assertThat;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import com.typesafe.config.ConfigFactory;
import io.quarry.connector.memory.MemorySplit;
import io.quarry.connector.tpch.TpchSplit;
import io.quarry.plan.ExchangeKind;
import io.quarry.plan.FragmentDistribution;
import io.quarry.plan.Output;
import io.quarry.plan.PlanFragment;
import io.quarry.plan.Values;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QueryId;
import io.quarry.spi.Session;
import io.quarry.spi.Split;
import io.quarry.spi.StageId;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A stage places a split that names its node on that node's task, and fails when that node has no task. */
class TestStageActorSplitPlacement {
    private static final QueryId QUERY = QueryId.valueOf("20260101_000000_00001_place");
    private static final PlanFragment FRAGMENT = new PlanFragment(
            1, new Output(new Values(List.of(), List.of()), List.of()), FragmentDistribution.SOURCE, ExchangeKind.GATHER,
            List.of(), List.of());

    private static ActorTestKit testKit;

    @BeforeAll
    static void start() {
        testKit = ActorTestKit.create(ConfigFactory.parseString("akka.actor.serialize-messages = on")
                .withFallback(ConfigFactory.load()));
    }

    @AfterAll
    static void stop() {
        testKit.shutdownTestKit();
    }

    private static Session session() {
        return new Session(QUERY, "test", Optional.empty(), Optional.empty(), Optional.empty(), ZoneId.of("UTC"), "en-US",
                Map.of(), Map.of(), System.currentTimeMillis());
    }

    private static MemorySplit on(String node) {
        return new MemorySplit(1, node, List.of("piece-" + node), List.of("a"), 10);
    }

    /** Answers the stage's CreateTask with a task probe. */
    private static TestProbe<TaskActor.Command> createTask(TestProbe<TaskManager.Command> manager, String node) {
        TaskManager.CreateTask create = manager.expectMessageClass(TaskManager.CreateTask.class);
        TestProbe<TaskActor.Command> task = testKit.createTestProbe();
        create.replyTo().tell(new TaskManager.TaskCreated(create.taskId(), node, Optional.of(task.getRef()), Optional.empty()));
        return task;
    }

    @Test
    void splitsGoToTheTaskOnTheirNodeAndOthersAreSpread() {
        TestProbe<TaskManager.Command> first = testKit.createTestProbe();
        TestProbe<TaskManager.Command> second = testKit.createTestProbe();
        TestProbe<StageActor.Event> query = testKit.createTestProbe();
        List<WorkerRef> workers = List.of(
                new WorkerRef("w1", "http://127.0.0.1:1", first.getRef()), new WorkerRef("w2", "http://127.0.0.1:2", second.getRef()));
        Split any = new TpchSplit("orders", 0.01, 0, 1);
        List<Split> splits = List.of(on("w2"), on("w2"), any, on("w1"));
        testKit.spawn(StageActor.create(
                new StageId(QUERY, 1), FRAGMENT, session(), workers, 1, splits, Duration.ofSeconds(5), query.getRef()));
        TestProbe<TaskActor.Command> task1 = createTask(first, "w1");
        TestProbe<TaskActor.Command> task2 = createTask(second, "w2");

        TaskActor.AddSplits toFirst = task1.expectMessageClass(TaskActor.AddSplits.class);
        TaskActor.AddSplits toSecond = task2.expectMessageClass(TaskActor.AddSplits.class);
        assertThat(toFirst.splits()).containsExactly(any, on("w1"));
        assertThat(toSecond.splits()).containsExactly(on("w2"), on("w2"));
        assertThat(toFirst.noMoreSplits()).isTrue();
    }

    @Test
    void aSplitWhoseNodeHasNoTaskFailsTheStage() {
        TestProbe<TaskManager.Command> first = testKit.createTestProbe();
        TestProbe<StageActor.Event> query = testKit.createTestProbe();
        List<WorkerRef> workers = List.of(new WorkerRef("w1", "http://127.0.0.1:1", first.getRef()));
        testKit.spawn(StageActor.create(
                new StageId(QUERY, 2), FRAGMENT, session(), workers, 1, List.of(on("w1"), on("gone")), Duration.ofSeconds(5),
                query.getRef()));

        StageActor.Failed failed = query.fishForMessage(Duration.ofSeconds(5), event -> event instanceof StageActor.Failed
                ? akka.actor.testkit.typed.javadsl.FishingOutcomes.complete()
                : akka.actor.testkit.typed.javadsl.FishingOutcomes.continueAndIgnore()).stream()
                .filter(StageActor.Failed.class::isInstance)
                .map(StageActor.Failed.class::cast)
                .findFirst()
                .orElseThrow();
        assertThat(failed.failure().errorCode()).isEqualTo(ErrorCode.MISSING_DATA);
        assertThat(failed.failure().message()).contains("node gone");
        // No task is made to read a short list of splits: the placement fails before any task exists.
        first.expectNoMessage(Duration.ofMillis(300));
    }
}
