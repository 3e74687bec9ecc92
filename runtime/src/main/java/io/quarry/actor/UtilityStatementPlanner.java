package io.quarry.actor;

import static java.util.Objects.requireNonNull;

import io.quarry.client.ResultColumn;
import io.quarry.client.SessionUpdates;
import io.quarry.connector.CatalogManager;
import io.quarry.plan.DistributedPlanner;
import io.quarry.plan.Fragmenter;
import io.quarry.plan.Output;
import io.quarry.plan.PlanNode;
import io.quarry.plan.Values;
import io.quarry.plan.expression.Constant;
import io.quarry.plan.expression.Expression;
import io.quarry.spi.ColumnMetadata;
import io.quarry.spi.ConnectorMetadata;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.spi.SchemaTableName;
import io.quarry.spi.Session;
import io.quarry.spi.TableMetadata;
import io.quarry.spi.ViewDefinition;
import io.quarry.spi.TableStatistics;
import io.quarry.sql.Literal;
import io.quarry.sql.PropertyDescriptor;
import io.quarry.sql.QueryPlan;
import io.quarry.sql.TypeSql;
import io.quarry.sql.SqlPlanner;
import io.quarry.sql.StatementDescriber;
import io.quarry.sql.StatementParameters;
import io.quarry.sql.SystemSessionProperties;
import io.quarry.sql.UtilityStatement;
import io.quarry.sql.UtilityStatementParser;
import io.quarry.type.Type;
import io.quarry.type.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Plans the utility statements of {@link UtilityStatement}: metadata listings answered from the connectors'
 * metadata at planning time (as one VALUES fragment), and the statements that change the client's session,
 * which only produce {@link SessionUpdates} for the protocol's response headers. EXECUTE binds its
 * parameters and plans the prepared statement like any other.
 */
final class UtilityStatementPlanner {
    private static final String INFORMATION_SCHEMA = "information_schema";
    private static final Pattern PLAIN_IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");
    private static final Set<String> RESERVED_WORDS = Set.of(
            "alter", "and", "as", "between", "by", "case", "cast", "constraint", "create", "cross", "cube", "current_date",
            "current_time", "current_timestamp", "current_user", "deallocate", "delete", "describe", "distinct", "drop",
            "else", "end", "escape", "except", "execute", "exists", "extract", "false", "for", "from", "full", "group",
            "grouping", "having", "in", "inner", "insert", "intersect", "into", "is", "join", "left", "like", "localtime",
            "localtimestamp", "natural", "normalize", "not", "null", "on", "or", "order", "outer", "prepare", "recursive",
            "right", "rollup", "select", "table", "then", "true", "uescape", "union", "unnest", "using", "values", "when",
            "where", "with");
    private static final Set<String> QUERY_STARTS = Set.of("select", "with", "values", "table", "(");

    private final CatalogManager catalogs;
    private final SqlPlanner planner;
    private final StatementDescriber describer;

    UtilityStatementPlanner(CatalogManager catalogs, SqlPlanner planner) {
        this.catalogs = requireNonNull(catalogs, "catalogs is null");
        this.planner = requireNonNull(planner, "planner is null");
        this.describer = new StatementDescriber(planner);
    }

