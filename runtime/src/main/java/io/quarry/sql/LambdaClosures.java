package io.quarry.sql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.prepare.Prepare;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLambda;
import org.apache.calcite.rex.RexLambdaRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlLambda;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.DelegatingScope;
import org.apache.calcite.sql.validate.ListScope;
import org.apache.calcite.sql.validate.SqlLambdaScope;
import org.apache.calcite.sql.validate.SqlNameMatcher;
import org.apache.calcite.sql.validate.SqlQualified;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorScope;
import org.apache.calcite.sql2rel.SqlRexConvertletTable;
import org.apache.calcite.sql2rel.SqlToRelConverter;

/**
 * Lambdas that use the columns of their row ({@code transform(a, x -> x + n)}), which Calcite 1.42 rejects
 * ("Param 'n' not found in lambda expression"). The validator gets a lambda scope that resolves names other than
 * the parameters in the enclosing query, and the converter a lambda blackboard that turns a table alias into the
 * range of that table's columns in the enclosing row, so a captured column becomes an input reference, which
 * {@link StructuralExpressions} makes a capture of the plan's {@code Lambda}.
 */
final class LambdaClosures {
    private LambdaClosures() {}

    /** A lambda scope whose names other than the parameters resolve in the enclosing scope. */
    static final class ClosureScope extends SqlLambdaScope {
        ClosureScope(SqlLambdaScope original, SqlLambda lambda, Map<SqlNode, SqlValidatorScope> scopes) {
            super(enclosing(original.getParent(), scopes), lambda);
            getParameterTypes().putAll(original.getParameterTypes());
        }

        /** The scope around a lambda; an enclosing lambda's as the closure scope that replaces it. */
        private static SqlValidatorScope enclosing(SqlValidatorScope parent, Map<SqlNode, SqlValidatorScope> scopes) {
            if (parent instanceof SqlLambdaScope outer && !(parent instanceof ClosureScope)) {
                SqlLambda outerLambda = (SqlLambda) outer.getNode();
                return scopes.get(outerLambda) instanceof ClosureScope existing
                        ? existing
                        : closureScope(outer, outerLambda, scopes);
            }
            return parent;
        }

        /** The index of a parameter of this lambda, or -1. */
        int parameterIndex(String name) {
            List<SqlNode> parameters = ((SqlLambda) getNode()).getParameters();
            for (int i = 0; i < parameters.size(); i++) {
                if (parameters.get(i).toString().equals(name)) {
                    return i;
                }
            }
            return -1;
        }

        @Override
        public SqlQualified fullyQualify(SqlIdentifier identifier) {
            if (isParameterName(identifier.names.get(0))) {
                return super.fullyQualify(identifier);
            }
            return getParent().fullyQualify(identifier);
        }

        @Override
        public RelDataType resolveColumn(String columnName, SqlNode ctx) {
            return getParameterTypes().containsKey(columnName)
                    ? super.resolveColumn(columnName, ctx)
                    : getParent().resolveColumn(columnName, ctx);
        }

        private boolean isParameterName(String name) {
            SqlLambda lambda = (SqlLambda) getNode();
            return lambda.getParameters().stream().anyMatch(parameter -> parameter.toString().equals(name));
        }
    }

    /** Replaces Calcite's scope of a lambda by a {@link ClosureScope}, once. */
    static SqlValidatorScope closureScope(SqlValidatorScope scope, SqlLambda lambda, Map<SqlNode, SqlValidatorScope> scopes) {
        if (scope instanceof SqlLambdaScope original && !(scope instanceof ClosureScope)) {
            ClosureScope closure = new ClosureScope(original, lambda, scopes);
            scopes.put(lambda, closure);
            return closure;
        }
        return scope;
    }

    /** Calcite's converter whose lambda blackboards also know the tables of the enclosing query. */
    static final class Converter extends SqlToRelConverter {
        Converter(RelOptTable.ViewExpander viewExpander, SqlValidator validator, Prepare.CatalogReader catalogReader,
                RelOptCluster cluster, SqlRexConvertletTable convertletTable, Config config) {
            super(viewExpander, validator, catalogReader, cluster, convertletTable, config);
        }

        @Override
        public RelRoot convertQuery(SqlNode query, boolean needsValidation, boolean top) {
            RelRoot root = super.convertQuery(query, needsValidation, top);
            return root.withRel(root.rel.accept(new RelHomogeneousShuttle() {
                @Override
                public RelNode visit(RelNode other) {
                    return super.visit(other).accept(new CaptureLister(rexBuilder));
                }
            }));
        }

        @Override
        protected void convertMatchRecognize(Blackboard bb, org.apache.calcite.sql.SqlMatchRecognize matchRecognize) {
            super.convertMatchRecognize(bb, matchRecognize);
            if (validator instanceof QuarryValidator quarry) {
                bb.setRoot(MatchRecognizeNulls.apply(bb.root(), quarry.matchRecognizeNulls(matchRecognize)), false);
            }
        }

