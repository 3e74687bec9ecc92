package io.quarry.http.server;

import io.quarry.actor.TaskActor;
import io.quarry.actor.TaskState;
import io.quarry.block.Block;
import io.quarry.client.TaskSnapshot;
import io.quarry.exchange.OutputBufferInfo;
import io.quarry.exec.TaskStatistics;
import io.quarry.spi.TaskId;
import io.quarry.block.BlockBuilder;
import io.quarry.client.ClientSession;
import io.quarry.client.ClusterNode;
import io.quarry.client.FetchRejected;
import io.quarry.client.FetchResult;
import io.quarry.client.KillResult;
import io.quarry.client.NodeState;
import io.quarry.client.ProbeFigures;
import io.quarry.client.QuarryService;
import io.quarry.client.QueryHandle;
import io.quarry.client.QueryInfo;
import io.quarry.client.QueryState;
import io.quarry.client.QueryStatistics;
import io.quarry.client.ResultBatch;
import io.quarry.client.ResultColumn;
import io.quarry.client.ResultPhase;
import io.quarry.client.SessionUpdates;
import io.quarry.client.StageStatistics;
import io.quarry.page.Page;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.ErrorLocation;
import io.quarry.spi.FailureInfo;
import io.quarry.spi.QuarryException;
import io.quarry.spi.QueryId;
import io.quarry.spi.StageId;
import io.quarry.type.CharType;
import io.quarry.type.Type;
import io.quarry.type.Types;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scripted {@link QuarryService}: each statement text selects a fixed sequence of result batches, served
 * under the protocol's token rules (same token again = same batch, an older one = GONE, an unknown one =
 * NOT_FOUND). Records what the HTTP layer asked, so tests can check it.
 *
 * <ul>
 *   <li>{@code SELECT paged}: two columns over three executing responses, then FINISHED</li>
 *   <li>{@code SELECT all_types}: one row per interesting value of every type, FINISHED with the rows</li>
 *   <li>{@code SELEC 1}: FAILED with a SYNTAX_ERROR at 1:1</li>
 *   <li>{@code USE tpch.tiny}: session updates (catalog, schema, a property, a prepared statement)</li>
 *   <li>{@code SELECT boom}: every fetch fails internally</li>
 *   <li>{@code SELECT while_shutting_down}: the submit fails with SERVER_SHUTTING_DOWN</li>
 * </ul>
 */
public final class FakeQuarryService implements QuarryService {
    public static final Instant NOW = Instant.parse("2025-11-26T10:15:00Z");

    private final Map<QueryId, FakeQuery> queries = new ConcurrentHashMap<>();
    private final AtomicInteger counter = new AtomicInteger();
    private final Map<QueryId, QueryInfo> queryInfos = new ConcurrentHashMap<>();
    private final List<String> kills = new CopyOnWriteArrayList<>();
    public final AtomicInteger fetches = new AtomicInteger();
    public final AtomicInteger heartbeats = new AtomicInteger();
    public final List<ClientSession> sessions = new CopyOnWriteArrayList<>();
    public final List<Duration> maxWaits = new CopyOnWriteArrayList<>();
    public final List<Long> targetResultBytes = new CopyOnWriteArrayList<>();
    public final Set<QueryId> canceled = ConcurrentHashMap.newKeySet();
    public volatile NodeState nodeState = NodeState.ACTIVE;

    private static final class FakeQuery {
        final String slug;
        final String sql;
        final Map<ResultPhase, Map<Long, ResultBatch>> script;
        final Map<ResultPhase, Long> lastServed = new EnumMap<>(ResultPhase.class);

        FakeQuery(String slug, String sql, Map<ResultPhase, Map<Long, ResultBatch>> script) {
            this.slug = slug;
            this.sql = sql;
            this.script = script;
        }
    }

    @Override
    public CompletionStage<QueryHandle> submit(ClientSession session, String sql) {
        sessions.add(session);
        if (sql.strip().equals("SELECT while_shutting_down")) {
            return CompletableFuture.failedFuture(
                    new QuarryException(ErrorCode.SERVER_SHUTTING_DOWN, "This coordinator is shutting down"));
        }
        QueryId id = QueryId.valueOf(String.format("20251126_101500_%05d_fake1", counter.incrementAndGet()));
        String slug = "x" + UUID.randomUUID().toString().replace("-", "");
        queries.put(id, new FakeQuery(slug, sql.strip(), script(id, sql.strip())));
        return CompletableFuture.completedFuture(new QueryHandle(id, slug));
    }