    /** The plan of the statement, or empty when it is not one of these; {@code statements} plans EXECUTE's statement. */
    Optional<PlannedQuery> plan(String sql, Session session, StatementContext context, StatementPlanner statements) {
        Optional<UtilityStatement> parsed = UtilityStatementParser.parse(sql);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        UtilityStatement statement = parsed.get();
        if (statement instanceof UtilityStatement.ShowCatalogs show) {
            return Optional.of(showCatalogs(show));
        }
        if (statement instanceof UtilityStatement.ShowSchemas show) {
            return Optional.of(showSchemas(show, session));
        }
        if (statement instanceof UtilityStatement.ShowColumns show) {
            return Optional.of(showColumns(show, session));
        }
        if (statement instanceof UtilityStatement.ShowCreateTable show) {
            return Optional.of(showCreateTable(show, session));
        }
        if (statement instanceof UtilityStatement.ShowCreateView show) {
            return Optional.of(showCreateView(show, session));
        }
        if (statement instanceof UtilityStatement.ShowSession show) {
            return Optional.of(showSession(show, session));
        }
        if (statement instanceof UtilityStatement.ShowStats show) {
            return Optional.of(showStats(show, session));
        }
        if (statement instanceof UtilityStatement.Use use) {
            return Optional.of(use(use, session));
        }
        if (statement instanceof UtilityStatement.SetSession set) {
            return Optional.of(setSession(set));
        }
        if (statement instanceof UtilityStatement.ResetSession reset) {
            return Optional.of(resetSession(reset));
        }
        if (statement instanceof UtilityStatement.SetTimeZone set) {
            return Optional.of(setTimeZone(set));
        }
        if (statement instanceof UtilityStatement.StartTransaction) {
            return Optional.of(startTransaction(context));
        }
        if (statement instanceof UtilityStatement.Commit || statement instanceof UtilityStatement.Rollback) {
            return Optional.of(endTransaction(statement instanceof UtilityStatement.Commit ? "COMMIT" : "ROLLBACK", context));
        }
        if (statement instanceof UtilityStatement.Prepare prepare) {
            return Optional.of(prepare(prepare));
        }
        if (statement instanceof UtilityStatement.Execute execute) {
            String bound = StatementParameters.bind(preparedStatement(execute.name(), context), execute.parameters());
            return Optional.of(statements.plan(bound, session, context));
        }
        if (statement instanceof UtilityStatement.ExecuteImmediate execute) {
            checkExecutable(execute.statement());
            String bound = StatementParameters.bind(execute.statement(), execute.parameters());
            return Optional.of(statements.plan(bound, session, context));
        }
        if (statement instanceof UtilityStatement.Explain explain) {
            return Optional.of(explain(explain, session));
        }
        if (statement instanceof UtilityStatement.ExplainAnalyze analyze) {
            return Optional.of(explainAnalyze(analyze, session));
        }
        if (statement instanceof UtilityStatement.Deallocate deallocate) {
            preparedStatement(deallocate.name(), context);
            return Optional.of(done("DEALLOCATE", new SessionUpdates(Optional.empty(), Optional.empty(), Map.of(), Set.of(),
                    Map.of(), Set.of(deallocate.name()), Optional.empty(), false)));
        }
        if (statement instanceof UtilityStatement.DescribeInput describe) {
            return Optional.of(describeInput(preparedStatement(describe.name(), context), session));
        }
        return Optional.of(describeOutput(
                preparedStatement(((UtilityStatement.DescribeOutput) statement).name(), context), session));
    }

    // ---- metadata ----

    private PlannedQuery showCatalogs(UtilityStatement.ShowCatalogs statement) {
        List<List<Object>> rows = new ArrayList<>();
        int longest = 1;
        for (String catalog : new TreeSet<>(catalogs.catalogNames())) {
            longest = Math.max(longest, catalog.codePointCount(0, catalog.length()));
            if (matches(statement.like(), catalog)) {
                rows.add(List.of(catalog));
            }
        }
        // typed as Trino types it: a varchar as long as the longest name of all the catalogs, listed or not
        return table(List.of("Catalog"), List.of(Types.varchar(longest)), rows);
    }

    private PlannedQuery showSchemas(UtilityStatement.ShowSchemas statement, Session session) {
        String catalog = statement.catalog().orElseGet(() -> sessionCatalog(session));
        ConnectorMetadata metadata = catalogs.require(catalog).metadata();
        // Every catalog has an information_schema, as in Trino.
        Set<String> schemas = new TreeSet<>(metadata.listSchemas());
        schemas.add(INFORMATION_SCHEMA);
        List<List<Object>> rows = new ArrayList<>();
        for (String schema : schemas) {
            if (matches(statement.like(), schema)) {
                rows.add(List.of(schema));
            }
        }
        return table(List.of("Schema"), List.of(Types.VARCHAR), rows);
    }

