package io.quarry.sql;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlMatchRecognize;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeTransforms;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * What Trino takes in MATCH_RECOGNIZE and Calcite's validator refuses, written so that Calcite lets it through:
 * PREV and NEXT in MEASURES become {@link #MEASURE_PREV} and {@link #MEASURE_NEXT}, which the translator reads as
 * PREV and NEXT; RUNNING in DEFINE goes; {@code count(A.*)} counts the rows of A through a column that is never NULL for them:
 * {@link #LABEL_ROW} over the first ORDER BY or PARTITION BY column, and so does an aggregate over {@code CLASSIFIER(S)}
 * ({@link #CLASSIFIER_OF} of {@link #LABEL_ROW}) read the rows of S.
 */
final class MatchRecognizeCalls {
    static final SqlFunction MEASURE_PREV = navigation("$MEASURE_PREV");
    static final SqlFunction MEASURE_NEXT = navigation("$MEASURE_NEXT");
    /** True for any row: counting it counts the rows of its pattern variable. */
    static final SqlFunction LABEL_ROW = new SqlFunction("$LABEL_ROW", SqlKind.OTHER_FUNCTION, ReturnTypes.BOOLEAN_NOT_NULL, null,
            OperandTypes.ANY, SqlFunctionCategory.SYSTEM);
    /** CLASSIFIER(S): the variable of the last row of the variable or SUBSET named by the literal. */
    static final SqlFunction CLASSIFIER_OF = new SqlFunction("$CLASSIFIER", SqlKind.CLASSIFIER,
            ReturnTypes.explicit(SqlTypeName.VARCHAR).andThen(SqlTypeTransforms.FORCE_NULLABLE), null, OperandTypes.ANY,
            SqlFunctionCategory.SYSTEM);
    /**
     * A column of a SUBSET in DEFINE ({@code S.x}), where Calcite's validator knows no SUBSET: the SUBSET's name as a
     * literal and the column (of a variable of the SUBSET), read as the last row of the SUBSET's variables.
     */
    static final SqlFunction SUBSET_COLUMN = new SqlFunction("$SUBSET_COLUMN", SqlKind.OTHER_FUNCTION,
            ReturnTypes.ARG1.andThen(SqlTypeTransforms.FORCE_NULLABLE), null, OperandTypes.ANY_ANY, SqlFunctionCategory.SYSTEM);
    /** The anchors {@code ^} and {@code $} inside a PATTERN ({@link MatchRecognizeSyntax}); only the translator reads them. */
    static final SqlFunction PATTERN_START = anchor("$PATTERN_START");
    static final SqlFunction PATTERN_END = anchor("$PATTERN_END");
    /** The empty pattern {@code ()}, likewise. */
    static final SqlFunction PATTERN_EMPTY = anchor("$PATTERN_EMPTY");
    static final List<SqlFunction> OPERATORS = List.of(MEASURE_PREV, MEASURE_NEXT, LABEL_ROW, CLASSIFIER_OF, SUBSET_COLUMN);

    private MatchRecognizeCalls() {}

    private static SqlFunction navigation(String name) {
        return new SqlFunction(name, SqlKind.OTHER_FUNCTION, ReturnTypes.ARG0_FORCE_NULLABLE, null,
                OperandTypes.or(OperandTypes.ANY, OperandTypes.ANY_NUMERIC), SqlFunctionCategory.SYSTEM);
    }

    private static SqlFunction anchor(String name) {
        return new SqlFunction(name, SqlKind.OTHER_FUNCTION, ReturnTypes.BOOLEAN, null, OperandTypes.NILADIC, SqlFunctionCategory.SYSTEM);
    }

    static void rewrite(SqlMatchRecognize match) {
        SqlNode column = firstKeyColumn(match);
        SqlNodeList measures = match.getMeasureList();
        for (int i = 0; i < measures.size(); i++) {
            measures.set(i, measures.get(i).accept(new Rewriter(column, true)));
        }
        SqlNodeList defines = match.getPatternDefList();
        Map<String, SqlIdentifier> subsets = new HashMap<>();
        for (SqlNode subset : match.getSubsetList()) {
            SqlNodeList members = ((SqlCall) subset).operand(1);
            subsets.put(((SqlIdentifier) ((SqlCall) subset).operand(0)).getSimple(), (SqlIdentifier) members.get(0));
        }
        for (int i = 0; i < defines.size(); i++) {
            defines.set(i, defines.get(i).accept(new Rewriter(column, false)).accept(new SubsetColumns(subsets)));
        }
    }

    private static SqlNode firstKeyColumn(SqlMatchRecognize match) {
        for (SqlNodeList keys : List.of(match.getOrderList(), match.getPartitionList())) {
            if (keys != null && !keys.isEmpty()) {
                SqlNode key = keys.get(0);
                while (key instanceof SqlCall call && (call.getKind() == SqlKind.DESCENDING || call.getKind() == SqlKind.NULLS_FIRST
                        || call.getKind() == SqlKind.NULLS_LAST)) {
                    key = call.operand(0);
                }
                if (key instanceof SqlIdentifier identifier && identifier.isSimple()) {
                    return identifier;
                }
            }
        }
        return null;
    }

    /**
     * S.x of a SUBSET S becomes SUBSET_COLUMN('S', V.x), V the first variable of S, which Calcite's validator knows; a
     * navigation over S.x, PREV(S.x), becomes SUBSET_COLUMN('S', PREV(V.x)).
     */
    private static final class SubsetColumns extends SqlShuttle {
        private final Map<String, SqlIdentifier> firstMembers;

        SubsetColumns(Map<String, SqlIdentifier> firstMembers) {
            this.firstMembers = firstMembers;
        }

        @Override
        public SqlNode visit(SqlCall call) {
            boolean navigation = switch (call.getKind()) {
                case PREV, NEXT, FIRST, LAST -> true;
                default -> false;
            };
            String[] subset = {null};
            SqlNode members = new SqlShuttle() {
                @Override
                public SqlNode visit(SqlIdentifier id) {
                    SqlIdentifier member = id.names.size() == 2 ? firstMembers.get(id.names.get(0)) : null;
                    if (member == null) {
                        return id;
                    }
                    subset[0] = id.names.get(0);
                    return new SqlIdentifier(List.of(member.getSimple(), id.names.get(1)), id.getParserPosition());
                }
            }.visit(call);
            if (!navigation || subset[0] == null) {
                return super.visit(call);
            }
            // the whole navigation, which Calcite's validator checks over one variable
            SqlParserPos pos = call.getParserPosition();
            return SUBSET_COLUMN.createCall(pos, SqlLiteral.createCharString(subset[0], pos), members);
        }

        @Override
        public SqlNode visit(SqlIdentifier id) {
            SqlIdentifier member = id.names.size() == 2 ? firstMembers.get(id.names.get(0)) : null;
            if (member == null) {
                return id;
            }
            SqlParserPos pos = id.getParserPosition();
            return SUBSET_COLUMN.createCall(pos, SqlLiteral.createCharString(id.names.get(0), pos),
                    new SqlIdentifier(List.of(member.getSimple(), id.names.get(1)), pos));
        }
    }

    /** CLASSIFIER_OF('s') becomes CLASSIFIER_OF(LABEL_ROW(s.column)). */
    private static final class ClassifierRows extends SqlShuttle {
        private final SqlIdentifier column;

        ClassifierRows(SqlIdentifier column) {
            this.column = column;
        }

        @Override
        public SqlNode visit(SqlCall call) {
            if (call.getOperator() == CLASSIFIER_OF && call.operand(0) instanceof SqlLiteral name) {
                SqlIdentifier labelColumn = new SqlIdentifier(List.of(name.getValueAs(String.class), column.getSimple()),
                        name.getParserPosition());
                return CLASSIFIER_OF.createCall(call.getParserPosition(), LABEL_ROW.createCall(name.getParserPosition(), labelColumn));
            }
            return super.visit(call);
        }
    }

    private static final class Rewriter extends SqlShuttle {
        private final SqlNode column;
        private final boolean measure;

        Rewriter(SqlNode column, boolean measure) {
            this.column = column;
            this.measure = measure;
        }

        @Override
        public SqlNode visit(SqlCall call) {
            SqlNode visited = super.visit(call);
            if (!(visited instanceof SqlCall rewritten)) {
                return visited;
            }
            if (!measure && rewritten.getKind() == SqlKind.RUNNING) {
                // DEFINE is evaluated running: Trino takes the word there, Calcite's validator refuses it
                return rewritten.operand(0);
            }
            if (measure && (rewritten.getKind() == SqlKind.PREV || rewritten.getKind() == SqlKind.NEXT)) {
                SqlFunction function = rewritten.getKind() == SqlKind.PREV ? MEASURE_PREV : MEASURE_NEXT;
                return function.createCall(rewritten.getParserPosition(), rewritten.getOperandList());
            }
            if (rewritten.getOperator() instanceof SqlAggFunction && column != null) {
                // an aggregate over CLASSIFIER(S) reads the rows of S, which Calcite's validator sees through a column of S
                for (int i = 0; i < rewritten.operandCount(); i++) {
                    SqlNode operand = rewritten.operand(i);
                    if (operand != null) {
                        rewritten.setOperand(i, operand.accept(new ClassifierRows((SqlIdentifier) column)));
                    }
                }
            }
            if (rewritten.getKind() == SqlKind.COUNT && rewritten.operandCount() == 1 && column != null
                    && rewritten.operand(0) instanceof SqlIdentifier star && star.isStar() && star.names.size() == 2) {
                SqlIdentifier labelColumn = new SqlIdentifier(
                        List.of(star.names.get(0), ((SqlIdentifier) column).getSimple()), star.getParserPosition());
                SqlNode marker = LABEL_ROW.createCall(star.getParserPosition(), labelColumn);
                return rewritten.getOperator().createCall(rewritten.getFunctionQuantifier(), rewritten.getParserPosition(), marker);
            }
            return rewritten;
        }
    }
}
