package io.quarry.testing.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class TestBenchOptions {
    private static TpchSideBySide.Settings settings(String... args) {
        Bench bench = new Bench();
        new CommandLine(bench).parseArgs(args);
        return bench.tpchSettings();
    }

    /** Runs the command, returns its exit code and what it wrote to stderr. */
    private static String[] execute(String... args) {
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new Bench());
        command.setErr(new PrintWriter(err));
        int code = command.execute(args);
        return new String[] {Integer.toString(code), err.toString()};
    }

    @Test
    void serversWithAndWithoutLabels() {
        assertThat(ServerSpec.parse("quarry=http://127.0.0.1:8081"))
                .isEqualTo(new ServerSpec("quarry", URI.create("http://127.0.0.1:8081")));
        assertThat(ServerSpec.parse("127.0.0.1:8080"))
                .isEqualTo(new ServerSpec("127.0.0.1:8080", URI.create("http://127.0.0.1:8080")));
        assertThatThrownBy(() -> ServerSpec.parse("=http://h:1")).hasMessageContaining("empty label");
        assertThatThrownBy(() -> ServerSpec.parse("x=https://h:1")).hasMessageContaining("expected http://HOST:PORT");
        assertThatThrownBy(() -> ServerSpec.parseAll(List.of("a=h:1", "a=h:2"))).hasMessageContaining("label a is given twice");
    }

    @Test
    void tpchDefaults() {
        TpchSideBySide.Settings settings = settings("--tpch", "--server", "q=h:1", "--server", "t=h:2", "--queries", "queries");
        assertThat(settings.warmup()).isEqualTo(1);
        assertThat(settings.runs()).isEqualTo(3);
        assertThat(settings.scale()).isEqualTo("sf1");
        assertThat(settings.schema()).isEqualTo("default");
        assertThat(settings.sourceCatalog()).isEqualTo("tpch");
        assertThat(settings.queries()).isEqualTo(Path.of("queries"));
        assertThat(settings.referenceIndex()).isEqualTo(0);
        assertThat(settings.load()).isTrue();
        assertThat(settings("--tpch", "--server", "q=h:1", "--server", "t=h:2", "--reference", "t").referenceIndex()).isEqualTo(1);
    }

    @Test
    void badOptionsExitWithTwoAndSayWhy() {
        assertThat(execute("--tpch", "--server", "q=h:1", "--reference", "trino"))
                .satisfies(result -> assertThat(result[0]).isEqualTo("2"))
                .satisfies(result -> assertThat(result[1]).contains("--reference trino is none of the --server labels [q]"));
        assertThat(execute("--tpch", "--runs", "0")[1]).contains("--runs must be at least 1 with --tpch");
        assertThat(execute("--tpch", "--warmup", "-1")[1]).contains("--warmup must not be negative");
        assertThat(execute("--tpch", "--schema", "a;b")[1]).contains("not a plain SQL name: a;b");
        assertThat(execute("--tpch", "--latency-count", "5")[1]).contains("--latency-count does not apply to --tpch");
        assertThat(execute("--tpch", "--startup")[1]).contains("cannot be combined");
        assertThat(execute("--planning", "--tpch")[1]).contains("cannot be combined");
        assertThat(execute("--planning", "--runs", "0")[1]).contains("--runs must be at least 1 with --planning");
        assertThat(execute("--planning", "--queries", "/nonexistent-quarry-queries")[0]).isEqualTo("1");
        assertThat(execute("--server", "a=h:1", "--server", "b=h:2")).satisfies(result -> {
            assertThat(result[0]).isEqualTo("2");
            assertThat(result[1]).contains("several --server only with --tpch");
        });
    }
}