    @Override
    public CompletionStage<FetchResult> fetch(
            QueryHandle handle, ResultPhase phase, long token, Duration maxWait, long targetResultBytes) {
        fetches.incrementAndGet();
        maxWaits.add(maxWait);
        this.targetResultBytes.add(targetResultBytes);
        FakeQuery query = queries.get(handle.queryId());
        if (query == null || !query.slug.equals(handle.slug())) {
            return CompletableFuture.completedFuture(new FetchRejected(FetchRejected.Reason.NOT_FOUND, "Query not found"));
        }
        if (query.sql.equals("SELECT boom")) {
            return CompletableFuture.failedFuture(new IllegalStateException("fake engine bug\nsecond line"));
        }
        synchronized (query) {
            ResultBatch batch = query.script.get(phase).get(token);
            Long last = query.lastServed.get(phase);
            if (last != null && token < last) {
                return CompletableFuture.completedFuture(
                        new FetchRejected(FetchRejected.Reason.GONE, "Token " + token + " was already acknowledged"));
            }
            if (batch == null) {
                return CompletableFuture.completedFuture(new FetchRejected(FetchRejected.Reason.NOT_FOUND, "No such token"));
            }
            query.lastServed.put(phase, token);
            return CompletableFuture.completedFuture(batch);
        }
    }

    @Override
    public CompletionStage<Boolean> cancel(QueryHandle handle) {
        FakeQuery query = queries.get(handle.queryId());
        boolean known = query != null && query.slug.equals(handle.slug());
        if (known) {
            canceled.add(handle.queryId());
        }
        return CompletableFuture.completedFuture(known);
    }

    @Override
    public CompletionStage<Boolean> heartbeat(QueryHandle handle) {
        heartbeats.incrementAndGet();
        FakeQuery query = queries.get(handle.queryId());
        return CompletableFuture.completedFuture(query != null && query.slug.equals(handle.slug()));
    }

    @Override
    public CompletionStage<List<ClusterNode>> nodes() {
        return CompletableFuture.completedFuture(List.of(
                new ClusterNode("worker-1", URI.create("http://10.0.0.12:8080"), Set.of("worker"), false,
                        NOW.minusSeconds(30), NOW.minusSeconds(7200), new ProbeFigures(120, 120, 0,
                                Optional.of(NOW.minusMillis(200)), Optional.of(NOW.minusMillis(199)), Map.of(), Optional.empty())),
                new ClusterNode("worker-2", URI.create("http://10.0.0.13:8080"), Set.of("worker"), true,
                        NOW.minusSeconds(5), NOW.minusSeconds(60), new ProbeFigures(100, 80, 20,
                                Optional.of(NOW.minusMillis(300)), Optional.of(NOW.minusSeconds(5)),
                                Map.of("java.util.concurrent.TimeoutException", 20.0),
                                Optional.of(FailureInfo.of(ErrorCode.REMOTE_HOST_GONE, "Probe failed: no answer"))))));
    }

    @Override
    public CompletionStage<NodeState> nodeState() {
        return CompletableFuture.completedFuture(nodeState);
    }