    private PlannedQuery showColumns(UtilityStatement.ShowColumns statement, Session session) {
        TableMetadata table = requireTable(statement.table(), session);
        List<List<Object>> rows = new ArrayList<>();
        for (ColumnMetadata column : table.visibleColumns()) {
            if (matches(statement.like(), column.name())) {
                rows.add(List.of(column.name(), column.type().displayName(), "", column.comment().orElse("")));
            }
        }
        return table(List.of("Column", "Type", "Extra", "Comment"), Collections.nCopies(4, Types.VARCHAR), rows);
    }

    private PlannedQuery showCreateTable(UtilityStatement.ShowCreateTable statement, Session session) {
        QualifiedTable name = qualified(statement.table(), session);
        if (catalogs.require(name.catalog()).metadata().view(name.table()).isPresent()) {
            throw new QuarryException(ErrorCode.NOT_SUPPORTED,
                    "Relation '" + name.catalog() + "." + name.table() + "' is a view, not a table");
        }
        TableMetadata table = requireTable(statement.table(), session);
        ConnectorMetadata metadata = catalogs.require(name.catalog()).metadata();
        List<String> columns = new ArrayList<>();
        for (ColumnMetadata column : table.visibleColumns()) {
            boolean notNull = !column.nullable() || !metadata.isNullable(name.table(), column.name());
            columns.add("   " + quoteIfNeeded(column.name()) + " " + TypeSql.format(column.type()) + (notNull ? " NOT NULL" : "")
                    + column.comment().map(comment -> " COMMENT " + quoteString(comment)).orElse(""));
        }
        String text = "CREATE TABLE " + quoteIfNeeded(name.catalog()) + "." + quoteIfNeeded(name.table().schema()) + "."
                + quoteIfNeeded(name.table().table()) + " (\n" + String.join(",\n", columns) + "\n)"
                + table.comment().map(comment -> "\nCOMMENT " + quoteString(comment)).orElse("");
        // typed as Trino types it: a varchar as long as the text
        Type type = Types.varchar(Math.max(1, text.codePointCount(0, text.length())));
        return table(List.of("Create Table"), List.of(type), List.of(List.of(text)));
    }

