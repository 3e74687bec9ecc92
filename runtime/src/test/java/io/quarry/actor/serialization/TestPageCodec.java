package io.quarry.actor.serialization;

import static io.quarry.actor.serialization.Pages.assertSamePages;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.block.LongBlock;
import io.quarry.block.Values;
import io.quarry.type.ArrayType;
import io.quarry.type.Types;
import io.quarry.block.VariableWidthBlock;
import io.quarry.page.Page;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestPageCodec {
    @Test
    void roundTripsEveryBlockKindWithAndWithoutNulls() {
        List<Page> pages = List.of(
                Pages.everyBlockKind(1000, false),
                Pages.everyBlockKind(1000, true),
                Pages.everyBlockKind(13, true),
                Pages.everyBlockKind(0, false),
                new Page(42),
                new Page(0));
        List<Page> decoded = PageCodec.decode(PageCodec.encode(pages));
        assertThat(decoded).hasSize(pages.size());
        for (int i = 0; i < pages.size(); i++) {
            assertSamePages(decoded.get(i), pages.get(i));
        }
        assertThat(PageCodec.decode(PageCodec.encode(List.of()))).isEmpty();
    }

    @Test
    void roundTripsArraysMapsAndRowsAlsoWhenSliced() {
        Page nested = Pages.nestedBlocks();
        Page sliced = nested.region(1, 3);
        Page picked = nested.copyPositions(new int[] {3, 0}, 2);
        List<Page> decoded = PageCodec.decode(PageCodec.encode(List.of(nested, sliced, picked)));
        assertSamePages(decoded.get(0), nested);
        assertSamePages(decoded.get(1), sliced);
        assertSamePages(decoded.get(2), picked);
        assertThat(Values.toObject(new ArrayType(Types.VARCHAR), decoded.get(0).block(0), 0))
                .isEqualTo(Arrays.asList("a", null, "välue"));
        assertThat(Values.toObject(new ArrayType(Types.VARCHAR), decoded.get(2).block(0), 0)).isEqualTo(List.of("z"));
        // a sliced array block keeps only its own elements on the wire
        assertThat(PageCodec.encode(List.of(Page.of(nested.block(0).region(3, 1))))).hasSizeLessThan(24);
    }

    @Test
    void roundTripsLongTimesWithTimeZone() {
        io.quarry.type.TimeWithTimeZoneType type = io.quarry.type.TemporalTypes.timeWithTimeZone(12);
        io.quarry.block.BlockBuilder builder = io.quarry.block.BlockBuilder.create(type, 3);
        builder.appendInt128(io.quarry.type.TimeWithTimeZoneType.utcPicosOf(3_723_123_456_789_012L, 330),
                io.quarry.type.TimeWithTimeZoneType.offsetTail(330));
        builder.appendNull();
        builder.appendInt128(io.quarry.type.TimeWithTimeZoneType.utcPicosOf(0, -840), io.quarry.type.TimeWithTimeZoneType.offsetTail(-840));
        Page page = Page.of(builder.build());
        Page decoded = PageCodec.decode(PageCodec.encode(List.of(page))).get(0);
        assertSamePages(decoded, page);
        io.quarry.block.Int128Block block = (io.quarry.block.Int128Block) decoded.block(0);
        assertThat(io.quarry.type.TimeWithTimeZoneType.localPicosOfLong(block.getHigh(0), block.getLow(0))).isEqualTo(3_723_123_456_789_012L);
        assertThat(io.quarry.type.TimeWithTimeZoneType.offsetOfTail(block.getLow(2))).isEqualTo(-840);
        assertThat(block.isNull(1)).isTrue();
    }

    @Test
    void keepsANullMaskWithoutNullsAndTrimsOversizedArrays() {
        boolean[] noNulls = new boolean[8];
        LongBlock capacityLarger = new LongBlock(3, noNulls, new long[] {1, 2, 3, 99, 99, 99, 99, 99});
        Page page = Page.of(capacityLarger);
        Page decoded = PageCodec.decode(PageCodec.encode(List.of(page))).get(0);
        assertSamePages(decoded, page);
        assertThat(((LongBlock) decoded.block(0)).rawValues()).hasSize(3);
    }

    @Test
    void encodesSlicedVariableWidthBlocks() {
        byte[] data = "xxabcdefyy".getBytes(StandardCharsets.UTF_8);
        VariableWidthBlock sliced = new VariableWidthBlock(2, null, new int[] {2, 5, 8}, data);
        Page decoded = PageCodec.decode(PageCodec.encode(List.of(Page.of(sliced)))).get(0);
        VariableWidthBlock block = (VariableWidthBlock) decoded.block(0);
        assertThat(block.getString(0)).isEqualTo("abc");
        assertThat(block.getString(1)).isEqualTo("def");
        assertThat(block.rawData()).hasSize(6);
    }

    @Test
    void aThousandBigintsTakeAboutEightKilobytes() {
        long[] values = new long[1000];
        Arrays.setAll(values, i -> i * 31L);
        byte[] encoded = PageCodec.encode(List.of(Page.of(new LongBlock(1000, null, values))));
        assertThat(encoded.length).isBetween(8000, 8032);
    }

    @Test
    void dictionaryAndRunLengthBlocksTravelEncodedAndCompact() {
        Page encoded = Pages.encodedBlocks(1000);
        List<Page> decoded = PageCodec.decode(PageCodec.encode(List.of(encoded, encoded.region(10, 20))));
        assertSamePages(decoded.get(0), encoded);
        assertSamePages(decoded.get(1), encoded.region(10, 20));
        // a byte per id and the dictionary, where the flat page needs the strings and an 8-byte long per row
        byte[] compact = PageCodec.encode(List.of(encoded));
        assertThat(compact.length).isLessThan(1100);
        byte[] flat = PageCodec.encode(List.of(io.quarry.page.EncodedPages.flatten(encoded)));
        assertThat(flat.length).isGreaterThan(10_000);
    }

    @Test
    void corruptInputIsACorruptPageError() {
        byte[] encoded = PageCodec.encode(List.of(Pages.everyBlockKind(10, true)));
        for (byte[] bad : List.of(Arrays.copyOf(encoded, encoded.length - 3), new byte[] {9, 1}, new byte[0])) {
            assertThatThrownBy(() -> PageCodec.decode(bad))
                    .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.CORRUPT_PAGE));
        }
        byte[] trailing = Arrays.copyOf(encoded, encoded.length + 1);
        assertThatThrownBy(() -> PageCodec.decode(trailing)).isInstanceOf(QuarryException.class);
    }
}