    @Override
    public CompletionStage<Optional<String>> changeNodeState(NodeState target) {
        if (target == nodeState) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        if (target == NodeState.SHUTTING_DOWN) {
            nodeState = NodeState.SHUTTING_DOWN;
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return CompletableFuture.completedFuture(Optional.of("Invalid state transition to " + target));
    }

    // ---- tasks: one RUNNING task, TASK_ID, with one output buffer (0) that serves one page, then completes

    public static final TaskId TASK_ID = TaskId.valueOf("20251126_101500_00001_abcde.1.0.0");
    public final List<Optional<TaskState>> pollStates = new CopyOnWriteArrayList<>();
    public final List<Duration> pollWaits = new CopyOnWriteArrayList<>();
    public final List<Long> maxSizes = new CopyOnWriteArrayList<>();
    public final List<String> bufferCalls = new CopyOnWriteArrayList<>();
    public final List<Boolean> taskCancels = new CopyOnWriteArrayList<>();
    public final List<StageId> stageCancels = new CopyOnWriteArrayList<>();

    public static TaskSnapshot taskSnapshot(String state) {
        return new TaskSnapshot(
                TASK_ID, "3b2c8e4e-0d7f-4c0e-9d3c-4bb2a1f5a111", 3, state, "worker-1",
                List.of(), NOW,
                new OutputBufferInfo(OutputBufferInfo.State.OPEN, 100, 1, 2,
                        List.of(new OutputBufferInfo.ClientBufferInfo(0, false, 1, 2))),
                new TaskStatistics(4, 1, 2, 1, 10, 3, 4, 3, 1000, 8000, 500, 4000, 2_000_000_000L, 3_000_000_000L, 1024, 2048),
                false);
    }

    @Override
    public CompletionStage<List<TaskSnapshot>> taskInfos() {
        return CompletableFuture.completedFuture(List.of(taskSnapshot("RUNNING")));
    }

    @Override
    public CompletionStage<Optional<TaskSnapshot>> taskInfo(TaskId taskId, Optional<TaskState> currentState, Duration maxWait) {
        pollStates.add(currentState);
        pollWaits.add(maxWait);
        return CompletableFuture.completedFuture(taskId.equals(TASK_ID) ? Optional.of(taskSnapshot("RUNNING")) : Optional.empty());
    }

    @Override
    public CompletionStage<TaskSnapshot> cancelTask(TaskId taskId, boolean abort) {
        taskCancels.add(abort);
        return CompletableFuture.completedFuture(taskId.equals(TASK_ID)
                ? taskSnapshot(abort ? "ABORTED" : "CANCELED")
                : TaskSnapshot.aborted(taskId, "worker-1", NOW));
    }

    @Override
    public CompletionStage<Optional<TaskActor.Pages>> taskResults(TaskId taskId, int bufferId, long token, long maxBytes) {
        maxSizes.add(maxBytes);
        if (!taskId.equals(TASK_ID)) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        if (bufferId != 0) {
            return CompletableFuture.completedFuture(Optional.of(new TaskActor.Pages(taskId, bufferId, token, token, List.of(), true,
                    Optional.of(FailureInfo.of(ErrorCode.NOT_FOUND, "Task " + taskId + " has no output buffer " + bufferId)))));
        }
        List<Page> pages = token == 0 ? List.of(allTypesPage()) : List.of();
        return CompletableFuture.completedFuture(Optional.of(
                new TaskActor.Pages(taskId, 0, token, token == 0 ? 1 : token, pages, token >= 1, Optional.empty())));
    }

    @Override
    public CompletionStage<Boolean> acknowledgeTaskResults(TaskId taskId, int bufferId, long token) {
        bufferCalls.add("ack " + taskId + " " + bufferId + " " + token);
        return CompletableFuture.completedFuture(taskId.equals(TASK_ID));
    }

    @Override
    public CompletionStage<Boolean> destroyTaskBuffer(TaskId taskId, int bufferId) {
        bufferCalls.add("destroy " + taskId + " " + bufferId);
        return CompletableFuture.completedFuture(taskId.equals(TASK_ID));
    }

    /** Makes {@code info} one of the queries {@code /v1/query} lists and finds; kills fail it. */
    public void addQueryInfo(QueryInfo info) {
        queryInfos.put(info.queryId(), info);
    }

    /** The kills asked for, as {@code queryId ERROR_CODE message}. */
    public List<String> kills() {
        return List.copyOf(kills);
    }

    @Override
    public CompletionStage<List<QueryInfo>> queries() {
        return CompletableFuture.completedFuture(List.copyOf(queryInfos.values()));
    }

    @Override
    public CompletionStage<Optional<QueryInfo>> queryInfo(QueryId queryId) {
        return CompletableFuture.completedFuture(Optional.ofNullable(queryInfos.get(queryId)));
    }

    @Override
    public CompletionStage<Boolean> cancelStage(StageId stageId) {
        stageCancels.add(stageId);
        return CompletableFuture.completedFuture(queryInfos.containsKey(stageId.queryId()));
    }

    @Override
    public CompletionStage<KillResult> kill(QueryId queryId, ErrorCode errorCode, String message) {
        QueryInfo info = queryInfos.get(queryId);
        if (info == null) {
            return CompletableFuture.completedFuture(KillResult.NOT_FOUND);
        }
        if (info.state().isDone()) {
            return CompletableFuture.completedFuture(KillResult.ALREADY_DONE);
        }
        kills.add(queryId + " " + errorCode + " " + message);
        queryInfos.put(queryId, new QueryInfo(
                info.queryId(), info.session(), info.query(), QueryState.FAILED, info.scheduled(), info.createTime(),
                Optional.of(info.createTime()), info.queuedMillis(), info.elapsedMillis(), info.executionMillis(),
                info.statistics(), Optional.of(FailureInfo.of(errorCode, message)), info.outputStage()));
        return CompletableFuture.completedFuture(KillResult.KILLED);
    }

    // ---- scripts

    public static final List<ResultColumn> PAGED_COLUMNS =
            List.of(new ResultColumn("id", Types.BIGINT), new ResultColumn("name", Types.varchar(25)));

    public static final List<ResultColumn> ALL_TYPES_COLUMNS = List.of(
            new ResultColumn("b", Types.BOOLEAN),
            new ResultColumn("t", Types.TINYINT),
            new ResultColumn("s", Types.SMALLINT),
            new ResultColumn("i", Types.INTEGER),
            new ResultColumn("l", Types.BIGINT),
            new ResultColumn("r", Types.REAL),
            new ResultColumn("d", Types.DOUBLE),
            new ResultColumn("dec", Types.decimal(12, 2)),
            new ResultColumn("bigdec", Types.decimal(38, 5)),
            new ResultColumn("v", Types.varchar(10)),
            new ResultColumn("vu", Types.VARCHAR),
            new ResultColumn("c", new CharType(4)),
            new ResultColumn("bin", Types.VARBINARY),
            new ResultColumn("dt", Types.DATE),
            new ResultColumn("u", Types.UNKNOWN));

    private static Map<ResultPhase, Map<Long, ResultBatch>> script(QueryId id, String sql) {
        List<ResultBatch> executing = new ArrayList<>();
        ResultBatch queued = batch(id, ResultPhase.EXECUTING, 0, null, List.of(), stats(QueryState.QUEUED, false), null);
        switch (sql) {
            case "SELEC 1" -> {
                FailureInfo failure = new FailureInfo(ErrorCode.SYNTAX_ERROR, "io.quarry.sql.ParsingException",
                        "line 1:1: mismatched input 'SELEC'", Optional.of(new ErrorLocation(1, 1)));
                queued = batch(id, null, 0, null, List.of(), stats(QueryState.FAILED, false), failure);
            }
            case "SELECT all_types" -> executing.add(batch(id, null, 0, ALL_TYPES_COLUMNS, List.of(allTypesPage()),
                    stats(QueryState.FINISHED, true), null));
            case "USE tpch.tiny" -> {
                List<ResultColumn> columns = List.of(new ResultColumn("result", Types.BOOLEAN));
                Page page = Page.of(BlockBuilder.create(Types.BOOLEAN, 1).appendBoolean(true).build());
                SessionUpdates updates = new SessionUpdates(Optional.of("tpch"), Optional.of("tiny"),
                        Map.of("query_max_run_time", "1 h"), Set.of("join_distribution_type"),
                        Map.of("my stmt", "SELECT 1, 2"), Set.of("old"), Optional.empty(), false);
                executing.add(new ResultBatch(id, Optional.empty(), OptionalLong.empty(), Optional.of(columns),
                        List.of(page), stats(QueryState.FINISHED, true), Optional.empty(), Optional.of("USE"),
                        OptionalLong.empty(), updates, false));
            }
            default -> {
                executing.add(batch(id, ResultPhase.EXECUTING, 1, PAGED_COLUMNS,
                        List.of(pagedPage(new long[] {1, 2}, "one", "two")), stats(QueryState.RUNNING, true), null));
                executing.add(batch(id, ResultPhase.EXECUTING, 2, PAGED_COLUMNS,
                        List.of(pagedPage(new long[] {3}, "three")), stats(QueryState.RUNNING, true), null));
                executing.add(batch(id, null, 0, PAGED_COLUMNS, List.of(), stats(QueryState.FINISHED, true), null));
            }
        }
        Map<Long, ResultBatch> executingByToken = new ConcurrentHashMap<>();
        for (int token = 0; token < executing.size(); token++) {
            executingByToken.put((long) token, executing.get(token));
        }
        return Map.of(ResultPhase.QUEUED, Map.of(1L, queued), ResultPhase.EXECUTING, executingByToken);
    }

    private static ResultBatch batch(QueryId id, ResultPhase nextPhase, long nextToken, List<ResultColumn> columns,
            List<Page> pages, QueryStatistics stats, FailureInfo error) {
        return new ResultBatch(
                id,
                Optional.ofNullable(nextPhase),
                nextPhase == null ? OptionalLong.empty() : OptionalLong.of(nextToken),
                Optional.ofNullable(columns),
                pages,
                stats,
                Optional.ofNullable(error),
                Optional.empty(),
                OptionalLong.empty(),
                SessionUpdates.NONE,
                stats.state() == QueryState.RUNNING);
    }

    private static QueryStatistics stats(QueryState state, boolean scheduled) {
        Optional<StageStatistics> root = scheduled
                ? Optional.of(new StageStatistics(0, state.isDone() ? "FINISHED" : "RUNNING", state.isDone(), 1, 4, 0, 1,
                        3, 10, 20, 3, 300, 0,
                        List.of(new StageStatistics(1, "RUNNING", state.isDone(), 1, 2, 0, 1, 1, 5, 6, 3, 30, 0, List.of()))))
                : Optional.empty();
        return new QueryStatistics(state, scheduled, scheduled ? 1 : 0, scheduled ? 4 : 0, 0, scheduled ? 1 : 0,
                scheduled ? 3 : 0, 10, 20, 2, 41, 5, 3, 300, 1024, root);
    }

    private static Page pagedPage(long[] ids, String... names) {
        BlockBuilder idBuilder = BlockBuilder.create(Types.BIGINT, ids.length);
        BlockBuilder nameBuilder = BlockBuilder.create(Types.varchar(25), ids.length);
        for (int i = 0; i < ids.length; i++) {
            idBuilder.appendLong(ids[i]);
            nameBuilder.appendString(names[i]);
        }
        return Page.of(idBuilder.build(), nameBuilder.build());
    }

    /** Three rows: ordinary values, edge values (NaN, negatives, padding), and all nulls. */
    public static Page allTypesPage() {
        Object[][] rows = {
            {true, 1L, 2L, 3L, 4L, 1.1d, 1.0d, new BigDecimal("123.40"), new BigDecimal("12345678901234567890.12345"),
                "héllo", "x\"y", "ab", "hi".getBytes(StandardCharsets.UTF_8), LocalDate.of(2025, 11, 26).toEpochDay(), null},
            {false, -128L, -32768L, -2147483648L, Long.MIN_VALUE, Double.NaN, Double.NEGATIVE_INFINITY,
                new BigDecimal("-0.05"), new BigDecimal("-1.00000"), "", "", "", new byte[0],
                LocalDate.of(10000, 1, 1).toEpochDay(), null},
            {null, null, null, null, null, null, 2.5E-3, null, null, null, null, null, null, null, null},
        };
        Block[] blocks = new Block[ALL_TYPES_COLUMNS.size()];
        for (int column = 0; column < blocks.length; column++) {
            Type type = ALL_TYPES_COLUMNS.get(column).type();
            BlockBuilder builder = BlockBuilder.create(type, rows.length);
            for (Object[] row : rows) {
                Object value = row[column];
                if (type.equals(Types.REAL) && value instanceof Double real) {
                    // real values are held as the double of a float
                    value = (double) real.floatValue();
                }
                builder.appendObject(value);
            }
            blocks[column] = builder.build();
        }
        return Page.of(blocks);
    }
}
