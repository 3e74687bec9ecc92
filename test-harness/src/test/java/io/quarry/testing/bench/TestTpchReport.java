package io.quarry.testing.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class TestTpchReport {
    private static TpchReport report() {
        TpchReport.Setting setting = new TpchReport.Setting("2026-11-26T18:00:00Z", List.of("machine: 2 cores"));
        List<TpchReport.TableLoad> loads = List.of(
                new TpchReport.TableLoad("region", 5, List.of(0.5, 1.0)),
                new TpchReport.TableLoad("nation", 25, List.of(0.25, 0.5)));
        List<TpchReport.QueryRow> queries = List.of(
                new TpchReport.QueryRow("q01", List.of(
                        TpchReport.ServerOutcome.ran(new RunTimes(3, 1.0, 2.0), OptionalDouble.of(12), 4),
                        TpchReport.ServerOutcome.ran(new RunTimes(3, 3.0, 4.0), OptionalDouble.empty(), 4)),
                        TpchReport.Verdict.PASS, Optional.empty()),
                new TpchReport.QueryRow("q02", List.of(
                        TpchReport.ServerOutcome.ran(new RunTimes(3, 0.5, 1.0), OptionalDouble.of(30), 4),
                        TpchReport.ServerOutcome.failed("Query x failed: NOT_SUPPORTED: no | here")),
                        TpchReport.Verdict.FAIL, Optional.of("trino: Query x failed")));
        return new TpchReport(setting, List.of("quarry", "trino"), loads, queries);
    }

    @Test
    void markdownHasTheSettingLoadTimesAndOneRowPerQuery() {
        String markdown = report().markdown();
        assertThat(markdown).startsWith("# TPC-H on memory tables, side by side\n\n- date: 2026-11-26T18:00:00Z\n- machine: 2 cores\n");
        assertThat(markdown).contains("| table     | rows | quarry | trino |");
        assertThat(markdown).contains("| **total** |      | 0.750  | 1.500 |");
        assertThat(markdown).contains("| query   | quarry min | quarry median | quarry planning ms | trino min          |"
                + " trino median       | quarry / trino | rows | check    |");
        assertThat(markdown).contains("| q01     | 1.000      | 2.000         | 12                 | 3.000              |"
                + " 4.000              | 0.50           | 4    | PASS     |");
        assertThat(markdown).contains("| q02     | 0.500      | 1.000         | 30                 | error              |"
                + " error              | -              | 4    | FAIL     |");
        assertThat(markdown).contains("| **sum** | 1.500      | 3.000         |                    | 3.000 (incomplete) |"
                + " 4.000 (incomplete) | -              |      | 1/2 pass |");
        assertThat(markdown).contains("1/2 pass");
        assertThat(markdown).contains("- q02: trino: Query x failed\n");
    }

    @Test
    void everyTableLineHasTheSameWidth() {
        List<String> lines = report().markdown().lines().filter(line -> line.startsWith("| q")).toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0).length()).isEqualTo(lines.get(1).length()).isEqualTo(lines.get(2).length());
    }

    @Test
    void cellsStayOnOneLineWithoutSeparators() {
        assertThat(TpchReport.cell("a|b\nc")).isEqualTo("a/b c");
        assertThat(TpchReport.cell("x".repeat(500))).hasSize(160);
    }

    @Test
    void countsOfTimesMustMatchTheServers() {
        assertThatThrownBy(() -> new TpchReport(new TpchReport.Setting("d", List.of()), List.of("a", "b"),
                List.of(new TpchReport.TableLoad("region", 5, List.of(1.0))), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 load times for 2 servers");
    }
}
