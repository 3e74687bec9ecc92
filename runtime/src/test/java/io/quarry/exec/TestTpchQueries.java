package io.quarry.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarry.block.Values;
import io.quarry.page.Page;
import io.quarry.plan.Aggregate;
import io.quarry.plan.AggregateCall;
import io.quarry.plan.AggregateSignatures;
import io.quarry.plan.AggregationStep;
import io.quarry.plan.ExchangeKind;
import io.quarry.plan.Filter;
import io.quarry.plan.FragmentDistribution;
import io.quarry.plan.Output;
import io.quarry.plan.PlanFragment;
import io.quarry.plan.PlanNode;
import io.quarry.plan.Project;
import io.quarry.plan.RemoteSource;
import io.quarry.plan.Sort;
import io.quarry.plan.SortKey;
import io.quarry.plan.TableScan;
import io.quarry.plan.expression.Call;
import io.quarry.plan.expression.Constant;
import io.quarry.plan.expression.Expression;
import io.quarry.plan.expression.Form;
import io.quarry.plan.expression.InputRef;
import io.quarry.plan.expression.SpecialForm;
import io.quarry.spi.ColumnMetadata;
import io.quarry.spi.QueryId;
import io.quarry.spi.SchemaTableName;
import io.quarry.spi.Session;
import io.quarry.spi.Split;
import io.quarry.spi.StageId;
import io.quarry.spi.TaskId;
import io.quarry.type.Type;
import io.quarry.type.Types;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import io.quarry.connector.tpch.TpchColumnNaming;
import io.quarry.connector.tpch.TpchConnector;
import io.quarry.spi.TableMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** TPC-H Q1 and Q6 as hand-built plans over tpch tiny, in one task and as PARTIAL tasks feeding a FINAL one. */
class TestTpchQueries {
    private static final TpchConnector CONNECTOR = new TpchConnector(TpchColumnNaming.SIMPLIFIED);
    private static final SchemaTableName LINEITEM = new SchemaTableName("tiny", "lineitem");
    private static ExecutorService executor;

    private static List<ColumnMetadata> columns(String table, String... names) {
        TableMetadata metadata = CONNECTOR.metadata().table(new SchemaTableName("tiny", table)).orElseThrow();
        return java.util.Arrays.stream(names).map(name -> metadata.column(name).orElseThrow()).toList();
    }

    @BeforeAll
    static void setUp() {
        executor = Executors.newFixedThreadPool(4);
    }

