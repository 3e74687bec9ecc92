package io.quarry.exec.function;

import static io.quarry.exec.function.FunctionAssertions.arg;
import static io.quarry.exec.function.FunctionAssertions.eval;
import static io.quarry.exec.function.FunctionAssertions.evalConstants;
import static io.quarry.exec.function.FunctionAssertions.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.quarry.spi.ErrorCode;
import io.quarry.type.Types;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class TestMathLibraryFunctions {
    private static FunctionAssertions.Argument dbl(double value) {
        return arg(value, Types.DOUBLE);
    }

    private static FunctionAssertions.Argument bigint(long value) {
        return arg(value, Types.BIGINT);
    }

    @Test
    void truncatesTowardZero() {
        assertThat(eval("truncate", Types.DOUBLE, dbl(-1.9))).isEqualTo(-1.0);
        assertThat(eval("truncate", Types.DOUBLE, dbl(1.9))).isEqualTo(1.0);
        assertThat(eval("truncate", Types.DOUBLE, dbl(1.789), bigint(1))).isEqualTo(1.7);
        assertThat(eval("truncate", Types.decimal(4, 3), arg(new BigDecimal("1.789"), Types.decimal(4, 3)), bigint(1)))
                .isEqualTo(new BigDecimal("1.700"));
        assertThat(eval("truncate", Types.decimal(1, 0), arg(new BigDecimal("-1.789"), Types.decimal(4, 3))))
                .isEqualTo(new BigDecimal("-1"));
    }

    @Test
    void signOfEachType() {
        assertThat(eval("sign", Types.INTEGER, arg(-3L, Types.INTEGER))).isEqualTo(-1L);
        assertThat(eval("sign", Types.DOUBLE, dbl(2.5))).isEqualTo(1.0);
        assertThat(eval("sign", Types.decimal(1, 0), arg(new BigDecimal("-0.5"), Types.decimal(2, 1))))
                .isEqualTo(new BigDecimal("-1"));
    }

    @Test
    void constantsTrigonometryAndLogarithms() {
        assertThat(evalConstants("pi", Types.DOUBLE)).isEqualTo(Math.PI);
        assertThat(evalConstants("e", Types.DOUBLE)).isEqualTo(Math.E);
        assertThat(evalConstants("nan", Types.DOUBLE)).isEqualTo(Double.NaN);
        assertThat(evalConstants("infinity", Types.DOUBLE)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(eval("degrees", Types.DOUBLE, dbl(Math.PI))).isEqualTo(180.0);
        assertThat(eval("cos", Types.DOUBLE, dbl(0))).isEqualTo(1.0);
        assertThat(eval("atan2", Types.DOUBLE, dbl(1), dbl(1))).isEqualTo(Math.PI / 4);
        assertThat((double) eval("log2", Types.DOUBLE, dbl(8))).isCloseTo(3.0, within(1e-12));
        assertThat(eval("log10", Types.DOUBLE, dbl(1000))).isEqualTo(3.0);
        assertThat((double) eval("log", Types.DOUBLE, dbl(2), dbl(1024))).isCloseTo(10.0, within(1e-12));
        assertThat(eval("ln", Types.DOUBLE, dbl(Math.E))).isEqualTo(1.0);
        assertThat(eval("cbrt", Types.DOUBLE, dbl(27))).isEqualTo(3.0);
        assertThat(eval("exp", Types.DOUBLE, dbl(0))).isEqualTo(1.0);
    }

    @Test
    void nanAndInfinityTests() {
        assertThat(eval("is_nan", Types.BOOLEAN, dbl(Double.NaN))).isEqualTo(true);
        assertThat(eval("is_nan", Types.BOOLEAN, dbl(1))).isEqualTo(false);
        assertThat(eval("is_infinite", Types.BOOLEAN, dbl(Double.NEGATIVE_INFINITY))).isEqualTo(true);
        assertThat(eval("is_finite", Types.BOOLEAN, dbl(Double.POSITIVE_INFINITY))).isEqualTo(false);
    }

    @Test
    void widthBucketAndBitwise() {
        assertThat(eval("width_bucket", Types.BIGINT, dbl(5.3), dbl(0.2), dbl(10.6), bigint(5))).isEqualTo(3L);
        assertThat(eval("width_bucket", Types.BIGINT, dbl(-1), dbl(0), dbl(10), bigint(5))).isEqualTo(0L);
        assertThat(eval("width_bucket", Types.BIGINT, dbl(10), dbl(0), dbl(10), bigint(5))).isEqualTo(6L);
        assertThat(failure("width_bucket", Types.BIGINT, dbl(1), dbl(0), dbl(10), bigint(0)).errorCode())
                .isEqualTo(ErrorCode.INVALID_FUNCTION_ARGUMENT);
        assertThat(eval("bitwise_and", Types.BIGINT, bigint(12), bigint(10))).isEqualTo(8L);
        assertThat(eval("bitwise_or", Types.BIGINT, bigint(12), bigint(10))).isEqualTo(14L);
        assertThat(eval("bitwise_xor", Types.BIGINT, bigint(12), bigint(10))).isEqualTo(6L);
        assertThat(eval("bitwise_not", Types.BIGINT, bigint(0))).isEqualTo(-1L);
        assertThat(eval("bit_count", Types.BIGINT, bigint(-1), bigint(8))).isEqualTo(8L);
        assertThat(eval("bitwise_left_shift", Types.BIGINT, bigint(1), bigint(4))).isEqualTo(16L);
    }

    @Test
    void randomStaysInItsRange() {
        for (int i = 0; i < 50; i++) {
            assertThat((double) evalConstants("random", Types.DOUBLE)).isBetween(0.0, 1.0);
            assertThat((long) evalConstants("random", Types.BIGINT, bigint(3))).isBetween(0L, 2L);
            assertThat((long) evalConstants("random", Types.BIGINT, bigint(5), bigint(7))).isBetween(5L, 6L);
        }
        assertThat(failure("random", Types.BIGINT, bigint(0)).errorCode()).isEqualTo(ErrorCode.INVALID_FUNCTION_ARGUMENT);
    }
}
