package io.quarry.sql;

import io.quarry.spi.ColumnMetadata;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.ErrorLocation;
import io.quarry.spi.QuarryException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.runtime.CalciteException;
import org.apache.calcite.sql.JoinConditionType;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlMatchRecognize;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUtil;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorCatalogReader;
import org.apache.calcite.sql.validate.SqlValidatorImpl;
import org.apache.calcite.sql.validate.SelectScope;
import org.apache.calcite.sql.validate.SqlQualified;
import org.apache.calcite.sql.validate.SqlValidatorNamespace;
import org.apache.calcite.sql.validate.SqlValidatorScope;
import org.apache.calcite.sql.validate.SqlValidatorTable;
import org.apache.calcite.sql.validate.implicit.TypeCoercionImpl;

/** Calcite's validator with Trino's answer to unknown functions and without Trino-foreign implicit casts. */
final class QuarryValidator extends SqlValidatorImpl {
    /** Functions Trino has and Quarry does not yet: these are NOT_SUPPORTED, not FUNCTION_NOT_FOUND. */
    private static final Set<String> KNOWN_TRINO_FUNCTIONS = Set.of(
            "row_number", "rank", "dense_rank", "ntile", "lag", "lead", "first_value", "last_value", "nth_value",
            "percent_rank", "cume_dist", "stddev", "stddev_samp", "stddev_pop", "variance", "var_samp", "var_pop",
            "approx_distinct", "approx_percentile", "array_agg", "map_agg", "bool_and", "bool_or", "every",
            "count_if", "max_by", "min_by", "arbitrary", "any_value", "checksum", "geometric_mean", "listagg",
            "date_trunc", "date_add", "date_diff", "date_format", "date_parse", "format_datetime", "parse_datetime",
            "from_unixtime", "to_unixtime", "now", "last_day_of_month", "quarter", "week", "week_of_year",
            "day_of_week", "dow", "day_of_month", "day_of_year", "doy", "hour", "minute", "second", "millisecond",
            "year_of_week", "yow", "regexp_like", "regexp_extract", "regexp_extract_all", "regexp_replace",
            "regexp_split", "split", "split_part", "lpad", "rpad", "reverse", "chr", "codepoint", "starts_with",
            "levenshtein_distance", "hamming_distance", "normalize", "to_utf8", "from_utf8",
            "format", "cardinality", "element_at", "contains", "array_join", "array_distinct", "array_max",
            "array_min", "array_sort", "array_position", "sequence", "slice", "transform", "filter", "reduce",
            "zip", "map", "map_keys", "map_values", "map_entries", "typeof", "exp", "ln", "log", "log2", "log10",
            "cbrt", "sign", "truncate", "pi", "e", "rand", "random", "sin", "cos", "tan", "asin", "acos", "atan",
            "atan2", "degrees", "radians", "is_nan", "is_finite", "is_infinite", "nan", "infinity", "to_hex",
            "from_hex", "md5", "sha1", "sha256", "sha512", "json_extract", "json_extract_scalar", "json_format",
            "json_parse", "json_array_length", "url_extract_host", "bitwise_and", "bitwise_or", "bitwise_xor",
            "grouping", "current_user", "uuid", "width_bucket", "try");

    /** Functions Quarry has whose forms with a lambda (which Trino has too) it does not have yet. */
    private static final Set<String> LAMBDA_FORMS = Set.of("array_sort");

    private final SqlText text;
    /** Star-expanded select items (by identity) and the names Trino shows for them: see {@link #starColumnName}. */
    private final Map<SqlNode, String> starColumnNames = new java.util.IdentityHashMap<>();
    /** Items of validated select lists (by identity) named by what the user wrote: see {@link #shownName}. */
    private final Map<SqlNode, String> writtenNames = new java.util.IdentityHashMap<>();
    /**
     * Where the statement has EXTRACT calls: Calcite makes {@code hour(x)} one too, which takes other types (by
     * position, as Calcite copies the calls while it expands them).
     */
    private final Set<org.apache.calcite.sql.parser.SqlParserPos> writtenExtracts = new java.util.HashSet<>();
    /** The column references a star expanded to, which name each column once, however many share its name. */
    private final Set<SqlNode> starReferences = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    /** The names that more than one relation of a select's FROM has ({@link #uniqueRelationNames}), by select. */
    private final Map<SqlSelect, Set<String>> repeatedRelationNames = new java.util.IdentityHashMap<>();
    /** The COALESCEs Calcite expanded USING columns named in a select list to: see {@link #expandSelectExpr}. */
    private final Set<SqlNode> namedExpansions = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    /** Names of column lists made unique for Calcite ({@code t(a, a)} becomes {@code t(a, a0)}), and their own names. */
    private final Map<SqlIdentifier, String> renamedColumns = new java.util.IdentityHashMap<>();

    QuarryValidator(
            SqlValidatorCatalogReader catalogReader, RelDataTypeFactory typeFactory, Config config, SqlText text) {
        super(
                PrestoOperatorTable.INSTANCE,
                catalogReader,
                typeFactory,
                config.withTypeCoercionFactory(PrestoTypeCoercion::new));
        this.text = text;
    }

    /** {@code SELECT *} (Calcite adds each column it expands to through here) leaves out the hidden columns of tables. */
    @Override
    protected void addToSelectList(
            List<SqlNode> list,
            Set<String> aliases,
            List<Map.Entry<String, RelDataType>> fieldList,
            SqlNode exp,
            SelectScope scope,
            boolean includeSystemVars) {
        if (exp instanceof SqlIdentifier identifier && isHiddenColumn(identifier, scope)) {
            if (hasUsingJoin(scope.getNode().getFrom())) {
                // Calcite moves the USING columns to the front by their positions among all the columns
                throw new QuarryException(ErrorCode.NOT_SUPPORTED,
                        "SELECT * over a join with USING is not supported when a joined table has hidden columns");
            }
            return;
        }
        if (exp instanceof SqlIdentifier identifier && isExcludedDuplicate(identifier, scope)) {
            return;
        }
        super.addToSelectList(list, aliases, fieldList, exp, scope, includeSystemVars);
        if (exp instanceof SqlIdentifier identifier && !identifier.isStar()) {
            starColumnNames.put(list.get(list.size() - 1), sourceName(identifier, scope));
            starReferences.add(identifier);
        }
    }

    /**
     * The name Trino shows for an item of a validated select list, or null when Calcite's name for it will do (an
     * expression's generated name, a column of a table named by a star). Calcite tells columns of one name apart
     * by numbers ({@code comment0} for the second {@code comment}), and lower-cases the names it was not given in
     * quotes; Trino keeps the name of each column as its source has it, and a name in the letters it was written
     * with.
     */
    String shownName(SqlNode selectItem) {
        String star = starColumnNames.get(selectItem);
        return star != null ? star : writtenNames.get(selectItem);
    }

    /**
     * Notes the written name of each item that a name gives its column (an alias, a column, a row field), for the
     * item that stands for it in the expanded list: see {@link #shownName}.
     */
    @Override
    protected RelDataType validateSelectList(SqlNodeList selectItems, SqlSelect select, RelDataType targetRowType) {
        Map<String, List<SqlIdentifier>> usingByRelation = new java.util.HashMap<>();
        collectUsingColumns(select.getFrom(), usingByRelation);
        excludeUsingColumns(selectItems, select, usingByRelation);
        List<SqlNode> written = List.copyOf(selectItems.getList());
        RelDataType rowType;
        try {
            rowType = super.validateSelectList(selectItems, select, targetRowType);
        } catch (org.apache.calcite.runtime.CalciteContextException e) {
            throw unresolvedStarQualifier(written, e);
        }
        List<SqlNode> expanded = select.getSelectList().getList();
        nameUsingColumns(expanded, usingByRelation);
        long stars = written.stream().filter(QuarryValidator::isStar).count();
        long starred = expanded.stream().filter(starColumnNames::containsKey).count();
        if (written.size() - stars + starred != expanded.size()) {
            // not the one-to-one expansion of plain items this pairs up: Calcite's names stay
            return rowType;
        }
        int next = 0;
        for (SqlNode item : written) {
            while (next < expanded.size() && starColumnNames.containsKey(expanded.get(next))) {
                next++;
            }
            if (isStar(item) || next == expanded.size()) {
                continue;
            }
            String name = writtenName(item);
            if (name != null) {
                writtenNames.putIfAbsent(expanded.get(next), name);
            }
            next++;
        }
        return withUniqueNames(select, rowType);
    }

    /**
     * A select's row type with names made unique ({@code a, a0}) when several columns have one name ({@code SELECT
     * 1 AS a, 2 AS a}), so that Calcite can tell them apart (a star over the select names each one); their items
     * keep the name to show, and a reference by that name is ambiguous ({@link #validateIdentifier}), as in Trino.
     */
    private RelDataType withUniqueNames(SqlSelect select, RelDataType rowType) {
        List<String> names = rowType.getFieldNames();
        List<String> unique = org.apache.calcite.sql.validate.SqlValidatorUtil.uniquify(names, false);
        if (unique.equals(names)) {
            return rowType;
        }
        List<SqlNode> items = new java.util.ArrayList<>(select.getSelectList().getList());
        for (int i = 0; i < items.size(); i++) {
            if (unique.get(i).equals(names.get(i))) {
                continue;
            }
            SqlNode item = items.get(i);
            String shown = shownName(item);
            SqlNode expression = item.getKind() == SqlKind.AS ? ((SqlCall) item).operand(0) : item;
            SqlNode renamed = org.apache.calcite.sql.fun.SqlStdOperatorTable.AS.createCall(
                    item.getParserPosition(), expression, new SqlIdentifier(unique.get(i), SqlParserPos.ZERO));
            setValidatedNodeType(renamed, rowType.getFieldList().get(i).getType());
            writtenNames.put(renamed, shown == null ? names.get(i) : shown);
            if (starColumnNames.containsKey(item)) {
                starColumnNames.put(renamed, starColumnNames.get(item));
            }
            items.set(i, renamed);
        }
        select.setSelectList(new SqlNodeList(items, select.getSelectList().getParserPosition()));
        SelectScope scope = getRawSelectScope(select);
        if (scope != null) {
            scope.setExpandedSelectList(items);
        }
        return getTypeFactory().createStructType(
                rowType.getFieldList().stream().map(field -> field.getType()).toList(), unique);
    }

    /**
     * A reference to a column of a sub-query whose name more than one of its columns shows ({@code SELECT a FROM
     * (SELECT 1 AS a, 2 AS a)}, a column of both sides of a joined {@code SELECT *}) is ambiguous, as in Trino.
     */
    @Override
    public void validateIdentifier(SqlIdentifier id, SqlValidatorScope scope) {
        super.validateIdentifier(id, scope);
        if (starReferences.contains(id) || id.isStar()) {
            return;
        }
        checkRepeatedRelation(id, scope);
        SqlQualified qualified;
        try {
            qualified = scope.fullyQualify(id);
        } catch (RuntimeException e) {
            return;
        }
        SqlValidatorNamespace namespace = qualified.namespace;
        if (namespace == null || namespace.getTable() != null || qualified.suffix().isEmpty()) {
            return;
        }
        List<String> fields = namespace.getRowType().getFieldNames();
        int index = fields.indexOf(qualified.suffix().get(0));
        if (index < 0) {
            return;
        }
        String shown = shownColumnName(namespace, index, fields.get(index));
        long sharing = java.util.stream.IntStream.range(0, fields.size())
                .filter(i -> shownColumnName(namespace, i, fields.get(i)).equalsIgnoreCase(shown))
                .count();
        if (sharing > 1) {
            // the reference as written (t.a), in lower case as Trino names it
            SqlParserPos pos = id.getParserPosition();
            String written = text.snippet(pos.getLineNum(), pos.getColumnNum(), pos.getEndLineNum(), pos.getEndColumnNum());
            ErrorLocation location = location(pos);
            throw new QuarryException(ErrorCode.AMBIGUOUS_NAME, Errors.prefix(location) + "Column '"
                    + (written == null ? shown : written.toLowerCase(Locale.ROOT)) + "' is ambiguous", location, null);
        }
    }

    /** ORDER BY a name that more than one select item has ({@code SELECT name, name … ORDER BY name}) is ambiguous. */
    @Override
    protected void validateOrderList(SqlSelect select) {
        if (select.getOrderList() != null) {
            for (SqlNode item : select.getOrderList()) {
                SqlNode key = sortKey(item);
                if (key instanceof SqlIdentifier identifier && identifier.names.size() == 1 && !identifier.isStar()) {
                    long named = select.getSelectList().stream()
                            .filter(selected -> identifier.getSimple().equalsIgnoreCase(selectItemName(selected)))
                            .count();
                    if (named > 1) {
                        ErrorLocation location = location(identifier.getParserPosition());
                        throw new QuarryException(ErrorCode.AMBIGUOUS_NAME, Errors.prefix(location) + "Column '"
                                + identifier.getSimple() + "' is ambiguous", location, null);
                    }
                }
            }
        }
        super.validateOrderList(select);
    }

    private String selectItemName(SqlNode item) {
        String shown = shownName(item);
        return shown != null ? shown : org.apache.calcite.sql.validate.SqlValidatorUtil.alias(item);
    }

    private static SqlNode sortKey(SqlNode item) {
        SqlNode key = item;
        while (key.getKind() == SqlKind.DESCENDING || key.getKind() == SqlKind.NULLS_FIRST
                || key.getKind() == SqlKind.NULLS_LAST) {
            key = ((SqlCall) key).operand(0);
        }
        return key;
    }

