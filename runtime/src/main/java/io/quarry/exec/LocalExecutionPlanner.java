package io.quarry.exec;

import io.quarry.block.Block;
import io.quarry.exec.expression.BlockEvaluator;
import io.quarry.exec.expression.ExpressionCompiler;
import io.quarry.exec.expression.PageFilter;
import io.quarry.exec.operator.FilterProjectOperator;
import io.quarry.exec.operator.GroupIdOperator;
import io.quarry.exec.operator.MatchRecognizeOperator;
import io.quarry.exec.operator.WindowOperator;
import io.quarry.exec.operator.HashAggregationOperator;
import io.quarry.exec.operator.HashBuildOperator;
import io.quarry.exec.operator.JoinBridge;
import io.quarry.exec.operator.LookupJoinOperator;
import io.quarry.exec.operator.LimitOperator;
import io.quarry.exec.operator.LocalExchangeSinkOperator;
import io.quarry.exec.operator.Operator;
import io.quarry.exec.operator.OrderByOperator;
import io.quarry.exec.operator.OutputOperator;
import io.quarry.exec.operator.RemoteSourceOperator;
import io.quarry.exec.operator.TableScanOperator;
import io.quarry.exec.operator.TopNOperator;
import io.quarry.exec.operator.ValuesOperator;
import io.quarry.page.Page;
import io.quarry.plan.Aggregate;
import io.quarry.plan.AggregationStep;
import io.quarry.plan.Exchange;
import io.quarry.plan.Filter;
import io.quarry.plan.GroupId;
import io.quarry.plan.Union;
import io.quarry.plan.MatchRecognize;
import io.quarry.plan.Window;
import io.quarry.plan.Join;
import io.quarry.plan.JoinType;
import io.quarry.plan.Limit;
import io.quarry.plan.Output;
import io.quarry.plan.PlanNode;
import io.quarry.plan.Project;
import io.quarry.plan.RemoteSource;
import io.quarry.plan.Sort;
import io.quarry.plan.TableScan;
import io.quarry.plan.TopN;
import io.quarry.plan.Values;
import io.quarry.plan.expression.Expression;
import io.quarry.spi.Connector;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Turns a fragment's plan tree into pipelines of operator factories. Table scans and the filters,
 * projections and PARTIAL aggregations above them run in several drivers; the first node that needs all rows
 * in one place (SINGLE/FINAL aggregation, sort, top-N, limit) gets a local exchange into a single-driver
 * pipeline (top-N and limit also run per driver before it). Expressions are compiled here, once.
 */
final class LocalExecutionPlanner {
    /**
     * A chain of operator factories and how many drivers run it; each factory is tagged, as it is added, with the plan
     * node being planned (see {@link OperatorPlacements}).
     */
    final class Pipeline {
        final OperatorPlacements.Factories factories = placements.newFactories();
        int driverCount;

        Pipeline(int driverCount) {
            this.driverCount = driverCount;
        }
    }

    private final TaskExecutionContext context;
    private final SplitQueue splits;
    private final int sourceConcurrency;
    private final Map<Integer, RemoteSourceBuffer> remoteSources = new HashMap<>();
    private final List<Pipeline> pipelines = new ArrayList<>();
    private final DynamicFilterWiring dynamicFilters;
    private final OperatorPlacements placements;

    LocalExecutionPlanner(TaskExecutionContext context, SplitQueue splits, int sourceConcurrency) {
        this.context = context;
        this.splits = splits;
        this.sourceConcurrency = sourceConcurrency;
        this.dynamicFilters = new DynamicFilterWiring(context);
        this.placements = new OperatorPlacements(context.fragment().root());
    }

    io.quarry.exec.dynamicfilter.TaskDynamicFilters dynamicFilters() {
        return dynamicFilters.task();
    }

    Map<Integer, RemoteSourceBuffer> remoteSources() {
        return remoteSources;
    }

    /** The pipelines, producers before consumers; the last one writes the task output. */
    List<Pipeline> plan() {
        PlanNode root = context.fragment().root();
        Pipeline last = visit(root);
        List<Type> types = root.outputTypes();
        OutputSink sink = context.output();
        var fragment = context.fragment();
        int partitions = context.outputPartitionCount();
        placements.enterTaskOutput(root);
        last.factories.add(() -> new OutputOperator(sink, fragment.outputKind(), fragment.outputPartitionKeys(), partitions, types));
        pipelines.add(last);
        for (int id : fragment.sourceFragments()) {
            remoteSources.computeIfAbsent(id, ignored -> new RemoteSourceBuffer(context.remoteSourceBufferBytes()));
        }
        return pipelines;
    }

    private Pipeline visit(PlanNode node) {
        int outer = placements.enter(node);
        try {
            return visitNode(node);
        } finally {
            placements.exit(outer);
        }
    }

