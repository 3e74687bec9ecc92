package io.quarry.actor;

import static org.assertj.core.api.Assertions.assertThat;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.FishingOutcomes;
import akka.actor.testkit.typed.javadsl.TestProbe;
import io.quarry.config.RetryPolicy;
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
import io.quarry.spi.TaskId;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A stage whose task disappears: under the TASK policy the partition runs again on another worker with the same
 * splits and the query is told which attempt to read; under NONE the stage fails naming the lost task.
 */
class TestStageActorRetry {
    private static final QueryId QUERY = QueryId.valueOf("20260101_000000_00002_retry");
    private static final PlanFragment FRAGMENT = new PlanFragment(
            1, new Output(new Values(List.of(), List.of()), List.of()), FragmentDistribution.SOURCE, ExchangeKind.GATHER,
            List.of(), List.of());
    private static final Duration WAIT = Duration.ofSeconds(5);

    private static ActorTestKit testKit;

    @BeforeAll
    static void start() {
        testKit = ActorTestKit.create();
    }

    @AfterAll
    static void stop() {
        testKit.shutdownTestKit();
    }

    private static Session session() {
        return new Session(QUERY, "test", Optional.empty(), Optional.empty(), Optional.empty(), ZoneId.of("UTC"), "en-US",
                Map.of(), Map.of(), System.currentTimeMillis());
    }

    /** A worker named {@code nodeId} whose task manager is {@code taskManager}. */
    private static WorkerRef worker(String nodeId, TestProbe<TaskManager.Command> taskManager) {
        return new WorkerRef(nodeId, "http://127.0.0.1/" + nodeId, taskManager.getRef());
    }

    /** A stage under test, and the probe standing for its query. */
    private record StageUnderTest(StageId id, akka.actor.typed.ActorRef<StageActor.Command> stage, TestProbe<StageActor.Event> query) {}

    /** Stage {@code number} of the test query: one task per worker of {@code workers}, re-runs on {@code allWorkers}. */
    private static StageUnderTest spawnStage(
            int number, List<WorkerRef> workers, List<WorkerRef> allWorkers, RetryPolicy policy, List<Split> splits) {
        return spawnStage(number, workers, allWorkers, policy, splits, WAIT);
    }

    private static StageUnderTest spawnStage(
            int number, List<WorkerRef> workers, List<WorkerRef> allWorkers, RetryPolicy policy, List<Split> splits,
            Duration askTimeout) {
        StageId stageId = new StageId(QUERY, number);
        TestProbe<StageActor.Event> query = testKit.createTestProbe();
        akka.actor.typed.ActorRef<StageActor.Command> stage = testKit.spawn(StageActor.create(
                stageId, FRAGMENT, session(), workers, allWorkers, policy, 0, 1, splits, askTimeout, query.getRef()));
        return new StageUnderTest(stageId, stage, query);
    }

    private static TestProbe<TaskActor.Command> createTask(TestProbe<TaskManager.Command> manager, TaskId expected) {
        TaskManager.CreateTask create = manager.expectMessageClass(TaskManager.CreateTask.class, WAIT);
        assertThat(create.taskId()).isEqualTo(expected);
        TestProbe<TaskActor.Command> task = testKit.createTestProbe();
        create.replyTo().tell(new TaskManager.TaskCreated(create.taskId(), "node", Optional.of(task.getRef()), Optional.empty()));
        return task;
    }

