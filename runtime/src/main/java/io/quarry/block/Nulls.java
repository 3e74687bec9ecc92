package io.quarry.block;

import java.util.Arrays;

/** Helpers for the null masks of blocks: a mask is either null (no nulls) or one flag per position. */
final class Nulls {
    private Nulls() {}

    static boolean[] copyPositions(boolean[] nulls, int[] positions, int count) {
        if (nulls == null) {
            return null;
        }
        boolean[] result = new boolean[count];
        boolean any = false;
        for (int i = 0; i < count; i++) {
            result[i] = nulls[positions[i]];
            any |= result[i];
        }
        return any ? result : null;
    }

    static boolean[] region(boolean[] nulls, int offset, int length) {
        if (nulls == null) {
            return null;
        }
        boolean[] result = Arrays.copyOfRange(nulls, offset, offset + length);
        for (boolean isNull : result) {
            if (isNull) {
                return result;
            }
        }
        return null;
    }

    static void checkLength(boolean[] nulls, int positionCount) {
        if (nulls != null && nulls.length < positionCount) {
            throw new IllegalArgumentException("null mask shorter than the position count");
        }
    }

    static long size(boolean[] nulls) {
        return nulls == null ? 0 : nulls.length;
    }
}
