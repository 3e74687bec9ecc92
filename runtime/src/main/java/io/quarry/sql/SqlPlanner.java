package io.quarry.sql;

import static java.util.Objects.requireNonNull;

import io.quarry.plan.Output;
import io.quarry.plan.PlanNode;
import io.quarry.spi.ColumnMetadata;
import io.quarry.spi.ConnectorMetadata;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.spi.QueryId;
import io.quarry.spi.SchemaTableName;
import io.quarry.spi.Session;
import io.quarry.spi.TableMetadata;
import io.quarry.type.Types;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.config.CalciteConnectionConfig;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.config.NullCollation;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.plan.Context;
import org.apache.calcite.plan.Contexts;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexExecutor;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.babel.SqlBabelParserImpl;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql2rel.SqlToRelConverter;
import org.apache.calcite.tools.RelBuilder;
import org.apache.calcite.util.CancelFlag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plans a SQL query of the Presto/Trino dialect into Quarry's plan: parse (Calcite's Babel parser),
 * resolve tables, validate, convert to relational algebra, optimise with rule phases, translate.
 * Thread-safe: every statement gets its own Calcite objects; the instance only holds the metadata.
 *
 * <p>Aggregations come out as {@code SINGLE} steps and without exchanges: distribution is a later pass.
 */
public final class SqlPlanner {
    private static final Logger LOG = LoggerFactory.getLogger(SqlPlanner.class);
    private static final Pattern GENERATED_NAME = Pattern.compile("EXPR\\$\\d+");
    private static final Pattern UNCORRELATABLE_JOIN = Pattern.compile("(?:Unknown join type|Correlate has invalid join type) (FULL|RIGHT)");
    private static final Pattern NOT_GROUPED_IN_SUBQUERY = Pattern.compile("Identifier '(.*)' is not a group expr");

    private static final SqlParser.Config PARSER_CONFIG = SqlParser.config()
            .withParserFactory(SqlBabelParserImpl.FACTORY)
            .withQuoting(Quoting.DOUBLE_QUOTE)
            .withUnquotedCasing(Casing.TO_LOWER)
            .withQuotedCasing(Casing.UNCHANGED)
            .withCaseSensitive(false)
            .withConformance(PrestoConformance.INSTANCE);

    private static final StatementParser PARSER = new StatementParser(PARSER_CONFIG);

    private static final SqlValidator.Config VALIDATOR_CONFIG = SqlValidator.Config.DEFAULT
            .withConformance(PrestoConformance.INSTANCE)
            .withIdentifierExpansion(true)
            .withDefaultNullCollation(NullCollation.LAST)
            .withTypeCoercionEnabled(true);

    private static final SqlToRelConverter.Config CONVERTER_CONFIG = SqlToRelConverter.config()
            .withExpand(false)
            .withTrimUnusedFields(true)
            .withInSubQueryThreshold(Integer.MAX_VALUE)
            // no simplification while converting: NanComparisons must see x = x before Calcite answers it
            .withRelBuilderConfigTransform(config -> config.withSimplify(false));

    private static final CalciteConnectionConfig CONNECTION_CONFIG = connectionConfig();

    /**
     * Leaves constant expressions as they are: Calcite's own folding compiles Java code (slow) and has
     * Java's semantics (silent overflow, its own errors), not Trino's; the executor evaluates them.
     */
    private static final RexExecutor NO_FOLDING = (rexBuilder, constExps, reducedValues) -> reducedValues.addAll(constExps);

    /** Recent statements' plans kept for reuse ({@link PlanCache}); TPC-H-like dashboards repeat a few hundred. */
    public static final int DEFAULT_PLAN_CACHE_SIZE = 512;

    private final MetadataProvider metadata;
    private final PlanCache cache;

    public SqlPlanner(MetadataProvider metadata) {
        this(metadata, DEFAULT_PLAN_CACHE_SIZE);
    }

    /** A planner keeping at most {@code planCacheSize} plans for reuse (0: plans every statement afresh). */
    public SqlPlanner(MetadataProvider metadata, int planCacheSize) {
        this.metadata = requireNonNull(metadata, "metadata is null");
        this.cache = new PlanCache(planCacheSize);
    }