        /** The blackboard converting a lambda while its body's blackboard is created. */
        private Blackboard convertingLambda;

        @Override
        protected Blackboard createBlackboard(SqlValidatorScope scope, Map<String, RexNode> nameToNodeMap, boolean top) {
            if (scope instanceof ClosureScope closure && nameToNodeMap != null) {
                return new LambdaBlackboard(
                        closure, new EnclosingTables(nameToNodeMap, scope, rexBuilder), convertingLambda, top);
            }
            return new CapturingBlackboard(scope, nameToNodeMap, top);
        }

        /** Converts an expression of a blackboard, noting the blackboard while a lambda is converted. */
        private RexNode convert(Blackboard blackboard, SqlNode expression, Function<SqlNode, RexNode> conversion) {
            if (expression.getKind() != SqlKind.LAMBDA) {
                return conversion.apply(expression);
            }
            Blackboard saved = convertingLambda;
            convertingLambda = blackboard;
            try {
                return conversion.apply(expression);
            } finally {
                convertingLambda = saved;
            }
        }

        /**
         * A blackboard whose calls list their lambdas' captures as they are converted, so that a correlation
         * variable used only in a lambda body is seen when Calcite decides which joins are correlated.
         */
        private final class CapturingBlackboard extends Blackboard {
            CapturingBlackboard(SqlValidatorScope scope, Map<String, RexNode> nameToNodeMap, boolean top) {
                super(scope, nameToNodeMap, top);
            }

            @Override
            public RexNode convertExpression(SqlNode expression) {
                return convert(this, expression, super::convertExpression).accept(new CaptureLister(rexBuilder));
            }
        }

        /**
         * The blackboard of a lambda body. A name other than a parameter (of this lambda or an enclosing one) is
         * converted by the blackboard that converts the lambda, as it would be outside the lambda: a column of the
         * input, a group key of an aggregation ({@code transform(array_agg(x), v -> v * k) … GROUP BY k}), or a
         * correlation variable for the outer row of {@code UNNEST(transform(t.a, v -> v + t.k))} or of a correlated
         * sub-query.
         */
        private final class LambdaBlackboard extends Blackboard {
            private final EnclosingTables names;
            private final Blackboard enclosing;

            LambdaBlackboard(ClosureScope scope, EnclosingTables names, Blackboard enclosing, boolean top) {
                super(scope, names, top);
                this.names = names;
                this.enclosing = enclosing;
            }

            @Override
            public RexNode convertExpression(SqlNode expression) {
                if (expression.getKind() == SqlKind.EXISTS && enclosing != null) {
                    // reads no parameter (the validator resolves none inside a query): converted as outside the lambda,
                    // where its correlation with the row (a group key of an aggregation too) is known
                    return enclosing.convertExpression(expression);
                }
                return convert(this, expression, super::convertExpression);
            }

            @Override
            public RexNode visit(SqlIdentifier identifier) {
                if (enclosing == null || names.isLambdaName(identifier.names.get(0)) && !isEnclosingColumn(identifier)) {
                    return super.visit(identifier);
                }
                return enclosing.convertExpression(identifier);
            }

            /**
             * Whether a name qualified by a lambda parameter's name is a column of the enclosing query that the validator
             * qualified by its table's alias ({@code n -> n + nationkey} over {@code nation n}): the parameter has no
             * field of that name.
             */
            private boolean isEnclosingColumn(SqlIdentifier identifier) {
                if (identifier.names.size() < 2) {
                    return false;
                }
                RelDataType parameter = names.parameterType(identifier.names.get(0));
                return parameter != null && (!parameter.isStruct() || parameter.getField(identifier.names.get(1), false, false) == null);
            }
        }
    }

    /**
     * The marker operand listing the columns that a call's lambdas capture. Calcite's finders of used columns
     * do not look into lambda bodies; listed beside the lambdas as an operand of their call, the captured
     * columns are kept and renumbered with the others. The plan's translation drops it.
     */
    static final SqlOperator CAPTURES = new SqlSpecialOperator("$CAPTURES", SqlKind.OTHER_FUNCTION) {
        @Override
        public boolean isDeterministic() {
            return true;
        }
    };

    /** Whether an operand is the {@link #CAPTURES} list (not an argument of the function). */
    static boolean isCaptureList(RexNode operand) {
        return operand instanceof RexCall call && call.getOperator() == CAPTURES;
    }

    /** The expression with the {@link #CAPTURES} operand of each call with a lambda listed anew. */
    static RexNode listCaptures(RexNode expression, RexBuilder rexBuilder) {
        return expression.accept(new CaptureLister(rexBuilder));
    }