    private static String quoteString(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** Trino's form: {@code CREATE VIEW catalog.schema.name SECURITY DEFINER AS} and the stored query on the next line. */
    private PlannedQuery showCreateView(UtilityStatement.ShowCreateView statement, Session session) {
        QualifiedTable name = qualified(statement.view(), session);
        ConnectorMetadata metadata = catalogs.require(name.catalog()).metadata();
        String qualifiedName = name.catalog() + "." + name.table();
        ViewDefinition view = metadata.view(name.table()).orElseThrow(() -> metadata.table(name.table()).isPresent()
                ? new QuarryException(ErrorCode.NOT_SUPPORTED, "Relation '" + qualifiedName + "' is a table, not a view")
                : new QuarryException(ErrorCode.TABLE_NOT_FOUND, "View '" + qualifiedName + "' does not exist"));
        String text = "CREATE VIEW " + quoteIfNeeded(name.catalog()) + "." + quoteIfNeeded(name.table().schema()) + "."
                + quoteIfNeeded(name.table().table()) + view.comment().map(comment -> " COMMENT " + quoteString(comment)).orElse("")
                + (view.invoker() ? " SECURITY INVOKER" : " SECURITY DEFINER") + " AS\n" + view.sql();
        // typed as Trino types it: a varchar as long as the text
        Type type = Types.varchar(Math.max(1, text.codePointCount(0, text.length())));
        return table(List.of("Create View"), List.of(type), List.of(List.of(text)));
    }

    private static PlannedQuery showSession(UtilityStatement.ShowSession statement, Session session) {
        List<List<Object>> rows = new ArrayList<>();
        for (PropertyDescriptor property : SystemSessionProperties.all()) {
            if (property.hidden() || !matches(statement.like(), property.name())) {
                continue;
            }
            String value = session.systemProperty(property.name())
                    .map(set -> SystemSessionProperties.validate(property.name(), set))
                    .orElse(property.defaultValue());
            rows.add(List.of(property.name(), value, property.defaultValue(), property.type(), property.description()));
        }
        return table(List.of("Name", "Value", "Default", "Type", "Description"), Collections.nCopies(5, Types.VARCHAR), rows);
    }

    private PlannedQuery showStats(UtilityStatement.ShowStats statement, Session session) {
        QualifiedTable name = qualified(statement.table(), session);
        TableMetadata table = requireTable(statement.table(), session);
        TableStatistics statistics = catalogs.require(name.catalog()).metadata().reportedStatistics(name.table());
        List<List<Object>> rows = new ArrayList<>();
        for (ColumnMetadata column : table.visibleColumns()) {
            OptionalDouble distinct = statistics.distinctValues(column.name());
            rows.add(java.util.Arrays.asList(
                    column.name(), null, distinct.isPresent() ? distinct.getAsDouble() : null, null, null, null, null));
        }
        Double rowCount = Double.isNaN(statistics.rowCount()) ? null : statistics.rowCount();
        rows.add(java.util.Arrays.asList(null, null, null, null, rowCount, null, null));
        return table(
                List.of("column_name", "data_size", "distinct_values_count", "nulls_fraction", "row_count", "low_value", "high_value"),
                List.of(Types.VARCHAR, Types.DOUBLE, Types.DOUBLE, Types.DOUBLE, Types.DOUBLE, Types.VARCHAR, Types.VARCHAR),
                rows);
    }

    // ---- session ----

    private PlannedQuery use(UtilityStatement.Use statement, Session session) {
        String catalog = statement.catalog().orElseGet(() -> sessionCatalog(session));
        ConnectorMetadata metadata = catalogs.require(catalog).metadata();
        if (!statement.schema().equals(INFORMATION_SCHEMA) && !metadata.schemaExists(statement.schema())) {
            throw new QuarryException(ErrorCode.SCHEMA_NOT_FOUND, "Schema does not exist: " + catalog + "." + statement.schema());
        }
        return done("USE", new SessionUpdates(Optional.of(catalog), Optional.of(statement.schema()), Map.of(), Set.of(),
                Map.of(), Set.of(), Optional.empty(), false));
    }

    private PlannedQuery setSession(UtilityStatement.SetSession statement) {
        String name = propertyName(statement.name());
        PropertyDescriptor property = SystemSessionProperties.descriptor(name).orElseThrow();
        Literal value = statement.value();
        if (value.value().isEmpty()) {
            throw new QuarryException(ErrorCode.INVALID_SESSION_PROPERTY, "Session property '" + name + "' must not be null");
        }
        boolean typeFits = switch (property.type()) {
            case "varchar" -> value.type().startsWith("varchar") || value.type().startsWith("char");
            case "integer", "bigint" -> value.type().equals("integer") || value.type().equals("bigint")
                    || value.type().equals("smallint") || value.type().equals("tinyint");
            case "double" -> !value.type().equals("boolean") && !value.type().startsWith("varchar");
            default -> value.type().equals(property.type());
        };
        if (!typeFits) {
            throw new QuarryException(ErrorCode.INVALID_SESSION_PROPERTY, "Session property '" + name + "' is of type "
                    + property.type() + ", not " + value.type() + " (value " + value.toSql() + ")");
        }
        String normalized = SystemSessionProperties.validate(name, value.value().get());
        return done("SET SESSION", new SessionUpdates(Optional.empty(), Optional.empty(), Map.of(name, normalized), Set.of(),
                Map.of(), Set.of(), Optional.empty(), false));
    }

    private PlannedQuery resetSession(UtilityStatement.ResetSession statement) {
        String name = propertyName(statement.name());
        return done("RESET SESSION", new SessionUpdates(Optional.empty(), Optional.empty(), Map.of(), Set.of(name),
                Map.of(), Set.of(), Optional.empty(), false));
    }

    /**
     * SET TIME ZONE: the session property {@code time_zone_id} the client keeps and sends back (its zone then
     * replaces the client's Time-Zone header), cleared by SET TIME ZONE LOCAL; an unknown zone is NOT_SUPPORTED.
     */
    private PlannedQuery setTimeZone(UtilityStatement.SetTimeZone statement) {
        if (statement.zone().isEmpty()) {
            return done("SET TIME ZONE", new SessionUpdates(Optional.empty(), Optional.empty(), Map.of(),
                    Set.of(SystemSessionProperties.TIME_ZONE_ID), Map.of(), Set.of(), Optional.empty(), false));
        }
        String zone;
        try {
            zone = SystemSessionProperties.zoneId(statement.zone().get()).getId();
        } catch (IllegalArgumentException e) {
            throw new QuarryException(ErrorCode.NOT_SUPPORTED, e.getMessage());
        }
        return done("SET TIME ZONE", new SessionUpdates(Optional.empty(), Optional.empty(),
                Map.of(SystemSessionProperties.TIME_ZONE_ID, zone), Set.of(), Map.of(), Set.of(), Optional.empty(), false));
    }

    /** A known system or catalog property's name. */
    private String propertyName(List<String> parts) {
        String name = String.join(".", parts);
        if (parts.size() > 2) {
            throw new QuarryException(ErrorCode.INVALID_SESSION_PROPERTY, "Invalid session property '" + name + "'");
        }
        if (parts.size() == 2) {
            CatalogSessionProperties.check(catalogs.catalogNames(), parts.get(0), parts.get(1));
            // no connector declares one yet (check refuses them all); setting one needs its type first
            throw new QuarryException(ErrorCode.NOT_SUPPORTED, "Catalog session property '" + name + "' cannot be set");
        }
        if (SystemSessionProperties.descriptor(name).isEmpty()) {
            throw new QuarryException(ErrorCode.INVALID_SESSION_PROPERTY, "Session property '" + name + "' does not exist");
        }
        return name;
    }

    // ---- transactions: Quarry commits every statement itself; a transaction only spans the client's statements ----

    private static PlannedQuery startTransaction(StatementContext context) {
        if (context.transactionId().isEmpty()) {
            throw new QuarryException(ErrorCode.INCOMPATIBLE_CLIENT, "Client does not support transactions");
        }
        if (context.inTransaction()) {
            throw new QuarryException(ErrorCode.NOT_SUPPORTED, "Nested transactions not supported");
        }
        return done("START TRANSACTION", new SessionUpdates(Optional.empty(), Optional.empty(), Map.of(), Set.of(), Map.of(),
                Set.of(), Optional.of(UUID.randomUUID().toString()), false));
    }

    private static PlannedQuery endTransaction(String statement, StatementContext context) {
        if (!context.inTransaction()) {
            throw new QuarryException(ErrorCode.NOT_IN_TRANSACTION, "No transaction in progress");
        }
        return done(statement, new SessionUpdates(Optional.empty(), Optional.empty(), Map.of(), Set.of(), Map.of(), Set.of(),
                Optional.empty(), true));
    }

    // ---- prepared statements ----

    private static PlannedQuery prepare(UtilityStatement.Prepare statement) {
        checkExecutable(statement.statement());
        return done("PREPARE", new SessionUpdates(Optional.empty(), Optional.empty(), Map.of(), Set.of(),
                Map.of(statement.name(), statement.statement()), Set.of(), Optional.empty(), false));
    }

    /** PREPARE and EXECUTE IMMEDIATE take any statement but the prepared-statement ones. */
    private static void checkExecutable(String sql) {
        Optional<UtilityStatement> inner = UtilityStatementParser.parse(sql);
        if (inner.isPresent() && (inner.get() instanceof UtilityStatement.Prepare
                || inner.get() instanceof UtilityStatement.Execute
                || inner.get() instanceof UtilityStatement.ExecuteImmediate
                || inner.get() instanceof UtilityStatement.Deallocate)) {
            throw new QuarryException(ErrorCode.NOT_SUPPORTED, "Invalid statement type for prepared statement: "
                    + inner.get().getClass().getSimpleName().toUpperCase(Locale.ROOT));
        }
    }

    private static String preparedStatement(String name, StatementContext context) {
        String sql = context.preparedStatements().get(name);
        if (sql == null) {
            for (Map.Entry<String, String> entry : context.preparedStatements().entrySet()) {
                if (entry.getKey().equalsIgnoreCase(name)) {
                    return entry.getValue();
                }
            }
            throw new QuarryException(ErrorCode.NOT_FOUND, "Prepared statement not found: " + name);
        }
        return sql;
    }

    private PlannedQuery describeInput(String sql, Session session) {
        int parameters = StatementParameters.count(sql);
        List<Type> types = Collections.nCopies(parameters, Types.UNKNOWN);
        if (isQuery(sql)) {
            types = describer.parameterTypes(sql, session, parameters);
        }
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < parameters; i++) {
            rows.add(List.of((long) i, types.get(i).displayName()));
        }
        return table(List.of("Position", "Type"), List.of(Types.BIGINT, Types.VARCHAR), rows);
    }