    private Pipeline visitNode(PlanNode node) {
        if (node instanceof TableScan scan) {
            Connector connector = context.catalogs().apply(scan.catalog());
            var columns = scan.columns();
            Pipeline pipeline = new Pipeline(sourceConcurrency);
            var scanFilters = dynamicFilters.takeScanFilters();
            pipeline.factories.add(() -> new TableScanOperator(splits, split -> connector.pageSource(split, columns), scanFilters));
            return pipeline;
        }
        if (node instanceof RemoteSource remote) {
            RemoteSourceBuffer buffer = remoteSources.computeIfAbsent(
                    remote.fragmentId(), ignored -> new RemoteSourceBuffer(context.remoteSourceBufferBytes()));
            Pipeline pipeline = new Pipeline(1);
            pipeline.factories.add(() -> new RemoteSourceOperator(buffer, false));
            return pipeline;
        }
        if (node instanceof Values values) {
            List<Page> pages = valuesPages(values);
            Pipeline pipeline = new Pipeline(1);
            pipeline.factories.add(() -> new ValuesOperator(pages));
            return pipeline;
        }
        if (node instanceof Project project && project.source() instanceof Filter filter) {
            Pipeline pipeline = visit(filter.source());
            PageFilter pageFilter = ExpressionCompiler.compileFilter(filter.predicate());
            List<BlockEvaluator> projections = compileAll(project.projections());
            pipeline.factories.add(() -> new FilterProjectOperator(pageFilter, projections));
            return pipeline;
        }
        if (node instanceof Filter filter) {
            Pipeline pipeline = visit(filter.source());
            PageFilter pageFilter = ExpressionCompiler.compileFilter(filter.predicate());
            pipeline.factories.add(() -> new FilterProjectOperator(pageFilter, null));
            return pipeline;
        }
        if (node instanceof Project project) {
            Pipeline pipeline = visit(project.source());
            List<BlockEvaluator> projections = compileAll(project.projections());
            pipeline.factories.add(() -> new FilterProjectOperator(null, projections));
            return pipeline;
        }
        if (node instanceof Aggregate aggregate) {
            Pipeline pipeline = visit(aggregate.source());
            if (aggregate.step() != AggregationStep.PARTIAL) {
                pipeline = gather(pipeline);
            }
            List<Type> inputTypes = aggregate.source().outputTypes();
            // fail at planning time, not in a driver, for unsupported calls
            new HashAggregationOperator(inputTypes, aggregate.groupKeys(), aggregate.calls(), aggregate.step());
            pipeline.factories.add(() -> new HashAggregationOperator(
                    inputTypes, aggregate.groupKeys(), aggregate.calls(), aggregate.step()));
            return pipeline;
        }
        if (node instanceof Sort sort) {
            Pipeline pipeline = gather(visit(sort.source()));
            List<Type> types = sort.outputTypes();
            pipeline.factories.add(() -> new OrderByOperator(types, sort.keys()));
            return pipeline;
        }
        if (node instanceof TopN topN) {
            Pipeline pipeline = visit(topN.source());
            List<Type> types = topN.outputTypes();
            if (pipeline.driverCount > 1) {
                pipeline.factories.add(() -> new TopNOperator(types, topN.keys(), topN.count()));
                pipeline = gather(pipeline);
            }
            pipeline.factories.add(() -> new TopNOperator(types, topN.keys(), topN.count()));
            return pipeline;
        }
        if (node instanceof Limit limit) {
            Pipeline pipeline = visit(limit.source());
            if (pipeline.driverCount > 1) {
                long partialCount = limit.count() > Long.MAX_VALUE - limit.offset() ? Long.MAX_VALUE : limit.offset() + limit.count();
                pipeline.factories.add(() -> new LimitOperator(0, partialCount));
                pipeline = gather(pipeline);
            }
            pipeline.factories.add(() -> new LimitOperator(limit.offset(), limit.count()));
            return pipeline;
        }
        if (node instanceof Union || node instanceof GroupId || node instanceof Window || node instanceof MatchRecognize) {
            return visitExtended(node);
        }
        if (node instanceof io.quarry.plan.TableWriter writer) {
            return TableWriters.plan(writer, visit(writer.source()), context);
        }
        if (node instanceof Output output) {
            return visit(output.source());
        }
        if (node instanceof Join join) {
            return join(join);
        }
        if (node instanceof io.quarry.plan.Unnest unnest) {
            Pipeline pipeline = visit(unnest.source());
            List<Type> sourceTypes = unnest.source().outputTypes();
            pipeline.factories.add(() -> new io.quarry.exec.operator.UnnestOperator(
                    sourceTypes, unnest.replicateChannels(), unnest.unnestChannels(), unnest.withOrdinality(), unnest.outer()));
            return pipeline;
        }
        if (node instanceof Exchange exchange) {
            // the fragmenter cuts at exchanges; one left inside a fragment runs in this task, so it moves nothing
            return visit(exchange.source());
        }
        throw new QuarryException(ErrorCode.NOT_SUPPORTED, "Plan node not supported by the executor: " + node.getClass().getSimpleName());
    }

