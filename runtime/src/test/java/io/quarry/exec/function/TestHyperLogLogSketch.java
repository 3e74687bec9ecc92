package io.quarry.exec.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The sketch's hashing, serialised forms, form switch and merges; the expected bytes and estimates are Trino's. */
class TestHyperLogLogSketch {
    private static String hex(HyperLogLogSketch sketch) {
        return HexFormat.of().withUpperCase().formatHex(sketch.serialize());
    }

    private static HyperLogLogSketch of(long from, long to) {
        HyperLogLogSketch sketch = HyperLogLogSketch.create(4096);
        for (long value = from; value <= to; value++) {
            sketch.addHash(Murmur3.hash64(value));
        }
        return sketch;
    }

    @Test
    void murmurHashesGiveTrinosSparseEntries() {
        assertThat(hex(of(1, 1))).isEqualTo("020C010080034400");
        assertThat(hex(of(1, 3))).isEqualTo("020C03008003440000583D5B802008DE");
        HyperLogLogSketch strings = HyperLogLogSketch.create(4096);
        for (String value : new String[] {"a", "b", "a"}) {
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            strings.addHash(Murmur3.hash64(bytes, 0, bytes.length));
        }
        assertThat(hex(strings)).isEqualTo("020C020041A9987A40555585");
    }

    @Test
    void murmurHashOfBytesMatchesTheLongForm() {
        // the long form is the 8 little-endian bytes; past 16 bytes the block loop runs
        byte[] bytes = {1, 0, 0, 0, 0, 0, 0, 0};
        assertThat(Murmur3.hash64(bytes, 0, 8)).isEqualTo(Murmur3.hash64(1L));
        byte[] longer = "a text longer than sixteen bytes, with a tail".getBytes(StandardCharsets.UTF_8);
        byte[] shifted = new byte[longer.length + 3];
        System.arraycopy(longer, 0, shifted, 3, longer.length);
        assertThat(Murmur3.hash64(shifted, 3, longer.length)).isEqualTo(Murmur3.hash64(longer, 0, longer.length));
    }

    @Test
    void turnsDenseWhenTheListOutgrowsTheRegisters() {
        HyperLogLogSketch sparse = of(1, 511);
        assertThat(sparse.isSparse()).isTrue();
        assertThat(hex(sparse)).startsWith("020CFF01");
        assertThat(sparse.cardinality()).isEqualTo(511);
        HyperLogLogSketch dense = of(1, 512);
        assertThat(dense.isSparse()).isFalse();
        assertThat(hex(dense)).startsWith("030C0000");
        assertThat(dense.cardinality()).isEqualTo(501);
    }

    @Test
    void mergedListsStaySparseUpToTheirExactSize() {
        HyperLogLogSketch even = HyperLogLogSketch.create(4096);
        HyperLogLogSketch odd = HyperLogLogSketch.create(4096);
        for (long value = 1; value <= 516; value++) {
            (value % 2 == 0 ? even : odd).addHash(Murmur3.hash64(value));
        }
        even.mergeWith(odd);
        assertThat(hex(even)).startsWith("020C0402");
        assertThat(even.cardinality()).isEqualTo(516);
        even.mergeWith(of(517, 517));
        assertThat(hex(even)).startsWith("030C0000");
        assertThat(even.cardinality()).isEqualTo(506);
    }

    @Test
    void serialisedFormsReadBack() {
        for (HyperLogLogSketch sketch : new HyperLogLogSketch[] {of(1, 0), of(1, 100), of(1, 20_000)}) {
            byte[] bytes = sketch.serialize();
            byte[] padded = new byte[bytes.length + 2];
            System.arraycopy(bytes, 0, padded, 1, bytes.length);
            HyperLogLogSketch read = HyperLogLogSketch.deserialize(padded, 1, bytes.length);
            assertThat(read.serialize()).isEqualTo(bytes);
            assertThat(read.cardinality()).isEqualTo(sketch.cardinality());
        }
    }

    @Test
    void denseRegistersPastFifteenAboveTheBaselineOverflow() {
        HyperLogLogSketch sketch = HyperLogLogSketch.createDense(16);
        // bucket 0 (top 4 bits 0) with 30 more leading zeros: register 31, the others 0
        sketch.addHash(1L << 29);
        byte[] bytes = sketch.serialize();
        // tag, p, baseline, 8 bytes of deltas (bucket 0: 15), one overflow of bucket 0 by 16
        assertThat(HexFormat.of().withUpperCase().formatHex(bytes)).isEqualTo("030400" + "F000000000000000" + "0100" + "0000" + "10");
        assertThat(HyperLogLogSketch.deserialize(bytes, 0, bytes.length).serialize()).isEqualTo(bytes);
    }

    @Test
    void rejectsWhatIsNotASketch() {
        assertThatThrownBy(() -> HyperLogLogSketch.deserialize(new byte[] {1}, 0, 1))
                .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_FUNCTION_ARGUMENT));
        assertThatThrownBy(() -> HyperLogLogSketch.deserialize(new byte[] {2, 12, 1, 0}, 0, 4))
                .isInstanceOf(QuarryException.class);
        assertThatThrownBy(() -> HyperLogLogSketch.create(1000)).isInstanceOf(QuarryException.class);
    }
}