    private static boolean isQuery(String sql) {
        String first = sql.stripLeading().split("[\\s(]", 2)[0].toLowerCase(Locale.ROOT);
        return QUERY_STARTS.contains(first) || sql.stripLeading().startsWith("(");
    }

    private PlannedQuery describeOutput(String sql, Session session) {
        List<List<Object>> rows = new ArrayList<>();
        String first = sql.stripLeading().split("[\\s(]", 2)[0].toLowerCase(Locale.ROOT);
        // Only a query is planned to learn its columns: planning DDL would run it.
        if (QUERY_STARTS.contains(first) || sql.stripLeading().startsWith("(")) {
            // Each parameter stands as a value of its type (a NULL, or 0 for a bigint: LIMIT takes no NULL).
            List<Literal> values = new ArrayList<>();
            for (Type type : describer.parameterTypes(sql, session, StatementParameters.count(sql))) {
                values.add(type.equals(Types.BIGINT)
                        ? new Literal("integer", Optional.of("0"))
                        : new Literal(type.displayName(), Optional.empty()));
            }
            String bound = StatementParameters.bind(sql, values);
            QueryPlan plan = planner.plan(bound, session);
            List<StatementDescriber.ColumnOrigin> origins = describer.columnOrigins(bound, session);
            for (int i = 0; i < plan.columnNames().size(); i++) {
                Type type = plan.columnTypes().get(i);
                StatementDescriber.ColumnOrigin origin = i < origins.size()
                        ? origins.get(i)
                        : new StatementDescriber.ColumnOrigin(Optional.empty(), Optional.empty(), Optional.empty(), false);
                rows.add(List.of(plan.columnNames().get(i), origin.catalog().orElse(""), origin.schema().orElse(""),
                        origin.table().orElse(""), type.displayName(), typeSize(type), origin.aliased()));
            }
        }
        return table(
                List.of("Column Name", "Catalog", "Schema", "Table", "Type", "Type Size", "Aliased"),
                List.of(Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.BIGINT, Types.BOOLEAN),
                rows);
    }