    /** Adds the {@link #CAPTURES} operand to every call with a lambda that reads columns or correlation variables. */
    private static final class CaptureLister extends RexShuttle {
        private final RexBuilder rexBuilder;

        CaptureLister(RexBuilder rexBuilder) {
            this.rexBuilder = rexBuilder;
        }

        @Override
        public RexNode visitCall(RexCall call) {
            RexCall visited = (RexCall) super.visitCall(call);
            List<RexNode> operands = new ArrayList<>();
            Set<RexNode> captured = new LinkedHashSet<>();
            boolean hasLambda = false;
            for (RexNode operand : visited.getOperands()) {
                if (isCaptureList(operand)) {
                    continue;
                }
                operands.add(operand);
                if (operand instanceof RexLambda lambda) {
                    hasLambda = true;
                    lambda.getExpression().accept(new RexShuttle() {
                        @Override
                        public RexNode visitInputRef(RexInputRef inputRef) {
                            captured.add(inputRef);
                            return inputRef;
                        }

                        @Override
                        public RexNode visitFieldAccess(RexFieldAccess access) {
                            if (access.getReferenceExpr() instanceof RexCorrelVariable) {
                                captured.add(access);
                                return access;
                            }
                            return super.visitFieldAccess(access);
                        }
                    });
                }
            }
            if (!hasLambda || captured.isEmpty()) {
                return visited;
            }
            RelDataType type = rexBuilder.getTypeFactory().createSqlType(SqlTypeName.BOOLEAN);
            operands.add(rexBuilder.makeCall(type, CAPTURES, List.copyOf(captured)));
            return visited.clone(visited.getType(), operands);
        }
    }

    /**
     * The parameters of a lambda, and for any other name the columns of the enclosing query's table of that
     * alias as a range of the enclosing row (the input of the lambda's blackboard), or null.
     */
    private static final class EnclosingTables extends HashMap<String, RexNode> {
        private final transient SqlValidatorScope scope;
        private final transient RexBuilder rexBuilder;

        EnclosingTables(Map<String, RexNode> parameters, SqlValidatorScope scope, RexBuilder rexBuilder) {
            super(parameters);
            this.scope = scope;
            this.rexBuilder = rexBuilder;
        }

        /** The type of the parameter of this lambda or of an enclosing one of that name, or null. */
        RelDataType parameterType(String name) {
            RexNode own = super.get(name);
            if (own != null) {
                return own.getType();
            }
            for (SqlValidatorScope enclosing = scope; enclosing instanceof SqlLambdaScope lambda; enclosing = lambda.getParent()) {
                if (enclosing instanceof ClosureScope closure && closure.parameterIndex(name) >= 0) {
                    return closure.getParameterTypes().get(name);
                }
            }
            return null;
        }

        /** Whether a name is a parameter of this lambda or of an enclosing one. */
        boolean isLambdaName(String name) {
            if (containsKey(name)) {
                return true;
            }
            for (SqlValidatorScope enclosing = scope; enclosing instanceof SqlLambdaScope lambda; enclosing = lambda.getParent()) {
                if (enclosing instanceof ClosureScope closure && closure.parameterIndex(name) >= 0) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public RexNode get(Object key) {
            RexNode parameter = super.get(key);
            if (parameter != null || !(key instanceof String alias)) {
                return parameter;
            }
            // up through enclosing lambdas (whose parameters this one captures) and the aggregating scope of a
            // grouped query to the FROM's tables
            SqlValidatorScope enclosing = scope;
            while (!(enclosing instanceof ListScope) || enclosing instanceof SqlLambdaScope) {
                if (enclosing != scope && enclosing instanceof ClosureScope outer && outer.parameterIndex(alias) >= 0) {
                    RelDataType type = outer.getParameterTypes().get(alias);
                    return type == null ? null : new RexLambdaRef(outer.parameterIndex(alias), alias, type);
                }
                if (!(enclosing instanceof DelegatingScope delegating)) {
                    return null;
                }
                enclosing = delegating.getParent();
            }
            if (!(enclosing instanceof ListScope tables)) {
                return null;
            }
            SqlNameMatcher matcher = scope.getValidator().getCatalogReader().nameMatcher();
            SqlValidatorScope.ResolvedImpl resolved = new SqlValidatorScope.ResolvedImpl();
            tables.resolve(List.of(alias), matcher, false, resolved);
            if (resolved.count() != 1 || resolved.only().scope != tables) {
                return null;
            }
            SqlValidatorScope.Resolve table = resolved.only();
            int index = table.path.steps().get(0).i;
            int offset = 0;
            for (int i = 0; i < index; i++) {
                offset += tables.getChildren().get(i).getRowType().getFieldCount();
            }
            return rexBuilder.makeRangeReference(table.rowType(), offset, false);
        }
    }
}