    /** FETCH FIRST 0 ROWS is out of range in Trino (LIMIT 0 is not). */
    private void checkFetchCount(SqlNode fetch) {
        if (!(fetch instanceof org.apache.calcite.sql.SqlNumericLiteral count) || count.bigDecimalValue().signum() != 0) {
            return;
        }
        SqlParserPos pos = count.getParserPosition();
        String before = text.snippet(1, 1, pos.getLineNum(), pos.getColumnNum());
        java.util.regex.Matcher keyword = java.util.regex.Pattern.compile("(?i)\\b(LIMIT|FETCH)\\b").matcher(before == null ? "" : before);
        int start = -1;
        String last = null;
        while (keyword.find()) {
            start = keyword.start();
            last = keyword.group(1);
        }
        if (last == null || !last.equalsIgnoreCase("FETCH")) {
            return;
        }
        String upToKeyword = before.substring(0, start);
        int line = 1 + (int) upToKeyword.chars().filter(c -> c == '\n').count();
        ErrorLocation location = new ErrorLocation(line, start - upToKeyword.lastIndexOf('\n'));
        throw new QuarryException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, Errors.prefix(location)
                + "FETCH FIRST row count must be positive (actual value: 0)", location, null);
    }

    /** ORDER BY and GROUP BY -n name a position, which is never in the select list. */
    private void checkNegativeOrdinals(SqlNodeList items, String clause) {
        if (items == null) {
            return;
        }
        for (SqlNode item : items) {
            SqlNode key = sortKey(item);
            boolean minus = key.getKind() == SqlKind.MINUS_PREFIX;
            SqlNode operand = minus ? ((SqlCall) key).operand(0) : key;
            if (operand instanceof org.apache.calcite.sql.SqlNumericLiteral number && number.isInteger()
                    && (minus || number.bigDecimalValue().signum() < 0)) {
                ErrorLocation location = location(key.getParserPosition());
                throw new QuarryException(ErrorCode.INVALID_COLUMN_REFERENCE, Errors.prefix(location) + clause
                        + " position " + (minus ? "-" : "") + number.toValue() + " is not in select list", location, null);
            }
        }
    }

    /** A WITH query's column list of another length than its columns is MISMATCHED_COLUMN_ALIASES, as in Trino. */
    @Override
    public void validateWithItem(org.apache.calcite.sql.SqlWithItem withItem) {
        RelDataType type = withItem.columnList == null ? null : getValidatedNodeTypeIfKnown(withItem.query);
        if (type != null && withItem.columnList.size() != type.getFieldCount()) {
            ErrorLocation location = location(withItem.columnList.get(0).getParserPosition());
            throw new QuarryException(ErrorCode.MISMATCHED_COLUMN_ALIASES, Errors.prefix(location) + "Column alias list has "
                    + withItem.columnList.size() + " entries but relation has " + type.getFieldCount() + " columns",
                    location, null);
        }
        super.validateWithItem(withItem);
    }

    /** A WHERE or JOIN ON condition that is not a boolean is a TYPE_MISMATCH naming its type, as in Trino. */
    @Override
    protected void validateWhereOrOn(SqlValidatorScope scope, SqlNode condition, String clause) {
        try {
            super.validateWhereOrOn(scope, condition, clause);
        } catch (org.apache.calcite.runtime.CalciteContextException e) {
            RelDataType type = getValidatedNodeTypeIfKnown(condition);
            if (type == null || !String.valueOf(e.getMessage()).endsWith("clause must be a condition")) {
                throw e;
            }
            ErrorLocation location = location(condition.getParserPosition());
            throw new QuarryException(ErrorCode.TYPE_MISMATCH, Errors.prefix(location)
                    + (clause.equals("ON") ? "JOIN ON" : clause) + " clause must evaluate to a boolean: actual type "
                    + TypeMapping.displayName(type), location, null);
        }
    }

    /** A HAVING condition that is not a boolean, likewise. */
    @Override
    protected void validateHavingClause(SqlSelect select) {
        try {
            super.validateHavingClause(select);
        } catch (org.apache.calcite.runtime.CalciteContextException e) {
            SqlNode having = select.getHaving();
            RelDataType type = having == null ? null : getValidatedNodeTypeIfKnown(having);
            if (type == null || !String.valueOf(e.getMessage()).endsWith("HAVING clause must be a condition")) {
                throw e;
            }
            ErrorLocation location = location(having.getParserPosition());
            throw new QuarryException(ErrorCode.TYPE_MISMATCH, Errors.prefix(location)
                    + "HAVING clause must evaluate to a boolean: actual type " + TypeMapping.displayName(type),
                    location, null);
        }
    }

    /** A column qualified by a name that two relations of the FROM have ({@code r.name} over {@code region r, region r}). */
    private void checkRepeatedRelation(SqlIdentifier id, SqlValidatorScope scope) {
        if (repeatedRelationNames.isEmpty() || id.names.size() < 2) {
            return;
        }
        SqlValidatorScope current = scope;
        while (current instanceof org.apache.calcite.sql.validate.DelegatingScope delegating && !(current instanceof SelectScope)) {
            current = delegating.getParent();
        }
        Set<String> repeated = current instanceof SelectScope select ? repeatedRelationNames.get(select.getNode()) : null;
        if (repeated != null && repeated.contains(id.names.get(0).toLowerCase(Locale.ROOT))) {
            SqlParserPos pos = id.getParserPosition();
            ErrorLocation location = location(pos);
            throw new QuarryException(ErrorCode.AMBIGUOUS_NAME, Errors.prefix(location) + "Column '"
                    + String.join(".", id.names).toLowerCase(Locale.ROOT) + "' is ambiguous", location, null);
        }
    }

    /**
     * Column lists with one name twice ({@code (VALUES (1, 2)) t(a, a)}, which Trino accepts) get unique names for
     * Calcite, and a WITH that names two queries alike fails as in Trino; then Calcite validates.
     */
    @Override
    public SqlNode validate(SqlNode topNode) {
        topNode.accept(new org.apache.calcite.sql.util.SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
                if (call.getKind() == SqlKind.AS && call.operandCount() > 2) {
                    uniqueColumnList(call);
                }
                if (call instanceof org.apache.calcite.sql.SqlLambda lambda) {
                    checkNoSubQuery(lambda);
                    checkDistinctParameters(lambda);
                }
                if (call instanceof org.apache.calcite.sql.SqlWith with) {
                    checkWithNames(with);
                }
                if (call instanceof SqlSelect select) {
                    expandGroupByAuto(select);
                }
                if (call instanceof org.apache.calcite.sql.SqlOrderBy orderBy) {
                    checkNegativeOrdinals(orderBy.orderList, "ORDER BY");
                    checkFetchCount(orderBy.fetch);
                }
                if (call.getOperator() instanceof org.apache.calcite.sql.SqlUnresolvedFunction function
                        && function.getName().equalsIgnoreCase(ScalarRowSubQueries.FIELD_VALUE.getName())) {
                    // the internal aggregate of row sub-queries: a name no statement can write in Trino
                    throw Errors.error(ErrorCode.SYNTAX_ERROR, "mismatched input '$'", location(call.getParserPosition()));
                }
                ScalarRowSubQueries.rewrite(call, identifier -> writtenName(identifier, identifier.names.size() - 1),
                        QuarryValidator.this::visibleColumns);
                if (call instanceof SqlSelect select) {
                    uniqueRelationNames(select);
                    checkNegativeOrdinals(select.getGroup(), "GROUP BY");
                    checkNegativeOrdinals(select.getOrderList(), "ORDER BY");
                }
                return super.visit(call);
            }
        });
        return super.validate(topNode);
    }

    /**
     * An aggregate takes no lambda (but reduce_agg): Trino finds no such signature. Other functions' checks refuse one
     * themselves; the aggregates that take a value of any type would pass it on.
     */
    private void checkNoLambdaArgument(SqlNode expression, SqlValidatorScope scope) {
        if (!(expression instanceof SqlCall call) || !(call.getOperator() instanceof org.apache.calcite.sql.SqlAggFunction)
                || call.getOperator().getName().equalsIgnoreCase("reduce_agg")
                || call.getOperandList().stream().noneMatch(org.apache.calcite.sql.SqlLambda.class::isInstance)) {
            return;
        }
        String arguments = call.getOperandList().stream()
                .map(operand -> operand instanceof org.apache.calcite.sql.SqlLambda
                        ? "<function>" : TypeMapping.displayName(deriveType(scope, operand)))
                .collect(Collectors.joining(", "));
        ErrorLocation location = location(call.getParserPosition());
        throw new QuarryException(ErrorCode.FUNCTION_NOT_FOUND, Errors.prefix(location) + "Unexpected parameters (" + arguments
                + ") for function " + call.getOperator().getName().toLowerCase(Locale.ROOT), location, null);
    }

    /** Two parameters of one name are ambiguous in Trino, at the first of them, used or not. */
    private void checkDistinctParameters(org.apache.calcite.sql.SqlLambda lambda) {
        Set<String> seen = new java.util.HashSet<>();
        for (SqlNode parameter : lambda.getParameters()) {
            if (!seen.add(parameter.toString())) {
                SqlNode first = lambda.getParameters().stream()
                        .filter(other -> other.toString().equals(parameter.toString())).findFirst().orElseThrow();
                ErrorLocation location = location(first.getParserPosition());
                throw new QuarryException(ErrorCode.AMBIGUOUS_NAME,
                        Errors.prefix(location) + "Column '" + parameter + "' is ambiguous", location, null);
            }
        }
    }

    /** Trino refuses a sub-query in a lambda's body (but for EXISTS). */
    private void checkNoSubQuery(org.apache.calcite.sql.SqlLambda lambda) {
        lambda.getExpression().accept(new org.apache.calcite.sql.util.SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
                if (call.getKind() == SqlKind.EXISTS) {
                    return null; // Trino plans EXISTS there
                }
                boolean inQuery = (call.getKind() == SqlKind.IN || call.getKind() == SqlKind.NOT_IN)
                        && call.operandCount() == 2 && call.operand(1) != null && call.operand(1).getKind().belongsTo(SqlKind.QUERY);
                if (call.getKind().belongsTo(SqlKind.QUERY) || inQuery && call.operand(0) != null) {
                    // x IN (query) is placed at its operator, as Trino does
                    ErrorLocation location = call.getKind().belongsTo(SqlKind.QUERY)
                            ? location(call.getParserPosition()) : operatorLocation(call);
                    throw new QuarryException(ErrorCode.NOT_SUPPORTED,
                            Errors.prefix(location) + "Lambda expression cannot contain subqueries", location, null);
                }
                return super.visit(call);
            }
        });
    }

    /**
     * {@code t.*} over a join USING columns leaves those columns out when t is within either side of the join, however
     * deep: in Trino they are the join's own columns, which only {@code *} and their bare names show. A {@code t.*}
     * that leaves nothing is an unknown reference in Trino.
     */
    private void excludeUsingColumns(SqlNodeList items, SqlSelect select, Map<String, List<SqlIdentifier>> usingByRelation) {
        if (usingByRelation.isEmpty()) {
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof SqlIdentifier star && star.isStar() && star.names.size() == 2)) {
                continue;
            }
            String relation = star.names.get(0).toLowerCase(Locale.ROOT);
            List<SqlIdentifier> using = usingByRelation.get(relation);
            List<String> fields = relationFields(select.getFrom(), relation);
            if (using == null || fields == null) {
                continue;
            }
            // only the columns the relation has, each once
            Set<String> excluded = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            List<SqlNode> exclusions = new java.util.ArrayList<>();
            for (SqlIdentifier column : using) {
                String name = column.getSimple();
                if (fields.stream().anyMatch(name::equalsIgnoreCase) && excluded.add(name)) {
                    exclusions.add(column);
                }
            }
            if (exclusions.isEmpty()) {
                continue;
            }
            if (excluded.size() == fields.size()) {
                ErrorLocation location = location(star.getParserPosition());
                throw new QuarryException(ErrorCode.TABLE_NOT_FOUND,
                        Errors.prefix(location) + "Unable to resolve reference " + relation, location, null);
            }
            items.set(i, new org.apache.calcite.sql.SqlStarExclude(star.getParserPosition(), star,
                    new SqlNodeList(exclusions, star.getParserPosition())));
        }
    }

    /** The columns of the relation of a FROM known by the name, or null when none is (or it is not known yet). */
    private List<String> relationFields(SqlNode from, String relation) {
        if (from instanceof SqlJoin join) {
            List<String> left = relationFields(join.getLeft(), relation);
            return left != null ? left : relationFields(join.getRight(), relation);
        }
        if (!relation.equals(relationName(from))) {
            return null;
        }
        SqlValidatorNamespace namespace = getNamespace(from);
        return namespace == null ? null : namespace.getRowType().getFieldNames();
    }

    /**
     * The USING columns of the joins of a FROM, as written, by the name of each relation within either side of their
     * join; an outer join's columns come first.
     */
    private static void collectUsingColumns(SqlNode from, Map<String, List<SqlIdentifier>> usingByRelation) {
        if (!(from instanceof SqlJoin join)) {
            return;
        }
        if (join.getConditionType() == JoinConditionType.USING && join.getCondition() instanceof SqlNodeList using) {
            List<String> relations = new java.util.ArrayList<>();
            relationsWithin(join, relations);
            for (String relation : relations) {
                for (SqlNode column : using) {
                    usingByRelation.computeIfAbsent(relation, key -> new java.util.ArrayList<>()).add((SqlIdentifier) column);
                }
            }
        }
        collectUsingColumns(join.getLeft(), usingByRelation);
        collectUsingColumns(join.getRight(), usingByRelation);
    }

    private static void relationsWithin(SqlNode from, List<String> relations) {
        if (from instanceof SqlJoin join) {
            relationsWithin(join.getLeft(), relations);
            relationsWithin(join.getRight(), relations);
            return;
        }
        String name = relationName(from);
        if (name != null) {
            relations.add(name);
        }
    }

    /** Calcite expands a USING column the select names to a COALESCE too: those keep their written names. */
    @Override
    public SqlNode expandSelectExpr(SqlNode expr, SelectScope scope, SqlSelect select, Map<String, SqlNode> expansions) {
        requireRowPrefixes(expr, scope);
        SqlNode expanded = super.expandSelectExpr(expr, scope, select, expansions);
        if (expanded != expr) {
            namedExpansions.add(SqlUtil.stripAs(expanded));
        }
        return expanded;
    }

    /**
     * A {@code *} over a join USING columns shows each of them once, named as the USING list writes it ({@code
     * USING (RegionKey)}) as in Trino; Calcite expands it to a {@code COALESCE} of the sides, named in lower case.
     */
    private void nameUsingColumns(List<SqlNode> expanded, Map<String, List<SqlIdentifier>> usingByRelation) {
        if (usingByRelation.isEmpty()) {
            return;
        }
        for (SqlNode item : expanded) {
            if (item.getKind() != SqlKind.AS || ((SqlCall) item).operand(0).getKind() != SqlKind.COALESCE
                    || namedExpansions.contains(SqlUtil.stripAs(item))) {
                continue;
            }
            SqlIdentifier side = firstColumn(((SqlCall) item).operand(0));
            List<SqlIdentifier> using = side == null || side.names.size() != 2 ? null
                    : usingByRelation.get(side.names.get(0).toLowerCase(Locale.ROOT));
            if (using == null) {
                continue;
            }
            // the relation's outermost join of the name is the one whose column this is
            using.stream().filter(column -> column.getSimple().equalsIgnoreCase(side.names.get(1))).findFirst()
                    .ifPresent(column -> {
                        String name = writtenName(column, 0);
                        starColumnNames.put(item, name == null ? column.getSimple() : name);
                    });
        }
    }

    /** The first column a COALESCE of USING columns (of nested joins, COALESCEs in turn) reads. */
    private static SqlIdentifier firstColumn(SqlNode node) {
        if (node instanceof SqlIdentifier identifier) {
            return identifier;
        }
        if (node.getKind() == SqlKind.COALESCE || node.getKind() == SqlKind.AS) {
            return firstColumn(((SqlCall) node).operand(0));
        }
        return null;
    }

    /** The name a relation in FROM is known by: its alias, or its table's name; null for anything else. */
    private static String relationName(SqlNode relation) {
        if (relation instanceof SqlIdentifier table) {
            return table.names.get(table.names.size() - 1).toLowerCase(Locale.ROOT);
        }
        if (relation.getKind() == SqlKind.AS && ((SqlCall) relation).operand(1) instanceof SqlIdentifier alias) {
            return alias.getSimple().toLowerCase(Locale.ROOT);
        }
        return null;
    }

    /**
     * Relations of one name in a FROM ({@code FROM region, region}, {@code nation n JOIN region n}), which Trino
     * accepts, get names of their own for Calcite: each later one is known by its name and a number.
     */
    private void uniqueRelationNames(SqlSelect select) {
        if (!(select.getFrom() instanceof SqlJoin)) {
            return;
        }
        Set<String> seen = new java.util.HashSet<>();
        Set<String> repeated = new java.util.HashSet<>();
        select.setFrom(uniqueRelationNames(select.getFrom(), seen, repeated));
        if (!repeated.isEmpty()) {
            repeatedRelationNames.put(select, repeated);
        }
    }

    private static SqlNode uniqueRelationNames(SqlNode from, Set<String> seen, Set<String> repeated) {
        if (from instanceof SqlJoin join) {
            join.setLeft(uniqueRelationNames(join.getLeft(), seen, repeated));
            join.setRight(uniqueRelationNames(join.getRight(), seen, repeated));
            return join;
        }
        String name = relationName(from);
        if (name == null || seen.add(name)) {
            return from;
        }
        repeated.add(name);
        String unique = name;
        for (int i = 1; !seen.add(unique); i++) {
            unique = name + "$" + i;
        }
        SqlParserPos pos = from.getParserPosition();
        if (from instanceof SqlCall alias) {
            alias.setOperand(1, new SqlIdentifier(unique, alias.operand(1).getParserPosition()));
            return alias;
        }
        return org.apache.calcite.sql.fun.SqlStdOperatorTable.AS.createCall(pos, from, new SqlIdentifier(unique, pos));
    }

    private void uniqueColumnList(SqlCall alias) {
        List<SqlNode> columns = alias.getOperandList().subList(2, alias.operandCount());
        List<String> names = columns.stream()
                .map(column -> column instanceof SqlIdentifier identifier ? identifier.getSimple() : column.toString())
                .toList();
        List<String> unique = org.apache.calcite.sql.validate.SqlValidatorUtil.uniquify(names, false);
        for (int i = 0; i < names.size(); i++) {
            if (!unique.get(i).equals(names.get(i)) && columns.get(i) instanceof SqlIdentifier column) {
                String written = writtenName(column, 0);
                SqlIdentifier renamed = new SqlIdentifier(unique.get(i), column.getParserPosition());
                renamedColumns.put(renamed, written == null ? names.get(i) : written);
                alias.setOperand(2 + i, renamed);
            }
        }
    }

    private void checkWithNames(org.apache.calcite.sql.SqlWith with) {
        Set<String> seen = new java.util.HashSet<>();
        for (SqlNode node : with.withList) {
            SqlIdentifier name = ((org.apache.calcite.sql.SqlWithItem) node).name;
            if (!seen.add(name.getSimple().toLowerCase(Locale.ROOT))) {
                ErrorLocation location = location(name.getParserPosition());
                throw new QuarryException(ErrorCode.DUPLICATE_NAMED_QUERY, Errors.prefix(location)
                        + "WITH query name '" + name.getSimple() + "' specified more than once", location, null);
            }
        }
    }

    /**
     * A star whose qualifier names no relation ({@code region.*} after {@code FROM region r}, a row column's
     * {@code x.*}, a column that is no row) is TABLE_NOT_FOUND in Trino; any other failure stays as it is.
     */
    private RuntimeException unresolvedStarQualifier(List<SqlNode> items, org.apache.calcite.runtime.CalciteContextException e) {
        for (SqlNode item : items) {
            // only where the qualifier is unknown: a star of a known relation may fail otherwise (an ungrouped column)
            String message = e.getCause() == null ? "" : String.valueOf(e.getCause().getMessage());
            if (item instanceof SqlIdentifier star && star.isStar() && star.names.size() > 1
                    && (message.contains("not found") || message.contains("Unknown identifier") || message.contains("Not a record type"))
                    && star.getParserPosition().getLineNum() == e.getPosLine()
                    && star.getParserPosition().getColumnNum() == e.getPosColumn()) {
                SqlParserPos pos = star.getParserPosition();
                String written = text.snippet(pos.getLineNum(), pos.getColumnNum(), pos.getEndLineNum(), pos.getEndColumnNum());
                String qualifier = written != null && written.endsWith(".*")
                        ? written.substring(0, written.length() - 2).toLowerCase(Locale.ROOT)
                        : String.join(".", star.names.subList(0, star.names.size() - 1));
                ErrorLocation location = location(pos);
                return new QuarryException(ErrorCode.TABLE_NOT_FOUND,
                        Errors.prefix(location) + "Unable to resolve reference " + qualifier, location, null);
            }
        }
        return e;
    }

    private static boolean isStar(SqlNode item) {
        return item instanceof SqlIdentifier identifier ? identifier.isStar()
                : item instanceof org.apache.calcite.sql.SqlStarExclude;
    }

    /** The name a select item gives its column as the user wrote it, or null when it has none or it is unknown. */
    private String writtenName(SqlNode item) {
        if (item.getKind() == SqlKind.AS && ((SqlCall) item).operand(1) instanceof SqlIdentifier alias) {
            return writtenName(alias, 0);
        }
        if (item instanceof SqlIdentifier identifier && !identifier.isStar()) {
            return writtenName(identifier, identifier.names.size() - 1);
        }
        if (item.getKind() == SqlKind.DOT && isNameChain(((SqlCall) item).operand(0))
                && ((SqlCall) item).operand(1) instanceof SqlIdentifier field) {
            // a field of a column's row, (r).x: Trino names the column after the field (not so a field of any
            // other expression's row)
            return writtenName(field, field.names.size() - 1);
        }
        return null;
    }

    private static boolean isNameChain(SqlNode node) {
        return node instanceof SqlIdentifier
                || node.getKind() == SqlKind.DOT && isNameChain(((SqlCall) node).operand(0));
    }

    /**
     * A part of a name as the user wrote it: as Calcite has it when it was quoted, else in the letters of the
     * text (Calcite lower-cases it). Null for a name the text does not have at the name's position (one made
     * by a rewrite).
     */
    String writtenName(SqlIdentifier identifier, int part) {
        String renamed = renamedColumns.get(identifier);
        if (renamed != null) {
            return renamed;
        }
        String name = identifier.names.get(part);
        SqlParserPos pos = identifier.getComponentParserPosition(part);
        if (pos.getLineNum() < 1 || name.isEmpty()) {
            return null;
        }
        if (text.quotedAt(pos.getLineNum(), pos.getColumnNum())) {
            return name;
        }
        String word = text.originalText(pos.getLineNum(), pos.getColumnNum(), name.length());
        // a name not in lower case is not Calcite's lower-casing of the text but a rewrite's: it stays
        return word != null && name.equals(word.toLowerCase(Locale.ROOT)) ? word : null;
    }

    /** The name a star-expanded column has where it comes from: in its table, or as its sub-query shows it. */
    private String sourceName(SqlIdentifier column, SelectScope scope) {
        String name = column.names.get(column.names.size() - 1);
        try {
            SqlQualified qualified = scope.fullyQualify(column);
            if (qualified.namespace == null) {
                return name;
            }
            int index = qualified.namespace.getRowType().getFieldNames().indexOf(name);
            return index < 0 ? name : shownColumnName(qualified.namespace, index, name);
        } catch (RuntimeException e) {
            // a column that does not qualify keeps its own name; validation reports what is wrong with it
            return name;
        }
    }

    /**
     * The name Trino shows for a column of a relation: as its column list, or its sub-query's select (the first
     * one of a set operation), names it; {@code name} (Calcite's) when neither tells.
     */
    private String shownColumnName(SqlValidatorNamespace namespace, int index, String name) {
        SqlNode aliased = namespace.getNode();
        if (aliased != null && aliased.getKind() == SqlKind.AS && ((SqlCall) aliased).operandCount() > 2) {
            // (query) t(a, b): the column list names the columns
            SqlCall alias = (SqlCall) aliased;
            SqlNode column = 2 + index < alias.operandCount() ? alias.operand(2 + index) : null;
            String shown = column instanceof SqlIdentifier identifier ? writtenName(identifier, 0) : null;
            return shown == null ? name : shown;
        }
        SqlNode source = namespace.resolve().getNode();
        if (source != null && source.getKind() == SqlKind.AS) {
            source = ((SqlCall) source).operand(0);
        }
        if (source != null && source.getKind() == SqlKind.MATCH_RECOGNIZE) {
            return MatchRecognizeRowType.shownName(name);
        }
        if (source != null && (source.getKind() == SqlKind.UNNEST || source.getKind() == SqlKind.VALUES)) {
            List<String> names = source.getKind() == SqlKind.UNNEST ? unnestColumnNames((SqlCall) source) : null;
            // Calcite names the columns of VALUES and UNNEST (after the alias, KEY and VALUE, ORDINALITY); Trino
            // shows them unnamed, all but the fields of unnested rows
            return names != null && index < names.size() && names.get(index) != null ? names.get(index) : "EXPR$" + index;
        }
        if (source instanceof org.apache.calcite.sql.SqlWithItem withItem) {
            if (withItem.columnList != null) {
                String shown = index < withItem.columnList.size()
                        && withItem.columnList.get(index) instanceof SqlIdentifier identifier
                        ? writtenName(identifier, 0) : null;
                return shown == null ? name : shown;
            }
            source = withItem.query;
        }
        SqlSelect select = firstSelect(source);
        if (select != null && index < select.getSelectList().size()) {
            String shown = shownName(select.getSelectList().get(index));
            return shown == null ? name : shown;
        }
        return name;
    }

    /** The names of an UNNEST's columns: the fields of unnested rows, null for the unnamed ones; null if unknown. */
    private List<String> unnestColumnNames(SqlCall unnest) {
        List<String> names = new java.util.ArrayList<>();
        for (SqlNode operand : unnest.getOperandList()) {
            RelDataType type = getValidatedNodeTypeIfKnown(operand);
            if (type == null) {
                return null;
            }
            RelDataType element = type.getComponentType();
            if (type.getSqlTypeName() == SqlTypeName.MAP) {
                names.add(null);
                names.add(null);
            } else if (element != null && element.isStruct()) {
                names.addAll(element.getFieldNames());
            } else {
                names.add(null);
            }
        }
        return names;
    }

    /** The select that names a query's columns: itself, or the first of a set operation's, under ORDER BY and WITH. */
    static SqlSelect firstSelect(SqlNode query) {
        if (query instanceof SqlSelect select) {
            return select;
        }
        if (query instanceof org.apache.calcite.sql.SqlOrderBy orderBy) {
            return firstSelect(orderBy.query);
        }
        if (query instanceof org.apache.calcite.sql.SqlWith with) {
            return firstSelect(with.body);
        }
        if (query != null && query.getKind().belongsTo(SqlKind.SET_QUERY)) {
            return firstSelect(((SqlCall) query).operand(0));
        }
        return null;
    }

    /**
     * For {@code SELECT * EXCLUDE (names)} (what the table function exclude_columns becomes, {@link
     * TableFunctionCalls}) over a sub-query with columns of the same name ({@code SELECT * FROM a JOIN b}), whether
     * the column is one that Calcite renamed with a number to tell it apart ({@code comment0} for the second
     * {@code comment}, {@code a0} for the second of {@code SELECT 1 a, 2 a}) and its own name is excluded: Trino
     * excludes every column of the name.
     */
    private boolean isExcludedDuplicate(SqlIdentifier identifier, SelectScope scope) {
        if (identifier.isStar() || scope.getNode().getSelectList().size() != 1
                || !(scope.getNode().getSelectList().get(0) instanceof org.apache.calcite.sql.SqlStarExclude star)
                || scope.getChildren().size() != 1
                || !(scope.getChildren().get(0).resolve().getNode() instanceof org.apache.calcite.sql.SqlSelect input)) {
            return false;
        }
        List<String> fields = scope.getChildren().get(0).getRowType().getFieldNames();
        String field = identifier.names.get(identifier.names.size() - 1);
        int index = fields.indexOf(field);
        if (index < 0 || index >= input.getSelectList().size()
                || !(input.getSelectList().get(index) instanceof SqlCall as) || as.getKind() != SqlKind.AS) {
            return false;
        }
        String shown = shownName(as);
        if (shown != null && !shown.equals(field)) {
            // a column renamed to tell it apart (withUniqueNames): excluding the name it shows excludes it
            return star.getExcludeList().stream()
                    .anyMatch(excluded -> excluded instanceof SqlIdentifier id && id.getSimple().equalsIgnoreCase(shown));
        }
        if (!(as.operand(0) instanceof SqlIdentifier column) || column.isStar()) {
            return false;
        }
        String name = column.names.get(column.names.size() - 1);
        boolean renamed = field.regionMatches(true, 0, name, 0, name.length()) && field.length() > name.length()
                && field.substring(name.length()).chars().allMatch(Character::isDigit)
                && fields.stream().anyMatch(other -> other.equalsIgnoreCase(name));
        return renamed && star.getExcludeList().stream()
                .anyMatch(excluded -> excluded instanceof SqlIdentifier id && id.getSimple().equalsIgnoreCase(name));
    }

    private static boolean isHiddenColumn(SqlIdentifier identifier, SelectScope scope) {
        if (identifier.isStar() || identifier.names.size() != 2
                || scope.getChildren().stream().noneMatch(QuarryValidator::hasHiddenColumns)) {
            return false;
        }
        SqlQualified qualified = scope.fullyQualify(identifier);
        CatalogTable table = catalogTable(qualified.namespace);
        String column = identifier.names.get(1);
        return table != null && table.metadata().column(column).map(ColumnMetadata::hidden).orElse(false);
    }

    /** The columns a star shows of the table a name resolves to, or null when it names no table. */
    private List<String> visibleColumns(SqlIdentifier name) {
        SqlValidatorTable table = getCatalogReader().getTable(name.names);
        CatalogTable catalogTable = table == null ? null : table.unwrap(CatalogTable.class);
        return catalogTable == null ? null : catalogTable.metadata().columns().stream()
                .filter(column -> !column.hidden()).map(ColumnMetadata::name).toList();
    }

    private static boolean hasUsingJoin(SqlNode from) {
        if (!(from instanceof SqlJoin join)) {
            return false;
        }
        return join.getConditionType() == JoinConditionType.USING || join.isNatural()
                || hasUsingJoin(join.getLeft()) || hasUsingJoin(join.getRight());
    }

    private static boolean hasHiddenColumns(SqlValidatorNamespace namespace) {
        CatalogTable table = catalogTable(namespace);
        return table != null && table.metadata().columns().stream().anyMatch(ColumnMetadata::hidden);
    }

    private static CatalogTable catalogTable(SqlValidatorNamespace namespace) {
        SqlValidatorTable table = namespace == null ? null : namespace.getTable();
        return table == null ? null : table.unwrap(CatalogTable.class);
    }

    @Override
    public SqlNode expand(SqlNode expr, SqlValidatorScope scope) {
        requireRowPrefixes(expr, scope);
        return super.expand(expr, scope);
    }

    /**
     * {@code t.c.f} with {@code c} a column of relation {@code t} is field {@code f} of {@code c}, which must be a row:
     * Trino's TYPE_MISMATCH where it is not, rather than Calcite's column not found. Sub-queries check their own.
     */
    private void requireRowPrefixes(SqlNode expr, SqlValidatorScope scope) {
        if (expr == null) {
            return;
        }
        expr.accept(new org.apache.calcite.sql.util.SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
                return call.getKind().belongsTo(SqlKind.QUERY) ? null : super.visit(call);
            }

            @Override
            public Void visit(SqlIdentifier identifier) {
                if (identifier.names.size() < 3 || identifier.isStar()) {
                    return null;
                }
                SqlIdentifier column = identifier.getComponent(0, 2);
                RelDataType base;
                try {
                    scope.fullyQualify(column);
                    base = QuarryValidator.super.deriveType(scope, column);
                } catch (RuntimeException e) {
                    return null; // no column t.c: the name is resolved (or refused) as Calcite does
                }
                if (base.getSqlTypeName() != SqlTypeName.ANY) {
                    requireRow(base, column.getParserPosition());
                }
                return null;
            }
        });
    }

    /** Trino's TYPE_MISMATCH for a field of a value that is no row ({@code abs(1).x}, {@code t.json_column.x}). */
    private void requireRow(RelDataType base, SqlParserPos pos) {
        if (base.isStruct()) {
            return;
        }
        String written = text.snippet(pos.getLineNum(), pos.getColumnNum(), pos.getEndLineNum(), pos.getEndColumnNum());
        ErrorLocation location = location(pos);
        throw new QuarryException(ErrorCode.TYPE_MISMATCH, Errors.prefix(location) + "Expression "
                + (written == null ? "" : written) + " is not of type ROW", location, null);
    }

    /** Lambdas may use the columns of their row (see {@link LambdaClosures}). */
    @Override
    public org.apache.calcite.sql.validate.SqlValidatorScope getLambdaScope(org.apache.calcite.sql.SqlLambda node) {
        return LambdaClosures.closureScope(super.getLambdaScope(node), node, scopes);
    }

    @Override
    public void validateLambda(org.apache.calcite.sql.SqlLambda lambda) {
        requireScalar("Lambda expression", lambda.getExpression());
        getLambdaScope(lambda);
        super.validateLambda(lambda);
    }

    @Override
    protected void validateUnnest(SqlCall call, SqlValidatorScope scope, RelDataType targetRowType) {
        for (SqlNode operand : call.getOperandList()) {
            requireScalar("UNNEST", operand);
            if (org.apache.calcite.sql.SqlUtil.isNullLiteral(operand, false)) {
                throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "Cannot unnest type: unknown");
            }
        }
        try {
            super.validateUnnest(call, scope, targetRowType);
        } catch (org.apache.calcite.runtime.CalciteContextException e) {
            // Trino names the argument that is no array or map by its type
            for (SqlNode operand : call.getOperandList()) {
                RelDataType type = getValidatedNodeTypeIfKnown(operand);
                SqlTypeName name = type == null ? null : type.getSqlTypeName();
                if (name != null && name != SqlTypeName.ARRAY && name != SqlTypeName.MAP && name != SqlTypeName.ANY) {
                    throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT,
                            "Cannot unnest type: " + TypeMapping.toQuarry(type).displayName());
                }
            }
            throw e;
        }
    }

    /**
     * Trino's EXPRESSION_NOT_SCALAR for an aggregate, window function or GROUPING inside a lambda body or an UNNEST
     * operand (outside any sub-query of theirs), which have no group to aggregate over.
     */
    private void requireScalar(String what, SqlNode expression) {
        List<SqlNode> found = new java.util.ArrayList<>();
        collectNotScalar(expression, found);
        if (found.isEmpty()) {
            return;
        }
        List<String> texts = found.stream().map(node -> {
            SqlParserPos pos = node.getParserPosition();
            String snippet = text.snippet(pos.getLineNum(), pos.getColumnNum(), pos.getEndLineNum(), pos.getEndColumnNum());
            return snippet == null ? node.toString() : snippet;
        }).toList();
        ErrorLocation location = location(expression.getParserPosition());
        if (expression instanceof SqlBasicCall binary && binary.getOperator() instanceof org.apache.calcite.sql.SqlBinaryOperator
                && binary.operandCount() == 2) {
            // Trino places a binary expression at its operator
            SqlParserPos left = binary.operand(0).getParserPosition();
            location = text.after(left.getEndLineNum(), left.getEndColumnNum());
        }
        throw new QuarryException(ErrorCode.EXPRESSION_NOT_SCALAR,
                Errors.prefix(location) + what + " cannot contain aggregations, window functions or grouping operations: "
                        + texts, location, null);
    }

    private void collectNotScalar(SqlNode node, List<SqlNode> found) {
        if (!(node instanceof SqlCall call) || node.getKind().belongsTo(SqlKind.QUERY) || node.getKind() == SqlKind.LAMBDA) {
            return;
        }
        if (node.getKind() == SqlKind.OVER || node.getKind() == SqlKind.GROUPING || isAggregate(call)) {
            found.add(node);
            return;
        }
        for (SqlNode operand : call.getOperandList()) {
            if (operand != null) {
                collectNotScalar(operand, found);
            }
        }
    }

    /**
     * {@code GROUP BY AUTO} groups by every select item that is not an aggregate call, as Trino does: an item
     * such as {@code count(*) + regionkey} becomes a grouping key too (and fails as an aggregation in GROUP BY).
     */
    private void expandGroupByAuto(SqlSelect select) {
        SqlNodeList group = select.getGroup();
        if (group == null) {
            return;
        }
        SqlNodeList expanded = new SqlNodeList(group.getParserPosition());
        boolean auto = false;
        for (SqlNode element : group) {
            if (element instanceof SqlIdentifier identifier && identifier.isSimple() && !identifier.isComponentQuoted(0)
                    && identifier.getSimple().equalsIgnoreCase("AUTO")) {
                auto = true;
                boolean starSeen = false;
                List<SqlNode> items = select.getSelectList();
                for (int i = 0; i < items.size(); i++) {
                    SqlNode expression = SqlUtil.stripAs(items.get(i));
                    starSeen |= isStar(expression);
                    if (isStar(expression) || isAggregateItem(expression)) {
                        continue;
                    }
                    // a number in GROUP BY is an ordinal: the item's own position stands for it
                    expanded.add(expression instanceof org.apache.calcite.sql.SqlNumericLiteral && !starSeen
                            ? SqlLiteral.createExactNumeric(String.valueOf(i + 1), expression.getParserPosition())
                            : expression);
                }
            } else {
                expanded.add(element);
            }
        }
        if (auto) {
            select.setGroupBy(expanded);
        }
    }

    /** An aggregate call, also with FILTER, WITHIN GROUP or a null treatment around it. */
    private boolean isAggregateItem(SqlNode expression) {
        if (!(expression instanceof SqlCall call)) {
            return false;
        }
        return switch (call.getKind()) {
            case FILTER, WITHIN_GROUP, WITHIN_DISTINCT, RESPECT_NULLS, IGNORE_NULLS -> isAggregateItem(call.operand(0));
            default -> isAggregate(call);
        };
    }

    private boolean isAggregate(SqlCall call) {
        SqlOperator operator = call.getOperator();
        if (operator.isAggregator()) {
            return true;
        }
        if (!(operator instanceof org.apache.calcite.sql.SqlUnresolvedFunction unresolved)) {
            return false;
        }
        List<SqlOperator> overloads = new java.util.ArrayList<>();
        getOperatorTable().lookupOperatorOverloads(unresolved.getNameAsId(), null,
                org.apache.calcite.sql.SqlSyntax.FUNCTION, overloads, getCatalogReader().nameMatcher());
        return overloads.stream().anyMatch(SqlOperator::isAggregator);
    }

    /**
     * Calcite registers the lambdas of an UNNEST's first operand only; those of the others
     * ({@code UNNEST(transform(a, …), transform(b, …))}) get their scopes here, as the first one's. A lambda in the
     * body of another is registered again under the outer lambda's scope, where Calcite puts it beside it.
     */
    @Override
    protected void registerQuery(SqlValidatorScope parentScope, SqlValidatorScope usingScope, SqlNode node,
            SqlNode enclosingNode, String alias, boolean forceNullable) {
        super.registerQuery(parentScope, usingScope, node, enclosingNode, alias, forceNullable);
        if (node.getKind() == SqlKind.UNNEST) {
            List<SqlNode> operands = ((SqlCall) node).getOperandList();
            for (SqlNode operand : operands.subList(1, operands.size())) {
                registerLambdas(parentScope, operand);
            }
        } else if (node instanceof org.apache.calcite.sql.SqlLambda lambda) {
            // the closure scope from the start (type inference looks names up before validation), and a lambda
            // inside this one's body sees its parameters: its scope is this one's child
            registerLambdas(getLambdaScope(lambda), lambda.getExpression());
        }
    }

    private void registerLambdas(SqlValidatorScope parentScope, SqlNode node) {
        if (node instanceof org.apache.calcite.sql.SqlLambda lambda) {
            registerQuery(parentScope, null, lambda, lambda, null, false);
        } else if (node instanceof SqlCall call && !node.getKind().belongsTo(SqlKind.QUERY)) {
            for (SqlNode operand : call.getOperandList()) {
                if (operand != null) {
                    registerLambdas(parentScope, operand);
                }
            }
        }
    }

    /**
     * A double literal beyond the range of double ({@code 1e400}) is infinite in Trino, not out of range; it
     * becomes a double when translated.
     */
    @Override
    public void validateLiteral(org.apache.calcite.sql.SqlLiteral literal) {
        if (literal.getTypeName() == SqlTypeName.DOUBLE
                && Double.isInfinite(literal.getValueAs(java.math.BigDecimal.class).doubleValue())) {
            return;
        }
        super.validateLiteral(literal);
    }

    @Override
    public org.apache.calcite.sql.type.SqlTypeMappingRule getTypeMappingRule() {
        return CastRules.RULE;
    }

    /** The NULLS FIRST and NULLS LAST taken off each MATCH_RECOGNIZE's ORDER BY, which neither Calcite's validator nor converter take. */
    private final java.util.Map<SqlMatchRecognize, List<org.apache.calcite.rel.RelFieldCollation.NullDirection>> matchRecognizeNulls =
            new java.util.IdentityHashMap<>();

    /** What {@link MatchRecognizeNulls#strip} took off the ORDER BY of a validated MATCH_RECOGNIZE. */
    List<org.apache.calcite.rel.RelFieldCollation.NullDirection> matchRecognizeNulls(SqlMatchRecognize match) {
        return matchRecognizeNulls.getOrDefault(match, List.of());
    }

    /** Trino refuses a MATCH_RECOGNIZE over columns of one name ({@code SELECT *} of a join), referred to or not. */
    private void checkUniqueInputColumns(SqlMatchRecognize match) {
        SqlValidatorNamespace input = getNamespace(match.getTableRef());
        if (input == null) {
            return;
        }
        List<String> fields = input.getRowType().getFieldNames();
        Set<String> shown = new java.util.HashSet<>();
        for (int i = 0; i < fields.size(); i++) {
            String name = shownColumnName(input, i, fields.get(i)).toLowerCase(Locale.ROOT);
            if (!shown.add(name)) {
                ErrorLocation location = location(match.getTableRef().getParserPosition());
                throw new QuarryException(ErrorCode.AMBIGUOUS_NAME, Errors.prefix(location) + "ambiguous column: " + name
                        + " in row pattern input relation", location, null);
            }
        }
    }

    @Override
    protected org.apache.calcite.sql.validate.MatchRecognizeNamespace createMatchRecognizeNameSpace(SqlMatchRecognize call,
            SqlNode enclosingNode) {
        return new MatchRecognizeInputFirst(this, call, enclosingNode);
    }

    /**
     * Calcite registers a MATCH_RECOGNIZE's input in the scope that holds the MATCH_RECOGNIZE itself: a column the
     * input's join looks for in its other relations is looked for there too, in the MATCH_RECOGNIZE being validated,
     * which Calcite would take for a cycle. While it is validated, it has no columns to show.
     */
    private static final class MatchRecognizeInputFirst extends org.apache.calcite.sql.validate.MatchRecognizeNamespace {
        private boolean validating;

        MatchRecognizeInputFirst(SqlValidatorImpl validator, SqlMatchRecognize call, SqlNode enclosingNode) {
            super(validator, call, enclosingNode);
        }

        @Override
        public RelDataType validateImpl(RelDataType targetRowType) {
            validating = true;
            try {
                return super.validateImpl(targetRowType);
            } finally {
                validating = false;
            }
        }

        @Override
        public RelDataType getRowType() {
            return validating && rowType == null ? validator.getTypeFactory().createStructType(List.of(), List.of()) : super.getRowType();
        }
    }

    @Override
    public void validateMatchRecognize(SqlCall call) {
        SqlMatchRecognize match = (SqlMatchRecognize) call;
        if (match.getAfter() == null) {
            // Trino's default is AFTER MATCH SKIP PAST LAST ROW; Calcite's converter would take TO NEXT ROW
            match.setOperand(SqlMatchRecognize.OPERAND_AFTER, org.apache.calcite.sql.SqlLiteral.createSymbol(
                    SqlMatchRecognize.AfterOption.SKIP_PAST_LAST_ROW, call.getParserPosition()));
        }
        MatchRecognizeChecks.check(match);
        matchRecognizeNulls.put(match, MatchRecognizeNulls.strip(match));
        MatchRecognizeCalls.rewrite(match);
        MatchRecognizeRowType.numberMeasures(match);
        super.validateMatchRecognize(call);
        checkUniqueInputColumns(match);
        RelDataType type = MatchRecognizeRowType.of(match, getValidatedNodeType(call), getTypeFactory());
        java.util.Objects.requireNonNull(getNamespace(call), "namespace").setType(type);
        setValidatedNodeType(call, type);
    }

    @Override
    public CalciteException handleUnresolvedFunction(
            SqlCall call, SqlOperator unresolvedFunction, List<RelDataType> argTypes, List<String> argNames) {
        String name = unresolvedFunction.getName().toLowerCase(Locale.ROOT);
        ErrorLocation location = location(call.getParserPosition());
        if (name.equals("left") || name.equals("right")) {
            // reserved words in Trino's grammar, never names of functions
            throw new QuarryException(ErrorCode.SYNTAX_ERROR, Errors.prefix(location) + "mismatched input '" + name + "'", location, null);
        }
        if (name.equals("concat") && argTypes.isEmpty()) {
            // Trino's concat() matches both its varchar and its varbinary form
            throw ambiguousOperator(call);
        }
        boolean hasName = PrestoOperatorTable.INSTANCE.hasFunction(name);
        boolean lambdaFormTrinoHas = LAMBDA_FORMS.contains(name)
                && argTypes.stream().anyMatch(type -> type.getSqlTypeName() == SqlTypeName.FUNCTION);
        if ((!hasName && KNOWN_TRINO_FUNCTIONS.contains(name)) || lambdaFormTrinoHas) {
            throw new QuarryException(
                    ErrorCode.NOT_SUPPORTED,
                    Errors.prefix(location) + "Function '" + name + "' is not supported yet",
                    location,
                    null);
        }
        if (!hasName) {
            throw new QuarryException(
                    ErrorCode.FUNCTION_NOT_FOUND,
                    Errors.prefix(location) + "Function '" + name + "' not registered",
                    location,
                    null);
        }
        // as in Trino, a function called with arguments none of its signatures takes is not found
        String types = argTypes.stream().map(TypeMapping::displayName).collect(Collectors.joining(", "));
        throw new QuarryException(
                ErrorCode.FUNCTION_NOT_FOUND,
                Errors.prefix(location) + "Unexpected parameters (" + types + ") for function " + name,
                location,
                null);
    }

    /** A typed literal whose text is no value of its type (Calcite fails on {@code UUID 'abc'} with a bare exception). */
    @Override
    public org.apache.calcite.sql.SqlLiteral resolveLiteral(org.apache.calcite.sql.SqlLiteral literal) {
        try {
            return super.resolveLiteral(literal);
        } catch (IllegalArgumentException e) {
            ErrorLocation location = location(literal.getParserPosition());
            String value = literal instanceof org.apache.calcite.sql.SqlUnknownLiteral unknown ? unknown.getValue() : literal.toString();
            String type = literal instanceof org.apache.calcite.sql.SqlUnknownLiteral unknown ? unknown.tag : "literal";
            throw new QuarryException(ErrorCode.INVALID_LITERAL,
                    Errors.prefix(location) + "'" + value + "' is not a valid " + type + " literal", location, e);
        }
    }

    /** ORDER BY may name a field of a row column ({@link RowFieldOrdering}). */
    @Override
    public SqlNode expandOrderExpr(org.apache.calcite.sql.SqlSelect select, SqlNode orderExpr) {
        return RowFieldOrdering.expand(orderExpr, part -> super.expandOrderExpr(select, part));
    }

    /** Trino has no NATURAL JOIN. */
    @Override
    protected void validateJoin(org.apache.calcite.sql.SqlJoin join, SqlValidatorScope scope) {
        if (join.isNatural()) {
            ErrorLocation location = location(join.getParserPosition());
            throw new QuarryException(ErrorCode.NOT_SUPPORTED, Errors.prefix(location) + "Natural join not supported", location, null);
        }
        super.validateJoin(join, scope);
        if (join.getConditionType() == JoinConditionType.USING && join.getCondition() instanceof SqlNodeList using) {
            for (SqlNode column : using) {
                String name = ((SqlIdentifier) column).getSimple();
                if (columnCount(join.getLeft(), name) > 1 || columnCount(join.getRight(), name) > 1) {
                    // a side with two columns of the name (a join of two tables that have it): Trino cannot tell which
                    ErrorLocation location = location(column.getParserPosition());
                    throw new QuarryException(ErrorCode.AMBIGUOUS_NAME, Errors.prefix(location) + "Column '"
                            + name.toLowerCase(Locale.ROOT) + "' is ambiguous", location, null);
                }
            }
        }
    }

    /** How many columns of the name a side of a join has: a join USING the name has one. */
    private int columnCount(SqlNode side, String name) {
        if (side instanceof SqlJoin join) {
            if (join.getConditionType() == JoinConditionType.USING && join.getCondition() instanceof SqlNodeList using
                    && using.stream().anyMatch(column -> ((SqlIdentifier) column).getSimple().equalsIgnoreCase(name))) {
                return 1;
            }
            return columnCount(join.getLeft(), name) + columnCount(join.getRight(), name);
        }
        SqlValidatorNamespace namespace = getNamespace(side);
        if (namespace == null) {
            return 0;
        }
        return (int) namespace.getRowType().getFieldNames().stream().filter(name::equalsIgnoreCase).count();
    }

    @Override
    protected SqlNode performUnconditionalRewrites(SqlNode node, boolean underFrom) {
        checkDateTimePrecision(node);
        checkCastTarget(node);
        DecimalRounding.rewrite(node);
        CharCast.rewrite(node);
        if (node instanceof SqlCall call) {
            // before Calcite turns year(NULL) into EXTRACT(YEAR FROM NULL)
            BareNullArguments.bind(call, java.util.Optional.empty(), this::getValidatedNodeTypeIfKnown, typeFactory,
                    this::setValidatedNodeType, bound -> location(bound.getParserPosition()));
        }
        if (node != null && node.getKind() == SqlKind.EXTRACT) {
            writtenExtracts.add(node.getParserPosition());
        }
        node = TemporalSyntax.rewriteExtract(node, this::location);
        NormalizeForm.rewrite(node);
        SqlNode rewritten = super.performUnconditionalRewrites(node, underFrom);
        ArrayConcat.rewrite(rewritten);
        ColorSql.Subscript.rewrite(rewritten);
        resolveLiteralsOfValuesOperands(rewritten);
        return CharCast.keepStructuralChars(rewritten);
    }

    /**
     * The typed literals ({@code DATE '…'}) of a VALUES that an expression takes ({@code x IN (VALUES DATE '…')}) are
     * read now: expanding the expression would read them later, copying the VALUES into one the validator has not
     * registered as a query.
     */
    private void resolveLiteralsOfValuesOperands(SqlNode node) {
        if (!(node instanceof SqlCall call) || call.getKind().belongsTo(SqlKind.QUERY)) {
            return;
        }
        for (SqlNode operand : call.getOperandList()) {
            if (operand != null && operand.getKind() == SqlKind.VALUES) {
                for (SqlNode row : ((SqlCall) operand).getOperandList()) {
                    SqlCall fields = (SqlCall) row; // a ROW call, even of one value
                    for (int i = 0; i < fields.operandCount(); i++) {
                        if (fields.operand(i) instanceof org.apache.calcite.sql.SqlUnknownLiteral literal) {
                            fields.setOperand(i, resolveLiteral(literal));
                        }
                    }
                }
            }
        }
    }

    /** Trino compares strings only with strings: {@code intcol = 'a'} is a type error, not a cast. */
    @Override
    public RelDataType deriveType(SqlValidatorScope scope, SqlNode expression) {
        if (expression.getKind() == SqlKind.DEFAULT) {
            // Calcite reads DEFAULT in VALUES as "the column's default"; Trino has no column defaults, DEFAULT is a name there
            ErrorLocation location = location(expression.getParserPosition());
            throw new QuarryException(
                    ErrorCode.COLUMN_NOT_FOUND, Errors.prefix(location) + "Column 'default' cannot be resolved", location, null);
        }
        RelDataType known = getValidatedNodeTypeIfKnown(expression);
        if (known != null && known.getSqlTypeName() != SqlTypeName.ANY) {
            // typed before, its checks too: Calcite derives the operands of a call again for each of its checks, and
            // deriving them again here each time doubled the work at each level of a chain (a + b + c + …)
            return known;
        }
        WindowChecks.check(expression, text);
        checkNoLambdaArgument(expression, scope);
        if (expression.getKind() == SqlKind.DOT && expression instanceof SqlCall dot) {
            // through this validator: the base may be a field of an untyped parameter itself (r.b.d)
            RelDataType base = deriveType(scope, dot.operand(0));
            if (base.getSqlTypeName() == SqlTypeName.ANY) {
                // a field of a lambda parameter before the lambda's function has typed its parameters: typed again then
                RelDataType any = typeFactory.createTypeWithNullability(typeFactory.createSqlType(SqlTypeName.ANY), true);
                setValidatedNodeType(expression, any);
                return any;
            }
            requireRow(base, dot.operand(0).getParserPosition());
        }

        if (expression.getKind() == SqlKind.EXTRACT && writtenExtracts.contains(expression.getParserPosition())) {
            SqlCall extract = (SqlCall) expression;
            TemporalSyntax.checkExtract(extract, super.deriveType(scope, extract.operand(1)),
                    location(extract.operand(1).getParserPosition()));
        }
        bindUnknowns(expression, scope);
        if (expression instanceof SqlCall call && !call.getKind().belongsTo(SqlKind.QUERY) && call.getKind() != SqlKind.LAMBDA) {
            // an operand whose type the call derives without this validator ({@code -x = 1}) is bound first too
            for (SqlNode operand : call.getOperandList()) {
                if (operand != null) {
                    bindUnknowns(operand, scope);
                }
            }
        }
        IntervalElements.widen(expression, operand -> super.deriveType(scope, operand));
        TemporalSyntax.retypeDifference(expression, operand -> super.deriveType(scope, operand));
        if (expression instanceof SqlCall call && getValidatedNodeTypeIfKnown(call) == null) {
            BareNullArguments.bind(call, java.util.Optional.of(operand -> deriveType(scope, operand)),
                    this::getValidatedNodeTypeIfKnown, typeFactory, this::setValidatedNodeType,
                    bound -> location(bound.getParserPosition()));
        }
        if (expression instanceof SqlBasicCall call && (call.getKind() == SqlKind.GREATEST || call.getKind() == SqlKind.LEAST)) {
            checkComparableArguments(call, scope);
        }
        if (expression instanceof SqlBasicCall sum && (sum.getKind() == SqlKind.PLUS || sum.getKind() == SqlKind.MINUS)
                && sum.operandCount() == 2) {
            RelDataType untypedDateTimeArithmetic = deriveUntypedDateTimeArithmetic(sum, scope);
            if (untypedDateTimeArithmetic != null) {
                return untypedDateTimeArithmetic;
            }
        }
        if (expression instanceof SqlBasicCall constructor && constructor.getKind() == SqlKind.ARRAY_VALUE_CONSTRUCTOR
                && constructor.getOperandList().stream().anyMatch(operand -> isUntyped(deriveType(scope, operand)))) {
            // ARRAY[x, 1] of a lambda parameter not typed yet: typed as if it were a NULL, and again once it is typed
            // (a NULL beside it was typed as it, ANY, before: a NULL of its own too); ARRAY[x] is of untyped elements,
            // which a lambda over it leaves untyped as well
            List<SqlNode> written = List.copyOf(constructor.getOperandList());
            for (int i = 0; i < written.size(); i++) {
                if (isUntyped(deriveType(scope, written.get(i)))) {
                    constructor.setOperand(i, SqlLiteral.createNull(written.get(i).getParserPosition()));
                }
            }
            try {
                RelDataType array = super.deriveType(scope, expression);
                if (array.getComponentType() == null || array.getComponentType().getSqlTypeName() != SqlTypeName.NULL) {
                    return array;
                }
                RelDataType untyped = typeFactory.createArrayType(
                        typeFactory.createTypeWithNullability(typeFactory.createSqlType(SqlTypeName.ANY), true), -1);
                setValidatedNodeType(expression, untyped);
                return untyped;
            } finally {
                for (int i = 0; i < written.size(); i++) {
                    constructor.setOperand(i, written.get(i));
                }
            }
        }
        if (expression instanceof org.apache.calcite.sql.fun.SqlCase searched && searched.getValueOperand() == null) {
            // CASE WHEN x of an unknown x: Trino binds it to boolean
            SqlNodeList conditions = searched.getWhenOperands();
            for (int i = 0; i < conditions.size(); i++) {
                if (isUnknown(conditions.get(i), scope)) {
                    conditions.set(i, BareNullArguments.castTo(conditions.get(i), typeFactory.createSqlType(SqlTypeName.BOOLEAN)));
                }
            }
            if (conditions.stream().anyMatch(condition -> deriveType(scope, condition).getSqlTypeName() == SqlTypeName.ANY)) {
                // a lambda parameter not typed yet: the CASE is typed as if it were a condition, and again once it is
                List<SqlNode> written = List.copyOf(conditions);
                for (int i = 0; i < conditions.size(); i++) {
                    if (deriveType(scope, written.get(i)).getSqlTypeName() == SqlTypeName.ANY) {
                        conditions.set(i, org.apache.calcite.sql.SqlLiteral.createBoolean(true, written.get(i).getParserPosition()));
                    }
                }
                try {
                    return super.deriveType(scope, expression);
                } finally {
                    for (int i = 0; i < written.size(); i++) {
                        conditions.set(i, written.get(i));
                    }
                }
            }
        }
        // operand types first: Calcite's own check of the call would word a mismatch otherwise
        if (expression instanceof SqlBasicCall call
                && call.getKind().belongsTo(SqlKind.BINARY_COMPARISON)
                && call.operandCount() == 2) {
            RelDataType left = super.deriveType(scope, call.operand(0));
            RelDataType right = super.deriveType(scope, call.operand(1));
            boolean colors = ColorSql.isColor(left) || ColorSql.isColor(right);
            boolean refused = colors
                    ? !ColorSql.isComparison(call.getKind(), left, right)
                    : mixesStrings(left, right) || mixesBooleans(left, right)
                            || left instanceof SketchSqlType || right instanceof SketchSqlType;
            if (refused) {
                ErrorLocation location = operatorLocation(call);
                throw new QuarryException(ErrorCode.TYPE_MISMATCH, Errors.prefix(location)
                        + comparisonMismatch(call.getKind(), TypeMapping.displayName(left), TypeMapping.displayName(right)),
                        location, null);
            }
            if (call.getKind().belongsTo(SqlKind.COMPARISON) && call.getKind() != SqlKind.EQUALS
                    && call.getKind() != SqlKind.NOT_EQUALS && !call.getKind().belongsTo(DISTINCTNESS)) {
                checkOrderable(call, left, right);
            }
        }
        if (expression instanceof SqlCall call && call.getKind() == SqlKind.BETWEEN && call.operandCount() >= 3) {
            checkBetweenOperands(call, super.deriveType(scope, call.operand(0)), super.deriveType(scope, call.operand(1)),
                    super.deriveType(scope, call.operand(2)), false);
        }
        if (isIntervalByTypeName(expression)) {
            // the CAST(NULL AS …) Calcite's coercion writes beside an interval names the interval's type by its
            // SqlTypeName, which Calcite would derive as a basic type, not an interval type
            org.apache.calcite.sql.SqlDataTypeSpec spec = (org.apache.calcite.sql.SqlDataTypeSpec) expression;
            RelDataType typed = typeFactory.createTypeWithNullability(
                    intervalByTypeName(spec.getTypeNameSpec()), spec.getNullable() == null || spec.getNullable());
            setValidatedNodeType(expression, typed);
            return typed;
        }
        RelDataType type = super.deriveType(scope, expression);
        if (expression instanceof SqlBasicCall cast && (cast.getKind() == SqlKind.CAST || cast.getKind() == SqlKind.SAFE_CAST)) {
            RelDataType source = super.deriveType(scope, cast.operand(0));
            if (type.getSqlTypeName() == SqlTypeName.NULL) {
                ErrorLocation location = location(cast.getParserPosition());
                throw new QuarryException(ErrorCode.TYPE_MISMATCH, Errors.prefix(location) + "UNKNOWN is not a valid type",
                        location, null);
            }
            if (!ColorSql.isCast(source, type) || unknownFromKnown(source, type)) {
                // Calcite's rules let every OTHER type cast to varbinary and to the others
                ErrorLocation location = location(cast.getParserPosition());
                throw new QuarryException(ErrorCode.TYPE_MISMATCH, Errors.prefix(location) + "Cannot cast "
                        + TypeMapping.displayName(source) + " to " + TypeMapping.displayName(type), location, null);
            }
        }
        if (expression instanceof SqlCall call && call.getKind() == SqlKind.BETWEEN && call.operandCount() >= 3) {
            checkBetweenOperands(call, super.deriveType(scope, call.operand(0)), super.deriveType(scope, call.operand(1)),
                    super.deriveType(scope, call.operand(2)), true);
        }
        return type;
    }

    /**
     * BETWEEN only over values of one kind: a boolean beside a number is refused before Calcite looks for an
     * operator (it would name none found), a string beside a non-string after Calcite's coercion had its say.
     */
    private void checkBetweenOperands(SqlCall call, RelDataType value, RelDataType low, RelDataType high, boolean coerced) {
        boolean refused = coerced
                ? mixesStrings(value, low) || mixesStrings(value, high)
                        || ColorSql.isColor(value) || ColorSql.isColor(low) || ColorSql.isColor(high)
                : mixesBooleans(value, low) || mixesBooleans(value, high);
        if (refused) {
            ErrorLocation location = operatorLocation(call);
            throw new QuarryException(
                    ErrorCode.TYPE_MISMATCH,
                    Errors.prefix(location) + "Cannot check if " + TypeMapping.displayName(value) + " is BETWEEN "
                            + TypeMapping.displayName(low) + " and " + TypeMapping.displayName(high),
                    location,
                    null);
        }
    }

    /**
     * Binds the values of unknown type in an operator call as Trino does: beside a number or a date-time value
     * ({@link #bindUnknownOperand}), a subscript of one (an unknown NULL, as element_at of it), the negation of one
     * (ambiguous).
     */
    /** Whether a type is that of a lambda parameter not typed yet (ANY), or holds one ({@code ARRAY[x]}). */
    private static boolean isUntyped(RelDataType type) {
        if (type.getSqlTypeName() == SqlTypeName.ANY) {
            return true;
        }
        if (type.getComponentType() != null) {
            return isUntyped(type.getComponentType());
        }
        if (type.getSqlTypeName() == SqlTypeName.MAP) {
            return isUntyped(type.getKeyType()) || isUntyped(type.getValueType());
        }
        return type.isStruct() && type.getFieldList().stream().anyMatch(field -> isUntyped(field.getType()));
    }

    private void bindUnknowns(SqlNode node, SqlValidatorScope scope) {
        if (!(node instanceof SqlBasicCall call)) {
            return;
        }
        if (call.operandCount() == 2 && ARITHMETIC.contains(call.getKind())
                && (call.getOperator().getSyntax() == org.apache.calcite.sql.SqlSyntax.BINARY || call.getOperator() == Modulus.MOD)) {
            bindUnknownOperand(call, scope);
        }
        if (call.getKind() == SqlKind.ITEM && call.operandCount() == 2 && isUnknown(call.operand(0), scope)) {
            call.setOperator(StructuralOperators.elementAt());
        }
        if (call.getKind() == SqlKind.MINUS_PREFIX && isUnknown(call.operand(0), scope)) {
            throw ambiguousOperator(call);
        }
    }

    private static final java.util.Set<SqlKind> ARITHMETIC =
            java.util.EnumSet.of(SqlKind.PLUS, SqlKind.MINUS, SqlKind.TIMES, SqlKind.DIVIDE, SqlKind.MOD);

    /**
     * An operand of unknown type (a bare NULL, a lambda's parameter over {@code ARRAY[]}) beside a number takes the
     * number's type, as Trino binds it: the smallest decimal, decimal(1,0), beside a decimal ({@code NULL * 2.5} is a
     * decimal(3,1)), the type itself beside an integer or a floating point number.
     */
    private void bindUnknownOperand(SqlBasicCall call, SqlValidatorScope scope) {
        for (int i = 0; i < 2; i++) {
            SqlNode operand = call.operand(i);
            SqlNode other = call.operand(1 - i);
            if (!isUnknown(operand, scope)) {
                continue;
            }
            if (isUnknown(other, scope)) {
                if (call.getOperator() == Modulus.MOD) {
                    return; // mod(NULL, NULL), a function of tinyints: BareNullArguments types it
                }
                throw ambiguousOperator(call);
            }
            RelDataType otherType = deriveType(scope, other);
            if (!SqlTypeUtil.isNumeric(otherType)) {
                RelDataType temporal = temporalOperandType(call, i == 0, otherType);
                if (temporal != null) {
                    call.setOperand(i, BareNullArguments.castTo(operand, temporal));
                }
                return;
            }
            SqlTypeName otherName = otherType.getSqlTypeName();
            if (call.getKind() == SqlKind.TIMES && (otherName == SqlTypeName.BIGINT || otherName == SqlTypeName.DOUBLE)
                    || call.getKind() == SqlKind.DIVIDE && i == 0 && otherName == SqlTypeName.DOUBLE) {
                // an interval's product (quotient) with a bigint or a double would take the NULL as well
                throw ambiguousOperator(call);
            }
            RelDataType bound = otherType.getSqlTypeName() == SqlTypeName.DECIMAL
                    ? typeFactory.createSqlType(SqlTypeName.DECIMAL, 1, 0)
                    : typeFactory.createTypeWithNullability(otherType, false);
            call.setOperand(i, BareNullArguments.castTo(operand, bound));
            return;
        }
    }

    /**
     * The type Trino binds an unknown operand of {@code +} or {@code -} to beside a date, time, timestamp or interval,
     * or null where it binds none. Trino's operators decide: {@code date + x} and {@code date - x} take an interval
     * day to second, {@code x - date} a date (an interval answer), {@code interval - x} that interval; beside a
     * timestamp, after a time, and before or after an interval in a sum, several operators fit (AMBIGUOUS).
     */
    private RelDataType temporalOperandType(SqlBasicCall call, boolean unknownFirst, RelDataType other) {
        SqlKind kind = call.getKind();
        SqlTypeName name = other.getSqlTypeName();
        boolean interval = SqlTypeName.INTERVAL_TYPES.contains(name);
        boolean timestamp = name == SqlTypeName.TIMESTAMP || name == SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE
                || name == SqlTypeName.TIMESTAMP_TZ;
        boolean dateOrTime = name == SqlTypeName.DATE || name == SqlTypeName.TIME;
        if (kind == SqlKind.PLUS || kind == SqlKind.MINUS && !unknownFirst) {
            if (kind == SqlKind.MINUS && interval) {
                return typeFactory.createTypeWithNullability(other, true);
            }
            if (interval || timestamp || kind == SqlKind.MINUS && name == SqlTypeName.TIME) {
                throw ambiguousOperator(call);
            }
            return dateOrTime ? typeFactory.createSqlIntervalType(new org.apache.calcite.sql.SqlIntervalQualifier(
                    org.apache.calcite.avatica.util.TimeUnit.DAY, org.apache.calcite.avatica.util.TimeUnit.SECOND, SqlParserPos.ZERO))
                    : null;
        }
        if (kind == SqlKind.MINUS) {
            if (interval) {
                throw ambiguousOperator(call);
            }
            return dateOrTime || timestamp ? typeFactory.createTypeWithNullability(other, true) : null;
        }
        return null;
    }

    /**
     * {@code x - TIMESTAMP '…'} of a lambda parameter not typed yet: typed as if the parameter were a value the operator
     * takes beside the date-time operand (of its type before it, else an interval day to second), and again once it
     * is typed. Null for other calls.
     */
    private RelDataType deriveUntypedDateTimeArithmetic(SqlBasicCall call, SqlValidatorScope scope) {
        for (int i = 0; i < 2; i++) {
            SqlNode operand = call.operand(i);
            if (operand instanceof org.apache.calcite.sql.SqlLiteral
                    || deriveType(scope, operand).getSqlTypeName() != SqlTypeName.ANY) {
                continue;
            }
            RelDataType other = deriveType(scope, call.operand(1 - i));
            SqlTypeName name = other.getSqlTypeName();
            if (!SqlTypeName.DATETIME_TYPES.contains(name)) {
                return null;
            }
            RelDataType standIn = call.getKind() == SqlKind.MINUS && i == 0
                    ? other
                    : typeFactory.createSqlIntervalType(new org.apache.calcite.sql.SqlIntervalQualifier(
                            org.apache.calcite.avatica.util.TimeUnit.DAY, org.apache.calcite.avatica.util.TimeUnit.SECOND,
                            SqlParserPos.ZERO));
            org.apache.calcite.sql.SqlOperator operator = call.getOperator();
            call.setOperand(i, BareNullArguments.castTo(SqlLiteral.createNull(operand.getParserPosition()), standIn));
            try {
                TemporalSyntax.retypeDifference(call, node -> super.deriveType(scope, node));
                return super.deriveType(scope, call);
            } finally {
                call.setOperand(i, operand);
                call.setOperator(operator);
            }
        }
        return null;
    }

    /** Whether a cast target has the type unknown where its source has values of another type. */
    private static boolean unknownFromKnown(RelDataType source, RelDataType target) {
        if (source.getSqlTypeName() == SqlTypeName.NULL) {
            return false;
        }
        if (target.getSqlTypeName() == SqlTypeName.NULL) {
            return true;
        }
        if (source.getComponentType() != null && target.getComponentType() != null) {
            return unknownFromKnown(source.getComponentType(), target.getComponentType());
        }
        if (source.getKeyType() != null && target.getKeyType() != null) {
            return unknownFromKnown(source.getKeyType(), target.getKeyType())
                    || unknownFromKnown(source.getValueType(), target.getValueType());
        }
        if (source.isStruct() && target.isStruct() && source.getFieldCount() == target.getFieldCount()) {
            for (int i = 0; i < source.getFieldCount(); i++) {
                if (unknownFromKnown(source.getFieldList().get(i).getType(), target.getFieldList().get(i).getType())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** greatest and least of values without a common type (a boolean and a number, a date and a number) are no function. */
    private void checkComparableArguments(SqlBasicCall call, SqlValidatorScope scope) {
        List<RelDataType> types = new java.util.ArrayList<>();
        for (SqlNode operand : call.getOperandList()) {
            types.add(super.deriveType(scope, operand));
        }
        if (types.stream().anyMatch(type -> type.getSqlTypeName() == SqlTypeName.ANY)
                || types.stream().map(QuarryValidator::comparableKind).distinct().count() == 1
                || getTypeCoercion().getWiderTypeFor(types, false) != null
                || types.stream().allMatch(type -> type.getSqlTypeName() == SqlTypeName.TIMESTAMP
                        || type.getSqlTypeName() == SqlTypeName.TIMESTAMP_TZ || type.getSqlTypeName() == SqlTypeName.NULL)) {
            // one kind of type at different precisions (zoned timestamps of 1 and 7 digits) is comparable too
            return;
        }
        String name = call.getKind() == SqlKind.GREATEST ? "greatest" : "least";
        ErrorLocation location = location(call.getParserPosition());
        throw new QuarryException(ErrorCode.FUNCTION_NOT_FOUND, Errors.prefix(location) + "Unexpected parameters ("
                + types.stream().map(TypeMapping::displayName).collect(java.util.stream.Collectors.joining(", "))
                + ") for function " + name + ". Expected: " + name + "(E) E:orderable", location, null);
    }

    /** The kind of type greatest and least compare within: each interval is one of Trino's two interval types. */
    private static Object comparableKind(RelDataType type) {
        SqlTypeName name = type.getSqlTypeName();
        return SqlTypeName.YEAR_INTERVAL_TYPES.contains(name) ? SqlTypeName.INTERVAL_YEAR_MONTH
                : SqlTypeName.DAY_INTERVAL_TYPES.contains(name) ? SqlTypeName.INTERVAL_DAY_SECOND : name;
    }

    /** A bare NULL, or another value of unknown type: a lambda's parameter over {@code ARRAY[]}, {@code (SELECT NULL)}. */
    private boolean isUnknown(SqlNode operand, SqlValidatorScope scope) {
        return SqlUtil.isNullLiteral(operand, false)
                // this validator's own typing, which binds the unknowns inside a call (abs(x) of an unknown x is a tinyint)
                || !(operand instanceof org.apache.calcite.sql.SqlLiteral) && deriveType(scope, operand).getSqlTypeName() == SqlTypeName.NULL;
    }

    private QuarryException ambiguousOperator(SqlCall call) {
        ErrorLocation location = location(call.getParserPosition());
        return new QuarryException(ErrorCode.AMBIGUOUS_FUNCTION_CALL, Errors.prefix(location)
                + "Could not choose a best candidate operator. Explicit type casts must be added.", location, null);
    }

    private static final java.util.Set<SqlKind> DISTINCTNESS =
            java.util.EnumSet.of(SqlKind.IS_DISTINCT_FROM, SqlKind.IS_NOT_DISTINCT_FROM);

    /** {@code <}, {@code <=}, {@code >}, {@code >=} only between orderable values: not maps, colors, nor arrays or rows of them. */
    private void checkOrderable(SqlCall call, RelDataType left, RelDataType right) {
        io.quarry.type.Type leftType;
        io.quarry.type.Type rightType;
        try {
            leftType = TypeMapping.toQuarry(left);
            rightType = TypeMapping.toQuarry(right);
        } catch (QuarryException e) {
            return; // a type Quarry does not hold (a lambda's parameter not yet typed): decided elsewhere
        }
        if (!leftType.isOrderable() || !rightType.isOrderable()) {
            ErrorLocation location = operatorLocation(call);
            throw new QuarryException(ErrorCode.TYPE_MISMATCH, Errors.prefix(location)
                    + comparisonMismatch(call.getKind(), leftType.displayName(), rightType.displayName()), location, null);
        }
    }

    /** Trino's words for a comparison no operator takes: {@code >} and {@code >=} as {@code <} and {@code <=}, {@code <>} as {@code =}. */
    private static String comparisonMismatch(SqlKind kind, String left, String right) {
        return switch (kind) {
            case IS_DISTINCT_FROM, IS_NOT_DISTINCT_FROM -> "Cannot check if " + left + " is identical to " + right;
            case LESS_THAN, GREATER_THAN -> "Cannot apply operator: " + left + " < " + right;
            case LESS_THAN_OR_EQUAL, GREATER_THAN_OR_EQUAL -> "Cannot apply operator: " + left + " <= " + right;
            default -> "Cannot apply operator: " + left + " = " + right;
        };
    }

    static boolean mixesStrings(RelDataType left, RelDataType right) {
        boolean leftString = SqlTypeUtil.isCharacter(left);
        boolean rightString = SqlTypeUtil.isCharacter(right);
        // ANY: a lambda parameter whose type is not derived yet (a lambda inside UNNEST(…) is typed later)
        return leftString != rightString
                && left.getSqlTypeName() != SqlTypeName.NULL
                && right.getSqlTypeName() != SqlTypeName.NULL
                && left.getSqlTypeName() != SqlTypeName.ANY
                && right.getSqlTypeName() != SqlTypeName.ANY;
    }

    /** Trino has no implicit conversion between boolean and any other type: {@code 1 = true} is a type error. */
    static boolean mixesBooleans(RelDataType left, RelDataType right) {
        boolean leftBoolean = left.getSqlTypeName() == SqlTypeName.BOOLEAN;
        boolean rightBoolean = right.getSqlTypeName() == SqlTypeName.BOOLEAN;
        return leftBoolean != rightBoolean
                && left.getSqlTypeName() != SqlTypeName.NULL
                && right.getSqlTypeName() != SqlTypeName.NULL
                && left.getSqlTypeName() != SqlTypeName.ANY
                && right.getSqlTypeName() != SqlTypeName.ANY;
    }

    /** Where Trino places a lambda: at its parameters, with their parenthesis. */
    ErrorLocation lambdaLocation(org.apache.calcite.sql.SqlLambda lambda) {
        SqlParserPos pos = lambda.getParameters().isEmpty() ? lambda.getParserPosition()
                : lambda.getParameters().get(0).getParserPosition();
        return pos == null ? null : text.withOpeningParenthesis(pos.getLineNum(), pos.getColumnNum());
    }

    /** Where Trino places a comparison or BETWEEN: at its operator, after the first operand. */
    private ErrorLocation operatorLocation(SqlCall call) {
        SqlParserPos left = call.operand(0).getParserPosition();
        ErrorLocation location = left == null ? null : text.after(left.getEndLineNum(), left.getEndColumnNum());
        return location == null ? location(call.getParserPosition()) : location;
    }

    /**
     * A CAST to a time or timestamp type of a precision above 12 names no type in Trino; Calcite would cap the
     * precision at the type system's maximum.
     */
    private void checkDateTimePrecision(SqlNode node) {
        if (node instanceof SqlBasicCall call && (call.getKind() == SqlKind.CAST || call.getKind() == SqlKind.SAFE_CAST)
                && call.operandCount() == 2
                && call.operand(1) instanceof org.apache.calcite.sql.SqlDataTypeSpec spec
                && spec.getTypeNameSpec() instanceof org.apache.calcite.sql.SqlBasicTypeNameSpec basic
                && basic.getPrecision() > QuarryTypeSystem.MAX_DATETIME_PRECISION) {
            SqlTypeName typeName = SqlTypeName.get(basic.getTypeName().getSimple());
            String written = typeName == null ? null : switch (typeName) {
                case TIME -> "time(%d)";
                case TIME_TZ -> "time(%d) with time zone";
                case TIMESTAMP -> "timestamp(%d)";
                case TIMESTAMP_TZ, TIMESTAMP_WITH_LOCAL_TIME_ZONE -> "timestamp(%d) with time zone";
                default -> null;
            };
            if (written != null) {
                throw Errors.error(ErrorCode.TYPE_MISMATCH, "Unknown type: " + String.format(written, basic.getPrecision()),
                        location(call.getParserPosition()));
            }
        }
    }

    /**
     * A CAST to a decimal type (also inside an array, map or row type) of a precision outside [1, 38] or a scale
     * above its precision fails as in Trino; Calcite would cap the precision at the type system's maximum. So does
     * a CAST to an interval type Trino does not have.
     */
    private void checkCastTarget(SqlNode node) {
        if (node instanceof SqlBasicCall call && (call.getKind() == SqlKind.CAST || call.getKind() == SqlKind.SAFE_CAST)
                && call.operandCount() == 2 && call.operand(1) instanceof org.apache.calcite.sql.SqlDataTypeSpec spec) {
            checkDecimalParameters(spec.getTypeNameSpec(), call, spec);
        }
        if (node instanceof SqlBasicCall call && (call.getKind() == SqlKind.CAST || call.getKind() == SqlKind.SAFE_CAST)
                && call.operandCount() == 2 && call.operand(1) instanceof org.apache.calcite.sql.SqlIntervalQualifier qualifier) {
            IntervalCastTypes.checkSupported(qualifier);
        }
    }

    private void checkDecimalParameters(org.apache.calcite.sql.SqlTypeNameSpec typeName, SqlCall cast,
            org.apache.calcite.sql.SqlDataTypeSpec whole) {
        if (typeName instanceof org.apache.calcite.sql.SqlBasicTypeNameSpec basic
                && SqlTypeName.get(basic.getTypeName().getSimple()) == SqlTypeName.DECIMAL) {
            // Calcite reads NUMERIC and DEC as DECIMAL; Trino knows neither name
            SqlParserPos pos = basic.getParserPos();
            if (!text.rewrittenWord(pos.getLineNum(), pos.getColumnNum()).equalsIgnoreCase("decimal")) {
                throw Errors.error(ErrorCode.TYPE_MISMATCH, "Unknown type: " + writtenType(whole), location(cast.getParserPosition()));
            }
            if (basic.getScale() < 0 && basic.getScale() != org.apache.calcite.rel.type.RelDataType.SCALE_NOT_SPECIFIED) {
                // Calcite's grammar takes a negative scale, Trino's an unsigned integer only
                String spelled = text.snippet(pos.getLineNum(), pos.getColumnNum(), pos.getEndLineNum(), pos.getEndColumnNum());
                int minus = spelled == null ? -1 : spelled.indexOf('-');
                ErrorLocation at = location(pos);
                throw Errors.error(ErrorCode.SYNTAX_ERROR, "mismatched input '-'. Expecting: <integer>, <type>",
                        at == null || minus < 0 || spelled.lastIndexOf('\n', minus) >= 0
                                ? at : new ErrorLocation(at.lineNumber(), at.columnNumber() + minus));
            }
        }
        if (typeName instanceof org.apache.calcite.sql.SqlBasicTypeNameSpec basic
                && SqlTypeName.get(basic.getTypeName().getSimple()) == SqlTypeName.DECIMAL && basic.getPrecision() >= 0) {
            String invalid = io.quarry.type.DecimalType.invalidParameters(basic.getPrecision(), Math.max(basic.getScale(), 0));
            if (invalid != null) {
                throw new io.quarry.spi.QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, invalid);
            }
        } else if (typeName instanceof org.apache.calcite.sql.SqlCollectionTypeNameSpec collection) {
            checkDecimalParameters(collection.getElementTypeName(), cast, whole);
        } else if (typeName instanceof org.apache.calcite.sql.SqlMapTypeNameSpec map) {
            checkDecimalParameters(map.getKeyType().getTypeNameSpec(), cast, whole);
            checkDecimalParameters(map.getValType().getTypeNameSpec(), cast, whole);
        } else if (typeName instanceof org.apache.calcite.sql.SqlRowTypeNameSpec row) {
            row.getFieldTypes().forEach(field -> checkDecimalParameters(field.getTypeNameSpec(), cast, whole));
        }
    }

    /** A cast's target type as the user wrote it, spaced as Trino prints type names ({@code array(numeric(10, 2))}). */
    private String writtenType(org.apache.calcite.sql.SqlDataTypeSpec spec) {
        SqlParserPos pos = spec.getParserPosition();
        String written = text.snippet(pos.getLineNum(), pos.getColumnNum(), pos.getEndLineNum(), pos.getEndColumnNum());
        if (written == null) {
            return spec.toString();
        }
        return written.toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", " ").replaceAll("\\s*,\\s*", ", ")
                .replaceAll("\\(\\s+", "(").replaceAll("\\s+\\)", ")").strip();
    }

    /** Whether the node is a type named by an interval's SqlTypeName ({@code INTERVAL_DAY}), as Calcite's coercion writes it. */
    static boolean isIntervalByTypeName(SqlNode node) {
        return node instanceof org.apache.calcite.sql.SqlDataTypeSpec spec && isIntervalByTypeName(spec.getTypeNameSpec());
    }

    /**
     * Also an array, map or row of such an interval type ({@code ARRAY[NULL, ARRAY[INTERVAL '1' DAY]]},
     * {@code ARRAY[NULL, ROW(INTERVAL '1' YEAR)]}).
     */
    private static boolean isIntervalByTypeName(org.apache.calcite.sql.SqlTypeNameSpec typeName) {
        if (typeName instanceof org.apache.calcite.sql.SqlCollectionTypeNameSpec collection) {
            return isIntervalByTypeName(collection.getElementTypeName());
        }
        if (typeName instanceof org.apache.calcite.sql.SqlMapTypeNameSpec map) {
            return isIntervalByTypeName(map.getKeyType().getTypeNameSpec())
                    || isIntervalByTypeName(map.getValType().getTypeNameSpec());
        }
        if (typeName instanceof org.apache.calcite.sql.SqlRowTypeNameSpec row) {
            return row.getFieldTypes().stream().anyMatch(field -> isIntervalByTypeName(field.getTypeNameSpec()));
        }
        return typeName instanceof org.apache.calcite.sql.SqlBasicTypeNameSpec basic
                && SqlTypeName.INTERVAL_TYPES.contains(SqlTypeName.get(basic.getTypeName().getSimple()));
    }

    /** The type of a spec inside a structural one: null only where the spec says NULL, as Calcite derives it. */
    private RelDataType intervalByTypeName(org.apache.calcite.sql.SqlDataTypeSpec field) {
        RelDataType type = isIntervalByTypeName(field.getTypeNameSpec())
                ? intervalByTypeName(field.getTypeNameSpec()) : field.deriveType(this);
        return typeFactory.createTypeWithNullability(type, Boolean.TRUE.equals(field.getNullable()));
    }

    private RelDataType intervalByTypeName(org.apache.calcite.sql.SqlTypeNameSpec typeName) {
        if (typeName instanceof org.apache.calcite.sql.SqlCollectionTypeNameSpec collection) {
            // elements not null, as Calcite derives an array of a basic type name (the array itself may be null)
            RelDataType element = isIntervalByTypeName(collection.getElementTypeName())
                    ? intervalByTypeName(collection.getElementTypeName())
                    : collection.getElementTypeName().deriveType(this);
            return typeFactory.createArrayType(element, -1);
        }
        if (typeName instanceof org.apache.calcite.sql.SqlMapTypeNameSpec map) {
            return typeFactory.createMapType(intervalByTypeName(map.getKeyType()), intervalByTypeName(map.getValType()));
        }
        if (typeName instanceof org.apache.calcite.sql.SqlRowTypeNameSpec row) {
            return typeFactory.createStructType(
                    row.getFieldTypes().stream().map(this::intervalByTypeName).toList(),
                    row.getFieldNames().stream().map(SqlIdentifier::getSimple).toList());
        }
        SqlTypeName name = SqlTypeName.get(typeName.getTypeName().getSimple());
        return typeFactory.createSqlIntervalType(new org.apache.calcite.sql.SqlIntervalQualifier(
                name.getStartUnit(), name.getEndUnit() == name.getStartUnit() ? null : name.getEndUnit(), SqlParserPos.ZERO));
    }

    ErrorLocation location(SqlParserPos pos) {
        return pos == null ? null : text.location(pos.getLineNum(), pos.getColumnNum());
    }

    /**
     * Trino never turns a string into a number or a date behind the user's back: {@code 1 + 'a'} and
     * {@code intcol = '1'} are type errors, as in Trino.
     */
    static final class PrestoTypeCoercion extends TypeCoercionImpl {
        private static final java.util.Set<SqlKind> ARITHMETIC =
                java.util.EnumSet.of(SqlKind.PLUS, SqlKind.MINUS, SqlKind.TIMES, SqlKind.DIVIDE, SqlKind.MOD);

        PrestoTypeCoercion(RelDataTypeFactory typeFactory, SqlValidator validator) {
            super(typeFactory, validator);
        }

        @Override
        public boolean binaryArithmeticCoercion(SqlCallBinding binding) {
            if (mixesStrings(binding)) {
                return false;
            }
            if (unknownTakesOtherType(binding)) {
                return true;
            }
            return super.binaryArithmeticCoercion(binding);
        }

        /**
         * An operand of type unknown that is no NULL literal (a lambda parameter over {@code ARRAY[]}) in arithmetic
         * with a number takes the number's type, as Trino coerces unknown: {@code x + 1} is an integer, where
         * Calcite would make both operands its widest decimal.
         */
        private boolean unknownTakesOtherType(SqlCallBinding binding) {
            if (binding.getOperandCount() != 2 || !binding.getCall().getKind().belongsTo(ARITHMETIC)) {
                return false;
            }
            for (int i = 0; i < 2; i++) {
                RelDataType other = binding.getOperandType(1 - i);
                if (binding.getOperandType(i).getSqlTypeName() == SqlTypeName.NULL
                        && !org.apache.calcite.sql.SqlUtil.isNullLiteral(binding.operand(i), false)
                        && SqlTypeUtil.isNumeric(other)) {
                    return coerceOperandType(binding.getScope(), binding.getCall(), i, other);
                }
            }
            return false;
        }

        @Override
        public boolean binaryComparisonCoercion(SqlCallBinding binding) {
            if (mixesStrings(binding)) {
                return false;
            }
            return super.binaryComparisonCoercion(binding);
        }

        @Override
        public RelDataType implicitCast(RelDataType in, SqlTypeFamily expected) {
            boolean textExpected = expected == SqlTypeFamily.CHARACTER || expected == SqlTypeFamily.STRING;
            if (expected != SqlTypeFamily.ANY && in.getSqlTypeName() != SqlTypeName.NULL
                    && SqlTypeUtil.isCharacter(in) != textExpected) {
                return null;
            }
            return super.implicitCast(in, expected);
        }

        /** Trino finds no common type of a string and a non-string (UNION, CASE, COALESCE, IN, VALUES). */
        @Override
        public RelDataType getWiderTypeForTwo(RelDataType type1, RelDataType type2, boolean stringPromotion) {
            if (type1 != null && type2 != null && QuarryValidator.mixesStrings(type1, type2)
                    && type1.getSqlTypeName() != SqlTypeName.ANY && type2.getSqlTypeName() != SqlTypeName.ANY) {
                return null;
            }
            return super.getWiderTypeForTwo(type1, type2, stringPromotion);
        }

        @Override
        public RelDataType commonTypeForBinaryComparison(RelDataType type1, RelDataType type2) {
            if (type1 != null && type2 != null && QuarryValidator.mixesStrings(type1, type2)) {
                return null;
            }
            return super.commonTypeForBinaryComparison(type1, type2);
        }

        /**
         * Calcite cannot write a cast to a sketch type as SQL; a NULL column takes the sketch type as it is. A string
         * compared with a sub-query's strings keeps its type ({@link #comparingWithQuery}).
         */
        @Override
        protected boolean coerceColumnType(
                SqlValidatorScope scope, org.apache.calcite.sql.SqlNodeList nodeList, int index, RelDataType targetType) {
            if (targetType instanceof SketchSqlType
                    || index < nodeList.size() && keepsString(scope, nodeList.get(index), targetType)) {
                return false;
            }
            return super.coerceColumnType(scope, nodeList, index, targetType);
        }

        @Override
        protected boolean coerceOperandType(SqlValidatorScope scope, SqlCall call, int index, RelDataType targetType) {
            if (keepsString(scope, call.operand(index), targetType)) {
                return false;
            }
            return super.coerceOperandType(scope, call, index, targetType);
        }

        /**
         * Set while {@code x IN (query)} or {@code x = ANY (query)} gives its sides one type. Calcite would cast a
         * char and a varchar to one varchar, padding the char; Quarry compares a char with a string as Trino does,
         * as chars where trailing blanks do not count, so the strings keep their types.
         */
        private boolean comparingWithQuery;

        @Override
        public boolean inOperationCoercion(SqlCallBinding binding) {
            return withQueryComparison(binding, () -> super.inOperationCoercion(binding));
        }

        @Override
        public boolean quantifyOperationCoercion(SqlCallBinding binding) {
            return withQueryComparison(binding, () -> super.quantifyOperationCoercion(binding));
        }

        private boolean withQueryComparison(SqlCallBinding binding, java.util.function.BooleanSupplier coercion) {
            boolean previous = comparingWithQuery;
            comparingWithQuery = binding.getOperandCount() == 2 && binding.operand(1).getKind().belongsTo(SqlKind.QUERY);
            try {
                return coercion.getAsBoolean();
            } finally {
                comparingWithQuery = previous;
            }
        }

        private boolean keepsString(SqlValidatorScope scope, SqlNode node, RelDataType targetType) {
            if (!comparingWithQuery || scope == null || node == null || !SqlTypeUtil.isCharacter(targetType)) {
                return false;
            }
            SqlNode value = node.getKind() == SqlKind.AS ? ((SqlCall) node).operand(0) : node;
            return SqlTypeUtil.isCharacter(validator.deriveType(scope, value));
        }

        private static boolean mixesStrings(SqlCallBinding binding) {
            if (binding.getOperandCount() != 2) {
                return false;
            }
            return QuarryValidator.mixesStrings(binding.getOperandType(0), binding.getOperandType(1));
        }
    }
}