    /** Bytes per value of a fixed-width type, 0 for variable width (as Trino's DESCRIBE OUTPUT). */
    private static long typeSize(Type type) {
        return switch (type.displayName()) {
            case "boolean", "tinyint" -> 1;
            case "smallint" -> 2;
            case "integer", "real", "date" -> 4;
            case "bigint", "double" -> 8;
            default -> 0;
        };
    }

    // ---- EXPLAIN ----

    private PlannedQuery explain(UtilityStatement.Explain statement, Session session) {
        if (statement.type() == UtilityStatement.ExplainType.IO) {
            return explainIo(statement.statement(), session);
        }
        // Only queries: the other statements act while they are planned.
        if (UtilityStatementParser.parse(statement.statement()).isPresent()
                || io.quarry.sql.WriteStatementParser.parse(statement.statement()).isPresent()) {
            throw new QuarryException(ErrorCode.NOT_SUPPORTED, "EXPLAIN is only supported for queries");
        }
        QueryPlan plan = planner.plan(statement.statement(), session);
        return switch (statement.type()) {
            case VALIDATE -> table(List.of("Valid"), List.of(Types.BOOLEAN), List.of(List.of(true)));
            case LOGICAL -> table(List.of("Query Plan"), List.of(Types.VARCHAR), List.of(List.of(PlanText.logical(plan.root()))));
            case DISTRIBUTED -> table(List.of("Query Plan"), List.of(Types.VARCHAR), List.of(List.of(
                    PlanText.distributed(Fragmenter.fragment(DistributedPlanner.addExchanges(plan.root()))))));
            case IO -> throw new IllegalStateException("EXPLAIN (TYPE IO) is planned by explainIo");
        };
    }

