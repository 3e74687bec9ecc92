package io.quarry.exec.function;

import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * parse_data_size (alias parse_presto_data_size): a number of digits and dots followed by a unit from B to YB in
 * powers of 1024 ({@code '1.5kB'} is 1536), the bytes truncated to a whole number of decimal(38,0).
 */
final class DataSizes {
    private static final String[] UNITS = {"B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"};
    private static final BigInteger MAX_DECIMAL = BigInteger.TEN.pow(38).subtract(BigInteger.ONE);

    private DataSizes() {}

    static BigInteger parse(String text) {
        int numberLength = 0;
        while (numberLength < text.length()
                && (Character.isDigit(text.charAt(numberLength)) || text.charAt(numberLength) == '.')) {
            numberLength++;
        }
        if (numberLength == 0) {
            throw invalid(text);
        }
        BigDecimal number;
        try {
            // BigDecimal reads any Unicode digit, as Character.isDigit accepts
            number = new BigDecimal(text.substring(0, numberLength));
        } catch (NumberFormatException e) {
            throw invalid(text);
        }
        String unit = text.substring(numberLength);
        int power = -1;
        for (int i = 0; i < UNITS.length; i++) {
            if (UNITS[i].equals(unit)) {
                power = i;
            }
        }
        if (power < 0) {
            throw invalid(text);
        }
        BigInteger bytes = number.multiply(new BigDecimal(BigInteger.ONE.shiftLeft(10 * power))).toBigInteger();
        if (bytes.compareTo(MAX_DECIMAL) > 0) {
            throw new QuarryException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE,
                    "Value out of range: '" + text + "' ('" + bytes + "B')");
        }
        return bytes;
    }

    private static QuarryException invalid(String text) {
        return new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "Invalid data size: '" + text + "'");
    }
}
