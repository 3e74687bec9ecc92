package io.quarry.sql;

import static java.util.Objects.requireNonNull;

import io.quarry.spi.ConnectorMetadata;
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
    private final SchemaPlus root = CalciteSchema.createRootSchema(false, false).plus();
    private final Map<String, CatalogTable> tables = new HashMap<>();
    /** The version of each catalog read, taken before reading it; null once a catalog without versions is read. */
    private Map<String, PlanCache.CatalogVersion> versions = new LinkedHashMap<>();

    TableResolver(MetadataProvider metadata, Session session, SqlText text) {
        this.metadata = requireNonNull(metadata, "metadata is null");
        this.session = requireNonNull(session, "session is null");
        this.text = requireNonNull(text, "text is null");
    }

    /**
     * The catalogs {@link #resolve} read, each with its metadata version from before it was read; empty when one
     * of them has no versions (then a plan of the statement must not be reused).
     */
    Optional<List<PlanCache.CatalogVersion>> catalogVersions() {
        return versions == null ? Optional.empty() : Optional.of(List.copyOf(versions.values()));
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
            visitFrom(select.getFrom(), withNames);
            for (SqlNode operand : select.getOperandList()) {
                if (operand != select.getFrom()) {
                    visit(operand, withNames);
                }
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

    private void visitFrom(SqlNode from, Set<String> withNames) {
        if (from == null) {
            return;
        }
        if (from instanceof SqlIdentifier identifier) {
            if (identifier.isSimple() && withNames.contains(identifier.getSimple().toLowerCase(Locale.ROOT))) {
                return;
            }
            resolveTable(identifier);
        } else if (from instanceof SqlJoin join) {
            visitFrom(join.getLeft(), withNames);
            visitFrom(join.getRight(), withNames);
            visit(join.getCondition(), withNames);
        } else if (from instanceof SqlBasicCall call
                && (call.getKind() == SqlKind.AS || call.getKind() == SqlKind.TABLESAMPLE)) {
            visitFrom(call.operand(0), withNames);
        } else {
            visit(from, withNames);
        }
    }

    private void resolveTable(SqlIdentifier identifier) {
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
    }

    private void recordVersion(String catalog, ConnectorMetadata connector) {
        if (versions == null || versions.containsKey(catalog)) {
            return;
        }
        OptionalLong version = connector.metadataVersion();
        if (version.isEmpty()) {
            versions = null;
        } else {
            versions.put(catalog, new PlanCache.CatalogVersion(catalog, connector, version.getAsLong()));
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
