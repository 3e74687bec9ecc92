package io.quarry.sql;

import java.util.List;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.NlsString;

/**
 * Calcite's expression builder, except that a cast of a time or timestamp literal to fewer fraction digits (or of a
 * timestamp literal to a time) stays a cast: Calcite folds it by cutting digits off, Trino rounds
 * ({@code CAST(TIMESTAMP '2020-01-02 03:04:05.5' AS timestamp(0))} is {@code 03:04:06}), and Quarry's cast does.
 */
final class TemporalRexBuilder extends RexBuilder {
    TemporalRexBuilder(RelDataTypeFactory typeFactory) {
        super(typeFactory);
    }

    /** A string literal's length counts code points, as in Trino ({@link CodePointLiterals}). */
    @Override
    public RexLiteral makeCharLiteral(NlsString value) {
        return makeLiteral(value, CodePointLiterals.type(typeFactory, value), SqlTypeName.CHAR);
    }

    @Override
    public RexNode makeCast(
            SqlParserPos pos, RelDataType type, RexNode exp, boolean matchNullability, boolean safe, RexLiteral format) {
        boolean sketch = type instanceof SketchSqlType || exp.getType() instanceof SketchSqlType;
        if (sketch && exp instanceof RexLiteral literal && !literal.isNull()) {
            // Calcite can neither fold nor simplify a cast of a literal to a sketch type: the executor does it
            return makeCall(pos, type, safe ? SketchSql.LITERAL_TRY_CAST : SketchSql.LITERAL_CAST, List.of(exp));
        }
        if (exp instanceof RexLiteral literal && !literal.isNull() && rounds(literal.getType(), type)) {
            RelDataType target = matchNullability
                    ? typeFactory.createTypeWithNullability(type, exp.getType().isNullable())
                    : type;
            return makeAbstractCast(pos, target, exp, safe, format);
        }
        return super.makeCast(pos, type, exp, matchNullability, safe, format);
    }

    private static boolean rounds(RelDataType source, RelDataType target) {
        SqlTypeName from = source.getSqlTypeName();
        SqlTypeName to = target.getSqlTypeName();
        boolean temporalSource = from == SqlTypeName.TIMESTAMP || from == SqlTypeName.TIME;
        if (!temporalSource || (to != SqlTypeName.TIMESTAMP && to != SqlTypeName.TIME)) {
            return false;
        }
        return (from == SqlTypeName.TIMESTAMP && to == SqlTypeName.TIME) || target.getPrecision() < source.getPrecision();
    }
}
