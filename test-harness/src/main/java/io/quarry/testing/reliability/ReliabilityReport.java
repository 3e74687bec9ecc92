package io.quarry.testing.reliability;

import static java.util.Objects.requireNonNull;

import io.quarry.testing.bench.LatencySummary;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The figures of a reliability run at one moment: queries finished and how (correct, failed by error name,
 * broken, wrong, hung), rows lost or duplicated in wrong answers, latency, kills and restarts of workers.
 *
 * @param elapsed time since the clients started
 * @param queries queries finished (every outcome, hung ones included)
 * @param correct answers that match the expected ones
 * @param failedByErrorName queries that failed with a named error, by name
 * @param broken queries whose exchange broke without a named error (HTTP status, I/O, protocol)
 * @param wrong successful answers that differ from the expected ones
 * @param hung queries that neither finished nor failed within the per-query deadline
 * @param missingRows expected rows the wrong answers lacked
 * @param extraRows rows the wrong answers had beyond the expected ones
 * @param latency the latency of the queries that finished or failed (not the hung ones), in milliseconds
 * @param correctLatency the latency of the correct answers, in milliseconds
 * @param kills workers killed with SIGKILL
 * @param restarts workers started again
 * @param inFlight queries running now
 * @param problems the first wrong, hung and broken queries, one line each
 */
public record ReliabilityReport(
        Duration elapsed,
        long queries,
        long correct,
        SortedMap<String, Long> failedByErrorName,
        long broken,
        long wrong,
        long hung,
        long missingRows,
        long extraRows,
        Optional<LatencySummary> latency,
        Optional<LatencySummary> correctLatency,
        int kills,
        int restarts,
        int inFlight,
        List<String> problems) {
    public ReliabilityReport {
        requireNonNull(elapsed, "elapsed is null");
        failedByErrorName = new TreeMap<>(requireNonNull(failedByErrorName, "failedByErrorName is null"));
        requireNonNull(latency, "latency is null");
        requireNonNull(correctLatency, "correctLatency is null");
        problems = List.copyOf(requireNonNull(problems, "problems is null"));
    }

    /** Queries that failed with a named error. */
    public long failed() {
        return failedByErrorName.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Rows lost or duplicated: the missing and extra rows of wrong answers. */
    public long lostOrDuplicatedRows() {
        return missingRows + extraRows;
    }

    /** No wrong answer, no hung query, no lost or duplicated row, no exchange broken without a named error. */
    public boolean passed() {
        return wrong == 0 && hung == 0 && lostOrDuplicatedRows() == 0 && broken == 0;
    }

    /** One line for the periodic progress report. */
    public String progressLine() {
        return String.format(Locale.ROOT,
                "[%5d s] queries %d  correct %d  failed %d%s  broken %d  wrong %d  hung %d  rows missing %d extra %d"
                        + "  latency p50 %s p99 %s  kills %d  restarts %d  in flight %d",
                elapsed.toSeconds(), queries, correct, failed(), failedByErrorName.isEmpty() ? "" : " " + failuresText(),
                broken, wrong, hung, missingRows, extraRows, p50(latency), p99(latency), kills, restarts, inFlight);
    }

    /** The final report, several lines. */
    public List<String> summaryLines() {
        List<String> lines = new ArrayList<>();
        lines.add(row("duration of the run", String.format(Locale.ROOT, "%d s", elapsed.toSeconds())));
        lines.add(row("queries run", Long.toString(queries)));
        lines.add(row("correct", Long.toString(correct)));
        lines.add(row("failed with a named error", failed() + (failedByErrorName.isEmpty() ? "" : "  " + failuresText())));
        lines.add(row("broken (no error name)", Long.toString(broken)));
        lines.add(row("wrong", Long.toString(wrong)));
        lines.add(row("hung", Long.toString(hung)));
        lines.add(row("rows missing / extra", missingRows + " / " + extraRows));
        lines.add(row("latency p50 / p99", p50(latency) + " / " + p99(latency) + "  (every query that finished or failed)"));
        lines.add(row("latency p50 / p99, correct", p50(correctLatency) + " / " + p99(correctLatency)));
        lines.add(row("workers killed / restarted", kills + " / " + restarts));
        for (String problem : problems) {
            lines.add("  " + problem);
        }
        lines.add(row("result", passed() ? "PASS" : "FAIL (wrong, hung, broken queries or lost/duplicated rows)"));
        return lines;
    }

    private String failuresText() {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Long> entry : failedByErrorName.entrySet()) {
            parts.add(entry.getKey() + " " + entry.getValue());
        }
        return "(" + String.join(", ", parts) + ")";
    }

    private static String row(String label, String value) {
        return String.format(Locale.ROOT, "%-28s %s", label, value);
    }

    private static String p50(Optional<LatencySummary> summary) {
        return summary.map(s -> seconds(s.p50())).orElse("-");
    }

    private static String p99(Optional<LatencySummary> summary) {
        return summary.map(s -> seconds(s.p99())).orElse("-");
    }

    private static String seconds(double millis) {
        return String.format(Locale.ROOT, "%.2f s", millis / 1000);
    }
}
