package io.quarry.http.resource;

import static java.util.Objects.requireNonNull;

import akka.http.javadsl.server.AllDirectives;
import akka.http.javadsl.server.Route;
import io.quarry.config.DataSizes;
import io.quarry.http.dto.MemoryInfo;
import io.quarry.http.dto.MemoryPoolInfo;
import io.quarry.http.dto.NodeStatus;
import io.quarry.http.dto.NodeVersion;
import io.quarry.http.server.HttpServerSettings;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.OperatingSystemMXBean;
import java.time.Clock;
import java.util.Map;

/**
 * {@code GET /v1/status}: this node's identity, addresses and live JVM figures (processors, CPU load, heap),
 * read from {@code java.lang.management} on each request. Public, like {@code /v1/info}.
 */
public final class StatusResource extends AllDirectives {
    private final HttpServerSettings settings;
    private final Clock clock;

    public StatusResource(HttpServerSettings settings, Clock clock) {
        this.settings = requireNonNull(settings, "settings is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    public Route route() {
        return pathPrefix("v1", () -> path("status", () -> get(() -> complete(Responses.json(nodeStatus())))));
    }

    NodeStatus nodeStatus() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        double processCpuLoad = 0;
        double systemCpuLoad = 0;
        if (os instanceof com.sun.management.OperatingSystemMXBean extended) {
            // Negative means "not available yet"; report 0 rather than a value no client expects.
            processCpuLoad = Math.max(0, extended.getProcessCpuLoad());
            systemCpuLoad = Math.max(0, extended.getCpuLoad());
        }
        int processors = Runtime.getRuntime().availableProcessors();
        long maxHeap = Runtime.getRuntime().maxMemory();
        MemoryPoolInfo general = new MemoryPoolInfo(maxHeap, 0, 0, Map.of(), Map.of(), Map.of());
        MemoryInfo memoryInfo = new MemoryInfo(
                processors, processCpuLoad, systemCpuLoad, DataSizes.formatBytes(maxHeap), Map.of("general", general));
        return new NodeStatus(
                settings.nodeId(),
                new NodeVersion(settings.version()),
                settings.environment(),
                settings.coordinator(),
                InfoResource.uptime(settings, clock),
                settings.host(),
                settings.host(),
                memoryInfo,
                processors,
                processCpuLoad,
                systemCpuLoad,
                memory.getHeapMemoryUsage().getUsed(),
                maxHeap,
                memory.getNonHeapMemoryUsage().getUsed());
    }
}