    /**
     * Plans one query.
     *
     * @throws QuarryException with Trino's error code for every mistake in the statement, and
     *     {@code NOT_SUPPORTED} for what Quarry cannot run yet
     */
    public QueryPlan plan(String sql, Session session) {
        requireNonNull(sql, "sql is null");
        requireNonNull(session, "session is null");
        String inlined = InlineFunctions.expand(sql);
        if (!inlined.equals(sql)) {
            return plan(inlined, session);
        }
        String byPosition = CorrespondingSetOperations.rewriteFirst(sql, query -> plan(query, session).columnNames());
        if (!byPosition.equals(sql)) {
            return plan(byPosition, session);
        }
        String rowFields = RowStarItems.rewriteFirst(sql, query -> columnsOf(plan(query, session)));
        if (!rowFields.equals(sql)) {
            return plan(rowFields, session);
        }
        PlanCache.Key key = PlanCache.Key.of(sql, session);
        Optional<QueryPlan> cached = cache.get(key, metadata);
        if (cached.isPresent()) {
            return cached.get();
        }
        // taken before the catalogs are read: a catalog changed while planning makes the stored plan stale
        Set<String> catalogNames = cache.accepts(sql) ? Set.copyOf(metadata.catalogNames()) : Set.of();
        MatchRecognizeSyntax matchRecognize = MatchRecognizeSyntax.of(RowsPerMatchModes.strip(
                WindowPatternRecognition.rewrite(sql, query -> plan(query, session).columnNames())));
        WithTies withTies = WithTies.strip(FromlessSelect.rewrite(KeywordCalls.rewrite(ParenthesizedTables.blank(matchRecognize.sql()))));
        SqlText text = SqlText.of(GroupsFrames.blank(withTies.sql()));
        WindowChecks.checkNoFrameExclusion(sql);
        try {
            Planned planned = doPlan(text, session, withTies, matchRecognize);
            planned.catalogVersions().ifPresent(versions -> cache.put(key, planned.plan(), catalogNames, versions));
            return planned.plan();
        } catch (QuarryException e) {
            throw e;
        } catch (CalciteContextException e) {
            throw Errors.fromValidation(e, text);
        } catch (AssertionError e) {
            Matcher notGrouped = NOT_GROUPED_IN_SUBQUERY.matcher(String.valueOf(e.getMessage()));
            if (notGrouped.matches()) {
                // Calcite's converter meets an ungrouped column of the outer query inside a subquery only then
                throw new QuarryException(ErrorCode.EXPRESSION_NOT_AGGREGATE,
                        "Subquery uses '" + notGrouped.group(1) + "' which must appear in GROUP BY clause");
            }
            checkCorrelatableJoin(e);
            LOG.error("Planning failed for {}: {}", session.queryId(), sql, e);
            throw new QuarryException(ErrorCode.GENERIC_INTERNAL_ERROR, "Planning failed: " + e, e);
        } catch (StackOverflowError e) {
            throw new QuarryException(ErrorCode.STACK_OVERFLOW, "statement is too large (stack overflow during analysis)", e);
        } catch (RuntimeException e) {
            checkCorrelatableJoin(e);
            LOG.error("Planning failed for {}: {}", session.queryId(), sql, e);
            throw new QuarryException(ErrorCode.GENERIC_INTERNAL_ERROR, "Planning failed: " + e, e);
        }
    }

    /**
     * Calcite correlates only inner and left joins: a LATERAL that refers to the left side of a FULL or RIGHT join
     * fails building the Correlate (an assertion with assertions on, else an IllegalStateException).
     */
    private static void checkCorrelatableJoin(Throwable e) {
        Matcher outerLateral = UNCORRELATABLE_JOIN.matcher(String.valueOf(e.getMessage()));
        if (outerLateral.matches()) {
            throw new QuarryException(ErrorCode.INVALID_COLUMN_REFERENCE,
                    "LATERAL reference not allowed in " + outerLateral.group(1) + " JOIN");
        }
    }

    private static List<RowStarItems.RowColumn> columnsOf(QueryPlan plan) {
        List<RowStarItems.RowColumn> columns = new java.util.ArrayList<>();
        for (int i = 0; i < plan.columnNames().size(); i++) {
            columns.add(new RowStarItems.RowColumn(plan.columnNames().get(i), plan.columnTypes().get(i)));
        }
        return columns;
    }

    /** A plan, with the versions of the catalogs it read when it may be reused ({@link PlanCache}). */
    private record Planned(QueryPlan plan, Optional<List<PlanCache.CatalogVersion>> catalogVersions) {}