    /** EXPLAIN (TYPE IO): the tables a query reads, and for INSERT and CREATE TABLE AS the table it fills. */
    private PlannedQuery explainIo(String sql, Session session) {
        Optional<io.quarry.sql.WriteStatement> write = io.quarry.sql.WriteStatementParser.parse(sql);
        String query = sql;
        Optional<List<String>> output = Optional.empty();
        if (write.isPresent() && write.get() instanceof io.quarry.sql.WriteStatement.Insert insert) {
            query = insert.query();
            output = Optional.of(qualifiedName(insert.name(), session));
        } else if (write.isPresent() && write.get() instanceof io.quarry.sql.WriteStatement.CreateTableAsSelect create) {
            query = create.query();
            output = Optional.of(qualifiedName(create.name(), session));
        } else if (write.isPresent() || UtilityStatementParser.parse(sql).isPresent()) {
            throw new QuarryException(ErrorCode.NOT_SUPPORTED, "EXPLAIN (TYPE IO) is only supported for queries, INSERT and CREATE TABLE AS");
        }
        QueryPlan plan = planner.plan(query, session);
        return table(List.of("Query Plan"), List.of(Types.VARCHAR), List.of(List.of(IoPlanJson.render(plan.root(), output, catalogs))));
    }

    private static List<String> qualifiedName(List<String> parts, Session session) {
        String table = parts.get(parts.size() - 1);
        String schema = parts.size() >= 2 ? parts.get(parts.size() - 2) : sessionSchema(session);
        String catalog = parts.size() == 3 ? parts.get(0) : sessionCatalog(session);
        return List.of(catalog, schema, table);
    }

    /**
     * EXPLAIN ANALYZE: the query is planned and run as any other; {@link ExplainAnalyze} drops its rows and answers
     * with the plan and the figures of the run. Statements that write or act while planned are refused.
     */
    private PlannedQuery explainAnalyze(UtilityStatement.ExplainAnalyze statement, Session session) {
        String sql = statement.statement();
        Optional<io.quarry.sql.WriteStatement> write = io.quarry.sql.WriteStatementParser.parse(sql);
        if (write.isPresent() && (write.get() instanceof io.quarry.sql.WriteStatement.Insert
                || write.get() instanceof io.quarry.sql.WriteStatement.CreateTableAsSelect)) {
            throw new QuarryException(ErrorCode.NOT_SUPPORTED,
                    "EXPLAIN ANALYZE is not supported for statements that write data (INSERT, CREATE TABLE AS): " + firstWords(sql));
        }
        if (write.isPresent() || UtilityStatementParser.parse(sql).isPresent()) {
            throw new QuarryException(ErrorCode.NOT_SUPPORTED,
                    "EXPLAIN ANALYZE is only supported for queries, not for " + firstWords(sql));
        }
        QueryPlan plan = planner.plan(sql, session);
        List<io.quarry.plan.PlanFragment> fragments = Fragmenter.fragment(DistributedPlanner.addExchanges(plan.root()));
        return new PlannedQuery(List.of(new ResultColumn("Query Plan", Types.VARCHAR)), fragments, Optional.empty(),
                Optional.empty(), SessionUpdates.NONE, Optional.of(new ExplainAnalyze(fragments, statement.verbose())));
    }

    /** The statement's first two words, upper case, to name its kind in an error. */
    private static String firstWords(String sql) {
        String[] words = sql.strip().split("\\s+", 3);
        String kind = words.length >= 2 ? words[0] + " " + words[1] : words[0];
        return kind.toUpperCase(Locale.ROOT);
    }

