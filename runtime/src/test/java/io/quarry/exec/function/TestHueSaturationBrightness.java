package io.quarry.exec.function;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.type.ColorType;
import java.awt.Color;
import org.junit.jupiter.api.Test;

/**
 * Quarry's HSB arithmetic against the JDK's {@link Color} (whose single-precision steps Trino's interpolation uses),
 * over a grid of colours and fractions, NaN and the ends included; and the text of color values.
 */
class TestHueSaturationBrightness {
    private static final int[] CHANNELS = {0, 1, 2, 17, 42, 43, 85, 127, 128, 170, 200, 212, 213, 254, 255};

    @Test
    void conversionsMatchTheJdkBitForBit() {
        for (int red : CHANNELS) {
            for (int green : CHANNELS) {
                for (int blue : CHANNELS) {
                    float[] expected = Color.RGBtoHSB(red, green, blue, null);
                    float[] actual = HueSaturationBrightness.fromRgb(red, green, blue);
                    assertThat(actual).as("%d %d %d", red, green, blue).containsExactly(expected);
                    long back = HueSaturationBrightness.toRgb(actual[0], actual[1], actual[2]);
                    assertThat(back).isEqualTo(Color.HSBtoRGB(expected[0], expected[1], expected[2]) & 0xFF_FF_FFL);
                }
            }
        }
        for (float part : new float[] {Float.NaN, -0.5f, 1.5f, 2.25f, Float.POSITIVE_INFINITY}) {
            assertThat(HueSaturationBrightness.toRgb(part, 0.5f, 0.5f)).isEqualTo(Color.HSBtoRGB(part, 0.5f, 0.5f) & 0xFF_FF_FFL);
            assertThat(HueSaturationBrightness.toRgb(0.3f, part, 0.5f)).isEqualTo(Color.HSBtoRGB(0.3f, part, 0.5f) & 0xFF_FF_FFL);
            assertThat(HueSaturationBrightness.toRgb(0.3f, 0.5f, part)).isEqualTo(Color.HSBtoRGB(0.3f, 0.5f, part) & 0xFF_FF_FFL);
        }
    }

    @Test
    void interpolationMatchesTheJdkBitForBit() {
        long[] colors = {ColorType.rgb(255, 0, 0), ColorType.rgb(0, 255, 0), ColorType.rgb(12, 34, 56), ColorType.rgb(200, 100, 50),
                ColorType.rgb(255, 255, 255), ColorType.rgb(0, 0, 0), ColorType.rgb(128, 128, 128), ColorType.rgb(10, 200, 30)};
        for (long low : colors) {
            for (long high : colors) {
                for (int step = 0; step <= 40; step++) {
                    float fraction = step / 40.0f;
                    assertThat(HueSaturationBrightness.interpolate(fraction, low, high))
                            .as("%x to %x at %s", low, high, fraction)
                            .isEqualTo(jdkInterpolation(fraction, low, high));
                }
                assertThat(HueSaturationBrightness.interpolate(Float.NaN, low, high)).isZero();
            }
        }
    }

    private static long jdkInterpolation(float fraction, long low, long high) {
        Color from = new Color((int) low);
        Color to = new Color((int) high);
        float[] a = Color.RGBtoHSB(from.getRed(), from.getGreen(), from.getBlue(), null);
        float[] b = Color.RGBtoHSB(to.getRed(), to.getGreen(), to.getBlue(), null);
        return Color.HSBtoRGB(fraction * (b[0] - a[0]) + a[0], fraction * (b[1] - a[1]) + a[1], fraction * (b[2] - a[2]) + a[2])
                & 0xFF_FF_FFL;
    }

    @Test
    void colorValuesShowAsHexOrSystemNames() {
        assertThat(ColorType.text(ColorType.rgb(255, 128, 0))).isEqualTo("#ff8000");
        assertThat(ColorType.text(ColorType.rgb(1, 2, 3))).isEqualTo("#010203");
        assertThat(ColorType.text(ColorType.systemColor(0))).isEqualTo("black");
        assertThat(ColorType.text(ColorType.systemColor(7))).isEqualTo("white");
        assertThat(ColorFunctions.ansiIndex(ColorType.rgb(255, 255, 255))).isEqualTo(231);
        assertThat(ColorFunctions.ansiIndex(ColorType.systemColor(3))).isEqualTo(3);
    }
}