    private Planned doPlan(SqlText text, Session session, WithTies withTies, MatchRecognizeSyntax matchRecognize) {
        SqlNode parsed = AggregateOrderBy.rewrite(DistinctWindowOrder.rewrite(parse(text)));
        matchRecognize.apply(parsed, text);
        WindowChecks.checkFollowingStart(parsed, text);
        GroupsFrames.mark(parsed, withTies.sql());
        WindowChecks.checkCountedOffsetLiterals(parsed, text);
        NamedWindows.inline(parsed, text);
        ParsedStatementChecks.check(parsed, text);
        ParsedStatementChecks.checkNoParameters(parsed);
        TableFunctionCalls.rewrite(parsed, text);
        CountedMinMaxCalls.rewrite(parsed);
        CountWithoutArguments.rewrite(parsed);
        NullFilterConditions.rewrite(parsed);
        if (!parsed.isA(SqlKind.QUERY)) {
            throw new QuarryException(
                    ErrorCode.NOT_SUPPORTED, "Statement " + parsed.getKind().lowerName.replace('_', ' ') + " is not supported yet");
        }
        QualifiedColumnNames.rewrite(parsed, session, text);
        TableResolver resolver = new TableResolver(metadata, session, text);
        SchemaPlus root = resolver.resolve(parsed);
        JsonSql.registerType(root);
        IpAddressSql.registerType(root);
        ColorSql.registerType(root);
        DigestSql.registerTypes(root);
        IntervalCastTypes.registerTypes(root);
        JoinUsing.rewrite(parsed);
        RowFieldReferences.rewrite(parsed);
        DecimalLiterals.retype(parsed, text);
        Modulus.rewrite(parsed);
        ValuesOfRows.rewrite(parsed, text);
        ReduceAgg.rewrite(parsed);
        NullLambdaCollections.rewrite(parsed);
        OrderedWindowAggregates.rewrite(parsed);
        UnorderedRangeFrames.rewrite(parsed);

        JavaTypeFactoryImpl typeFactory = new UnicodeTypeFactory();
        CalciteCatalogReader catalogReader =
                new CalciteCatalogReader(CalciteSchema.from(root), List.of(), typeFactory, CONNECTION_CONFIG);
        QuarryValidator validator = new QuarryValidator(catalogReader, typeFactory, VALIDATOR_CONFIG, text);
        SqlNode validated = validator.validate(parsed);
        List<String> names = columnNames(validated, validator);

        Context context = Contexts.of(new CancelFlag(new java.util.concurrent.atomic.AtomicBoolean()));
        HepPlanner clusterPlanner = new HepPlanner(HepProgram.builder().build(), context);
        clusterPlanner.setExecutor(NO_FOLDING);
        RexBuilder rexBuilder = new TemporalRexBuilder(typeFactory);
        RelOptCluster cluster = RelOptCluster.create(clusterPlanner, rexBuilder);
        SqlToRelConverter converter = new LambdaClosures.Converter(
                (rowType, queryString, schemaPath, viewPath) -> {
                    throw new QuarryException(ErrorCode.NOT_SUPPORTED, "Views are not supported yet");
                },
                validator,
                catalogReader,
                cluster,
                VariadicConvertlets.INSTANCE,
                CONVERTER_CONFIG);
        RelRoot relRoot;
        try {
            relRoot = converter.convertQuery(validated, false, true);
        } catch (IllegalArgumentException e) {
            throw DecimalValuesOverflow.translate(e, validated).orElseThrow(() -> e);
        }
        RelBuilder relBuilder = RelFactories.LOGICAL_BUILDER.create(cluster, catalogReader);
        RelNode rel = UnfoldableComparisons.rewrite(NanComparisons.rewrite(
            RecursiveQueries.unroll(relRoot.project(), relBuilder, SystemSessionProperties.maxRecursionDepth(session))));
        RelNode optimized = Optimizer.optimize(rel, validator, relBuilder, context, NO_FOLDING);
        if (LOG.isDebugEnabled()) {
            LOG.debug("Optimised plan of {}:\n{}", session.queryId(), Optimizer.explain(optimized));
        }

        SessionFunctions.Planned<PlanNode> translated = SessionFunctions.withSession(session, () ->
                new PlanTranslator(rexBuilder, SystemSessionProperties.joinDistributionType(session)).translateRoot(optimized));
        PlanNode planRoot = withTies.apply(translated.result());
        if (names.size() != planRoot.outputTypes().size()) {
            throw new IllegalStateException("plan has " + planRoot.outputTypes().size() + " columns for " + names);
        }
        Output output = new Output(planRoot, names);
        QueryPlan plan = new QueryPlan(output, names, output.outputTypes());
        return new Planned(plan, translated.readStartTime() ? Optional.empty() : resolver.catalogVersions());
    }

