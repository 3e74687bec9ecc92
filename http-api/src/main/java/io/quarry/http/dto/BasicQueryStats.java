package io.quarry.http.dto;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarry.client.QueryInfo;
import io.quarry.client.QueryStatistics;
import io.quarry.config.DataSizes;
import io.quarry.config.Durations;

/**
 * The {@code queryStats} of a BasicQueryInfo: ISO-8601 times, airlift durations ({@code "47.00ms"}) and data
 * sizes ({@code "12.50MB"}); drivers are Quarry's splits. Memory is not accounted per user yet, so the
 * reservations are the peak task memory and {@code cumulativeUserMemory} is 0.
 */
public record BasicQueryStats(
        @JsonProperty("createTime") String createTime,
        @JsonProperty("endTime") String endTime,
        @JsonProperty("queuedTime") String queuedTime,
        @JsonProperty("elapsedTime") String elapsedTime,
        @JsonProperty("executionTime") String executionTime,
        @JsonProperty("totalCpuTime") String totalCpuTime,
        @JsonProperty("totalScheduledTime") String totalScheduledTime,
        @JsonProperty("totalDrivers") int totalDrivers,
        @JsonProperty("queuedDrivers") int queuedDrivers,
        @JsonProperty("runningDrivers") int runningDrivers,
        @JsonProperty("completedDrivers") int completedDrivers,
        @JsonProperty("rawInputDataSize") String rawInputDataSize,
        @JsonProperty("rawInputPositions") long rawInputPositions,
        @JsonProperty("cumulativeUserMemory") double cumulativeUserMemory,
        @JsonProperty("userMemoryReservation") String userMemoryReservation,
        @JsonProperty("totalMemoryReservation") String totalMemoryReservation,
        @JsonProperty("peakUserMemoryReservation") String peakUserMemoryReservation,
        @JsonProperty("peakTotalMemoryReservation") String peakTotalMemoryReservation,
        @JsonProperty("fullyBlocked") boolean fullyBlocked,
        @JsonProperty("progressPercentage") Double progressPercentage) {
    public BasicQueryStats {
        requireNonNull(createTime, "createTime is null");
        requireNonNull(elapsedTime, "elapsedTime is null");
    }

    public static BasicQueryStats of(QueryInfo info) {
        QueryStatistics stats = info.statistics();
        String peakMemory = DataSizes.formatBytes(stats.peakMemoryBytes());
        // As Trino: a percentage only while the query runs and knows its drivers.
        Double progress = !info.state().isDone() && stats.totalSplits() > 0
                ? Math.min(100.0, 100.0 * stats.completedSplits() / stats.totalSplits())
                : null;
        return new BasicQueryStats(
                info.createTime().toString(),
                info.endTime().map(Object::toString).orElse(null),
                Durations.formatMillis(info.queuedMillis()),
                Durations.formatMillis(info.elapsedMillis()),
                Durations.formatMillis(info.executionMillis()),
                Durations.formatMillis(stats.cpuTimeMillis()),
                Durations.formatMillis(stats.wallTimeMillis()),
                stats.totalSplits(),
                stats.queuedSplits(),
                stats.runningSplits(),
                stats.completedSplits(),
                DataSizes.formatBytes(stats.processedBytes()),
                stats.processedRows(),
                0.0,
                info.state().isDone() ? DataSizes.formatBytes(0) : peakMemory,
                info.state().isDone() ? DataSizes.formatBytes(0) : peakMemory,
                peakMemory,
                peakMemory,
                false,
                progress);
    }
}
