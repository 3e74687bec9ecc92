package io.quarry.sql;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlUnresolvedFunction;
import org.apache.calcite.sql.fun.SqlCase;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * A bare NULL where a function with a lambda takes its array or map ({@code transform(NULL, x -> x + 1)}) is an
 * array(unknown) or a map(unknown, unknown) in Trino, whose elements the lambda's parameters are: the call answers
 * NULL, of the type the lambda gives it ({@code array(integer)}). Before validation the NULL becomes a NULL of that
 * type, {@code CASE WHEN false THEN ARRAY[] END} (or {@code MAP()}), which the lambda functions type as they type an
 * empty collection.
 */
final class NullLambdaCollections {
    private enum Kind {
        ARRAY,
        MAP
    }

    /** The functions with a lambda, and the kind of collection each of their leading arguments is. */
    private static final Map<String, List<Kind>> COLLECTIONS = Map.ofEntries(
            Map.entry("transform", List.of(Kind.ARRAY)),
            Map.entry("filter", List.of(Kind.ARRAY)),
            Map.entry("reduce", List.of(Kind.ARRAY)),
            Map.entry("any_match", List.of(Kind.ARRAY)),
            Map.entry("all_match", List.of(Kind.ARRAY)),
            Map.entry("none_match", List.of(Kind.ARRAY)),
            Map.entry("array_sort", List.of(Kind.ARRAY)),
            Map.entry("zip_with", List.of(Kind.ARRAY, Kind.ARRAY)),
            Map.entry("transform_keys", List.of(Kind.MAP)),
            Map.entry("transform_values", List.of(Kind.MAP)),
            Map.entry("map_filter", List.of(Kind.MAP)),
            Map.entry("map_zip_with", List.of(Kind.MAP, Kind.MAP)));

    private NullLambdaCollections() {}

    static void rewrite(SqlNode statement) {
        statement.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
                if (call.getOperator() instanceof SqlUnresolvedFunction function
                        && call.getOperandList().stream().anyMatch(operand -> operand instanceof org.apache.calcite.sql.SqlLambda)) {
                    List<Kind> kinds = COLLECTIONS.getOrDefault(function.getName().toLowerCase(Locale.ROOT), List.of());
                    for (int i = 0; i < kinds.size() && i < call.operandCount(); i++) {
                        if (call.operand(i) instanceof SqlLiteral literal && literal.getTypeName() == org.apache.calcite.sql.type.SqlTypeName.NULL) {
                            call.setOperand(i, nullOf(kinds.get(i), literal.getParserPosition()));
                        }
                    }
                }
                return super.visit(call);
            }
        });
    }

    private static SqlNode nullOf(Kind kind, SqlParserPos pos) {
        SqlNode empty = kind == Kind.ARRAY
                ? EmptyConstructors.EMPTY_ARRAY.createCall(pos)
                : EmptyConstructors.EMPTY_MAP.createCall(pos);
        return new SqlCase(pos, null, SqlNodeList.of(SqlLiteral.createBoolean(false, pos)), SqlNodeList.of(empty),
                SqlLiteral.createNull(pos));
    }
}