    /**
     * Parses, resolves and validates a query without planning it, for what validation alone tells (the types of
     * its parameters, where its columns come from); {@code ?} are Calcite's dynamic parameters.
     */
    Validated validate(String sql, Session session) {
        requireNonNull(sql, "sql is null");
        MatchRecognizeSyntax matchRecognize = MatchRecognizeSyntax.of(RowsPerMatchModes.strip(
                WindowPatternRecognition.rewrite(sql, query -> plan(query, session).columnNames())));
        String stripped = WithTies.strip(FromlessSelect.rewrite(KeywordCalls.rewrite(ParenthesizedTables.blank(matchRecognize.sql())))).sql();
        WindowChecks.checkNoFrameExclusion(sql);
        SqlText text = SqlText.of(GroupsFrames.blank(stripped));
        try {
            SqlNode parsed = AggregateOrderBy.rewrite(parse(text));
            matchRecognize.apply(parsed, text);
            WindowChecks.checkFollowingStart(parsed, text);
            GroupsFrames.mark(parsed, stripped);
            WindowChecks.checkCountedOffsetLiterals(parsed, text);
            NamedWindows.inline(parsed, text);
            ParsedStatementChecks.check(parsed, text);
            TableFunctionCalls.rewrite(parsed, text);
            CountedMinMaxCalls.rewrite(parsed);
            CountWithoutArguments.rewrite(parsed);
            NullFilterConditions.rewrite(parsed);
            if (!parsed.isA(SqlKind.QUERY)) {
                throw new QuarryException(ErrorCode.NOT_SUPPORTED, "Only queries can be described");
            }
            QualifiedColumnNames.rewrite(parsed, session, text);
            SchemaPlus root = new TableResolver(metadata, session, text).resolve(parsed);
            JsonSql.registerType(root);
            IpAddressSql.registerType(root);
            ColorSql.registerType(root);
            DigestSql.registerTypes(root);
        IntervalCastTypes.registerTypes(root);
            JoinUsing.rewrite(parsed);
            RowFieldReferences.rewrite(parsed);
            DecimalLiterals.retype(parsed, text);
            Modulus.rewrite(parsed);
            ValuesOfRows.rewrite(parsed, text);
            ReduceAgg.rewrite(parsed);
            NullLambdaCollections.rewrite(parsed);
            OrderedWindowAggregates.rewrite(parsed);
            UnorderedRangeFrames.rewrite(parsed);
            JavaTypeFactoryImpl typeFactory = new UnicodeTypeFactory();
            CalciteCatalogReader catalogReader =
                    new CalciteCatalogReader(CalciteSchema.from(root), List.of(), typeFactory, CONNECTION_CONFIG);
            QuarryValidator validator = new QuarryValidator(catalogReader, typeFactory, VALIDATOR_CONFIG, text);
            // which select items carry AS, read before the validator expands the list (and aliases every item)
            List<Boolean> aliased = new ArrayList<>();
            SqlNode query = parsed instanceof SqlOrderBy orderBy ? orderBy.query : parsed;
            if (query instanceof SqlSelect select) {
                select.getSelectList().forEach(item -> aliased.add(item.getKind() == SqlKind.AS));
            }
            return new Validated(validator.validate(parsed), validator, aliased);
        } catch (CalciteContextException e) {
            throw Errors.fromValidation(e, text);
        }
    }

    /** A validated query, its validator, and whether each item of its select list (as written) had an alias. */
    record Validated(SqlNode validated, SqlValidator validator, List<Boolean> aliasedItems) {}

    /** Parses a query's text (already made Calcite's by {@link SqlText}); Trino's syntax errors. */
    static SqlNode parse(SqlText text) {
        try {
            return PARSER.parse(text.rewritten());
        } catch (SqlParseException e) {
            throw Errors.fromParse(e, text);
        }
    }

