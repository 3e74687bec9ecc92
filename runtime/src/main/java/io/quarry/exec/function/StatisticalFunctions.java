package io.quarry.exec.function;

import io.quarry.plan.expression.Call;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.Types;
import java.util.Set;

/**
 * Trino's distribution functions (normal_cdf, inverse_normal_cdf, beta_cdf, inverse_beta_cdf, t_cdf, t_pdf) and
 * Wilson score intervals, over doubles (the successes and trials of an interval are bigints), NULL in NULL out,
 * bad parameters INVALID_FUNCTION_ARGUMENT with Trino's messages. Returns null for other calls.
 */
final class StatisticalFunctions {
    static final Set<String> NAMES = Set.of("normal_cdf", "inverse_normal_cdf", "beta_cdf", "inverse_beta_cdf", "t_cdf",
            "t_pdf", "wilson_interval_lower", "wilson_interval_upper");

    /** The tolerance of Trino's beta inverse (its digits beyond it are the root finder's, which Quarry's follows). */
    private static final double BETA_INVERSE_ACCURACY = 1e-9;

    private static final double SQRT_2 = Math.sqrt(2);

    @FunctionalInterface
    private interface DoubleFunction3 {
        double apply(double first, double second, double third);
    }

    private StatisticalFunctions() {}

    static ScalarKernel resolve(Call call) {
        String name = call.function();
        if (!NAMES.contains(name)) {
            return null;
        }
        return switch (name) {
            case "normal_cdf" -> ternary(StatisticalFunctions::normalCdf);
            case "inverse_normal_cdf" -> ternary(StatisticalFunctions::inverseNormalCdf);
            case "beta_cdf" -> ternary(StatisticalFunctions::betaCdf);
            case "inverse_beta_cdf" -> ternary(StatisticalFunctions::inverseBetaCdf);
            case "t_cdf" -> binary(StatisticalFunctions::tCdf);
            case "t_pdf" -> binary(StatisticalFunctions::tPdf);
            case "wilson_interval_lower" -> wilson(-1);
            default -> wilson(1);
        };
    }

    /** Rows with a NULL argument are skipped, not computed: their parameters would fail the checks. */
    private static ScalarKernel binary(java.util.function.DoubleBinaryOperator function) {
        return Kernels.rows(Types.DOUBLE, (blocks, position, out) -> out.appendDouble(function.applyAsDouble(
                Kernels.doubleAt(blocks[0], position), Kernels.doubleAt(blocks[1], position))));
    }

    private static ScalarKernel ternary(DoubleFunction3 function) {
        return Kernels.rows(Types.DOUBLE, (blocks, position, out) -> out.appendDouble(function.apply(
                Kernels.doubleAt(blocks[0], position), Kernels.doubleAt(blocks[1], position),
                Kernels.doubleAt(blocks[2], position))));
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, message);
        }
    }

    static double normalCdf(double mean, double standardDeviation, double value) {
        check(standardDeviation > 0, "standardDeviation must be > 0");
        return 0.5 * (1 + ProbabilityMath.erf((value - mean) / (standardDeviation * SQRT_2)));
    }

    static double inverseNormalCdf(double mean, double standardDeviation, double probability) {
        check(probability > 0 && probability < 1, "p must be 0 > p > 1");
        check(standardDeviation > 0, "sd must be > 0");
        return mean + standardDeviation * SQRT_2 * ProbabilityMath.inverseErf(2 * probability - 1);
    }

    static double betaCdf(double a, double b, double value) {
        check(value >= 0 && value <= 1, "value must be 0 >= v >= 1");
        check(a > 0 && b > 0, "a, b must be > 0");
        return ProbabilityMath.regularizedBeta(value, a, b);
    }

    static double inverseBetaCdf(double a, double b, double probability) {
        check(probability >= 0 && probability <= 1, "p must be 0 >= p >= 1");
        check(a > 0 && b > 0, "a, b must be > 0");
        if (probability == 0) {
            return 0;
        }
        if (probability == 1) {
            return 1;
        }
        return ProbabilityMath.brentRoot(x -> betaCdfOf(a, b, x) - probability, 0, 1, BETA_INVERSE_ACCURACY);
    }

    private static double betaCdfOf(double a, double b, double x) {
        if (x <= 0) {
            return 0;
        }
        return x >= 1 ? 1 : ProbabilityMath.regularizedBeta(x, a, b);
    }

    static double tCdf(double value, double degreesOfFreedom) {
        check(!(degreesOfFreedom < 1), "degrees of freedom must be greater than or equal to 1");
        if (Double.isNaN(value) || Double.isNaN(degreesOfFreedom) || Double.isInfinite(degreesOfFreedom)) {
            return Double.NaN;
        }
        if (value == 0) {
            return 0.5;
        }
        double tail = ProbabilityMath.regularizedBeta(
                degreesOfFreedom / (degreesOfFreedom + value * value), 0.5 * degreesOfFreedom, 0.5);
        return value < 0 ? 0.5 * tail : 1 - 0.5 * tail;
    }

    static double tPdf(double value, double degreesOfFreedom) {
        check(!(degreesOfFreedom < 1), "degrees of freedom must be greater than or equal to 1");
        if (Double.isNaN(value) || Double.isNaN(degreesOfFreedom) || Double.isInfinite(degreesOfFreedom)) {
            return Double.NaN;
        }
        // Γ((n + 1) / 2) / (√(nπ) Γ(n / 2)) = 1 / (√n B(n / 2, 1 / 2))
        double logDensity = -ProbabilityMath.logBeta(0.5 * degreesOfFreedom, 0.5) - 0.5 * Math.log(degreesOfFreedom)
                - 0.5 * (degreesOfFreedom + 1) * Math.log1p(value * value / degreesOfFreedom);
        return Math.exp(logDensity);
    }

    private static ScalarKernel wilson(int sign) {
        return Kernels.rows(Types.DOUBLE, (blocks, position, out) -> out.appendDouble(wilsonBound(
                Kernels.longAt(blocks[0], position), Kernels.longAt(blocks[1], position),
                Kernels.doubleAt(blocks[2], position), sign)));
    }

    /** The Wilson score interval's bound: (p + z²/2n ± z √(p(1-p)/n + z²/4n²)) / (1 + z²/n). */
    static double wilsonBound(long successes, long trials, double z, int sign) {
        check(successes >= 0, "number of successes must not be negative");
        check(trials > 0, "number of trials must be positive");
        check(successes <= trials, "number of successes must not be larger than number of trials");
        check(z >= 0, "z-score must not be negative");
        double n = trials;
        double p = successes / n;
        double zSquared = z * z;
        double spread = z * Math.sqrt(p * (1 - p) / n + zSquared / (4 * n * n));
        return (p + zSquared / (2 * n) + sign * spread) / (1 + zSquared / n);
    }
}