    /**
     * Union: every source pipeline feeds one local exchange; grouping sets: a row-wise operator; window
     * functions: all rows in one driver.
     */
    private Pipeline visitExtended(PlanNode node) {
        if (node instanceof GroupId groupId) {
            Pipeline pipeline = visit(groupId.source());
            List<Type> inputTypes = groupId.source().outputTypes();
            pipeline.factories.add(() -> new GroupIdOperator(
                    inputTypes, groupId.groupingColumns(), groupId.groupingSets(), groupId.passThrough(), groupId.markers(),
                    groupId.emptyInputRows()));
            return pipeline;
        }
        if (node instanceof Window window) {
            Pipeline pipeline = gather(visit(window.source()));
            List<Type> inputTypes = window.source().outputTypes();
            // fail at planning time, not in a driver, for unsupported functions
            new WindowOperator(inputTypes, window.partitionKeys(), window.orderKeys(), window.functions());
            pipeline.factories.add(() -> new WindowOperator(inputTypes, window.partitionKeys(), window.orderKeys(), window.functions()));
            return pipeline;
        }
        if (node instanceof MatchRecognize match) {
            Pipeline pipeline = gather(visit(match.source()));
            List<Type> inputTypes = match.source().outputTypes();
            // fail at planning time, not in a driver, for what the operator cannot run
            new MatchRecognizeOperator(inputTypes, match);
            pipeline.factories.add(() -> new MatchRecognizeOperator(inputTypes, match));
            return pipeline;
        }
        List<Pipeline> sources = new ArrayList<>();
        for (PlanNode source : node.sources()) {
            sources.add(visit(source));
        }
        RemoteSourceBuffer buffer = new RemoteSourceBuffer(context.remoteSourceBufferBytes());
        AtomicInteger producers = new AtomicInteger(sources.stream().mapToInt(pipeline -> pipeline.driverCount).sum());
        for (Pipeline source : sources) {
            source.factories.add(() -> new LocalExchangeSinkOperator(buffer, producers));
            pipelines.add(source);
        }
        Pipeline next = new Pipeline(1);
        next.factories.add(() -> new RemoteSourceOperator(buffer, true));
        return next;
    }

    /**
     * A join: the build side runs in a pipeline of its own (one driver) ending in the hash builder; the probe
     * side's drivers wait for the table. RIGHT and FULL joins probe in one driver, which then emits the
     * unmatched build rows.
     */
    private Pipeline join(Join join) {
        JoinBridge bridge = new JoinBridge();
        Pipeline build = gather(visit(join.right()));
        List<Type> buildTypes = join.right().outputTypes();
        int[] buildKeys = join.rightKeys().stream().mapToInt(Integer::intValue).toArray();
        boolean[] nullSafe = new boolean[buildKeys.length];
        for (int i = 0; i < nullSafe.length; i++) {
            nullSafe[i] = join.nullSafeKeys().get(i);
        }
        boolean trackVisited = join.type().tracksMatchedRight();
        // Trino's IN matches a NaN with a NaN and rows with NULL fields alike, its equi-joins (and EXISTS) do not
        boolean indistinctMatch = join.type() == JoinType.MARK;
        var joinFilters = dynamicFilters.forJoin(join);
        build.factories.add(() -> new HashBuildOperator(buildTypes, buildKeys, nullSafe, indistinctMatch, trackVisited, bridge, joinFilters));
        pipelines.add(build);

        Pipeline probe = visit(join.left());
        if (trackVisited) {
            probe = gather(probe);
        }
        List<Type> probeTypes = join.left().outputTypes();
        int[] probeKeys = join.leftKeys().stream().mapToInt(Integer::intValue).toArray();
        BlockEvaluator filter = join.filter().map(ExpressionCompiler::compile).orElse(null);
        probe.factories.add(() -> new LookupJoinOperator(join.type(), probeTypes, buildTypes, probeKeys, filter, bridge));
        return probe;
    }

    /** Ends a parallel pipeline with a local exchange and starts a single-driver one reading it. */
    private Pipeline gather(Pipeline pipeline) {
        if (pipeline.driverCount <= 1) {
            return pipeline;
        }
        RemoteSourceBuffer buffer = new RemoteSourceBuffer(context.remoteSourceBufferBytes());
        AtomicInteger producers = new AtomicInteger(pipeline.driverCount);
        pipeline.factories.add(() -> new LocalExchangeSinkOperator(buffer, producers));
        pipelines.add(pipeline);
        Pipeline next = new Pipeline(1);
        next.factories.add(() -> new RemoteSourceOperator(buffer, true));
        return next;
    }

    private static List<BlockEvaluator> compileAll(List<Expression> expressions) {
        return expressions.stream().map(ExpressionCompiler::compileProjection).toList();
    }

    private static List<Page> valuesPages(Values values) {
        if (values.rows().isEmpty()) {
            return List.of();
        }
        List<Page> rows = new ArrayList<>();
        Page single = new Page(1);
        for (List<Expression> row : values.rows()) {
            Block[] blocks = new Block[row.size()];
            for (int i = 0; i < blocks.length; i++) {
                blocks[i] = ExpressionCompiler.compile(row.get(i)).evaluate(single, null, 1);
            }
            rows.add(new Page(1, blocks));
        }
        if (values.types().isEmpty()) {
            return List.of(new Page(values.rows().size()));
        }
        return List.of(io.quarry.page.Pages.concat(values.types(), rows));
    }
}
