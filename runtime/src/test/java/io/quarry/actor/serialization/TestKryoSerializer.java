package io.quarry.actor.serialization;

import static io.quarry.actor.serialization.Pages.assertSamePages;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import akka.actor.ExtendedActorSystem;
import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.ActorRef;
import akka.actor.typed.javadsl.Adapter;
import akka.actor.typed.javadsl.Behaviors;
import akka.serialization.SerializationExtension;
import com.typesafe.config.ConfigFactory;
import io.quarry.actor.ClusterMessage;
import io.quarry.actor.NodeRegistry;
import io.quarry.actor.RemoteTask;
import io.quarry.actor.TaskActor;
import io.quarry.actor.TaskManager;
import io.quarry.actor.TaskProgress;
import io.quarry.actor.TaskState;
import io.quarry.actor.TaskStatus;
import io.quarry.exec.dynamicfilter.CollectedDynamicFilter;
import io.quarry.exec.dynamicfilter.DynamicFilterSummary;
import io.quarry.actor.WorkerRef;
import io.quarry.actor.LocalOnly;
import io.quarry.block.Block;
import io.quarry.block.LongBlock;
import io.quarry.client.ClientSession;
import io.quarry.client.ClusterNode;
import io.quarry.client.FetchRejected;
import io.quarry.client.NodeState;
import io.quarry.client.ProbeFigures;
import io.quarry.client.QueryHandle;
import io.quarry.client.QueryState;
import io.quarry.client.QueryStatistics;
import io.quarry.client.ResultBatch;
import io.quarry.client.ResultColumn;
import io.quarry.client.ResultPhase;
import io.quarry.client.SessionUpdates;
import io.quarry.client.StageStatistics;
import io.quarry.connector.tpch.TpchSplit;
import io.quarry.exchange.BufferResult;
import io.quarry.exchange.OutputBufferInfo;
import io.quarry.page.Page;
import io.quarry.plan.Aggregate;
import io.quarry.plan.AggregateCall;
import io.quarry.plan.AggregationStep;
import io.quarry.plan.Exchange;
import io.quarry.plan.ExchangeKind;
import io.quarry.plan.Filter;
import io.quarry.plan.Join;
import io.quarry.plan.JoinDistribution;
import io.quarry.plan.JoinType;
import io.quarry.plan.FragmentDistribution;
import io.quarry.plan.Limit;
import io.quarry.plan.Output;
import io.quarry.plan.PlanFragment;
import io.quarry.plan.Project;
import io.quarry.plan.RemoteSource;
import io.quarry.plan.Sort;
import io.quarry.plan.SortKey;
import io.quarry.plan.TableScan;
import io.quarry.plan.TopN;
import io.quarry.plan.Values;
import io.quarry.plan.expression.Call;
import io.quarry.plan.expression.Constant;
import io.quarry.plan.expression.Expression;
import io.quarry.plan.expression.Form;
import io.quarry.plan.expression.InputRef;
import io.quarry.plan.expression.SpecialForm;
import io.quarry.spi.ColumnMetadata;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.ErrorLocation;
import io.quarry.spi.ErrorType;
import io.quarry.spi.FailureInfo;
import io.quarry.spi.QueryId;
import io.quarry.spi.SchemaTableName;
import io.quarry.spi.Session;
import io.quarry.spi.StageId;
import io.quarry.spi.TableMetadata;
import io.quarry.spi.TableStatistics;
import io.quarry.spi.TaskId;
import io.quarry.type.CharType;
import io.quarry.type.Storage;
import io.quarry.type.Types;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import io.quarry.plan.Unnest;
import io.quarry.plan.expression.Lambda;
import io.quarry.type.ArrayType;
import io.quarry.type.MapType;
import io.quarry.type.RowType;
import org.junit.jupiter.api.Test;

class TestKryoSerializer {
    /** A cross-node message of the test, registered through configuration. */
    record Echo(ActorRef<Echo> replyTo, Page page, String note) implements ClusterMessage {}

    /** A message that never leaves the JVM; not registered anywhere. */
    record Local(Object payload, ActorRef<Local> replyTo) implements LocalOnly {}

    private static ActorTestKit testKit;
    private static KryoSerializer serializer;

