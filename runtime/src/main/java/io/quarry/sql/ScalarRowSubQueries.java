package io.quarry.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlBinaryOperator;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.SqlPostfixOperator;
import org.apache.calcite.sql.SqlPrefixOperator;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlRowOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorScope;
import org.apache.calcite.util.Optionality;

/**
 * A scalar sub-query of several columns ({@code SELECT (SELECT regionkey, name FROM region WHERE regionkey = 1)}) is a
 * row in Trino, its fields named as the sub-query names its columns ({@code row(regionkey bigint, name varchar(25))}),
 * all NULL when it has no row. Calcite takes a scalar sub-query of one column only: the sub-query becomes {@code
 * (SELECT ROW(single_value(c0), …) FROM (sub-query) t(c0, …))}, whose aggregates give the NULLs of no row and fail
 * on a second row as Trino does. A star of the sub-query is spelled out first when it reads relations whose columns
 * are known before validation (tables, sub-queries with a column list or named columns); another is left as it is.
 */
final class ScalarRowSubQueries {
    /**
     * The single value of a column over the sub-query's rows (NULL for none, a failure for a second one): Calcite's
     * SINGLE_VALUE by another name, which a statement cannot call.
     */
    static final SqlAggFunction FIELD_VALUE = new SqlAggFunction("$FIELD_VALUE", null, SqlKind.SINGLE_VALUE,
            ReturnTypes.ARG0_FORCE_NULLABLE, null, OperandTypes.ANY, SqlFunctionCategory.SYSTEM, false, false,
            Optionality.FORBIDDEN) {};

    private ScalarRowSubQueries() {}

    /**
     * Rewrites the scalar sub-queries of several columns among a call's operands (a select's items, an operator's
     * arguments); {@code writtenName} gives a column's name as written, or null.
     */
    static void rewrite(SqlCall call, Function<SqlIdentifier, String> writtenName,
            Function<SqlIdentifier, List<String>> tableColumns) {
        if (call instanceof SqlSelect select) {
            SqlNodeList items = select.getSelectList();
            for (int i = 0; items != null && i < items.size(); i++) {
                SqlNode item = items.get(i);
                if (item.getKind() == SqlKind.AS) {
                    rewrite((SqlCall) item, writtenName, tableColumns, 0);
                } else {
                    SqlNode rewritten = rowQuery(item, writtenName, tableColumns);
                    if (rewritten != null) {
                        items.set(i, rewritten);
                    }
                }
            }
            return;
        }
        if (!isExpression(call)) {
            return;
        }
        for (int i = 0; i < call.operandCount(); i++) {
            if (call.getOperator().argumentMustBeScalar(i)) {
                rewrite(call, writtenName, tableColumns, i);
            }
        }
    }

    private static void rewrite(SqlCall call, Function<SqlIdentifier, String> writtenName,
            Function<SqlIdentifier, List<String>> tableColumns, int operand) {
        SqlNode rewritten = call.operand(operand) == null ? null : rowQuery(call.operand(operand), writtenName, tableColumns);
        if (rewritten != null) {
            call.setOperand(operand, rewritten);
        }
    }

    /** Operators of expressions, whose query operands are scalar sub-queries (not FROM's, a set operation's, …). */
    private static boolean isExpression(SqlCall call) {
        if (call.getKind().belongsTo(SqlKind.QUERY)) {
            return false;
        }
        return call.getOperator() instanceof SqlBinaryOperator || call.getOperator() instanceof SqlFunction
                || call.getOperator() instanceof SqlPrefixOperator || call.getOperator() instanceof SqlPostfixOperator
                || call.getKind() == SqlKind.CASE || call.getKind() == SqlKind.DOT || call.getKind() == SqlKind.ROW
                || call.getKind() == SqlKind.ITEM                || call.getKind() == SqlKind.ARRAY_VALUE_CONSTRUCTOR;
    }