    // ---- helpers ----

    private record QualifiedTable(String catalog, SchemaTableName table) {}

    private QualifiedTable qualified(List<String> parts, Session session) {
        String table = parts.get(parts.size() - 1);
        String schema = parts.size() >= 2 ? parts.get(parts.size() - 2) : sessionSchema(session);
        String catalog = parts.size() == 3 ? parts.get(0) : sessionCatalog(session);
        return new QualifiedTable(catalog, new SchemaTableName(schema, table));
    }

    private TableMetadata requireTable(List<String> parts, Session session) {
        QualifiedTable name = qualified(parts, session);
        ConnectorMetadata metadata = catalogs.require(name.catalog()).metadata();
        if (!metadata.schemaExists(name.table().schema())) {
            throw new QuarryException(ErrorCode.SCHEMA_NOT_FOUND,
                    "Schema '" + name.table().schema() + "' does not exist");
        }
        Optional<TableMetadata> table = metadata.table(name.table())
                .or(() -> metadata.view(name.table()).map(view -> new TableMetadata(name.table(), view.columns())));
        return table.orElseThrow(() -> new QuarryException(ErrorCode.TABLE_NOT_FOUND,
                "Table '" + name.catalog() + "." + name.table() + "' does not exist"));
    }

    private static String sessionCatalog(Session session) {
        return session.catalog().orElseThrow(() -> new QuarryException(
                ErrorCode.MISSING_CATALOG_NAME, "Catalog must be specified when session catalog is not set"));
    }

    private static String sessionSchema(Session session) {
        return session.schema().orElseThrow(() -> new QuarryException(
                ErrorCode.MISSING_SCHEMA_NAME, "Schema must be specified when session schema is not set"));
    }

    private static String quoteIfNeeded(String identifier) {
        if (PLAIN_IDENTIFIER.matcher(identifier).matches() && !RESERVED_WORDS.contains(identifier)) {
            return identifier;
        }
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static boolean matches(Optional<UtilityStatement.LikeFilter> like, String value) {
        return like.isEmpty() || likeToRegex(like.get()).matcher(value).matches();
    }

    /** A SQL LIKE pattern ({@code %}, {@code _}, an optional escape character) as a regular expression. */
    static Pattern likeToRegex(UtilityStatement.LikeFilter like) {
        StringBuilder regex = new StringBuilder();
        String pattern = like.pattern();
        Character escape = like.escape().map(text -> text.charAt(0)).orElse(null);
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (escape != null && c == escape) {
                if (i + 1 >= pattern.length() || "%_".indexOf(pattern.charAt(i + 1)) < 0 && pattern.charAt(i + 1) != escape) {
                    throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT,
                            "Escape character must be followed by '%', '_' or the escape character itself");
                }
                regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else if (c == '%') {
                regex.append(".*");
            } else if (c == '_') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    /** A result of constant rows (Java values as {@link Constant} takes them; null = SQL NULL). */
    private static PlannedQuery table(List<String> names, List<Type> types, List<List<Object>> rows) {
        List<List<Expression>> values = new ArrayList<>();
        for (List<Object> row : rows) {
            List<Expression> expressions = new ArrayList<>();
            for (int i = 0; i < types.size(); i++) {
                expressions.add(new Constant(row.get(i), types.get(i)));
            }
            values.add(expressions);
        }
        PlanNode root = new Output(new Values(types, values), names);
        List<ResultColumn> columns = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            columns.add(new ResultColumn(names.get(i), types.get(i)));
        }
        return new PlannedQuery(columns, Fragmenter.fragment(root));
    }

    private static PlannedQuery done(String updateType, SessionUpdates updates) {
        PlanNode root = new Output(
                new Values(List.of(Types.BOOLEAN), List.of(List.of(new Constant(true, Types.BOOLEAN)))), List.of("result"));
        return new PlannedQuery(List.of(new ResultColumn("result", Types.BOOLEAN)), Fragmenter.fragment(root),
                Optional.of(updateType), Optional.empty(), updates);
    }
}
