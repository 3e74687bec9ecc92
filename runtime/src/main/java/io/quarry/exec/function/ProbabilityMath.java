package io.quarry.exec.function;

import java.util.function.DoubleUnaryOperator;

/**
 * The special functions behind Trino's distribution functions: the error function and its inverse, the logarithm of
 * the gamma and beta functions and the regularized incomplete beta function, each to within a few units in the last
 * place; and Brent's root finder, which {@code inverse_beta_cdf} uses with the tolerances that fix Trino's digits.
 */
final class ProbabilityMath {
    private static final double SQRT_PI = Math.sqrt(Math.PI);
    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);
    /** Below this, a continued fraction's denominators are nudged off zero (the modified Lentz method). */
    private static final double TINY = 1e-300;
    private static final double EPSILON = 1e-16;
    private static final int MAX_ITERATIONS = 100_000;

    private ProbabilityMath() {}

    // ---- error function ----

    /** erf(x), through the incomplete gamma function of order 1/2 at x². */
    static double erf(double x) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        double z = x * x;
        double magnitude = z < 1.5 ? lowerGammaHalf(Math.abs(x), z) : 1 - upperGammaHalf(Math.abs(x), z);
        return x < 0 ? -magnitude : magnitude;
    }

    /** erfc(x) for x >= 0 without the cancellation of 1 - erf(x). */
    private static double erfcOfPositive(double x) {
        double z = x * x;
        return z < 1.5 ? 1 - lowerGammaHalf(x, z) : upperGammaHalf(x, z);
    }

    /** P(1/2, z) for z = x², x >= 0: a series of positive terms. */
    private static double lowerGammaHalf(double x, double z) {
        if (z == 0) {
            return 0;
        }
        double term = 1;
        double sum = 1;
        for (int n = 1; n < MAX_ITERATIONS; n++) {
            term *= z / (0.5 + n);
            sum += term;
            if (term < sum * EPSILON) {
                break;
            }
        }
        // z^a e^-z / Γ(a + 1) with a = 1/2 and Γ(3/2) = √π / 2
        return 2 * x * Math.exp(-z) / SQRT_PI * sum;
    }

    /** Q(1/2, z) for z = x², x >= 0: Legendre's continued fraction. */
    private static double upperGammaHalf(double x, double z) {
        if (Double.isInfinite(z)) {
            return 0;
        }
        double a = 0.5;
        double b = z + 1 - a;
        double c = 1 / TINY;
        double d = 1 / b;
        double fraction = d;
        for (int n = 1; n < MAX_ITERATIONS; n++) {
            double numerator = -n * (n - a);
            b += 2;
            d = numerator * d + b;
            d = Math.abs(d) < TINY ? TINY : d;
            c = b + numerator / c;
            c = Math.abs(c) < TINY ? TINY : c;
            d = 1 / d;
            double delta = d * c;
            fraction *= delta;
            if (Math.abs(delta - 1) < EPSILON) {
                break;
            }
        }
        // e^-z z^a / Γ(a) with Γ(1/2) = √π
        return Math.exp(-z) * x / SQRT_PI * fraction;
    }

    /**
     * The inverse of erf on (-1, 1): ±∞ at ±1, NaN outside. Newton-Halley steps from a rough start, on erf near 0
     * and on erfc in the tails, where 1 - |y| is exact.
     */
    static double inverseErf(double y) {
        if (Double.isNaN(y) || y < -1 || y > 1) {
            return Double.NaN;
        }
        if (y == 1 || y == -1) {
            return y * Double.POSITIVE_INFINITY;
        }
        if (y == 0) {
            return y;
        }
        double magnitude = Math.abs(y);
        double x = roughInverseErf(magnitude);
        boolean tail = magnitude > 0.5;
        double complement = 1 - magnitude;
        for (int i = 0; i < 100; i++) {
            double residual = tail ? erfcOfPositive(x) - complement : erf(x) - magnitude;
            double slope = (tail ? -2 : 2) / SQRT_PI * Math.exp(-x * x);
            if (residual == 0 || slope == 0) {
                break;
            }
            double newton = residual / slope;
            // Halley's correction: erf'' = -2x erf'
            double step = newton / (1 + x * newton);
            x -= step;
            if (Math.abs(step) <= Math.abs(x) * 1e-17) {
                break;
            }
        }
        return y < 0 ? -x : x;
    }

    /** A start within a few percent: Winitzki's closed form. */
    private static double roughInverseErf(double y) {
        double a = 0.147;
        double log = Math.log((1 - y) * (1 + y));
        double first = 2 / (Math.PI * a) + log / 2;
        return Math.sqrt(Math.sqrt(first * first - log / a) - first);
    }

    // ---- gamma and beta ----

    /** ln Γ(x) for x > 0. */
    static double logGamma(double x) {
        if (Double.isNaN(x) || x <= 0) {
            return Double.NaN;
        }
        if (Double.isInfinite(x)) {
            return x;
        }
        if (x >= 10) {
            return (x - 0.5) * Math.log(x) - x + HALF_LOG_TWO_PI + stirlingCorrection(x);
        }
        // shift up past 10: Γ(x) = Γ(x + n) / (x (x + 1) … (x + n - 1))
        double product = 1;
        double shifted = x;
        while (shifted < 10) {
            product *= shifted;
            shifted += 1;
        }
        return logGamma(shifted) - Math.log(product);
    }

    /** ln Γ(x) - ((x - 1/2) ln x - x + ln √(2π)) for x >= 10: Stirling's series (Bernoulli numbers B2..B16). */
    private static double stirlingCorrection(double x) {
        double inverse = 1 / x;
        double square = inverse * inverse;
        double series = 1.0 / 12 + square * (-1.0 / 360 + square * (1.0 / 1260 + square * (-1.0 / 1680
                + square * (1.0 / 1188 + square * (-691.0 / 360360 + square * (1.0 / 156 + square * (-3617.0 / 122400)))))));
        return series * inverse;
    }

    /** ln B(a, b) for a, b > 0, without the cancellation of ln Γ(a) + ln Γ(b) - ln Γ(a + b) for large arguments. */
    static double logBeta(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b) || a <= 0 || b <= 0) {
            return Double.NaN;
        }
        double small = Math.min(a, b);
        double large = Math.max(a, b);
        if (Double.isInfinite(large)) {
            return Double.NaN;
        }
        if (large < 10) {
            return logGamma(small) + logGamma(large) - logGamma(small + large);
        }
        double sum = small + large;
        double correction = stirlingCorrection(large) - stirlingCorrection(sum);
        if (small >= 10) {
            return HALF_LOG_TWO_PI - 0.5 * Math.log(sum) + (small - 0.5) * Math.log(small / sum)
                    + (large - 0.5) * Math.log1p(-small / sum) + stirlingCorrection(small) + correction;
        }
        // ln Γ(large) - ln Γ(large + small) from Stirling's form of both
        return logGamma(small) - (large - 0.5) * Math.log1p(small / large) - small * Math.log(sum) + small + correction;
    }

    /** I_x(a, b), the regularized incomplete beta function; NaN for arguments outside its domain. */
    static double regularizedBeta(double x, double a, double b) {
        if (Double.isNaN(x) || Double.isNaN(a) || Double.isNaN(b) || x < 0 || x > 1 || a <= 0 || b <= 0) {
            return Double.NaN;
        }
        if (x == 0) {
            return 0;
        }
        if (x == 1) {
            return 1;
        }
        if (x > (a + 1) / (a + b + 2)) {
            // the continued fraction converges fast below the mean; above it, use the symmetry
            return 1 - regularizedBeta(1 - x, b, a);
        }
        double logPrefactor = a * Math.log(x) + b * Math.log1p(-x) - Math.log(a) - logBeta(a, b);
        return Math.exp(logPrefactor) / betaContinuedFraction(x, a, b);
    }

    /** 1 + d1 / (1 + d2 / (1 + …)), the continued fraction of I_x(a, b), by the modified Lentz method. */
    private static double betaContinuedFraction(double x, double a, double b) {
        double fraction = 1;
        double c = 1;
        double d = 0;
        for (int n = 1; n < MAX_ITERATIONS; n++) {
            double coefficient;
            if (n % 2 == 0) {
                double m = n / 2;
                coefficient = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m));
            } else {
                double m = (n - 1) / 2;
                coefficient = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1));
            }
            d = 1 + coefficient * d;
            d = Math.abs(d) < TINY ? TINY : d;
            c = 1 + coefficient / c;
            c = Math.abs(c) < TINY ? TINY : c;
            d = 1 / d;
            double delta = c * d;
            fraction *= delta;
            if (Math.abs(delta - 1) < EPSILON) {
                break;
            }
        }
        return fraction;
    }

    // ---- root finding ----

    /**
     * A root of {@code function} in [low, high] by Brent's method (bisection, secant and inverse quadratic steps),
     * stopping when the bracket is within {@code absoluteAccuracy} plus 1e-14 relative, or at an exact or within-1e-15
     * zero. The search starts by testing the middle, then the ends, and keeps the half that brackets the root.
     */
    static double brentRoot(DoubleUnaryOperator function, double low, double high, double absoluteAccuracy) {
        double valueAccuracy = 1e-15;
        double middle = low + 0.5 * (high - low);
        double atMiddle = function.applyAsDouble(middle);
        if (Math.abs(atMiddle) <= valueAccuracy) {
            return middle;
        }
        double atLow = function.applyAsDouble(low);
        if (Math.abs(atLow) <= valueAccuracy) {
            return low;
        }
        if (atMiddle * atLow < 0) {
            return brent(function, low, middle, atLow, atMiddle, absoluteAccuracy);
        }
        double atHigh = function.applyAsDouble(high);
        if (Math.abs(atHigh) <= valueAccuracy) {
            return high;
        }
        if (atMiddle * atHigh < 0) {
            return brent(function, middle, high, atMiddle, atHigh, absoluteAccuracy);
        }
        return Double.NaN;
    }

    private static double brent(DoubleUnaryOperator function, double low, double high, double atLow, double atHigh,
            double absoluteAccuracy) {
        double relativeAccuracy = 1e-14;
        // b is the best estimate, a the previous one, c the other end of the bracket
        double a = low;
        double fa = atLow;
        double b = high;
        double fb = atHigh;
        double c = a;
        double fc = fa;
        double step = b - a;
        double previousStep = step;
        // each step shrinks the bracket by at least the tolerance; the cap only guards against NaN from the function
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            if (Double.isNaN(fb)) {
                return Double.NaN;
            }
            if (Math.abs(fc) < Math.abs(fb)) {
                a = b;
                b = c;
                c = a;
                fa = fb;
                fb = fc;
                fc = fa;
            }
            double tolerance = 2 * relativeAccuracy * Math.abs(b) + absoluteAccuracy;
            double half = 0.5 * (c - b);
            if (Math.abs(half) <= tolerance || fb == 0) {
                return b;
            }
            if (Math.abs(previousStep) < tolerance || Math.abs(fa) <= Math.abs(fb)) {
                step = half;
                previousStep = step;
            } else {
                double s = fb / fa;
                double p;
                double q;
                if (a == c) {
                    p = 2 * half * s; // secant
                    q = 1 - s;
                } else {
                    double r = fb / fc; // inverse quadratic interpolation
                    q = fa / fc;
                    p = s * (2 * half * q * (q - r) - (b - a) * (r - 1));
                    q = (q - 1) * (r - 1) * (s - 1);
                }
                if (p > 0) {
                    q = -q;
                } else {
                    p = -p;
                }
                double older = previousStep;
                previousStep = step;
                if (p >= 1.5 * half * q - Math.abs(tolerance * q) || p >= Math.abs(0.5 * older * q)) {
                    step = half; // the interpolation would leave the bracket or converge too slowly
                    previousStep = step;
                } else {
                    step = p / q;
                }
            }
            a = b;
            fa = fb;
            if (Math.abs(step) > tolerance) {
                b += step;
            } else if (half > 0) {
                b += tolerance;
            } else {
                b -= tolerance;
            }
            fb = function.applyAsDouble(b);
            if ((fb > 0 && fc > 0) || (fb <= 0 && fc <= 0)) {
                c = a;
                fc = fa;
                step = b - a;
                previousStep = step;
            }
        }
        return Double.NaN;
    }
}
