package io.quarry.sql;

import static java.util.Objects.requireNonNull;

import io.quarry.spi.ColumnMetadata;
import io.quarry.spi.ConnectorMetadata;
import io.quarry.spi.QuarryException;
import io.quarry.spi.ViewDefinition;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.Session;
import io.quarry.spi.SchemaTableName;
import io.quarry.spi.TableMetadata;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.SqlWithItem;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Finds the tables a statement reads, resolves each name against the session and the catalogs the way
 * Trino does (with Trino's errors), rewrites it to its full {@code catalog.schema.table} name and builds a
 * Calcite schema holding just those tables. Runs before Calcite's validator, which then only sees names
 * that exist. Also rejects early the syntax Quarry cannot run yet and Calcite would trip over.
 */
final class TableResolver {
    private final MetadataProvider metadata;
    private final Session session;
    private final SqlText text;
    private final SchemaPlus root;
    private final Map<String, CatalogTable> tables;
    /** The views being expanded around this statement (outermost first), to refuse a view that reads itself. */
    private final List<String> expanding;
    /** The catalogs read, by the statement and the views it expands. */
    private final ReadVersions read;

    /** The version of each catalog read, taken before reading it; null once a catalog without versions is read. */
    private static final class ReadVersions {
        private Map<String, PlanCache.CatalogVersion> versions = new LinkedHashMap<>();
    }

    TableResolver(MetadataProvider metadata, Session session, SqlText text) {
        this(metadata, session, text, CalciteSchema.createRootSchema(false, false).plus(), new HashMap<>(), List.of(),
                new ReadVersions());
    }

    private TableResolver(
            MetadataProvider metadata, Session session, SqlText text, SchemaPlus root, Map<String, CatalogTable> tables,
            List<String> expanding, ReadVersions read) {
        this.metadata = requireNonNull(metadata, "metadata is null");
        this.session = requireNonNull(session, "session is null");
        this.text = requireNonNull(text, "text is null");
        this.root = requireNonNull(root, "root is null");
        this.tables = requireNonNull(tables, "tables is null");
        this.expanding = List.copyOf(expanding);
        this.read = read;
    }

    /**
     * The catalogs {@link #resolve} read, each with its metadata version from before it was read; empty when one
     * of them has no versions (then a plan of the statement must not be reused).
     */
    Optional<List<PlanCache.CatalogVersion>> catalogVersions() {
        return read.versions == null ? Optional.empty() : Optional.of(List.copyOf(read.versions.values()));
    }

    /** Resolves every table of {@code statement} and returns the root schema holding them. */
    SchemaPlus resolve(SqlNode statement) {
        visit(statement, Set.of());
        return root;
    }

    private void visit(SqlNode node, Set<String> withNames) {
        if (node == null) {
            return;
        }
        if (node instanceof SqlWith with) {
            Set<String> names = new HashSet<>(withNames);
            for (SqlNode item : with.withList) {
                SqlWithItem withItem = (SqlWithItem) item;
                names.add(withItem.name.getSimple().toLowerCase(Locale.ROOT));
                visit(withItem.query, Set.copyOf(names));
            }
            visit(with.body, Set.copyOf(names));
        } else if (node instanceof SqlSelect select) {
            SqlNode from = select.getFrom();
            SqlNode resolved = visitFrom(from, withNames);
            if (resolved != from) {
                select.setFrom(resolved);
            }
            for (SqlNode operand : select.getOperandList()) {
                if (operand != select.getFrom()) {
                    visit(operand, withNames);
                }
            }
        } else if (node instanceof SqlCall call && call.getKind() == SqlKind.EXPLICIT_TABLE
                && call.operand(0) instanceof SqlIdentifier identifier
                && !(identifier.isSimple() && withNames.contains(identifier.getSimple().toLowerCase(Locale.ROOT)))) {
            // TABLE name: the table is resolved as in FROM; a view cannot stand in the place of its name here
            if (resolveTable(identifier).isPresent()) {
                throw new QuarryException(ErrorCode.NOT_SUPPORTED, "TABLE of a view is not supported; use SELECT * FROM "
                        + String.join(".", identifier.names));
            }
        } else if (node instanceof SqlNodeList list) {
            for (SqlNode item : list) {
                visit(item, withNames);
            }
        } else if (node instanceof SqlCall call) {
            for (SqlNode operand : call.getOperandList()) {
                visit(operand, withNames);
            }
        }
    }

    /** Resolves the tables of a FROM item; returns the item, or what replaces it (a view's query under its name). */
    private SqlNode visitFrom(SqlNode from, Set<String> withNames) {
        if (from == null) {
            return null;
        }
        if (from instanceof SqlIdentifier identifier) {
            if (identifier.isSimple() && withNames.contains(identifier.getSimple().toLowerCase(Locale.ROOT))) {
                return from;
            }
            Optional<SqlNode> view = resolveTable(identifier);
            if (view.isEmpty()) {
                return from;
            }
            SqlParserPos pos = identifier.getParserPosition();
            String name = identifier.names.get(identifier.names.size() - 1);
            return SqlStdOperatorTable.AS.createCall(pos, view.get(), new SqlIdentifier(name, pos));
        } else if (from instanceof SqlJoin join) {
            SqlNode left = visitFrom(join.getLeft(), withNames);
            if (left != join.getLeft()) {
                join.setLeft(left);
            }
            SqlNode right = visitFrom(join.getRight(), withNames);
            if (right != join.getRight()) {
                join.setRight(right);
            }
            visit(join.getCondition(), withNames);
        } else if (from instanceof SqlBasicCall call && call.getKind() == SqlKind.AS) {
            SqlNode relation = call.operand(0);
            if (relation instanceof SqlIdentifier identifier
                    && !(identifier.isSimple() && withNames.contains(identifier.getSimple().toLowerCase(Locale.ROOT)))) {
                // an aliased view: its query takes the place of the name, under the alias
                resolveTable(identifier).ifPresent(view -> call.setOperand(0, view));
            } else {
                SqlNode resolved = visitFrom(relation, withNames);
                if (resolved != relation) {
                    call.setOperand(0, resolved);
                }
            }
        } else if (from instanceof SqlCall call && (call.getKind() == SqlKind.TABLESAMPLE || call.getKind() == SqlKind.MATCH_RECOGNIZE)) {
            SqlNode relation = call.operand(0);
            SqlNode resolved = visitFrom(relation, withNames);
            if (resolved != relation) {
                call.setOperand(0, resolved);
            }
        } else {
            visit(from, withNames);
        }
        return from;
    }

    /** Resolves a table name in place; a view's name is left as is and its query returned, resolved in turn. */
    private Optional<SqlNode> resolveTable(SqlIdentifier identifier) {
        List<String> names = identifier.names;
        SqlParserPos pos = identifier.getParserPosition();
        String catalogName;
        String schemaName;
        String tableName;
        if (names.size() == 1) {
            catalogName = sessionCatalog(pos);
            schemaName = session.schema()
                    .orElseThrow(() -> Errors.error(ErrorCode.MISSING_SCHEMA_NAME,
                            "Schema must be specified when session schema is not set", pos, text));
            tableName = names.get(0);
        } else if (names.size() == 2) {
            catalogName = sessionCatalog(pos);
            schemaName = names.get(0);
            tableName = names.get(1);
        } else if (names.size() == 3) {
            catalogName = names.get(0);
            schemaName = names.get(1);
            tableName = names.get(2);
        } else {
            throw Errors.error(ErrorCode.SYNTAX_ERROR, "Too many dots in table name: " + identifier, pos, text);
        }
        String catalog = match(metadata.catalogNames(), catalogName)
                .orElseThrow(() -> Errors.error(ErrorCode.CATALOG_NOT_FOUND,
                        "Catalog '" + catalogName + "' does not exist", pos, text));
        ConnectorMetadata connector = metadata.catalog(catalog)
                .orElseThrow(() -> Errors.error(ErrorCode.CATALOG_NOT_FOUND,
                        "Catalog '" + catalogName + "' does not exist", pos, text));
        recordVersion(catalog, connector);
        String schema = connector.schemaExists(schemaName)
                ? schemaName
                : match(connector.listSchemas(), schemaName)
                        .orElseThrow(() -> Errors.error(ErrorCode.SCHEMA_NOT_FOUND,
                                "Schema '" + schemaName + "' does not exist", pos, text));
        Optional<TableMetadata> table = connector.table(new SchemaTableName(schema, tableName));
        if (table.isEmpty()) {
            table = match(connector.listTables(schema), tableName)
                    .flatMap(name -> connector.table(new SchemaTableName(schema, name)));
        }
        if (table.isEmpty()) {
            Optional<String> viewName = connector.view(new SchemaTableName(schema, tableName)).isPresent()
                    ? Optional.of(tableName)
                    : match(connector.listViews(schema), tableName);
            Optional<ViewDefinition> view = viewName.flatMap(name -> connector.view(new SchemaTableName(schema, name)));
            if (view.isPresent()) {
                return Optional.of(expandView(catalog + "." + schema + "." + viewName.get(), view.get(), pos));
            }
        }
        TableMetadata tableMetadata = table.orElseThrow(() -> Errors.error(ErrorCode.TABLE_NOT_FOUND,
                "Table '" + catalog + "." + schema + "." + tableName + "' does not exist", pos, text));
        String resolvedTable = tableMetadata.name().table();
        String key = catalog + "." + schema + "." + resolvedTable;
        if (!tables.containsKey(key)) {
            CatalogTable calciteTable =
                    new CatalogTable(catalog, tableMetadata, connector.statistics(tableMetadata.name()));
            tables.put(key, calciteTable);
            schemaOf(catalog, schema).add(resolvedTable, calciteTable);
        }
        List<SqlParserPos> positions = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            positions.add(pos);
        }
        identifier.setNames(List.of(catalog, schema, resolvedTable), positions);
        return Optional.empty();
    }

    /**
     * A view's query, parsed from its stored text and resolved in the catalog and schema stored with it, as
     * {@code SELECT * FROM (query) AS name(columns)} so that its columns keep the names the view gave them.
     * A view that no longer plans (a table it reads was dropped) fails with INVALID_VIEW, as in Trino.
     */
    private SqlNode expandView(String qualifiedName, ViewDefinition view, SqlParserPos pos) {
        if (expanding.contains(qualifiedName)) {
            throw Errors.error(ErrorCode.VIEW_IS_RECURSIVE, "View is recursive: " + qualifiedName, pos, text);
        }
        List<String> nested = new ArrayList<>(expanding);
        nested.add(qualifiedName);
        Session viewSession = new Session(session.queryId(), session.user(), session.source(), view.catalog(), view.schema(),
                session.timeZone(), session.locale(), session.systemProperties(), session.catalogProperties(),
                session.startTimeMillis());
        MatchRecognizeSyntax matchRecognize = MatchRecognizeSyntax.of(RowsPerMatchModes.strip(WindowPatternRecognition.rewrite(view.sql(),
                query -> {
                    // the columns of a relation are known to the planner only, which a view's expansion has not
                    throw new QuarryException(ErrorCode.NOT_SUPPORTED,
                            "* beside row pattern recognition in a window of a view is not supported yet");
                })));
        SqlText viewText = SqlText.of(FromlessSelect.rewrite(KeywordCalls.rewrite(ParenthesizedTables.blank(matchRecognize.sql()))));
        SqlNode query;
        try {
            query = SqlPlanner.parse(viewText);
            matchRecognize.apply(query, viewText);
            new TableResolver(metadata, viewSession, viewText, root, tables, nested, read).resolve(query);
        } catch (QuarryException e) {
            if (e.errorCode() == ErrorCode.VIEW_IS_RECURSIVE) {
                throw e;
            }
            throw Errors.error(ErrorCode.INVALID_VIEW,
                    "Failed analyzing stored view '" + qualifiedName + "': " + e.getMessage(), pos, text);
        }
        String name = qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
        List<SqlNode> aliased = new ArrayList<>();
        aliased.add(query);
        aliased.add(new SqlIdentifier(name, pos));
        List<String> written = writtenColumnNames(query, viewText, view.columns().size());
        for (int i = 0; i < view.columns().size(); i++) {
            String stored = view.columns().get(i).name();
            // the view's query names its columns as written (SELECT 1 AS Foo shows Foo), its stored columns in lower case
            String shown = written.get(i) != null && written.get(i).equalsIgnoreCase(stored) ? written.get(i) : stored;
            aliased.add(new SqlIdentifier(shown, pos));
        }
        SqlNode from = SqlStdOperatorTable.AS.createCall(pos, aliased);
        return new SqlSelect(pos, null, SqlNodeList.of(SqlIdentifier.star(pos)), from,
                null, null, null, null, null, null, null, null, null);
    }

    /**
     * The names a view's query gives its columns as its text writes them (an alias, a column's name), null where
     * unknown before validation (an expression, or all of them when a star is among them).
     */
    private static List<String> writtenColumnNames(SqlNode query, SqlText viewText, int count) {
        List<String> names = new ArrayList<>(java.util.Collections.nCopies(count, (String) null));
        SqlSelect select = QuarryValidator.firstSelect(query);
        if (select == null || select.getSelectList().size() != count) {
            return names;
        }
        for (int i = 0; i < count; i++) {
            SqlNode item = select.getSelectList().get(i);
            SqlIdentifier name = item.getKind() == org.apache.calcite.sql.SqlKind.AS
                    && ((org.apache.calcite.sql.SqlCall) item).operand(1) instanceof SqlIdentifier alias ? alias
                    : item instanceof SqlIdentifier column && !column.isStar() ? column : null;
            if (item instanceof SqlIdentifier column && column.isStar()) {
                return new ArrayList<>(java.util.Collections.nCopies(count, (String) null));
            }
            if (name != null) {
                int part = name.names.size() - 1;
                SqlParserPos at = name.getComponentParserPosition(part);
                String simple = name.names.get(part);
                String text = viewText.quotedAt(at.getLineNum(), at.getColumnNum())
                        ? simple : viewText.originalText(at.getLineNum(), at.getColumnNum(), simple.length());
                names.set(i, text);
            }
        }
        return names;
    }

    private void recordVersion(String catalog, ConnectorMetadata connector) {
        if (read.versions == null || read.versions.containsKey(catalog)) {
            return;
        }
        OptionalLong version = connector.metadataVersion();
        if (version.isEmpty()) {
            read.versions = null;
        } else {
            read.versions.put(catalog, new PlanCache.CatalogVersion(catalog, connector, version.getAsLong()));
        }
    }

    private String sessionCatalog(SqlParserPos pos) {
        return session.catalog()
                .orElseThrow(() -> Errors.error(ErrorCode.MISSING_CATALOG_NAME,
                        "Catalog must be specified when session catalog is not set", pos, text));
    }

    private SchemaPlus schemaOf(String catalog, String schema) {
        SchemaPlus catalogSchema = root.getSubSchema(catalog);
        if (catalogSchema == null) {
            catalogSchema = root.add(catalog, new AbstractSchema());
        }
        SchemaPlus schemaSchema = catalogSchema.getSubSchema(schema);
        if (schemaSchema == null) {
            schemaSchema = catalogSchema.add(schema, new AbstractSchema());
        }
        return schemaSchema;
    }

    private static Optional<String> match(Iterable<String> candidates, String name) {
        String exact = null;
        String folded = null;
        for (String candidate : candidates) {
            if (candidate.equals(name)) {
                exact = candidate;
            } else if (candidate.equalsIgnoreCase(name)) {
                folded = candidate;
            }
        }
        return Optional.ofNullable(exact != null ? exact : folded);
    }
}
