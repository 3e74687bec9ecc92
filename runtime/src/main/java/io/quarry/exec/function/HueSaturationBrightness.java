package io.quarry.exec.function;

/**
 * Colours in hue, saturation and brightness (each 0..1, as floats), the space in which {@code color(x, low, high)} and
 * {@code bar} move from one colour to another. The arithmetic is single precision, step for step as the JDK's
 * {@code java.awt.Color.RGBtoHSB} and {@code HSBtoRGB} do it, so that every interpolated colour is Trino's to the bit;
 * Quarry does not load AWT for it.
 */
final class HueSaturationBrightness {
    private HueSaturationBrightness() {}

    /** The colour {@code fraction} of the way from {@code low} to {@code high} (RGB values), each part moved linearly. */
    static long interpolate(float fraction, long low, long high) {
        float[] from = fromRgb((int) (low >> 16) & 0xFF, (int) (low >> 8) & 0xFF, (int) low & 0xFF);
        float[] to = fromRgb((int) (high >> 16) & 0xFF, (int) (high >> 8) & 0xFF, (int) high & 0xFF);
        float hue = fraction * (to[0] - from[0]) + from[0];
        float saturation = fraction * (to[1] - from[1]) + from[1];
        float brightness = fraction * (to[2] - from[2]) + from[2];
        return toRgb(hue, saturation, brightness);
    }

    /** Hue, saturation and brightness of an RGB colour (channels 0..255). */
    static float[] fromRgb(int red, int green, int blue) {
        int max = Math.max(red, Math.max(green, blue));
        int min = Math.min(red, Math.min(green, blue));
        float brightness = max / 255.0f;
        float saturation = max == 0 ? 0 : (max - min) / (float) max;
        float hue = 0;
        if (saturation != 0) {
            // how far each channel is below the largest, relative to the spread
            float spread = max - min;
            float redGap = (max - red) / spread;
            float greenGap = (max - green) / spread;
            float blueGap = (max - blue) / spread;
            float sextant;
            if (red == max) {
                sextant = blueGap - greenGap;
            } else if (green == max) {
                sextant = 2.0f + redGap - blueGap;
            } else {
                sextant = 4.0f + greenGap - redGap;
            }
            hue = sextant / 6.0f;
            if (hue < 0) {
                hue += 1.0f;
            }
        }
        return new float[] {hue, saturation, brightness};
    }

    /** The RGB value (0xRRGGBB) of a hue (only its fraction counts), saturation and brightness; NaN gives black. */
    static long toRgb(float hue, float saturation, float brightness) {
        if (saturation == 0) {
            int grey = channel(brightness);
            return pack(grey, grey, grey);
        }
        float sextant = (hue - (float) Math.floor(hue)) * 6.0f;
        float within = sextant - (float) Math.floor(sextant);
        float lowest = brightness * (1.0f - saturation);
        float falling = brightness * (1.0f - saturation * within);
        float rising = brightness * (1.0f - (saturation * (1.0f - within)));
        float red;
        float green;
        float blue;
        switch ((int) sextant) {
            case 0 -> {
                red = brightness;
                green = rising;
                blue = lowest;
            }
            case 1 -> {
                red = falling;
                green = brightness;
                blue = lowest;
            }
            case 2 -> {
                red = lowest;
                green = brightness;
                blue = rising;
            }
            case 3 -> {
                red = lowest;
                green = falling;
                blue = brightness;
            }
            case 4 -> {
                red = rising;
                green = lowest;
                blue = brightness;
            }
            case 5 -> {
                red = brightness;
                green = lowest;
                blue = falling;
            }
            default -> {
                // NaN parts: no sextant, black
                return 0;
            }
        }
        return pack(channel(red), channel(green), channel(blue));
    }

    /** The channels' bits ORed together and cut to 24 bits, as the JDK packs them. */
    private static long pack(int red, int green, int blue) {
        return ((red << 16) | (green << 8) | blue) & 0xFF_FF_FF;
    }

    private static int channel(float part) {
        return (int) (part * 255.0f + 0.5f);
    }
}
