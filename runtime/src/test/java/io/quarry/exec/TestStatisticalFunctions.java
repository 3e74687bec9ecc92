package io.quarry.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.spi.ErrorCode;
import io.quarry.type.Type;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The distribution functions and Wilson intervals against Trino 476's answers: within 1e-12 relative (Trino's own
 * digits beyond that are rounding noise of its special functions), NaN, infinities, NULLs and its errors exactly.
 */
class TestStatisticalFunctions extends LocalQueryTest {
    private static final double RELATIVE = 1e-12;

    /** Asserts one row of doubles, each within {@link #RELATIVE} of Trino's (equal when Trino's is 0, NaN or infinite). */
    private static void assertDoubles(String sql, double... expected) throws Exception {
        LocalQueryRunner.Result result = run(sql);
        assertThat(result.types().stream().map(Type::displayName).toList()).as(sql).allMatch("double"::equals);
        List<?> row = result.rows().get(0);
        assertThat(row).as(sql).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            double actual = (Double) row.get(i);
            if (expected[i] == 0 || !Double.isFinite(expected[i])) {
                assertThat((Double) actual).as("%s, column %s", sql, i + 1).isEqualTo(Double.valueOf(expected[i]));
            } else {
                assertThat(Math.abs(actual - expected[i]) / Math.abs(expected[i])).as("%s, column %s: %s", sql, i + 1, actual)
                        .isLessThanOrEqualTo(RELATIVE);
            }
        }
    }

    @Test
    void normal() throws Exception {
        assertDoubles("SELECT normal_cdf(0, 1, 1.96), normal_cdf(10, 2, 7.5), normal_cdf(0, 1, -6), normal_cdf(0, 1, -8),"
                        + " normal_cdf(0, 1, -10), normal_cdf(0, 1, 7), normal_cdf(1.5, 0.3, -0.2), normal_cdf(REAL '1', DECIMAL '2.5', 3)",
                0.9750021048517796, 0.10564977366685535, 9.865876449133282e-10, 6.106226635438361e-16, 0.0, 0.9999999999987201,
                7.280110070340129e-09, 0.7881446014166031);
        // 2p - 1 loses the low digits of a small p, as in Trino: the tails are those of the rounded probability
        assertDoubles("SELECT inverse_normal_cdf(0, 1, 0.975), inverse_normal_cdf(3, 2, 0.1), inverse_normal_cdf(0, 1, 1e-10),"
                        + " inverse_normal_cdf(0, 1, 0.5), inverse_normal_cdf(0, 1, 0.999999), inverse_normal_cdf(0, 1, 0.4999999),"
                        + " inverse_normal_cdf(0, 1, 1e-300), inverse_normal_cdf(0, 1, 1e-17)",
                1.959963984540054, 0.4368968689107984, -6.361340889697421, 0.0, 4.753424308817088, -2.5066282747031063e-07,
                Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY);
        assertDoubles("SELECT normal_cdf(nan(), 1, 1), normal_cdf(0, 1, nan()), normal_cdf(0, infinity(), 1), normal_cdf(0, 1, infinity()),"
                        + " normal_cdf(infinity(), 1, 1), inverse_normal_cdf(nan(), 1, 0.5), inverse_normal_cdf(0, infinity(), 0.3)",
                Double.NaN, Double.NaN, 0.5, 1.0, 0.0, Double.NaN, Double.NEGATIVE_INFINITY);
        assertResult("SELECT normal_cdf(NULL, 1, 1), inverse_normal_cdf(0, 1, NULL), typeof(normal_cdf(1, 1, NULL))",
                List.of("double", "double", "varchar"), Arrays.asList(null, null, "double"));
        assertFails("SELECT normal_cdf(0, 0, 1)", ErrorCode.INVALID_FUNCTION_ARGUMENT, "standardDeviation must be > 0");
        assertFails("SELECT normal_cdf(0, nan(), 1)", ErrorCode.INVALID_FUNCTION_ARGUMENT, "standardDeviation must be > 0");
        assertFails("SELECT inverse_normal_cdf(0, 1, 1)", ErrorCode.INVALID_FUNCTION_ARGUMENT, "p must be 0 > p > 1");
        assertFails("SELECT inverse_normal_cdf(0, 1, nan())", ErrorCode.INVALID_FUNCTION_ARGUMENT, "p must be 0 > p > 1");
        // the probability is checked first
        assertFails("SELECT inverse_normal_cdf(0, 0, 1.5)", ErrorCode.INVALID_FUNCTION_ARGUMENT, "p must be 0 > p > 1");
        assertFails("SELECT inverse_normal_cdf(0, 0, 0.5)", ErrorCode.INVALID_FUNCTION_ARGUMENT, "sd must be > 0");
    }

    @Test
    void beta() throws Exception {
        assertDoubles("SELECT beta_cdf(2, 3, 0.3), beta_cdf(0.5, 0.5, 0.1), beta_cdf(10, 20, 0.4), beta_cdf(2, 3, 0), beta_cdf(2, 3, 1),"
                        + " beta_cdf(100, 0.5, 0.999), beta_cdf(1e-3, 5, 1e-5), beta_cdf(2000, 3000, 0.4), beta_cdf(0.5, 3, 1e-10)",
                0.34829999999999994, 0.20483276469913334, 0.7853183897628246, 0.0, 1.0, 0.6550435163244293, 0.990613982737997,
                0.5007677879455813, 1.8749999998749998e-05);
        // Trino's inverse is a root search to 1e-9: its digits beyond are the search's, which Quarry's follows
        assertDoubles("SELECT inverse_beta_cdf(2, 3, 0.5), inverse_beta_cdf(0.5, 0.5, 0.1), inverse_beta_cdf(10, 20, 0.4),"
                        + " inverse_beta_cdf(2, 3, 0), inverse_beta_cdf(2, 3, 1), inverse_beta_cdf(100, 0.5, 0.9), inverse_beta_cdf(1, 1, 0.3),"
                        + " inverse_beta_cdf(0.3, 0.7, 0.05), inverse_beta_cdf(5, 1, 0.999)",
                0.38572756862101426, 0.02447174185445097, 0.3079308252258417, 0.0, 1.0, 0.9999208515307039, 0.3,
                7.660745581641695e-05, 0.9997999199013421);
        // parameters beyond the range of the special functions (Trino fails there with an internal error) give NaN
        assertDoubles("SELECT beta_cdf(infinity(), 3, 0.5), inverse_beta_cdf(infinity(), 3, 0.5), inverse_beta_cdf(1e300, 3, 0.5)",
                Double.NaN, Double.NaN, Double.NaN);
        assertResult("SELECT beta_cdf(NULL, 3, 0.5), inverse_beta_cdf(2, NULL, 0.5)", List.of("double", "double"), Arrays.asList(null, null));
        assertFails("SELECT beta_cdf(0, 3, 0.5)", ErrorCode.INVALID_FUNCTION_ARGUMENT, "a, b must be > 0");
        assertFails("SELECT beta_cdf(nan(), 3, 0.5)", ErrorCode.INVALID_FUNCTION_ARGUMENT, "a, b must be > 0");
        assertFails("SELECT beta_cdf(2, 3, -0.1)", ErrorCode.INVALID_FUNCTION_ARGUMENT, "value must be 0 >= v >= 1");
        assertFails("SELECT beta_cdf(0, 3, 1.5)", ErrorCode.INVALID_FUNCTION_ARGUMENT, "value must be 0 >= v >= 1");
        assertFails("SELECT inverse_beta_cdf(2, -1, 0.5)", ErrorCode.INVALID_FUNCTION_ARGUMENT, "a, b must be > 0");
        assertFails("SELECT inverse_beta_cdf(0, 3, 1.5)", ErrorCode.INVALID_FUNCTION_ARGUMENT, "p must be 0 >= p >= 1");
        assertFails("SELECT inverse_beta_cdf(2, 3, nan())", ErrorCode.INVALID_FUNCTION_ARGUMENT, "p must be 0 >= p >= 1");
    }

    @Test
    void studentT() throws Exception {
        // t_cdf(value, degrees of freedom)
        assertDoubles("SELECT t_cdf(0.5, 1), t_cdf(-2.1, 5), t_cdf(1.96, 30), t_cdf(3, 1.5), t_cdf(0, 1000), t_cdf(100, 3),"
                        + " t_cdf(-100, 3), t_cdf(-40, 1), t_cdf(infinity(), 2.5), t_cdf(-infinity(), 2.5), t_cdf(1, infinity()),"
                        + " t_cdf(-1e-10, 3), t_cdf(nan(), 1)",
                0.6475836176504333, 0.04487662494229933, 0.9703288435519749, 0.9332261228725434, 0.5, 0.9999988977390384,
                1.102260961592456e-06, 0.007956089912025814, 1.0, 0.0, Double.NaN, 0.5, Double.NaN);
        assertDoubles("SELECT t_pdf(0.5, 1), t_pdf(-2.1, 5), t_pdf(1.96, 30), t_pdf(3, 1.5), t_pdf(0, 1000), t_pdf(100, 3),"
                        + " t_pdf(2, 300), t_pdf(2, infinity()), t_pdf(-infinity(), 3), t_pdf(1e200, 2), t_pdf(0, 1)",
                0.25464790894703254, 0.056947544172170544, 0.06111985287662037, 0.02992568997033709, 0.398842557313891,
                3.3059894813029146e-08, 0.05430285414650251, Double.NaN, 0.0, 0.0, 0.3183098861837907);
        assertResult("SELECT t_cdf(NULL, 1), t_pdf(1, NULL), t_cdf(1, NULL)", List.of("double", "double", "double"),
                Arrays.asList(null, null, null));
        assertFails("SELECT t_cdf(1, 0.99)", ErrorCode.INVALID_FUNCTION_ARGUMENT, "degrees of freedom must be greater than or equal to 1");
        assertFails("SELECT t_pdf(1, 0.5)", ErrorCode.INVALID_FUNCTION_ARGUMENT, "degrees of freedom must be greater than or equal to 1");
        assertFails("SELECT t_cdf(nan(), -infinity())", ErrorCode.INVALID_FUNCTION_ARGUMENT, "degrees of freedom");
    }

    @Test
    void wilsonInterval() throws Exception {
        // these are Trino's digits exactly: the same closed form, evaluated in the same order
        assertResult("SELECT wilson_interval_lower(3, 10, 1.96), wilson_interval_upper(3, 10, 1.96), wilson_interval_lower(0, 10, 1.96),"
                        + " wilson_interval_upper(10, 10, 1.96), wilson_interval_lower(5, 10, 0), wilson_interval_upper(1000000, 3000000, 2.576),"
                        + " wilson_interval_lower(3, 10, 1), wilson_interval_upper(7, 9223372036854775807, 2)",
                List.of("double", "double", "double", "double", "double", "double", "double", "double"),
                List.of(0.10778928748621182, 0.6032267800204347, -2.0052288475052677e-17, 1.0, 0.5, 0.3340347997057659,
                        0.1788208207567646, 1.5890993219103036e-18));
        assertResult("SELECT wilson_interval_upper(3, 10, infinity()), wilson_interval_lower(NULL, 10, 1)", List.of("double", "double"),
                Arrays.asList(Double.NaN, null));
        assertFails("SELECT wilson_interval_lower(-1, 0, -1)", ErrorCode.INVALID_FUNCTION_ARGUMENT, "number of successes must not be negative");
        assertFails("SELECT wilson_interval_lower(5, 0, -1)", ErrorCode.INVALID_FUNCTION_ARGUMENT, "number of trials must be positive");
        assertFails("SELECT wilson_interval_upper(12, 11, -1)", ErrorCode.INVALID_FUNCTION_ARGUMENT,
                "number of successes must not be larger than number of trials");
        assertFails("SELECT wilson_interval_upper(3, 10, nan())", ErrorCode.INVALID_FUNCTION_ARGUMENT, "z-score must not be negative");
        assertFails("SELECT wilson_interval_lower(3.7, 10, 1)", ErrorCode.FUNCTION_NOT_FOUND);
    }
}