    @BeforeAll
    static void start() {
        testKit = ActorTestKit.create(
                "quarry",
                ConfigFactory.parseString("akka.actor.provider = local\n"
                                + "akka.actor.serialize-messages = on\n"
                                + "akka.serialization.quarry-kryo.additional-registrations {\n"
                                + "  \"" + Echo.class.getName() + "\" = 10000\n"
                                + "}\n")
                        .withFallback(ConfigFactory.load()));
        serializer = new KryoSerializer((ExtendedActorSystem) Adapter.toClassic(testKit.system()));
    }

    @AfterAll
    static void stop() {
        testKit.shutdownTestKit();
    }

    @Test
    void everyRegisteredClassRoundTrips() {
        Map<Class<?>, Object> samples = samples();
        Map<Integer, Class<?>> registered = KryoRegistrations.registeredClasses();
        assertThat(samples.keySet()).containsExactlyInAnyOrderElementsOf(registered.values());
        for (Class<?> type : registered.values()) {
            Object sample = samples.get(type);
            Object copy = serializer.fromBinary(serializer.toBinary(sample));
            assertThat(copy).as(type.getName()).isExactlyInstanceOf(type);
            if (sample instanceof Page page) {
                assertSamePages((Page) copy, page);
            } else if (sample instanceof Block block) {
                Pages.assertSameBlocks((Block) copy, block);
            } else if (!sample.equals(copy) && !sample.getClass().isArray()) {
                // Records holding pages or byte arrays have no value equality: compare their fields.
                assertThat(copy)
                        .as(type.getName())
                        .usingRecursiveComparison()
                        .withComparatorForType(Double::compare, Double.class) // NaN equals NaN
                        .isEqualTo(sample);
            } else {
                assertThat(copy).as(type.getName()).isEqualTo(sample);
            }
        }
    }

