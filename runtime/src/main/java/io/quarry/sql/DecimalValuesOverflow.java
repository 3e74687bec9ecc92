package io.quarry.sql;

import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlNumericLiteral;

/**
 * A decimal literal of a VALUES of several rows that the column's common decimal type cannot hold
 * ({@code VALUES 1234567890123456789012345678901234.5, CAST(1 AS decimal(17, 7))}): Calcite's converter casts the
 * literals of such a VALUES itself and fails with an IllegalArgumentException. Trino fails the cast of the value,
 * an INVALID_CAST_ARGUMENT.
 */
final class DecimalValuesOverflow {
    private static final Pattern OVERFLOW = Pattern.compile("Cannot convert (\\S+) to DECIMAL\\((\\d+), (\\d+)\\) due to overflow");

    private DecimalValuesOverflow() {}

    /** The user's error for Calcite's failure {@code e} converting {@code validated}, if it is this overflow. */
    static Optional<QuarryException> translate(IllegalArgumentException e, SqlNode validated) {
        Matcher overflow = OVERFLOW.matcher(String.valueOf(e.getMessage()));
        if (!overflow.matches()) {
            return Optional.empty();
        }
        BigDecimal value = new BigDecimal(overflow.group(1));
        // the literal as written gives the source type; the converter's value carries the target's scale
        BigDecimal written = literal(validated, value.abs()).orElse(value.abs().stripTrailingZeros());
        BigDecimal signed = value.signum() < 0 ? written.negate() : written;
        int scale = Math.max(written.scale(), 0);
        int precision = Math.max(written.precision(), scale);
        return Optional.of(new QuarryException(ErrorCode.INVALID_CAST_ARGUMENT, "Cannot cast DECIMAL(%d, %d) '%s' to DECIMAL(%s, %s)"
                .formatted(precision, scale, signed.toPlainString(), overflow.group(2), overflow.group(3)), e));
    }

    private static Optional<BigDecimal> literal(SqlNode node, BigDecimal magnitude) {
        if (node instanceof SqlNumericLiteral literal) {
            BigDecimal written = literal.getValueAs(BigDecimal.class);
            return written.abs().compareTo(magnitude) == 0 ? Optional.of(written.abs()) : Optional.empty();
        }
        Iterable<? extends SqlNode> children = node instanceof SqlNodeList list ? list
                : node instanceof SqlCall call ? call.getOperandList() : List.of();
        for (SqlNode child : children) {
            if (child != null) {
                Optional<BigDecimal> found = literal(child, magnitude);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }
}
