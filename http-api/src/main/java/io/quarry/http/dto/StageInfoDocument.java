package io.quarry.http.dto;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarry.client.StageInfo;
import io.quarry.client.StageStatistics;
import io.quarry.client.StageTaskInfo;
import io.quarry.config.DataSizes;
import io.quarry.config.Durations;
import io.quarry.http.plan.PlanJson;
import java.net.URI;
import java.util.List;

/**
 * A StageInfo, as in QueryInfo's {@code outputStage} tree and {@code GET /v1/stage/{stageId}}: the stage's
 * id ({@code queryId.n}), state, URI, plan fragment (in {@link PlanJson}, as {@code POST /v1/task} takes it), figures,
 * tasks (each with its status and figures) and sub-stages.
 */
public record StageInfoDocument(
        @JsonProperty("stageId") String stageId,
        @JsonProperty("state") String state,
        @JsonProperty("self") URI self,
        @JsonProperty("plan") JsonNode plan,
        @JsonProperty("stageStats") Stats stageStats,
        @JsonProperty("tasks") List<Task> tasks,
        @JsonProperty("subStages") List<StageInfoDocument> subStages) {
    public StageInfoDocument {
        requireNonNull(stageId, "stageId is null");
        requireNonNull(state, "state is null");
        requireNonNull(self, "self is null");
        requireNonNull(plan, "plan is null");
        requireNonNull(stageStats, "stageStats is null");
        tasks = List.copyOf(tasks);
        subStages = List.copyOf(subStages);
    }

    /**
     * The {@code stageStats} of a stage: sums over its own tasks (drivers are Quarry's splits);
     * {@code dynamicFilterPrunedPositions} counts the rows its table scans read and dropped because of dynamic filters.
     */
    public record Stats(
            @JsonProperty("totalTasks") int totalTasks,
            @JsonProperty("failedTasks") int failedTasks,
            @JsonProperty("totalDrivers") int totalDrivers,
            @JsonProperty("queuedDrivers") int queuedDrivers,
            @JsonProperty("runningDrivers") int runningDrivers,
            @JsonProperty("completedDrivers") int completedDrivers,
            @JsonProperty("totalCpuTime") String totalCpuTime,
            @JsonProperty("totalScheduledTime") String totalScheduledTime,
            @JsonProperty("rawInputDataSize") String rawInputDataSize,
            @JsonProperty("rawInputPositions") long rawInputPositions,
            @JsonProperty("dynamicFilterPrunedPositions") long dynamicFilterPrunedPositions) {}

    /** One task of a stage: {@code taskStatus} (where and how it runs) and {@code stats}. */
    public record Task(@JsonProperty("taskStatus") TaskStatusSummary taskStatus, @JsonProperty("stats") TaskStats stats) {}

    /** A task's identity, state, URI on its worker and node id. */
    public record TaskStatusSummary(
            @JsonProperty("taskId") String taskId,
            @JsonProperty("state") String state,
            @JsonProperty("self") String self,
            @JsonProperty("nodeId") String nodeId) {}

    /** A task's figures: rows and bytes in and out, CPU and wall time. */
    public record TaskStats(
            @JsonProperty("totalDrivers") int totalDrivers,
            @JsonProperty("completedDrivers") int completedDrivers,
            @JsonProperty("rawInputPositions") long rawInputPositions,
            @JsonProperty("rawInputDataSize") String rawInputDataSize,
            @JsonProperty("outputPositions") long outputPositions,
            @JsonProperty("outputDataSize") String outputDataSize,
            @JsonProperty("totalCpuTime") String totalCpuTime,
            @JsonProperty("totalScheduledTime") String totalScheduledTime,
            @JsonProperty("peakUserMemoryReservation") String peakUserMemoryReservation,
            @JsonProperty("dynamicFilterPrunedPositions") long dynamicFilterPrunedPositions) {}

    /** @param base the coordinator's external base URI */
    public static StageInfoDocument of(StageInfo stage, URI base) {
        StageStatistics statistics = stage.statistics();
        Stats stats = new Stats(
                stage.tasks().size(),
                statistics.failedTasks(),
                statistics.totalSplits(),
                statistics.queuedSplits(),
                statistics.runningSplits(),
                statistics.completedSplits(),
                Durations.formatMillis(statistics.cpuTimeMillis()),
                Durations.formatMillis(statistics.wallTimeMillis()),
                DataSizes.formatBytes(statistics.processedBytes()),
                statistics.processedRows(),
                stage.tasks().stream().mapToLong(StageTaskInfo::dynamicFilterPrunedRows).sum());
        return new StageInfoDocument(
                stage.stageId().toString(),
                statistics.state(),
                base.resolve("/v1/stage/" + stage.stageId()),
                PlanJson.mapper().valueToTree(stage.plan()),
                stats,
                stage.tasks().stream().map(StageInfoDocument::task).toList(),
                stage.subStages().stream().map(subStage -> of(subStage, base)).toList());
    }

    private static Task task(StageTaskInfo task) {
        String self = task.workerUri().isEmpty() ? null : stripSlash(task.workerUri()) + "/v1/task/" + task.taskId();
        return new Task(
                new TaskStatusSummary(task.taskId().toString(), task.state(), self, task.nodeId()),
                new TaskStats(
                        task.totalSplits(),
                        task.completedSplits(),
                        task.inputRows(),
                        DataSizes.formatBytes(task.inputBytes()),
                        task.outputRows(),
                        DataSizes.formatBytes(task.outputBytes()),
                        Durations.formatNanos(task.cpuNanos()),
                        Durations.formatNanos(task.wallNanos()),
                        DataSizes.formatBytes(task.peakMemoryBytes()),
                        task.dynamicFilterPrunedRows()));
    }

    private static String stripSlash(String uri) {
        return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }
}
