package io.quarry.actor;

import io.quarry.plan.PlanFragment;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders EXPLAIN ANALYZE: the distributed plan as {@link PlanText} shows it, with each fragment's figures under its
 * header and each plan node's under its layout (CPU and wall time with their share of the query's, peak memory,
 * input and output rows and bytes), all summed over the stage's tasks; VERBOSE adds the operators, task and driver
 * counts and the spread of input over the tasks.
 */
final class AnalyzeText implements PlanText.Annotations {
    private final Map<Integer, AnalyzeFigures.Stage> stages;
    private final boolean verbose;
    private final long totalCpuNanos;
    private final long totalWallNanos;

    private AnalyzeText(Map<Integer, AnalyzeFigures.Stage> stages, boolean verbose) {
        this.stages = Map.copyOf(stages);
        this.verbose = verbose;
        long cpu = 0;
        long wall = 0;
        for (AnalyzeFigures.Stage stage : stages.values()) {
            for (AnalyzeFigures.Node node : stage.nodes().values()) {
                cpu += node.cpuNanos();
                wall += node.wallNanos();
            }
        }
        this.totalCpuNanos = cpu;
        this.totalWallNanos = wall;
    }

    /** The text of EXPLAIN ANALYZE [VERBOSE] from the fragments and their stages' figures, by fragment id. */
    static String render(List<PlanFragment> fragments, Map<Integer, AnalyzeFigures.Stage> stages, boolean verbose) {
        AnalyzeText annotations = new AnalyzeText(stages, verbose);
        long cpu = 0;
        long wall = 0;
        long peak = 0;
        int tasks = 0;
        for (AnalyzeFigures.Stage stage : stages.values()) {
            cpu += stage.cpuNanos();
            wall += stage.wallNanos();
            peak += stage.peakMemoryBytes();
            tasks += stage.tasks();
        }
        String summary = "Tasks: " + tasks + ", CPU: " + duration(cpu) + ", Wall: " + duration(wall)
                + ", Peak memory (sum of tasks): " + bytes(peak) + "\n";
        return summary + PlanText.distributed(fragments, annotations);
    }

    @Override
    public List<String> fragment(PlanFragment fragment) {
        AnalyzeFigures.Stage stage = stages.get(fragment.id());
        if (stage == null) {
            return List.of("No figures: the stage did not report");
        }
        List<String> lines = new ArrayList<>();
        double[] spread = AnalyzeFigures.meanAndDeviationPercent(stage.inputRowsPerTask());
        lines.add("CPU: " + duration(stage.cpuNanos()) + ", Wall: " + duration(stage.wallNanos())
                + ", Peak memory: " + bytes(stage.peakMemoryBytes()) + ", Tasks: " + stage.tasks()
                + ", Input: " + rows(stage.inputRows(), stage.inputBytes())
                + "; per task: avg.: " + decimal(spread[0]) + " std.dev.: " + decimal(spread[1]) + "%"
                + ", Output: " + rows(stage.outputRows(), stage.outputBytes()));
        return lines;
    }

    @Override
    public List<String> node(PlanFragment fragment, int planNodeId) {
        AnalyzeFigures.Stage stage = stages.get(fragment.id());
        AnalyzeFigures.Node node = stage == null ? null : stage.nodes().get(planNodeId);
        if (node == null) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        lines.add("CPU: " + duration(node.cpuNanos()) + " (" + percent(node.cpuNanos(), totalCpuNanos) + "), Wall: "
                + duration(node.wallNanos()) + " (" + percent(node.wallNanos(), totalWallNanos) + "), Peak memory: "
                + bytes(node.peakMemoryBytes()) + ", Input: " + rows(node.inputRows(), node.inputBytes())
                + ", Output: " + rows(node.outputRows(), node.outputBytes()));
        if (node.dynamicFilterPrunedRows() > 0) {
            lines.add("Dynamic filters pruned: " + node.dynamicFilterPrunedRows() + " rows");
        }
        if (verbose) {
            double[] spread = AnalyzeFigures.meanAndDeviationPercent(node.inputRowsPerTask());
            long min = node.inputRowsPerTask().stream().mapToLong(Long::longValue).min().orElse(0);
            long max = node.inputRowsPerTask().stream().mapToLong(Long::longValue).max().orElse(0);
            lines.add("Operators: " + node.operators() + ", Tasks: " + node.tasks() + ", Drivers: " + node.drivers());
            lines.add("Input avg.: " + decimal(spread[0]) + " rows per task, Input std.dev.: " + decimal(spread[1])
                    + "%, Input min/max: " + min + "/" + max + " rows");
        }
        return lines;
    }

    private static String rows(long rows, long bytes) {
        return rows + " rows (" + bytes(bytes) + ")";
    }

    private static String percent(long part, long whole) {
        return decimal(whole == 0 ? 0 : part * 100.0 / whole) + "%";
    }

    private static String decimal(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /** A duration as Trino writes it, in its largest whole unit: 0.00ns, 12.30us, 4.56ms, 7.89s, 1.50m, 2.00h, 100.00d. */
    static String duration(long nanos) {
        if (nanos < 1_000) {
            return decimal(nanos) + "ns";
        }
        if (nanos < 1_000_000) {
            return decimal(nanos / 1e3) + "us";
        }
        if (nanos < 1_000_000_000) {
            return decimal(nanos / 1e6) + "ms";
        }
        if (nanos < 60_000_000_000L) {
            return decimal(nanos / 1e9) + "s";
        }
        if (nanos < 3_600_000_000_000L) {
            return decimal(nanos / 6e10) + "m";
        }
        if (nanos < 86_400_000_000_000L) {
            return decimal(nanos / 3.6e12) + "h";
        }
        return decimal(nanos / 8.64e13) + "d";
    }

    /** A size as Trino writes it: 512B, 1.50kB, 2.25MB, 1.00GB. */
    static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + "B";
        }
        if (bytes < 1024L * 1024) {
            return decimal(bytes / 1024.0) + "kB";
        }
        if (bytes < 1024L * 1024 * 1024) {
            return decimal(bytes / (1024.0 * 1024)) + "MB";
        }
        return decimal(bytes / (1024.0 * 1024 * 1024)) + "GB";
    }
}
