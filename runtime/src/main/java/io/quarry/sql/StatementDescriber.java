package io.quarry.sql;

import static java.util.Objects.requireNonNull;

import io.quarry.spi.QuarryException;
import io.quarry.spi.Session;
import io.quarry.type.Type;
import io.quarry.type.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * What {@code DESCRIBE INPUT} and {@code DESCRIBE OUTPUT} show of a prepared query beyond its plan: the type
 * each parameter takes where validation can tell it ({@code orderkey = ?} is bigint, {@code LIMIT ?} bigint),
 * and for each output column the table column it is, when it is one, and whether the query aliased it.
 */
public final class StatementDescriber {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(StatementDescriber.class);

    /** Where an output column comes from: the table column it is (catalog, schema, table), and whether it is aliased. */
    public record ColumnOrigin(Optional<String> catalog, Optional<String> schema, Optional<String> table, boolean aliased) {
        public ColumnOrigin {
            requireNonNull(catalog, "catalog is null");
            requireNonNull(schema, "schema is null");
            requireNonNull(table, "table is null");
        }
    }

    private final SqlPlanner planner;

    public StatementDescriber(SqlPlanner planner) {
        this.planner = requireNonNull(planner, "planner is null");
    }

    /**
     * The type of each of the {@code parameterCount} parameters of a query, {@code unknown} where validation cannot
     * tell (as Trino, e.g. {@code SELECT ?}), all unknown when the query does not validate with parameters.
     */
    public List<Type> parameterTypes(String sql, Session session, int parameterCount) {
        List<Type> types = new ArrayList<>(Collections.nCopies(parameterCount, Types.UNKNOWN));
        if (parameterCount == 0) {
            return types;
        }
        SqlPlanner.Validated validated;
        try {
            validated = planner.validate(sql, session);
        } catch (RuntimeException e) {
            // e.g. Calcite's "Illegal use of dynamic parameter" (SELECT ?): Trino says unknown there too
            LOG.debug("Parameters of a prepared query left unknown: {}", e.getMessage());
            return types;
        }
        List<SqlDynamicParam> rowCounts = new ArrayList<>();
        collectRowCounts(validated.validated(), rowCounts);
        validated.validated().accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlDynamicParam param) {
                int index = param.getIndex();
                if (index < 0 || index >= types.size()) {
                    return null;
                }
                if (rowCounts.contains(param)) {
                    types.set(index, Types.BIGINT);
                    return null;
                }
                RelDataType type = validated.validator().getValidatedNodeTypeIfKnown(param);
                if (type != null && type.getSqlTypeName() != SqlTypeName.NULL && type.getSqlTypeName() != SqlTypeName.UNKNOWN) {
                    try {
                        types.set(index, TypeMapping.toQuarry(type));
                    } catch (QuarryException e) {
                        // a type Quarry cannot name stays unknown
                    }
                }
                return null;
            }
        });
        return types;
    }

    /** The origin of each output column of a query (its parameters bound already). */
    public List<ColumnOrigin> columnOrigins(String sql, Session session) {
        SqlPlanner.Validated validated = planner.validate(sql, session);
        List<List<String>> origins = validated.validator().getFieldOrigins(validated.validated());
        List<Boolean> aliasedItems = validated.aliasedItems();
        List<ColumnOrigin> columns = new ArrayList<>();
        for (int i = 0; i < origins.size(); i++) {
            List<String> origin = origins.get(i);
            boolean aliased = aliasedItems.size() == origins.size() && aliasedItems.get(i);
            if (origin == null || origin.size() < 4) {
                columns.add(new ColumnOrigin(Optional.empty(), Optional.empty(), Optional.empty(), aliased));
            } else {
                int n = origin.size();
                columns.add(new ColumnOrigin(
                        Optional.of(origin.get(n - 4)), Optional.of(origin.get(n - 3)), Optional.of(origin.get(n - 2)), aliased));
            }
        }
        return columns;
    }

    /** The parameters that are a LIMIT, FETCH or OFFSET: row counts, bigint in Trino. */
    private static void collectRowCounts(SqlNode node, List<SqlDynamicParam> rowCounts) {
        if (node == null) {
            return;
        }
        if (node instanceof SqlSelect select) {
            addIfParam(select.getFetch(), rowCounts);
            addIfParam(select.getOffset(), rowCounts);
        } else if (node instanceof SqlOrderBy orderBy) {
            addIfParam(orderBy.fetch, rowCounts);
            addIfParam(orderBy.offset, rowCounts);
        }
        if (node instanceof SqlCall call) {
            for (SqlNode operand : call.getOperandList()) {
                collectRowCounts(operand, rowCounts);
            }
        } else if (node instanceof org.apache.calcite.sql.SqlNodeList list) {
            for (SqlNode item : list) {
                collectRowCounts(item, rowCounts);
            }
        }
    }

    private static void addIfParam(SqlNode node, List<SqlDynamicParam> rowCounts) {
        if (node instanceof SqlDynamicParam param) {
            rowCounts.add(param);
        }
    }
}