    @Test
    void dynamicFiltersOfEveryKeyTypeTravel() {
        List<Page> strings = List.of(Page.of(new io.quarry.block.VariableWidthBlock(
                3, null, new int[] {0, 5, 10, 11}, "ASIA EUROPA".getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        List<Page> doubles = List.of(Page.of(new io.quarry.block.DoubleBlock(3, null, new double[] {-0.0, 2.5, Double.NaN})));
        List<DynamicFilterSummary> summaries = List.of(
                DynamicFilterSummary.collect(strings, 0, DynamicFilterSummary.KeyType.VARIABLE_WIDTH, 10),
                DynamicFilterSummary.collect(strings, 0, DynamicFilterSummary.KeyType.VARIABLE_WIDTH, 1),
                DynamicFilterSummary.collect(doubles, 0, DynamicFilterSummary.KeyType.DOUBLE, 10),
                DynamicFilterSummary.values(new long[] {1, 2}));
        for (DynamicFilterSummary summary : summaries) {
            CollectedDynamicFilter collected = new CollectedDynamicFilter(2, 0, summary);
            assertThat(serializer.fromBinary(serializer.toBinary(collected))).isEqualTo(collected);
            TaskActor.ApplyDynamicFilter apply = new TaskActor.ApplyDynamicFilter(1, summary);
            assertThat(serializer.fromBinary(serializer.toBinary(apply))).isEqualTo(apply);
        }
        assertThat(summaries.get(0).kind()).isEqualTo(DynamicFilterSummary.Kind.VALUES);
        assertThat(summaries.get(1).kind()).isEqualTo(DynamicFilterSummary.Kind.RANGE);
        assertThat(summaries.get(2).keyType()).isEqualTo(DynamicFilterSummary.KeyType.DOUBLE);
    }

    @Test
    void immutableCollectionsAndBoxedValuesTravel() {
        for (Object sample : List.of(
                List.of(), List.of(1L), List.of("a", "b", "c"), Set.of(1), Set.of(1, 2, 3), Map.of(), Map.of("a", 1),
                Map.of("a", 1, "b", 2.5), List.of(true, 'c', (short) 1, (byte) 2, 1.5f), Optional.empty(),
                List.of(1, 2).stream().toList())) {
            assertThat(serializer.fromBinary(serializer.toBinary(sample))).isEqualTo(sample);
        }
    }

    @Test
    void unregisteredClassesAreRefusedWithAHint() {
        assertThatThrownBy(() -> serializer.toBinary(new StringBuilder("x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("KryoRegistrations");
    }

    @Test
    void tableIdsAreUniqueAndStartAtTheFirstId() {
        Map<Integer, Class<?>> registered = KryoRegistrations.registeredClasses();
        assertThat(registered.keySet().iterator().next()).isEqualTo(KryoRegistrations.FIRST_ID);
        assertThat(registered.values()).doesNotHaveDuplicates();
        // Contiguous within each block of ids (parts of Quarry own blocks from 200 on, starting at a multiple of
        // ten), so the next id is obvious.
        for (int id : registered.keySet()) {
            assertThat(id == KryoRegistrations.FIRST_ID || id % 10 == 0 || registered.containsKey(id - 1))
                    .as("id " + id + " follows the previous id of its block")
                    .isTrue();
        }
    }

    @Test
    void clusterMessagesAreBoundToKryo() {
        Echo echo = new Echo(testKit.<Echo>createTestProbe().ref(), Page.of(new LongBlock(1, null, new long[] {7})), "x");
        assertThat(SerializationExtension.get(Adapter.toClassic(testKit.system())).findSerializerFor(echo))
                .isInstanceOf(KryoSerializer.class);
    }

    @Test
    void anActorGetsAClusterMessageWithARefAndAPageThroughKryo() {
        ActorRef<Echo> echo = testKit.spawn(Behaviors.receive(Echo.class)
                .onMessage(Echo.class, message -> {
                    message.replyTo().tell(new Echo(message.replyTo(), message.page(), message.note() + " back"));
                    return Behaviors.same();
                })
                .build());
        TestProbe<Echo> probe = testKit.createTestProbe();
        Page page = Pages.everyBlockKind(100, true);

        echo.tell(new Echo(probe.ref(), page, "there and"));

        Echo reply = probe.receiveMessage();
        assertThat(reply.note()).isEqualTo("there and back");
        assertThat(reply.replyTo()).isEqualTo(probe.ref());
        assertThat(reply.page()).isNotSameAs(page); // it went through the serializer, twice
        assertSamePages(reply.page(), page);
        assertThat(serializer.toBinary(new Echo(probe.ref(), new Page(0), "")).length).isLessThan(100);
    }

    @Test
    void localOnlyMessagesSkipSerialization() {
        ActorRef<Local> echo = testKit.spawn(Behaviors.receive(Local.class)
                .onMessage(Local.class, message -> {
                    message.replyTo().tell(message);
                    return Behaviors.same();
                })
                .build());
        TestProbe<Local> probe = testKit.createTestProbe();
        Object unserializable = new Object();

        echo.tell(new Local(unserializable, probe.ref()));

        assertThat(probe.receiveMessage().payload()).isSameAs(unserializable);
    }

    private static Map<Class<?>, Object> samples() {
        Map<Class<?>, Object> samples = new HashMap<>();
        QueryId queryId = QueryId.valueOf("20261124_184501_00001_abcde");
        StageId stageId = new StageId(queryId, 2);
        TaskId taskId = new TaskId(stageId, 3, 1);
        Page page = Pages.everyBlockKind(20, true);
        Session session = new Session(queryId, "alice", Optional.of("cli"), Optional.of("tpch"), Optional.empty(),
                ZoneId.of("UTC"), "en-US", Map.of("query_max_run_time", "1h"), Map.of("tpch", Map.of("x", "y")),
                1_700_000_000_000L);
        ActorRef<TaskActor.Command> task = testKit.<TaskActor.Command>createTestProbe().ref();
        ActorRef<TaskManager.Command> taskManager = testKit.<TaskManager.Command>createTestProbe().ref();
        RemoteTask remoteTask = new RemoteTask(taskId, task);
        TaskProgress progress = new TaskProgress(4, 1, 1, 2, 100, 2000, 10, 200, 5_000_000, 9_000_000, 1024, 4096, 77);
        DynamicFilterSummary exact = DynamicFilterSummary.values(new long[] {5, -3, 0, Long.MAX_VALUE});
        CollectedDynamicFilter collected = new CollectedDynamicFilter(3, 1, exact);
        io.quarry.exec.OperatorSummary operatorSummary = new io.quarry.exec.OperatorSummary(
                2, "LocalExchangeSink, HashAggregation", 4, 60175, 481400, 3, 48, 12_000_000, 30_000_000, 65536, 17);
        TaskStatus status = new TaskStatus(taskId, "worker-1", TaskState.RUNNING, progress,
                Optional.of(FailureInfo.of(ErrorCode.REMOTE_HOST_GONE, "lost")), List.of(collected),
                List.of(operatorSummary));
        ColumnMetadata orderKey = new ColumnMetadata("orderkey", Types.BIGINT);
        SchemaTableName orders = new SchemaTableName("tiny", "orders");
        TableScan scan = new TableScan("tpch", orders, List.of(orderKey, new ColumnMetadata("comment", Types.varchar(79))));
        InputRef key = new InputRef(0, Types.BIGINT);
        Call greater = new Call("greater_than", List.of(key, new Constant(10L, Types.BIGINT)), Types.BOOLEAN);
        SpecialForm and = new SpecialForm(Form.AND, List.of(greater, new Constant(true, Types.BOOLEAN)), Types.BOOLEAN);
        Filter filter = new Filter(scan, and);
        List<Expression> constants = List.of(
                new Constant(1L, Types.BIGINT),
                new Constant(2.5, Types.DOUBLE),
                new Constant("text", Types.VARCHAR),
                new Constant("{\"a\":1}", Types.JSON),
                new Constant(new byte[] {1, 2}, Types.VARBINARY),
                new Constant(new byte[16], Types.UUID),
                new Constant(new byte[16], Types.IPADDRESS),
                new Constant(-2L, Types.COLOR),
                new Constant(io.quarry.type.TimeWithTimeZoneType.pack(3_723_456_000_000L, 330), io.quarry.type.TemporalTypes.timeWithTimeZone(3)),
                new Constant(new BigDecimal("12.34"), Types.decimal(4, 2)),
                Constant.nullOf(Types.INTEGER));
        Values values = new Values(constants.stream().map(Expression::type).toList(), List.of(constants));
        Project project = new Project(filter, List.of(key));
        AggregateCall sum = new AggregateCall("sum", List.of(0), List.of(Types.BIGINT), Types.BIGINT, false, Optional.of(1));
        Aggregate aggregate = new Aggregate(project, List.of(0), List.of(sum), AggregationStep.PARTIAL);
        Exchange exchange = new Exchange(aggregate, ExchangeKind.REPARTITION, List.of(0));
        SortKey sortKey = new SortKey(0, true, false);
        Sort sort = new Sort(exchange, List.of(sortKey));
        TopN topN = new TopN(sort, List.of(sortKey), 10);
        Limit limit = new Limit(topN, 1, 5);
        io.quarry.plan.Union union = new io.quarry.plan.Union(List.of(project, project), List.of(Types.BIGINT));
        io.quarry.plan.GroupId groupId = new io.quarry.plan.GroupId(
                project, List.of(0), List.of(List.of(0), List.of()), List.of(0), List.of(List.of(0L, 1L)), List.of(Types.BIGINT), true);
        io.quarry.plan.WindowFrame frame = new io.quarry.plan.WindowFrame(io.quarry.plan.WindowFrame.Kind.ROWS,
                io.quarry.plan.WindowFrame.Bound.PRECEDING, Optional.of(0), io.quarry.plan.WindowFrame.Bound.CURRENT_ROW, Optional.empty());
        io.quarry.plan.WindowFunction windowFunction =
                new io.quarry.plan.WindowFunction("sum", List.of(0), List.of(Types.BIGINT), Types.BIGINT, frame);
        io.quarry.plan.Window window = new io.quarry.plan.Window(project, List.of(0), List.of(sortKey), List.of(windowFunction));
        Output output = new Output(limit, List.of("orderkey", "sum"));
        io.quarry.spi.WriteTarget writeTarget =
                new io.quarry.spi.WriteTarget(new SchemaTableName("default", "t"), 7, "20261126_000000_00001_abcde", List.of(orderKey,
                        new ColumnMetadata("note", Types.VARCHAR, false, Optional.of("a NOT NULL column's comment"))));
        RemoteSource remote = new RemoteSource(1, List.of(Types.BIGINT));
        PlanFragment fragment = new PlanFragment(
                0, output, FragmentDistribution.SINGLE, ExchangeKind.GATHER, List.of(), List.of(1));
        StageStatistics stageStatistics =
                new StageStatistics(0, "RUNNING", false, 2, 10, 1, 2, 7, 100, 200, 5000, 40000, 0, List.of());
        QueryStatistics queryStatistics = new QueryStatistics(
                QueryState.RUNNING, true, 2, 10, 1, 2, 7, 100, 200, 3, 500, 20, 5000, 40000, 1 << 20,
                Optional.of(new StageStatistics(0, "RUNNING", false, 2, 10, 1, 2, 7, 100, 200, 5000, 40000, 0,
                        List.of(stageStatistics))));
        SessionUpdates updates = new SessionUpdates(
                Optional.of("tpch"), Optional.of("tiny"), Map.of("a", "b"), Set.of("c"), Map.of("s", "SELECT 1"),
                Set.of("t"), Optional.empty(), true);
        ResultColumn column = new ResultColumn("orderkey", Types.BIGINT);

        Page nested = Pages.nestedBlocks();
        ArrayType arrayType = new ArrayType(Types.INTEGER);
        RowType rowType = new RowType(List.of(
                new RowType.Field(Optional.of("id"), Types.INTEGER), new RowType.Field(Optional.empty(), arrayType)));
        Lambda lambda = new Lambda(List.of(Types.INTEGER), List.of(key),
                new Call("add", List.of(new InputRef(0, Types.INTEGER), new InputRef(1, Types.INTEGER)), Types.INTEGER));
        Project arrays = new Project(scan, List.of(key, new Call("array_constructor", List.of(key), new ArrayType(Types.BIGINT))));
        List<Object> structural = List.of(
                arrayType,
                new MapType(Types.VARCHAR, rowType),
                rowType,
                rowType.fields().get(0),
                nested.block(0),
                nested.block(1),
                nested.block(2),
                Pages.encodedBlocks(5).block(0),
                Pages.encodedBlocks(5).block(1),
                lambda,
                new Unnest(arrays, List.of(0), List.of(1), true));
        List<Object> all = List.of(
                new ArrayList<>(List.of(1L, "a")),
                new HashMap<>(Map.of("a", 1)),
                new HashSet<>(Set.of("x", "y")),
                new LinkedHashMap<>(Map.of("k", List.of(1))),
                new LinkedHashSet<>(List.of(3, 1, 2)),
                Optional.of("present"),
                OptionalLong.of(42),
                OptionalInt.of(7),
                OptionalDouble.of(0.5),
                URI.create("http://127.0.0.1:8080/v1/info"),
                new BigDecimal("-123456789012345678901234567890.0001"),
                new BigInteger("123456789012345678901234567890"),
                Instant.ofEpochSecond(1_700_000_000L, 123_456_789),
                Duration.ofMillis(1500),
                ZoneOffset.ofHoursMinutes(5, 30),
                ZoneId.of("Europe/Berlin"),
                LocalDate.of(2024, 2, 29),
                UUID.fromString("123e4567-e89b-12d3-a456-426614174000"),
                new byte[] {1, -2, 3},
                new long[] {Long.MIN_VALUE, 0, Long.MAX_VALUE},
                new int[] {1, 2},
                new boolean[] {true, false},
                new double[] {Double.NaN, -0.0},
                new String[] {"a", null},
                testKit.<String>createTestProbe().ref(),
                page,
                page.block(0),
                page.block(1),
                page.block(2),
                page.block(3),
                page.block(4),
                queryId,
                stageId,
                taskId,
                ErrorCode.DIVISION_BY_ZERO,
                ErrorType.INSUFFICIENT_RESOURCES,
                new ErrorLocation(3, 14),
                new FailureInfo(ErrorCode.SYNTAX_ERROR, "io.quarry.spi.QuarryException", "bad", Optional.of(new ErrorLocation(1, 2))),
                orderKey,
                orders,
                new TableMetadata(orders, List.of(orderKey)),
                new TableStatistics(15_000, Map.of("orderkey", 15_000.0, "comment", Double.NaN)),
                session,
                Types.BOOLEAN,
                Types.TINYINT,
                Types.SMALLINT,
                Types.INTEGER,
                Types.BIGINT,
                Types.REAL,
                Types.DOUBLE,
                Types.decimal(38, 10),
                Types.varchar(25),
                new CharType(3),
                Types.VARBINARY,
                Types.DATE,
                Types.UNKNOWN,
                Types.JSON,
                Types.UUID,
                Types.IPADDRESS,
                Types.COLOR,
                io.quarry.type.TemporalTypes.timeWithTimeZone(9),
                Types.P4_HYPER_LOG_LOG,
                Types.SET_DIGEST,
                Types.TDIGEST,
                new io.quarry.type.QuantileDigestType(Types.REAL),
                io.quarry.type.TemporalTypes.timestamp(6),
                io.quarry.type.TemporalTypes.timestampWithTimeZone(3),
                io.quarry.type.TemporalTypes.time(9),
                io.quarry.type.TemporalTypes.INTERVAL_DAY_TIME,
                io.quarry.type.TemporalTypes.INTERVAL_YEAR_MONTH,
                Storage.INT128,
                aggregate,
                sum,
                AggregationStep.FINAL,
                exchange,
                ExchangeKind.REPLICATE,
                filter,
                FragmentDistribution.HASH,
                limit,
                output,
                fragment,
                project,
                remote,
                sort,
                sortKey,
                scan,
                topN,
                union,
                groupId,
                window,
                windowFunction,
                frame,
                io.quarry.plan.WindowFrame.Kind.RANGE,
                io.quarry.plan.WindowFrame.Bound.UNBOUNDED_FOLLOWING,
                values,
                greater,
                constants.get(3),
                Form.COALESCE,
                key,
                and,
                new TpchSplit("lineitem", 0.01, 2, 4),
                new BufferResult(5, 7, List.of(page, new Page(0)), true, false),
                new OutputBufferInfo(OutputBufferInfo.State.FLUSHING, 100, 2, 9,
                        List.of(new OutputBufferInfo.ClientBufferInfo(0, false, 2, 9))),
                OutputBufferInfo.State.ABORTED,
                new OutputBufferInfo.ClientBufferInfo(1, true, 0, 4),
                QueryState.FINISHING,
                new ClusterNode("worker-1", URI.create("http://127.0.0.1:8081"), Set.of("worker"), false,
                        Instant.ofEpochSecond(5), Instant.ofEpochSecond(1), ProbeFigures.NONE),
                queryStatistics,
                stageStatistics,
                column,
                ClientSession.forUser("bob").withCatalogSchema("tpch", "tiny"),
                new QueryHandle(queryId, "slug123"),
                new ResultBatch(queryId, Optional.of(ResultPhase.EXECUTING), OptionalLong.of(3), Optional.of(List.of(column)),
                        List.of(Page.of(new LongBlock(2, null, new long[] {1, 2}))), queryStatistics,
                        Optional.of(FailureInfo.of(ErrorCode.GENERIC_INTERNAL_ERROR, "boom")), Optional.of("INSERT"),
                        OptionalLong.of(2), updates, true),
                ResultPhase.QUEUED,
                new FetchRejected(FetchRejected.Reason.GONE, "token 3 is gone"),
                FetchRejected.Reason.NOT_FOUND,
                updates,
                NodeState.SHUTTING_DOWN,
                TaskState.FLUSHING,
                progress,
                status,
                remoteTask,
                new WorkerRef("worker-1", "http://127.0.0.1:8081", taskManager),
                new TaskActor.AddSplits(List.of(new TpchSplit("orders", 1.0, 0, 2)), true),
                new TaskActor.AddRemoteSources(1, List.of(remoteTask)),
                new TaskActor.GetPages(0, 4, 1024, testKit.<TaskActor.Pages>createTestProbe().ref()),
                new TaskActor.Pages(taskId, 0, 4, 5, List.of(page), false, Optional.empty()),
                new TaskActor.DestroyBuffer(1),
                new TaskActor.Cancel(true),
                new TaskManager.CreateTask(taskId, fragment, session, 2, testKit.<TaskStatus>createTestProbe().ref(),
                        testKit.<TaskManager.TaskCreated>createTestProbe().ref()),
                new TaskManager.TaskCreated(taskId, "worker-1", Optional.of(task), Optional.empty()),
                new TaskManager.ListTasks(testKit.<TaskManager.TaskList>createTestProbe().ref()),
                new TaskManager.TaskList("worker-1", List.of(taskId)),
                new io.quarry.connector.system.SystemSplit(new SchemaTableName("runtime", "nodes")),
                new io.quarry.connector.system.SequenceSplit(-5, 3, 1_000_000),
                new io.quarry.connector.system.SnapshotSplit(new SchemaTableName("jdbc", "catalogs"),
                        java.util.stream.IntStream.range(0, page.channelCount()).mapToObj(i -> "c" + i).toList(), page),
                new TaskActor.EndRemoteSource(2),
                new TaskActor.ReplaceProducer(2, new RemoteTask(taskId, task)),
                new TaskManager.LocateTask(taskId, testKit.<TaskManager.TaskLocated>createTestProbe().ref()),
                new TaskManager.TaskLocated(taskId, Optional.of(task)),
                new NodeRegistry.Probe(testKit.<NodeRegistry.ProbeAnswer>createTestProbe().ref()),
                new NodeRegistry.ProbeAnswer("worker-1"),
                new ProbeFigures(3.5, 2.5, 1.0, Optional.of(Instant.EPOCH), Optional.empty(),
                        Map.of("java.util.concurrent.TimeoutException", 1.0), Optional.of(FailureInfo.of(ErrorCode.REMOTE_HOST_GONE, "gone"))),
                new io.quarry.plan.TableWriter(
                        new Exchange(values, ExchangeKind.ROUND_ROBIN, List.of()), "memory", writeTarget, false),
                writeTarget,
                new io.quarry.connector.memory.MemorySplit(
                        7, "worker-1", List.of("worker-1", "worker-2"), List.of("q.worker-1.1"), List.of("orderkey"), 15),
                new TaskManager.DropWrite("memory", writeTarget),
                new TaskManager.StoreCopyChunk("memory", 7, "q.worker-1.1", 0, List.of(page), true,
                        testKit.<TaskManager.CopyStored>createTestProbe().ref()),
                new TaskManager.CopyStored(Optional.of(FailureInfo.of(ErrorCode.MEMORY_LIMIT_EXCEEDED, "full"))),
                new TaskManager.CopyPiece("memory", 7, "q.worker-1.1", testKit.<TaskManager.Command>createTestProbe().ref(),
                        testKit.<TaskManager.CopyStored>createTestProbe().ref()));
        Join join = new Join(JoinType.LEFT, scan, remote, List.of(0), List.of(0), List.of(false), Optional.of(greater),
                JoinDistribution.BROADCAST);
        List<Object> joins = List.of(join, JoinType.MARK, JoinDistribution.PARTITIONED);
        List<Object> dynamicFilters = List.of(
                DynamicFilterSummary.range(-10, 10), DynamicFilterSummary.Kind.NONE, collected, operatorSummary,
                DynamicFilterSummary.KeyType.VARIABLE_WIDTH,
                new TaskActor.ApplyDynamicFilter(2, DynamicFilterSummary.none()));
        io.quarry.plan.RowPattern pattern = io.quarry.plan.RowPattern.of(io.quarry.plan.RowPattern.Kind.CONCATENATION,
                List.of(io.quarry.plan.RowPattern.label(0), io.quarry.plan.RowPattern.quantified(io.quarry.plan.RowPattern.label(1), 1, -1, false)));
        io.quarry.plan.MatchValue matchValue = new io.quarry.plan.MatchValue(io.quarry.plan.MatchValue.Kind.COLUMN, List.of(1), true, false,
                0, -1, 0, Types.BIGINT, Optional.empty());
        io.quarry.plan.MatchRecognize matchRecognize = new io.quarry.plan.MatchRecognize(project, List.of(0), List.of(sortKey), "ONE",
                "PAST_LAST_ROW", List.of(), List.of("a", "b"), pattern, List.of(new Constant(true, Types.BOOLEAN),
                        new Constant(true, Types.BOOLEAN)), List.of(matchValue), List.of(new InputRef(0, Types.BIGINT)));
        List<Object> patterns = List.of(matchRecognize, pattern, io.quarry.plan.RowPattern.Kind.ALTERNATION, matchValue,
                io.quarry.plan.MatchValue.Kind.AGGREGATE);
        for (Object sample : Stream.of(all, joins, structural, dynamicFilters, patterns).flatMap(List::stream).toList()) {
            Object previous = samples.put(sample.getClass(), sample);
            assertThat(previous).as("two samples of %s", sample.getClass()).isNull();
        }
        return samples;
    }
}
