package io.quarry.testing.bench;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The outcome of a side-by-side TPC-H run ({@link TpchSideBySide}) and its rendering as a Markdown document whose
 * tables are padded so that they also read as plain text: the setting, the load times of the tables and, per
 * query, min and median per server, the first server's median over the second's, and the check of the answers.
 */
record TpchReport(Setting setting, List<String> servers, List<TableLoad> loads, List<QueryRow> queries) {
    private static final int MAX_REASON_LENGTH = 160;

    TpchReport {
        requireNonNull(setting, "setting is null");
        servers = List.copyOf(requireNonNull(servers, "servers is null"));
        loads = List.copyOf(requireNonNull(loads, "loads is null"));
        queries = List.copyOf(requireNonNull(queries, "queries is null"));
        if (servers.isEmpty()) {
            throw new IllegalArgumentException("no servers");
        }
        for (TableLoad load : loads) {
            if (load.seconds().size() != servers.size()) {
                throw new IllegalArgumentException("table " + load.table() + ": " + load.seconds().size() + " load times for "
                        + servers.size() + " servers");
            }
        }
        for (QueryRow query : queries) {
            if (query.outcomes().size() != servers.size()) {
                throw new IllegalArgumentException("query " + query.name() + ": " + query.outcomes().size() + " outcomes for "
                        + servers.size() + " servers");
            }
        }
    }

    /** Where and how the run was made, one line each. */
    record Setting(String date, List<String> lines) {
        Setting {
            requireNonNull(date, "date is null");
            lines = List.copyOf(requireNonNull(lines, "lines is null"));
        }
    }

    /** One table's CREATE TABLE AS: its row count (as the first server reported it) and the seconds per server. */
    record TableLoad(String table, long rows, List<Double> seconds) {
        TableLoad {
            requireNonNull(table, "table is null");
            seconds = List.copyOf(requireNonNull(seconds, "seconds is null"));
        }
    }

    /** One query on one server: its times and planning time, or why it did not run. */
    record ServerOutcome(Optional<RunTimes> times, OptionalDouble planningMillis, long rows, Optional<String> error) {
        ServerOutcome {
            requireNonNull(times, "times is null");
            requireNonNull(planningMillis, "planningMillis is null");
            requireNonNull(error, "error is null");
            if (times.isPresent() == error.isPresent()) {
                throw new IllegalArgumentException("an outcome has either times or an error");
            }
        }

        static ServerOutcome ran(RunTimes times, OptionalDouble planningMillis, long rows) {
            return new ServerOutcome(Optional.of(times), planningMillis, rows, Optional.empty());
        }

        static ServerOutcome failed(String error) {
            return new ServerOutcome(Optional.empty(), OptionalDouble.empty(), 0, Optional.of(error));
        }
    }

    /** The check of a query's answers. */
    enum Verdict { PASS, FAIL, UNCHECKED }

    /** One query: an outcome per server (in the servers' order) and the check of the answers. */
    record QueryRow(String name, List<ServerOutcome> outcomes, Verdict verdict, Optional<String> reason) {
        QueryRow {
            requireNonNull(name, "name is null");
            outcomes = List.copyOf(requireNonNull(outcomes, "outcomes is null"));
            requireNonNull(verdict, "verdict is null");
            requireNonNull(reason, "reason is null");
        }
    }

    long passed() {
        return queries.stream().filter(query -> query.verdict() == Verdict.PASS).count();
    }

    long failed() {
        return queries.stream().filter(query -> query.verdict() == Verdict.FAIL).count();
    }