    private static SqlNode rowQuery(SqlNode node, Function<SqlIdentifier, String> writtenName,
            Function<SqlIdentifier, List<String>> tableColumns) {
        if (!node.getKind().belongsTo(SqlKind.QUERY)) {
            return null;
        }
        List<String> names = node.getKind() == SqlKind.VALUES ? valuesFieldNames((SqlCall) node) : selectFieldNames(node,
                writtenName, tableColumns);
        if (names == null) {
            return null;
        }
        SqlParserPos pos = node.getParserPosition();
        List<SqlNode> aliasOperands = new ArrayList<>();
        aliasOperands.add(node);
        aliasOperands.add(new SqlIdentifier("$row", pos));
        List<SqlNode> columns = new ArrayList<>();
        List<SqlNode> fields = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String column = "$field" + i;
            aliasOperands.add(new SqlIdentifier(column, pos));
            columns.add(new SqlIdentifier(List.of("$row", column), pos));
            fields.add(FIELD_VALUE.createCall(pos, new SqlIdentifier(List.of("$row", column), pos)));
        }
        SqlNode from = SqlStdOperatorTable.AS.createCall(pos, aliasOperands);
        NamedRowOperator rowOperator = new NamedRowOperator(names);
        // Trino's row of a correlated sub-query is NULL for no row, not a row of NULLs
        SqlNode row = isCorrelated(node)
                ? FIELD_VALUE.createCall(pos, rowOperator.createCall(pos, columns))
                : rowOperator.createCall(pos, fields);
        return new SqlSelect(pos, null, new SqlNodeList(List.of(row), pos), from, null, null, null, null, null, null,
                null, null);
    }

    /** The names of the row's fields, its select's items spelled out; null unless it has several columns. */
    private static List<String> selectFieldNames(SqlNode node, Function<SqlIdentifier, String> writtenName,
            Function<SqlIdentifier, List<String>> tableColumns) {
        SqlSelect first = QuarryValidator.firstSelect(node);
        if (first == null || first.getSelectList() == null) {
            return null;
        }
        SqlNodeList spelled = spelledOut(first, tableColumns);
        if (spelled == null || spelled.size() < 2) {
            return null;
        }
        first.setSelectList(spelled);
        List<String> names = new ArrayList<>();
        for (SqlNode item : first.getSelectList()) {
            if (item instanceof SqlIdentifier identifier && identifier.isStar()
                    || item instanceof org.apache.calcite.sql.SqlStarExclude) {
                return null;
            }
            names.add(fieldName(item, writtenName));
        }
        return names;
    }

    /** {@code (VALUES (1, 2))}: a row of unnamed fields; null for rows of one value. */
    private static List<String> valuesFieldNames(SqlCall values) {
        if (values.operandCount() == 0 || !(values.operand(0) instanceof SqlCall row) || row.operandCount() < 2) {
            return null;
        }
        return java.util.Collections.nCopies(row.operandCount(), null);
    }

    /**
     * The select's items with each star spelled out as the columns of the relations it stands for; the items as they
     * are without a star, null when a star reads relations whose columns are not known before validation (a sub-query
     * without a column list that computes a column, a join USING columns).
     */
    private static SqlNodeList spelledOut(SqlSelect select, Function<SqlIdentifier, List<String>> tableColumns) {
        SqlNodeList items = select.getSelectList();
        if (items.stream().noneMatch(item -> item instanceof SqlIdentifier identifier && identifier.isStar())) {
            return items;
        }
        List<java.util.Map.Entry<String, List<String>>> relations = new ArrayList<>();
        if (!tablesOf(select.getFrom(), tableColumns, relations)) {
            return null;
        }
        List<SqlNode> spelled = new ArrayList<>();
        for (SqlNode item : items) {
            if (!(item instanceof SqlIdentifier star && star.isStar())) {
                spelled.add(item);
                continue;
            }
            if (star.names.size() > 2) {
                return null;
            }
            boolean found = false;
            for (java.util.Map.Entry<String, List<String>> relation : relations) {
                if (star.names.size() == 1 || relation.getKey() != null && relation.getKey().equalsIgnoreCase(star.names.get(0))) {
                    found = true;
                    for (String column : relation.getValue()) {
                        // a sub-query without an alias: its columns by their names alone
                        spelled.add(new SqlIdentifier(relation.getKey() == null ? List.of(column) : List.of(relation.getKey(), column),
                                star.getParserPosition()));
                    }
                }
            }
            if (!found) {
                return null;
            }
        }
        return new SqlNodeList(spelled, items.getParserPosition());
    }

    /**
     * The relations of a FROM (by the names their columns are qualified with), in order: tables, and aliased
     * sub-queries whose columns are named; false for anything else.
     */
    private static boolean tablesOf(SqlNode from, Function<SqlIdentifier, List<String>> tableColumns,
            List<java.util.Map.Entry<String, List<String>>> relations) {
        if (from instanceof org.apache.calcite.sql.SqlJoin join) {
            return join.getConditionType() != org.apache.calcite.sql.JoinConditionType.USING && !join.isNatural()
                    && tablesOf(join.getLeft(), tableColumns, relations) && tablesOf(join.getRight(), tableColumns, relations);
        }
        List<String> columns = null;
        String name = null;
        if (from instanceof SqlSelect query) {
            columns = namedColumns(query);
        } else if (from instanceof SqlIdentifier identifier) {
            columns = tableColumns.apply(identifier);
            name = identifier.names.get(identifier.names.size() - 1);
        } else if (from != null && from.getKind() == SqlKind.AS) {
            SqlCall alias = (SqlCall) from;
            name = ((SqlIdentifier) alias.operand(1)).getSimple();
            if (alias.operandCount() > 2) {
                columns = new ArrayList<>();
                for (SqlNode column : alias.getOperandList().subList(2, alias.operandCount())) {
                    columns.add(((SqlIdentifier) column).getSimple());
                }
            } else if (alias.operand(0) instanceof SqlIdentifier identifier) {
                columns = tableColumns.apply(identifier);
            } else {
                columns = namedColumns(alias.operand(0));
            }
        }
        if (columns == null) {
            return false;
        }
        relations.add(new java.util.AbstractMap.SimpleImmutableEntry<>(name, columns));
        return true;
    }

    /** The columns of a sub-query in FROM as Calcite names them (an alias, a column, {@code EXPR$i}); null for a star. */
    private static List<String> namedColumns(SqlNode query) {
        if (!(query instanceof SqlSelect select) || select.getSelectList() == null) {
            return null;
        }
        List<String> columns = new ArrayList<>();
        for (SqlNode item : select.getSelectList()) {
            if (item.getKind() == SqlKind.AS && ((SqlCall) item).operandCount() == 2) {
                columns.add(((SqlIdentifier) ((SqlCall) item).operand(1)).getSimple());
            } else if (item instanceof SqlIdentifier identifier && identifier.isStar()) {
                return null;
            } else if (item instanceof SqlIdentifier identifier) {
                columns.add(identifier.names.get(identifier.names.size() - 1));
            } else {
                // Calcite's name of an expression's column, unnamed in Trino's row
                columns.add("EXPR$" + columns.size());
            }
        }
        return columns;
    }

    /**
     * Whether the query refers to a relation it does not name itself (an outer query's): by qualified names only, a
     * bare name of an outer column goes unseen.
     */
    private static boolean isCorrelated(SqlNode query) {
        java.util.Set<String> relations = new java.util.HashSet<>();
        List<SqlIdentifier> references = new ArrayList<>();
        query.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
                if (call instanceof SqlSelect select) {
                    for (SqlNode operand : select.getOperandList()) {
                        if (operand == select.getFrom()) {
                            relations(operand, this);
                        } else if (operand != null) {
                            operand.accept(this);
                        }
                    }
                    return null;
                }
                if (call instanceof org.apache.calcite.sql.SqlWithItem item) {
                    relations.add(item.name.getSimple().toLowerCase(java.util.Locale.ROOT));
                }
                return super.visit(call);
            }

            @Override
            public Void visit(SqlIdentifier identifier) {
                if (identifier.names.size() > 1) {
                    references.add(identifier);
                }
                return null;
            }

            private void relations(SqlNode from, SqlBasicVisitor<Void> visitor) {
                if (from instanceof org.apache.calcite.sql.SqlJoin join) {
                    relations(join.getLeft(), visitor);
                    relations(join.getRight(), visitor);
                    if (join.getCondition() != null) {
                        join.getCondition().accept(visitor);
                    }
                } else if (from instanceof SqlIdentifier table) {
                    relations.add(table.names.get(table.names.size() - 1).toLowerCase(java.util.Locale.ROOT));
                } else if (from != null && from.getKind() == SqlKind.AS) {
                    SqlCall alias = (SqlCall) from;
                    relations.add(((SqlIdentifier) alias.operand(1)).getSimple().toLowerCase(java.util.Locale.ROOT));
                    relations(alias.operand(0), visitor);
                } else if (from != null) {
                    from.accept(visitor);
                }
            }
        });
        return references.stream()
                .anyMatch(reference -> !relations.contains(reference.names.get(0).toLowerCase(java.util.Locale.ROOT)));
    }

    /** The name a sub-query's item gives its column (its alias, its column's name) as written, or null for none. */
    private static String fieldName(SqlNode item, Function<SqlIdentifier, String> writtenName) {
        if (item.getKind() == SqlKind.AS && ((SqlCall) item).operand(1) instanceof SqlIdentifier alias) {
            String written = writtenName.apply(alias);
            return written == null ? alias.getSimple() : written;
        }
        if (item instanceof SqlIdentifier identifier) {
            String written = writtenName.apply(identifier);
            return written == null ? identifier.names.get(identifier.names.size() - 1) : written;
        }
        return null;
    }

    /** ROW whose fields have the given names (null for an unnamed one: {@code EXPR$i}, anonymous in Trino). */
    private static final class NamedRowOperator extends SqlRowOperator {
        private final List<String> names;

        NamedRowOperator(List<String> names) {
            super("ROW");
            this.names = names;
        }

        /** Types the call as it is: the validator would look ROW up by name, and have Calcite's. */
        @Override
        public RelDataType deriveType(SqlValidator validator, SqlValidatorScope scope, SqlCall call) {
            return validateOperands(validator, scope, call);
        }

        @Override
        public RelDataType inferReturnType(SqlOperatorBinding binding) {
            List<RelDataType> types = new ArrayList<>();
            List<String> fieldNames = new ArrayList<>();
            for (int i = 0; i < binding.getOperandCount(); i++) {
                types.add(binding.getOperandType(i));
                fieldNames.add(names.get(i) == null ? "EXPR$" + i : names.get(i));
            }
            return binding.getTypeFactory().createStructType(types, fieldNames);
        }
    }
}
