package io.quarry.sql;

import io.quarry.plan.expression.Call;
import io.quarry.plan.expression.Expression;
import io.quarry.type.ArrayType;
import io.quarry.type.MapType;
import io.quarry.type.Types;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Trino's empty constructors {@code ARRAY[]}, an array(unknown), and {@code MAP()}, a map(unknown, unknown).
 * Calcite's array constructor needs an element, so {@link SqlText} turns {@code ARRAY[]} into a call of
 * {@link #EMPTY_ARRAY} (whose quoted name is as long as {@code ARRAY}); {@code MAP()} is a call of the niladic
 * {@link #EMPTY_MAP}, beside the two-argument map.
 */
final class EmptyConstructors {
    /** The name {@code ARRAY[]} calls; quoted ({@code "$ar"(}), as long as {@code ARRAY[}. */
    static final String EMPTY_ARRAY_NAME = "$ar";

    static final SqlFunction EMPTY_ARRAY = new SqlFunction(
            EMPTY_ARRAY_NAME.toUpperCase(Locale.ROOT), SqlKind.OTHER_FUNCTION,
            binding -> {
                RelDataTypeFactory factory = binding.getTypeFactory();
                return factory.createTypeWithNullability(factory.createArrayType(factory.createSqlType(SqlTypeName.NULL), -1), false);
            },
            null, OperandTypes.NILADIC, SqlFunctionCategory.SYSTEM);

    static final SqlFunction EMPTY_MAP = new SqlFunction(
            "MAP", SqlKind.OTHER_FUNCTION,
            binding -> {
                RelDataTypeFactory factory = binding.getTypeFactory();
                return factory.createTypeWithNullability(factory.createMapType(
                        factory.createSqlType(SqlTypeName.NULL), factory.createSqlType(SqlTypeName.NULL)), false);
            },
            null, OperandTypes.NILADIC, SqlFunctionCategory.SYSTEM);

    private EmptyConstructors() {}

    /** The empty array. */
    static Expression emptyArray() {
        return new Call("array_constructor", List.of(), new ArrayType(Types.UNKNOWN));
    }

    /** The empty map: of two empty arrays. */
    static Expression emptyMap() {
        return new Call("map", List.of(emptyArray(), emptyArray()), new MapType(Types.UNKNOWN, Types.UNKNOWN));
    }
}
