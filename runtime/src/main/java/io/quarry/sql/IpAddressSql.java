package io.quarry.sql;

import io.quarry.plan.expression.Constant;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.ErrorLocation;
import io.quarry.spi.QuarryException;
import io.quarry.type.IpAddressType;
import io.quarry.type.Types;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The ipaddress type in the planner. Calcite has no such type; ipaddress is Calcite's GEOMETRY, a type Quarry has no
 * other use for, so that it compares only with itself and casts only where {@link CastRules} allows. The literal
 * {@code IPADDRESS '…'} is checked in {@link SqlText} and becomes a call of {@link #LITERAL}, whose quoted name is as
 * long as the word; the call becomes a constant of its 16 bytes.
 */
final class IpAddressSql {
    /** The name the rewritten literal calls; quoted, as long as {@code IPADDRESS}. */
    static final String LITERAL_NAME = "$ip_lit";

    static final SqlFunction LITERAL = new SqlFunction(
            LITERAL_NAME.toUpperCase(java.util.Locale.ROOT), SqlKind.OTHER_FUNCTION,
            binding -> binding.getTypeFactory().createTypeWithNullability(calciteType(binding.getTypeFactory()), false),
            null, OperandTypes.CHARACTER, SqlFunctionCategory.SYSTEM);

    private IpAddressSql() {}

    static RelDataType calciteType(RelDataTypeFactory factory) {
        return factory.createSqlType(SqlTypeName.GEOMETRY);
    }

    /** Makes {@code ipaddress} a type name that CAST finds. */
    static void registerType(SchemaPlus root) {
        root.add("ipaddress", IpAddressSql::calciteType);
    }

    /** Whether the word starts an ipaddress literal. */
    static boolean isLiteralWord(String word) {
        return word.equalsIgnoreCase("ipaddress");
    }

    /** Checks the literal as the user wrote it: INVALID_LITERAL at {@code location} if it is no address. */
    static void check(String text, ErrorLocation location) {
        if (IpAddressType.parse(text) == null) {
            String message = "'" + text + "' is not a valid IPADDRESS literal";
            throw new QuarryException(ErrorCode.INVALID_LITERAL, Errors.prefix(location) + message, location, null);
        }
    }

    /** The constant a rewritten literal stands for. */
    static Constant constant(String text) {
        byte[] value = IpAddressType.parse(text);
        if (value == null) {
            throw new QuarryException(ErrorCode.INVALID_LITERAL, "'" + text + "' is not a valid IPADDRESS literal");
        }
        return new Constant(value, Types.IPADDRESS);
    }

    /** {@code contains(cidr, address)}: text and an ipaddress, Trino's overload of contains beside the array one. */
    static boolean isCidrContains(SqlCallBinding binding) {
        return binding.getOperator().getName().equalsIgnoreCase("contains") && binding.getOperandCount() == 2
                && (SqlTypeFamily.CHARACTER.getTypeNames().contains(binding.getOperandType(0).getSqlTypeName())
                        || binding.getOperandType(0).getSqlTypeName() == SqlTypeName.NULL)
                && (binding.getOperandType(1).getSqlTypeName() == SqlTypeName.GEOMETRY
                        || binding.getOperandType(1).getSqlTypeName() == SqlTypeName.NULL);
    }
}