    @AfterAll
    static void tearDown() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }

    static Session session() {
        return new Session(QueryId.valueOf("20240101_000000_00001_abcde"), "test", Optional.empty(), Optional.of("tpch"),
                Optional.of("tiny"), ZoneId.of("UTC"), "en_US", Map.of(), Map.of(), 0);
    }

    static TaskId taskId(int stage, int partition) {
        return new TaskId(new StageId(QueryId.valueOf("20240101_000000_00001_abcde"), stage), partition, 0);
    }

    private static InputRef input(int channel, Type type) {
        return new InputRef(channel, type);
    }

    private static Call call(String name, Type type, Expression... arguments) {
        return new Call(name, List.of(arguments), type);
    }

    private static Constant date(String text) {
        return new Constant(LocalDate.parse(text).toEpochDay(), Types.DATE);
    }

    private static Constant number(double value) {
        return new Constant(value, Types.DOUBLE);
    }

    // Q1: scan returnflag, linestatus, quantity, extendedprice, discount, tax, shipdate
    private static final List<ColumnMetadata> Q1_COLUMNS = columns(
            "lineitem", "returnflag", "linestatus", "quantity", "extendedprice", "discount", "tax", "shipdate");

    /** Scan, filter and project of Q1: returnflag, linestatus, quantity, price, disc_price, charge, discount. */
    private static PlanNode q1Source() {
        TableScan scan = new TableScan("tpch", LINEITEM, Q1_COLUMNS);
        Filter filter = new Filter(scan, call("less_than_or_equal", Types.BOOLEAN, input(6, Types.DATE), date("1998-09-02")));
        Expression price = input(3, Types.DOUBLE);
        Expression discPrice = call("multiply", Types.DOUBLE, price,
                call("subtract", Types.DOUBLE, number(1), input(4, Types.DOUBLE)));
        Expression charge = call("multiply", Types.DOUBLE, discPrice,
                call("add", Types.DOUBLE, number(1), input(5, Types.DOUBLE)));
        return new Project(filter, List.of(
                input(0, Types.varchar(1)), input(1, Types.varchar(1)), input(2, Types.DOUBLE), price, discPrice, charge,
                input(4, Types.DOUBLE)));
    }

    private static AggregateCall aggregate(String function, List<Integer> arguments, Type argumentType, Type result) {
        return new AggregateCall(function, arguments, argumentType == null ? List.of() : List.of(argumentType), result, false,
                Optional.empty());
    }

    private static List<AggregateCall> q1Calls() {
        return List.of(
                aggregate("sum", List.of(2), Types.DOUBLE, Types.DOUBLE),
                aggregate("sum", List.of(3), Types.DOUBLE, Types.DOUBLE),
                aggregate("sum", List.of(4), Types.DOUBLE, Types.DOUBLE),
                aggregate("sum", List.of(5), Types.DOUBLE, Types.DOUBLE),
                aggregate("avg", List.of(2), Types.DOUBLE, Types.DOUBLE),
                aggregate("avg", List.of(3), Types.DOUBLE, Types.DOUBLE),
                aggregate("avg", List.of(6), Types.DOUBLE, Types.DOUBLE),
                aggregate("count", List.of(), null, Types.BIGINT));
    }

    /** The FINAL calls over the PARTIAL layout: keys 0,1, then each call's intermediate channels. */
    private static List<AggregateCall> finalCalls(List<AggregateCall> partialCalls, int keyCount) {
        List<AggregateCall> calls = new ArrayList<>();
        int channel = keyCount;
        for (AggregateCall call : partialCalls) {
            int width = AggregateSignatures.intermediateTypes(call.function(), call.argumentTypes(), call.resultType()).size();
            List<Integer> arguments = new ArrayList<>();
            for (int i = 0; i < width; i++) {
                arguments.add(channel++);
            }
            calls.add(new AggregateCall(call.function(), arguments, call.argumentTypes(), call.resultType(), false, Optional.empty()));
        }
        return calls;
    }

    private static PlanNode q1Single() {
        Aggregate aggregate = new Aggregate(q1Source(), List.of(0, 1), q1Calls(), AggregationStep.SINGLE);
        Sort sort = new Sort(aggregate, List.of(new SortKey(0, true, false), new SortKey(1, true, false)));
        return new Output(sort, List.of("l_returnflag", "l_linestatus", "sum_qty", "sum_base_price", "sum_disc_price",
                "sum_charge", "avg_qty", "avg_price", "avg_disc", "count_order"));
    }

    private static PlanNode q6Source() {
        TableScan scan = new TableScan("tpch", LINEITEM,
                columns("lineitem", "shipdate", "discount", "quantity", "extendedprice"));
        Expression predicate = new SpecialForm(Form.AND, List.of(
                call("greater_than_or_equal", Types.BOOLEAN, input(0, Types.DATE), date("1994-01-01")),
                call("less_than", Types.BOOLEAN, input(0, Types.DATE), date("1995-01-01")),
                call("greater_than_or_equal", Types.BOOLEAN, input(1, Types.DOUBLE),
                        call("cast", Types.DOUBLE, new Constant(new java.math.BigDecimal("0.05"), Types.decimal(3, 2)))),
                call("less_than_or_equal", Types.BOOLEAN, input(1, Types.DOUBLE),
                        call("cast", Types.DOUBLE, new Constant(new java.math.BigDecimal("0.07"), Types.decimal(3, 2)))),
                call("less_than", Types.BOOLEAN, input(2, Types.DOUBLE), call("cast", Types.DOUBLE, new Constant(24L, Types.INTEGER)))),
                Types.BOOLEAN);
        return new Project(new Filter(scan, predicate),
                List.of(call("multiply", Types.DOUBLE, input(3, Types.DOUBLE), input(1, Types.DOUBLE))));
    }

    private static List<AggregateCall> q6Calls() {
        return List.of(aggregate("sum", List.of(0), Types.DOUBLE, Types.DOUBLE));
    }

    private static List<Split> splits(int count) {
        return CONNECTOR.splits(LINEITEM, count);
    }

    private static List<Page> runSingleTask(PlanFragment fragment, List<Split> splits) throws Exception {
        CollectingOutputSink sink = new CollectingOutputSink(1);
        TaskExecution task = TaskExecution.create(new TaskExecutionContext(
                taskId(fragment.id(), 0), fragment, session(), catalog -> CONNECTOR, 1, sink, executor, 1 << 20));
        task.addSplits(splits);
        task.noMoreSplits();
        task.start();
        task.done().get(120, TimeUnit.SECONDS);
        assertThat(sink.noMorePages).isTrue();
        TaskStatistics statistics = task.statistics();
        assertThat(statistics.completedDrivers()).isEqualTo(statistics.totalDrivers());
        assertThat(statistics.completedSplits()).isEqualTo(splits.size());
        assertThat(statistics.inputRows()).isGreaterThan(0);
        return sink.pages(0);
    }

    /** PARTIAL aggregation in {@code sourceTasks} source tasks, each with its own splits, feeding one FINAL task. */
    private static List<Page> runDistributed(PlanNode partialSource, List<Integer> keys, List<AggregateCall> calls,
            java.util.function.Function<PlanNode, PlanNode> finish, int sourceTasks) throws Exception {
        Aggregate partial = new Aggregate(partialSource, keys, calls, AggregationStep.PARTIAL);
        PlanFragment source = new PlanFragment(1, partial, FragmentDistribution.SOURCE, ExchangeKind.GATHER, List.of(), List.of());
        List<Integer> finalKeys = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            finalKeys.add(i);
        }
        RemoteSource remote = new RemoteSource(1, partial.outputTypes());
        PlanNode root = finish.apply(new Aggregate(remote, finalKeys, finalCalls(calls, keys.size()), AggregationStep.FINAL));
        PlanFragment rootFragment = new PlanFragment(0, root, FragmentDistribution.SINGLE, ExchangeKind.GATHER, List.of(), List.of(1));

        CollectingOutputSink sink = new CollectingOutputSink(1);
        TaskExecution finalTask = TaskExecution.create(new TaskExecutionContext(
                taskId(0, 0), rootFragment, session(), catalog -> CONNECTOR, 1, sink, executor, 1 << 20));
        RemoteSourceBuffer buffer = finalTask.remoteSource(1);
        BridgeSink bridge = new BridgeSink(buffer, sourceTasks);
        List<Split> all = splits(sourceTasks * 2);
        List<TaskExecution> tasks = new ArrayList<>();
        for (int t = 0; t < sourceTasks; t++) {
            TaskExecution task = TaskExecution.create(new TaskExecutionContext(
                    taskId(1, t), source, session(), catalog -> CONNECTOR, 1, bridge, executor, 1 << 20));
            List<Split> mine = new ArrayList<>();
            for (int i = t; i < all.size(); i += sourceTasks) {
                mine.add(all.get(i));
            }
            task.addSplits(mine);
            task.noMoreSplits();
            tasks.add(task);
        }
        finalTask.start();
        tasks.forEach(TaskExecution::start);
        for (TaskExecution task : tasks) {
            task.done().get(120, TimeUnit.SECONDS);
        }
        finalTask.done().get(120, TimeUnit.SECONDS);
        assertThat(sink.noMorePages).isTrue();
        return sink.pages(0);
    }

    /** Connects the output of several producer tasks to one consumer's remote-source buffer. */
    private static final class BridgeSink implements OutputSink {
        private final RemoteSourceBuffer buffer;
        private final java.util.concurrent.atomic.AtomicInteger producers;

        BridgeSink(RemoteSourceBuffer buffer, int producers) {
            this.buffer = buffer;
            this.producers = new java.util.concurrent.atomic.AtomicInteger(producers);
        }

        @Override
        public void enqueue(int partition, Page page) {
            buffer.addPages(List.of(page));
        }

        @Override
        public java.util.concurrent.CompletableFuture<Void> isFull() {
            return buffer.whenNotFull();
        }

        @Override
        public void setNoMorePages() {
            if (producers.decrementAndGet() == 0) {
                buffer.noMorePages();
            }
        }

        @Override
        public void abort() {}
    }

    private static List<List<Object>> rows(List<Page> pages, List<Type> types) {
        List<List<Object>> rows = new ArrayList<>();
        for (Page page : pages) {
            for (int position = 0; position < page.positionCount(); position++) {
                List<Object> row = new ArrayList<>();
                for (int channel = 0; channel < types.size(); channel++) {
                    row.add(Values.toObject(types.get(channel), page.block(channel), position));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    static Path conformance() {
        String property = System.getProperty("quarry.conformance.dir");
        if (property != null && Files.isDirectory(Path.of(property))) {
            return Path.of(property);
        }
        for (Path candidate : List.of(Path.of("..", "shared", "conformance"), Path.of("..", "..", "shared", "conformance"))) {
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("conformance data not found");
    }

    private static void assertMatches(List<List<Object>> actual, String query) throws Exception {
        JsonNode expected = new ObjectMapper().readTree(conformance().resolve("tpch/tiny/" + query + ".json").toFile());
        JsonNode expectedRows = expected.get("rows");
        assertThat(actual).hasSize(expectedRows.size());
        for (int r = 0; r < actual.size(); r++) {
            JsonNode expectedRow = expectedRows.get(r);
            List<Object> row = actual.get(r);
            assertThat(row).hasSize(expectedRow.size());
            for (int c = 0; c < row.size(); c++) {
                JsonNode cell = expectedRow.get(c);
                Object value = row.get(c);
                if (cell.isTextual()) {
                    assertThat(value).isEqualTo(cell.asText());
                } else if (cell.isIntegralNumber()) {
                    assertThat(((Number) value).longValue()).isEqualTo(cell.asLong());
                } else {
                    double wanted = cell.asDouble();
                    assertThat((Double) value).isCloseTo(wanted, within(Math.abs(wanted) * 1e-6));
                }
            }
        }
    }

    private static final List<Type> Q1_TYPES = List.of(Types.varchar(1), Types.varchar(1), Types.DOUBLE, Types.DOUBLE,
            Types.DOUBLE, Types.DOUBLE, Types.DOUBLE, Types.DOUBLE, Types.DOUBLE, Types.BIGINT);

    @Test
    void q1InOneTask() throws Exception {
        PlanFragment fragment = new PlanFragment(0, q1Single(), FragmentDistribution.SOURCE, ExchangeKind.GATHER, List.of(), List.of());
        assertMatches(rows(runSingleTask(fragment, splits(6)), Q1_TYPES), "q01");
    }

    @Test
    void q1PartialAndFinal() throws Exception {
        List<Page> pages = runDistributed(q1Source(), List.of(0, 1), q1Calls(),
                aggregate -> new Sort(aggregate, List.of(new SortKey(0, true, false), new SortKey(1, true, false))), 3);
        assertMatches(rows(pages, Q1_TYPES), "q01");
    }

    @Test
    void q6InOneTask() throws Exception {
        Aggregate aggregate = new Aggregate(q6Source(), List.of(), q6Calls(), AggregationStep.SINGLE);
        PlanFragment fragment = new PlanFragment(0, new Output(aggregate, List.of("revenue")), FragmentDistribution.SOURCE,
                ExchangeKind.GATHER, List.of(), List.of());
        assertMatches(rows(runSingleTask(fragment, splits(4)), List.of(Types.DOUBLE)), "q06");
    }

    @Test
    void q6PartialAndFinal() throws Exception {
        List<Page> pages = runDistributed(q6Source(), List.of(), q6Calls(), aggregate -> aggregate, 2);
        assertMatches(rows(pages, List.of(Types.DOUBLE)), "q06");
    }
}