    String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("# TPC-H on memory tables, side by side\n\n");
        out.append("- date: ").append(setting.date()).append('\n');
        setting.lines().forEach(line -> out.append("- ").append(line).append('\n'));
        if (!loads.isEmpty()) {
            out.append("\n## Load (CREATE TABLE AS), seconds\n\n");
            out.append(table(loadRows()));
        }
        if (!queries.isEmpty()) {
            out.append("\n## Queries, seconds\n\n");
            out.append(table(queryRows()));
            List<String> reasons = new ArrayList<>();
            for (QueryRow query : queries) {
                query.reason().ifPresent(reason -> reasons.add(query.name() + ": " + reason));
            }
            if (!reasons.isEmpty()) {
                out.append('\n');
                reasons.forEach(reason -> out.append("- ").append(reason).append('\n'));
            }
        }
        return out.toString();
    }

    private List<List<String>> loadRows() {
        List<List<String>> rows = new ArrayList<>();
        List<String> head = new ArrayList<>(List.of("table", "rows"));
        servers.forEach(head::add);
        rows.add(head);
        double[] totals = new double[servers.size()];
        for (TableLoad load : loads) {
            List<String> row = new ArrayList<>(List.of(load.table(), Long.toString(load.rows())));
            for (int i = 0; i < servers.size(); i++) {
                totals[i] += load.seconds().get(i);
                row.add(seconds(load.seconds().get(i)));
            }
            rows.add(row);
        }
        List<String> total = new ArrayList<>(List.of("**total**", ""));
        for (double value : totals) {
            total.add(seconds(value));
        }
        rows.add(total);
        return rows;
    }

    private List<List<String>> queryRows() {
        boolean[] planning = new boolean[servers.size()];
        for (QueryRow query : queries) {
            for (int i = 0; i < servers.size(); i++) {
                planning[i] |= query.outcomes().get(i).planningMillis().isPresent();
            }
        }
        boolean ratio = servers.size() >= 2;
        List<List<String>> rows = new ArrayList<>();
        List<String> head = new ArrayList<>(List.of("query"));
        for (int i = 0; i < servers.size(); i++) {
            head.add(servers.get(i) + " min");
            head.add(servers.get(i) + " median");
            if (planning[i]) {
                head.add(servers.get(i) + " planning ms");
            }
        }
        if (ratio) {
            head.add(servers.get(0) + " / " + servers.get(1));
        }
        head.add("rows");
        head.add("check");
        rows.add(head);
        double[] sumMin = new double[servers.size()];
        double[] sumMedian = new double[servers.size()];
        boolean[] complete = new boolean[servers.size()];
        Arrays.fill(complete, true);
        for (QueryRow query : queries) {
            List<String> row = new ArrayList<>(List.of(query.name()));
            for (int i = 0; i < servers.size(); i++) {
                ServerOutcome outcome = query.outcomes().get(i);
                if (outcome.times().isPresent()) {
                    RunTimes times = outcome.times().get();
                    sumMin[i] += times.min();
                    sumMedian[i] += times.median();
                    row.add(seconds(times.min()));
                    row.add(seconds(times.median()));
                } else {
                    complete[i] = false;
                    row.add("error");
                    row.add("error");
                }
                if (planning[i]) {
                    OptionalDouble millis = outcome.planningMillis();
                    row.add(millis.isPresent() ? String.format(Locale.ROOT, "%.0f", millis.getAsDouble()) : "-");
                }
            }
            if (ratio) {
                row.add(ratio(query.outcomes().get(0).times().map(RunTimes::median),
                        query.outcomes().get(1).times().map(RunTimes::median)));
            }
            row.add(query.outcomes().stream().filter(outcome -> outcome.times().isPresent()).findFirst()
                    .map(outcome -> Long.toString(outcome.rows())).orElse("-"));
            row.add(query.verdict() == Verdict.UNCHECKED ? "-" : query.verdict().name());
            rows.add(row);
        }
        List<String> total = new ArrayList<>(List.of("**sum**"));
        for (int i = 0; i < servers.size(); i++) {
            String mark = complete[i] ? "" : " (incomplete)";
            total.add(seconds(sumMin[i]) + mark);
            total.add(seconds(sumMedian[i]) + mark);
            if (planning[i]) {
                total.add("");
            }
        }
        if (ratio) {
            total.add(complete[0] && complete[1] ? ratio(Optional.of(sumMedian[0]), Optional.of(sumMedian[1])) : "-");
        }
        total.add("");
        total.add(passed() + "/" + queries.size() + " pass");
        rows.add(total);
        return rows;
    }

    private static String ratio(Optional<Double> first, Optional<Double> second) {
        if (first.isEmpty() || second.isEmpty() || second.get() <= 0) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.2f", first.get() / second.get());
    }

    private static String seconds(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    /** A Markdown table with its columns padded to one width; the first row is the header. */
    static String table(List<List<String>> rows) {
        int columns = rows.get(0).size();
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(Math.max(widths[i], 3), cell(row.get(i)).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            appendRow(out, rows.get(r), widths);
            if (r == 0) {
                List<String> rule = new ArrayList<>();
                for (int width : widths) {
                    rule.add("-".repeat(width));
                }
                appendRow(out, rule, widths);
            }
        }
        return out.toString();
    }

    private static void appendRow(StringBuilder out, List<String> row, int[] widths) {
        out.append('|');
        for (int i = 0; i < widths.length; i++) {
            String cell = cell(row.get(i));
            out.append(' ').append(cell).append(" ".repeat(widths[i] - cell.length())).append(" |");
        }
        out.append('\n');
    }

    /** A cell's text: one line, no column separator, not too long. */
    static String cell(String text) {
        String flat = text.replace('\n', ' ').replace("|", "/");
        return flat.length() > MAX_REASON_LENGTH ? flat.substring(0, MAX_REASON_LENGTH - 1) + "…" : flat;
    }
}