    /**
     * Trino's column names: the alias, the column name, or {@code _colN} for other expressions, as the first select
     * of a set operation gives them.
     */
    private static List<String> columnNames(SqlNode validated, SqlValidator validator) {
        List<String> fieldNames = validator.getValidatedNodeType(validated).getFieldNames();
        SqlSelect select = QuarryValidator.firstSelect(validated);
        List<String> names = new ArrayList<>();
        if (select != null && select.getSelectList().size() == fieldNames.size()) {
            for (int i = 0; i < fieldNames.size(); i++) {
                SqlNode item = select.getSelectList().get(i);
                String shown = validator instanceof QuarryValidator quarry ? quarry.shownName(item) : null;
                if (shown != null) {
                    names.add(GENERATED_NAME.matcher(shown).matches() ? "_col" + i : shown);
                } else if (item.getKind() == SqlKind.AS) {
                    names.add(((SqlIdentifier) ((SqlBasicCall) item).operand(1)).getSimple());
                } else if (item instanceof SqlIdentifier identifier && !identifier.isStar()) {
                    // a star expanded over a sub-query's unnamed column names it as Calcite does
                    String name = identifier.names.get(identifier.names.size() - 1);
                    names.add(GENERATED_NAME.matcher(name).matches() ? "_col" + i : name);
                } else {
                    names.add("_col" + i);
                }
            }
            return names;
        }
        for (int i = 0; i < fieldNames.size(); i++) {
            String name = fieldNames.get(i);
            names.add(GENERATED_NAME.matcher(name).matches() ? "_col" + i : name);
        }
        return names;
    }

    private static CalciteConnectionConfig connectionConfig() {
        Properties properties = new Properties();
        properties.setProperty(CalciteConnectionProperty.CASE_SENSITIVE.camelName(), "false");
        properties.setProperty(CalciteConnectionProperty.UNQUOTED_CASING.camelName(), Casing.TO_LOWER.name());
        properties.setProperty(CalciteConnectionProperty.QUOTED_CASING.camelName(), Casing.UNCHANGED.name());
        return new FixedConnectionConfig(properties);
    }

    /**
     * The connection settings, with the ones every statement's catalog reader asks for answered without parsing
     * the properties again (a few per cent of planning a small query).
     */
    private static final class FixedConnectionConfig extends CalciteConnectionConfigImpl {
        private final boolean caseSensitive;
        private final Casing unquotedCasing;
        private final Casing quotedCasing;

        FixedConnectionConfig(Properties properties) {
            super(properties);
            this.caseSensitive = super.caseSensitive();
            this.unquotedCasing = super.unquotedCasing();
            this.quotedCasing = super.quotedCasing();
        }

        @Override
        public boolean caseSensitive() {
            return caseSensitive;
        }

        @Override
        public Casing unquotedCasing() {
            return unquotedCasing;
        }

        @Override
        public Casing quotedCasing() {
            return quotedCasing;
        }
    }

    /**
     * Pays the one-off cost of planning (class loading, Calcite's generated metadata handlers: about a
     * second and a half) so the first user query does not. Call once at node start-up.
     */
    public static void warmUp() {
        long start = System.nanoTime();
        SqlPlanner planner = new SqlPlanner(WarmUpMetadata.INSTANCE);
        Session session = new Session(QueryId.valueOf("20000101_000000_00000_warmu"), "quarry", Optional.empty(),
                Optional.of("warmup"), Optional.of("warmup"), ZoneOffset.UTC, "en", Map.of(), Map.of(), 0);
        planner.plan("SELECT 1", session);
        planner.plan("SELECT k, count(*), sum(v * (1 - v)) FROM t WHERE d <= DATE '2000-01-01' - INTERVAL '1' DAY"
                + " AND s LIKE 'a%' GROUP BY k ORDER BY k LIMIT 10", session);
        LOG.info("SQL planner warmed up in {} ms", (System.nanoTime() - start) / 1_000_000);
    }

    /** A one-table catalog for {@link #warmUp()}. */
    private static final class WarmUpMetadata implements MetadataProvider, ConnectorMetadata {
        static final WarmUpMetadata INSTANCE = new WarmUpMetadata();
        private static final TableMetadata TABLE = new TableMetadata(new SchemaTableName("warmup", "t"), List.of(
                new ColumnMetadata("k", Types.BIGINT),
                new ColumnMetadata("v", Types.DOUBLE),
                new ColumnMetadata("d", Types.DATE),
                new ColumnMetadata("s", Types.varchar(10))));

        @Override
        public Set<String> catalogNames() {
            return Set.of("warmup");
        }

        @Override
        public Optional<ConnectorMetadata> catalog(String name) {
            return name.equals("warmup") ? Optional.of(this) : Optional.empty();
        }

        @Override
        public List<String> listSchemas() {
            return List.of("warmup");
        }

        @Override
        public boolean schemaExists(String schema) {
            return schema.equals("warmup");
        }

        @Override
        public List<String> listTables(String schema) {
            return schemaExists(schema) ? List.of("t") : List.of();
        }

        @Override
        public Optional<TableMetadata> table(SchemaTableName name) {
            return name.equals(TABLE.name()) ? Optional.of(TABLE) : Optional.empty();
        }
    }
}