    private static <T> T fish(TestProbe<StageActor.Event> query, Class<T> type) {
        return query.fishForMessage(WAIT, event -> type.isInstance(event)
                        ? FishingOutcomes.complete()
                        : FishingOutcomes.continueAndIgnore())
                .stream()
                .filter(type::isInstance)
                .map(type::cast)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aLostTaskRunsAgainOnAnotherWorkerWithTheSameSplits() {
        TestProbe<TaskManager.Command> first = testKit.createTestProbe();
        TestProbe<TaskManager.Command> second = testKit.createTestProbe();
        TestProbe<TaskManager.Command> spare = testKit.createTestProbe();
        WorkerRef w1 = worker("w1", first);
        WorkerRef w2 = worker("w2", second);
        WorkerRef w3 = worker("w3", spare);
        List<Split> splits = List.of(new TpchSplit("orders", 0.01, 0, 2), new TpchSplit("orders", 0.01, 1, 2));
        StageUnderTest under = spawnStage(1, List.of(w1, w2), List.of(w1, w2, w3), RetryPolicy.TASK, splits);
        StageId stageId = under.id();
        TestProbe<StageActor.Event> query = under.query();
        TestProbe<TaskActor.Command> task1 = createTask(first, new TaskId(stageId, 0, 0));
        TestProbe<TaskActor.Command> task2 = createTask(second, new TaskId(stageId, 1, 0));
        List<Split> firstSplits = task1.expectMessageClass(TaskActor.AddSplits.class, WAIT).splits();
        task2.expectMessageClass(TaskActor.AddSplits.class, WAIT);
        assertThat(fish(query, StageActor.TasksCreated.class).tasks()).hasSize(2);

        task1.stop(); // its node is gone

        TestProbe<TaskActor.Command> rerun = createTask(spare, new TaskId(stageId, 0, 1));
        assertThat(rerun.expectMessageClass(TaskActor.AddSplits.class, WAIT).splits()).isEqualTo(firstSplits);
        StageActor.TaskReplaced replaced = fish(query, StageActor.TaskReplaced.class);
        assertThat(replaced.task().taskId()).isEqualTo(new TaskId(stageId, 0, 1));
        assertThat(replaced.task().task()).isEqualTo(rerun.getRef());
        first.expectNoMessage(Duration.ofMillis(100));
    }

    @Test
    void aLostTaskReadingTableDataRunsAgainOnANodeHoldingACopy() {
        TestProbe<TaskManager.Command> first = testKit.createTestProbe();
        TestProbe<TaskManager.Command> second = testKit.createTestProbe();
        TestProbe<TaskManager.Command> third = testKit.createTestProbe();
        WorkerRef w1 = worker("w1", first);
        WorkerRef w2 = worker("w2", second);
        WorkerRef w3 = worker("w3", third);
        // w2 runs fewer tasks than w3 would, but only w3 holds a copy of w1's piece
        MemorySplit onFirst = new MemorySplit(7, "w1", List.of("w1", "w3"), List.of("piece-a"), List.of("c"), 10);
        MemorySplit onSecond = new MemorySplit(7, "w2", List.of("w2", "w1"), List.of("piece-b"), List.of("c"), 10);
        StageUnderTest under = spawnStage(6, List.of(w1, w2), List.of(w1, w2, w3), RetryPolicy.TASK, List.of(onFirst, onSecond));
        StageId stageId = under.id();
        TestProbe<StageActor.Event> query = under.query();
        TestProbe<TaskActor.Command> task1 = createTask(first, new TaskId(stageId, 0, 0));
        createTask(second, new TaskId(stageId, 1, 0));
        assertThat(task1.expectMessageClass(TaskActor.AddSplits.class, WAIT).splits()).containsExactly(onFirst);
        fish(query, StageActor.TasksCreated.class);

        task1.stop();

        TestProbe<TaskActor.Command> rerun = createTask(third, new TaskId(stageId, 0, 1));
        assertThat(rerun.expectMessageClass(TaskActor.AddSplits.class, WAIT).splits()).containsExactly(onFirst.onNode("w3"));
        second.expectNoMessage(Duration.ofMillis(100));
    }

    @Test
    void aSplitWhoseNodeRunsNoTaskIsReadFromACopy() {
        TestProbe<TaskManager.Command> second = testKit.createTestProbe();
        WorkerRef w2 = worker("w2", second);
        MemorySplit onGone = new MemorySplit(7, "gone", List.of("gone", "w2"), List.of("piece-a"), List.of("c"), 10);
        StageUnderTest under = spawnStage(7, List.of(w2), List.of(w2), RetryPolicy.NONE, List.of(onGone));
        StageId stageId = under.id();
        TestProbe<StageActor.Event> query = under.query();
        TestProbe<TaskActor.Command> task = createTask(second, new TaskId(stageId, 0, 0));
        assertThat(task.expectMessageClass(TaskActor.AddSplits.class, WAIT).splits()).containsExactly(onGone.onNode("w2"));
    }

    @Test
    void aTaskThatFinishesBeforeItsCreationIsAnsweredStillMakesTheStageKnownAndFinished() {
        TestProbe<TaskManager.Command> first = testKit.createTestProbe();
        WorkerRef w1 = worker("w1", first);
        StageUnderTest under = spawnStage(8, List.of(w1), List.of(w1), RetryPolicy.NONE, List.of());
        StageId stageId = under.id();
        TestProbe<StageActor.Event> query = under.query();
        TaskManager.CreateTask create = first.expectMessageClass(TaskManager.CreateTask.class, WAIT);
        // nothing to do: the task's final report overtakes the answer to its creation
        create.statusListener().tell(new TaskStatus(
                create.taskId(), "w1", TaskState.FINISHED, TaskProgress.NONE, Optional.empty(), List.of()));
        TestProbe<TaskActor.Command> task = testKit.createTestProbe();
        create.replyTo().tell(new TaskManager.TaskCreated(create.taskId(), "w1", Optional.of(task.getRef()), Optional.empty()));

        assertThat(fish(query, StageActor.TasksCreated.class).tasks()).hasSize(1);
        assertThat(query.fishForMessage(WAIT, event -> event instanceof StageActor.Progress progress && progress.snapshot().done()
                ? FishingOutcomes.complete()
                : FishingOutcomes.continueAndIgnore())).isNotEmpty();
        // fed as any task, never cancelled as a late one
        assertThat(task.expectMessageClass(TaskActor.AddSplits.class, WAIT).noMoreSplits()).isTrue();
        task.expectNoMessage(Duration.ofMillis(100));
    }

    @Test
    void withoutRetriesALostTaskFailsTheStage() {
        TestProbe<TaskManager.Command> first = testKit.createTestProbe();
        WorkerRef w1 = worker("w1", first);
        StageUnderTest under = spawnStage(2, List.of(w1), List.of(w1), RetryPolicy.NONE, List.of());
        StageId stageId = under.id();
        TestProbe<StageActor.Event> query = under.query();
        TestProbe<TaskActor.Command> task = createTask(first, new TaskId(stageId, 0, 0));
        fish(query, StageActor.TasksCreated.class);

        task.stop();

        StageActor.Failed failed = fish(query, StageActor.Failed.class);
        assertThat(failed.failure().errorCode()).isEqualTo(ErrorCode.REMOTE_HOST_GONE);
        assertThat(failed.failure().message()).contains(new TaskId(stageId, 0, 0).toString()).contains("w1");
    }

    @Test
    void aLostTaskWithNoWorkerLeftFailsTheStage() {
        TestProbe<TaskManager.Command> first = testKit.createTestProbe();
        WorkerRef w1 = worker("w1", first);
        StageUnderTest under = spawnStage(3, List.of(w1), List.of(w1), RetryPolicy.TASK, List.of());
        StageId stageId = under.id();
        TestProbe<StageActor.Event> query = under.query();
        TestProbe<TaskActor.Command> task = createTask(first, new TaskId(stageId, 0, 0));
        fish(query, StageActor.TasksCreated.class);

        task.stop();

        // the only worker is still listed, so the partition runs there again; lost again, it is given up at last
        for (int attempt = 1; attempt < StageActor.MAX_ATTEMPTS_PER_TASK; attempt++) {
            createTask(first, new TaskId(stageId, 0, attempt)).stop();
        }
        StageActor.Failed failed = fish(query, StageActor.Failed.class);
        assertThat(failed.failure().errorCode()).isEqualTo(ErrorCode.REMOTE_HOST_GONE);
        assertThat(failed.failure().message()).contains("already ran " + StageActor.MAX_ATTEMPTS_PER_TASK + " times");
    }

    @Test
    void aReplacedProducerIsPassedToEveryTask() {
        TestProbe<TaskManager.Command> first = testKit.createTestProbe();
        WorkerRef w1 = worker("w1", first);
        StageUnderTest under = spawnStage(4, List.of(w1), List.of(w1), RetryPolicy.TASK, List.of());
        StageId stageId = under.id();
        TestProbe<StageActor.Event> query = under.query();
        akka.actor.typed.ActorRef<StageActor.Command> stage = under.stage();
        TestProbe<TaskActor.Command> task = createTask(first, new TaskId(stageId, 0, 0));
        fish(query, StageActor.TasksCreated.class);
        TestProbe<TaskActor.Command> producer = testKit.createTestProbe();
        StageId producerStage = new StageId(QUERY, 5);
        stage.tell(new StageActor.SourcesReady(5, List.of(
                new RemoteTask(new TaskId(producerStage, 0, 0), producer.getRef()),
                new RemoteTask(new TaskId(producerStage, 1, 0), producer.getRef()))));
        RemoteTask rerun = new RemoteTask(new TaskId(producerStage, 1, 1), producer.getRef());
        stage.tell(new StageActor.SourceReplaced(5, rerun));

        task.fishForMessage(WAIT, message -> message instanceof TaskActor.ReplaceProducer replace
                && replace.producer().equals(rerun) && replace.fragmentId() == 5
                ? FishingOutcomes.complete()
                : FishingOutcomes.continueAndIgnore());
    }

    @Test
    void aFinishedStageStillLearnsOfReplacedProducersForItsLaterReRuns() {
        TestProbe<TaskManager.Command> first = testKit.createTestProbe();
        TestProbe<TaskManager.Command> second = testKit.createTestProbe();
        WorkerRef w1 = worker("w1", first);
        WorkerRef w2 = worker("w2", second);
        StageUnderTest under = spawnStage(9, List.of(w1), List.of(w1, w2), RetryPolicy.TASK, List.of());
        StageId stageId = under.id();
        TestProbe<StageActor.Event> query = under.query();
        akka.actor.typed.ActorRef<StageActor.Command> stage = under.stage();
        TaskManager.CreateTask create = first.expectMessageClass(TaskManager.CreateTask.class, WAIT);
        TestProbe<TaskActor.Command> task = testKit.createTestProbe();
        create.replyTo().tell(new TaskManager.TaskCreated(create.taskId(), "w1", Optional.of(task.getRef()), Optional.empty()));
        fish(query, StageActor.TasksCreated.class);
        StageId producerStage = new StageId(QUERY, 10);
        TestProbe<TaskActor.Command> producer = testKit.createTestProbe();
        stage.tell(new StageActor.SourcesReady(10, List.of(new RemoteTask(new TaskId(producerStage, 0, 0), producer.getRef()))));
        create.statusListener().tell(new TaskStatus(
                create.taskId(), "w1", TaskState.FINISHED, TaskProgress.NONE, Optional.empty(), List.of()));
        query.fishForMessage(WAIT, event -> event instanceof StageActor.Progress progress && progress.snapshot().done()
                ? FishingOutcomes.complete()
                : FishingOutcomes.continueAndIgnore());

        // the producer runs again after this stage finished: the finished task hears of it (to release its buffer)
        RemoteTask producerRerun = new RemoteTask(new TaskId(producerStage, 0, 1), producer.getRef());
        stage.tell(new StageActor.SourceReplaced(10, producerRerun));
        task.fishForMessage(WAIT, message -> message instanceof TaskActor.ReplaceProducer replace
                && replace.producer().equals(producerRerun)
                ? FishingOutcomes.complete()
                : FishingOutcomes.continueAndIgnore());

        // and when this stage's own task is lost later, its new attempt reads the producer's new attempt
        task.stop();
        TestProbe<TaskActor.Command> rerun = createTask(second, new TaskId(stageId, 0, 1));
        rerun.fishForMessage(WAIT, message -> message instanceof TaskActor.AddRemoteSources sources
                && sources.producers().equals(List.of(producerRerun))
                ? FishingOutcomes.complete()
                : FishingOutcomes.continueAndIgnore());
    }

    @Test
    void withNoKnownWorkerLeftTheStageAsksForWorkersThatJoinedSince() {
        TestProbe<TaskManager.Command> first = testKit.createTestProbe();
        // another actor system: a node of another address
        ActorTestKit otherNode = ActorTestKit.create("joined");
        TestProbe<TaskManager.Command> joined = otherNode.createTestProbe();
        WorkerRef w1 = worker("w1", first);
        StageUnderTest under = spawnStage(11, List.of(w1), List.of(w1), RetryPolicy.TASK, List.of());
        StageId stageId = under.id();
        TestProbe<StageActor.Event> query = under.query();
        akka.actor.typed.ActorRef<StageActor.Command> stage = under.stage();
        TestProbe<TaskActor.Command> task = createTask(first, new TaskId(stageId, 0, 0));
        fish(query, StageActor.TasksCreated.class);
        // its node leaves the cluster: no worker the stage knows is left
        stage.tell(new StageActor.NodeChanged(first.getRef().path().address(), StageActor.NodeNews.DEPARTED));

        assertThat(fish(query, StageActor.WorkersWanted.class).fragmentId()).isEqualTo(FRAGMENT.id());
        stage.tell(new StageActor.CandidateWorkers(List.of(new WorkerRef("w2", "http://127.0.0.1:2", joined.getRef()))));

        try {
            createTask(joined, new TaskId(stageId, 0, 1));
            assertThat(fish(query, StageActor.TaskReplaced.class).task().taskId()).isEqualTo(new TaskId(stageId, 0, 1));
        } finally {
            otherNode.shutdownTestKit();
        }
    }

    @Test
    void withNoWorkerLeftAtAllTheStageFailsOnceTheQueryFoundNone() {
        TestProbe<TaskManager.Command> first = testKit.createTestProbe();
        WorkerRef w1 = worker("w1", first);
        StageUnderTest under = spawnStage(12, List.of(w1), List.of(w1), RetryPolicy.TASK, List.of());
        StageId stageId = under.id();
        TestProbe<StageActor.Event> query = under.query();
        akka.actor.typed.ActorRef<StageActor.Command> stage = under.stage();
        createTask(first, new TaskId(stageId, 0, 0));
        fish(query, StageActor.TasksCreated.class);
        stage.tell(new StageActor.NodeChanged(first.getRef().path().address(), StageActor.NodeNews.UNREACHABLE));

        fish(query, StageActor.WorkersWanted.class);
        stage.tell(new StageActor.CandidateWorkers(List.of()));

        StageActor.Failed failed = fish(query, StageActor.Failed.class);
        assertThat(failed.failure().errorCode()).isEqualTo(ErrorCode.REMOTE_HOST_GONE);
        assertThat(failed.failure().message()).contains("no worker is left");
    }

    @Test
    void aCreationRequestLeftUnansweredIsRepeatedForTheSameTask() {
        TestProbe<TaskManager.Command> slow = testKit.createTestProbe();
        WorkerRef w1 = worker("w1", slow);
        StageUnderTest under = spawnStage(13, List.of(w1), List.of(w1), RetryPolicy.TASK, List.of(), Duration.ofMillis(300));
        StageId stageId = under.id();
        TestProbe<StageActor.Event> query = under.query();
        TaskManager.CreateTask unanswered = slow.expectMessageClass(TaskManager.CreateTask.class, WAIT);

        // the same task asked for again (a task manager answers a repeated request with the task it created)
        TestProbe<TaskActor.Command> task = createTask(slow, unanswered.taskId());

        assertThat(fish(query, StageActor.TasksCreated.class).tasks().get(0).task()).isEqualTo(task.getRef());
    }

    @Test
    void aNodeReachableAgainTakesReRunsAgain() {
        TestProbe<TaskManager.Command> first = testKit.createTestProbe();
        ActorTestKit otherNode = ActorTestKit.create("flapping");
        try {
            TestProbe<TaskManager.Command> flapping = otherNode.createTestProbe();
            WorkerRef w1 = worker("w1", first);
            WorkerRef w2 = worker("w2", flapping);
            StageUnderTest under = spawnStage(14, List.of(w1), List.of(w1, w2), RetryPolicy.TASK, List.of());
            StageId stageId = under.id();
            TestProbe<StageActor.Event> query = under.query();
            akka.actor.typed.ActorRef<StageActor.Command> stage = under.stage();
            TestProbe<TaskActor.Command> task = createTask(first, new TaskId(stageId, 0, 0));
            fish(query, StageActor.TasksCreated.class);
            akka.actor.Address w2Address = flapping.getRef().path().address();
            stage.tell(new StageActor.NodeChanged(w2Address, StageActor.NodeNews.UNREACHABLE));
            stage.tell(new StageActor.NodeChanged(w2Address, StageActor.NodeNews.REACHABLE_AGAIN));

            task.stop();

            // w2 runs none of the stage's tasks, w1 runs the lost one: the re-run goes to w2, which is back
            createTask(flapping, new TaskId(stageId, 0, 1));
        } finally {
            otherNode.shutdownTestKit();
        }
    }

    @Test
    void aNodeUnreachableForLessThanTheGraceKeepsItsTasks() {
        ActorTestKit otherNode = ActorTestKit.create("spare");
        try {
            keepsItsTasksThroughAShortFlap(otherNode.createTestProbe());
        } finally {
            otherNode.shutdownTestKit();
        }
    }

    private void keepsItsTasksThroughAShortFlap(TestProbe<TaskManager.Command> spare) {
        TestProbe<TaskManager.Command> first = testKit.createTestProbe();
        WorkerRef w1 = worker("w1", first);
        WorkerRef w2 = worker("w2", spare);
        StageUnderTest under = spawnStage(15, List.of(w1), List.of(w1, w2), RetryPolicy.TASK, List.of());
        StageId stageId = under.id();
        TestProbe<StageActor.Event> query = under.query();
        akka.actor.typed.ActorRef<StageActor.Command> stage = under.stage();
        createTask(first, new TaskId(stageId, 0, 0));
        fish(query, StageActor.TasksCreated.class);
        akka.actor.Address address = first.getRef().path().address();

        // a flap shorter than the grace changes nothing
        stage.tell(new StageActor.NodeChanged(address, StageActor.NodeNews.UNREACHABLE));
        stage.tell(new StageActor.NodeChanged(address, StageActor.NodeNews.REACHABLE_AGAIN));
        spare.expectNoMessage(StageActor.UNREACHABLE_GRACE.plusMillis(500));

        // unreachable past the grace: the task runs again elsewhere
        stage.tell(new StageActor.NodeChanged(address, StageActor.NodeNews.UNREACHABLE));
        createTask(spare, new TaskId(stageId, 0, 1));
    }
}
