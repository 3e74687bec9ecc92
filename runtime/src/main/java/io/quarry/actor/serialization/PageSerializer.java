package io.quarry.actor.serialization;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import io.quarry.block.ArrayBlock;
import io.quarry.block.Block;
import io.quarry.block.BooleanBlock;
import io.quarry.block.DictionaryBlock;
import io.quarry.block.DoubleBlock;
import io.quarry.block.Int128Block;
import io.quarry.block.LongBlock;
import io.quarry.block.MapBlock;
import io.quarry.block.RowBlock;
import io.quarry.block.RunLengthBlock;
import io.quarry.block.VariableWidthBlock;
import io.quarry.page.Page;

/**
 * The binary form of pages and blocks: primitive arrays written whole, no reflection.
 *
 * <pre>
 * page  := varint positionCount, varint channelCount, block*
 * block := byte kind, varint positionCount, byte hasNullMask, [nullBits], values
 *   LONG, DOUBLE: 8 bytes per position; BOOLEAN: 1 byte per position; INT128: 16 bytes per position (high, low);
 *   VARIABLE_WIDTH: varint totalBytes, bytes, varint length per position
 *   ARRAY: varint length per position, element block; MAP: varint length per position, key block, value block
 *   ROW: varint fieldCount, one block per field
 *   DICTIONARY (no null mask: nulls are in the dictionary): dictionary block, varint id per position
 *   RUN_LENGTH (no null mask): the value as a block of one position
 * nullBits := ceil(positionCount / 8) bytes, position i in bit (i % 8) of byte (i / 8)
 * </pre>
 *
 * Values under a null keep whatever the block holds, so a round trip is exact.
 */
public final class PageSerializer extends Serializer<Page> {
    private static final byte LONG = 1;
    private static final byte DOUBLE = 2;
    private static final byte BOOLEAN = 3;
    private static final byte VARIABLE_WIDTH = 4;
    private static final byte INT128 = 5;
    private static final byte ARRAY = 6;
    private static final byte MAP = 7;
    private static final byte ROW = 8;
    private static final byte DICTIONARY = 9;
    private static final byte RUN_LENGTH = 10;

    public PageSerializer() {
        setImmutable(true);
    }

    @Override
    public void write(Kryo kryo, Output output, Page page) {
        writePage(output, page);
    }

    @Override
    public Page read(Kryo kryo, Input input, Class<? extends Page> type) {
        return readPage(input);
    }

    public static void writePage(Output output, Page page) {
        output.writeVarInt(page.positionCount(), true);
        output.writeVarInt(page.channelCount(), true);
        for (int channel = 0; channel < page.channelCount(); channel++) {
            writeBlock(output, page.block(channel));
        }
    }

    public static Page readPage(Input input) {
        int positionCount = input.readVarInt(true);
        int channelCount = input.readVarInt(true);
        Block[] blocks = new Block[channelCount];
        for (int channel = 0; channel < channelCount; channel++) {
            blocks[channel] = readBlock(input);
        }
        return new Page(positionCount, blocks);
    }

    public static void writeBlock(Output output, Block block) {
        int positions = block.positionCount();
        if (block instanceof LongBlock longs) {
            writeHeader(output, LONG, block);
            output.writeLongs(longs.rawValues(), 0, positions);
        } else if (block instanceof DoubleBlock doubles) {
            writeHeader(output, DOUBLE, block);
            output.writeDoubles(doubles.rawValues(), 0, positions);
        } else if (block instanceof BooleanBlock booleans) {
            writeHeader(output, BOOLEAN, block);
            output.writeBooleans(booleans.rawValues(), 0, positions);
        } else if (block instanceof VariableWidthBlock strings) {
            writeHeader(output, VARIABLE_WIDTH, block);
            int[] offsets = strings.rawOffsets();
            int start = offsets[0];
            int total = offsets[positions] - start;
            output.writeVarInt(total, true);
            output.writeBytes(strings.rawData(), start, total);
            for (int i = 0; i < positions; i++) {
                output.writeVarInt(offsets[i + 1] - offsets[i], true);
            }
        } else if (block instanceof Int128Block int128) {
            writeHeader(output, INT128, block);
            for (int i = 0; i < positions; i++) {
                output.writeLong(int128.getHigh(i));
                output.writeLong(int128.getLow(i));
            }
        } else if (block instanceof ArrayBlock array) {
            writeHeader(output, ARRAY, block);
            int start = writeLengths(output, array.rawOffsets(), positions);
            writeBlock(output, array.elements().region(start, array.rawOffsets()[positions] - start));
        } else if (block instanceof MapBlock map) {
            writeHeader(output, MAP, block);
            int start = writeLengths(output, map.rawOffsets(), positions);
            int length = map.rawOffsets()[positions] - start;
            writeBlock(output, map.keys().region(start, length));
            writeBlock(output, map.values().region(start, length));
        } else if (block instanceof RowBlock row) {
            writeHeader(output, ROW, block);
            output.writeVarInt(row.fieldCount(), true);
            for (int i = 0; i < row.fieldCount(); i++) {
                writeBlock(output, row.field(i));
            }
        } else if (block instanceof DictionaryBlock dictionary) {
            writeEncodedHeader(output, DICTIONARY, positions);
            writeBlock(output, dictionary.dictionary());
            int[] ids = dictionary.rawIds();
            for (int i = 0; i < positions; i++) {
                output.writeVarInt(ids[i], true);
            }
        } else if (block instanceof RunLengthBlock runLength) {
            writeEncodedHeader(output, RUN_LENGTH, positions);
            writeBlock(output, runLength.value());
        } else {
            throw new IllegalArgumentException("no encoding for block " + block.getClass().getName());
        }
    }

    public static Block readBlock(Input input) {
        byte kind = input.readByte();
        int positions = input.readVarInt(true);
        boolean[] nulls = input.readBoolean() ? readNulls(input, positions) : null;
        switch (kind) {
            case LONG:
                return new LongBlock(positions, nulls, input.readLongs(positions));
            case DOUBLE:
                return new DoubleBlock(positions, nulls, input.readDoubles(positions));
            case BOOLEAN:
                return new BooleanBlock(positions, nulls, input.readBooleans(positions));
            case VARIABLE_WIDTH: {
                byte[] data = input.readBytes(input.readVarInt(true));
                int[] offsets = new int[positions + 1];
                for (int i = 0; i < positions; i++) {
                    offsets[i + 1] = offsets[i] + input.readVarInt(true);
                }
                if (offsets[positions] != data.length) {
                    throw new IllegalArgumentException("corrupt variable-width block: lengths do not add up");
                }
                return new VariableWidthBlock(positions, nulls, offsets, data);
            }
            case INT128:
                return new Int128Block(positions, nulls, input.readLongs(2 * positions));
            case ARRAY: {
                int[] offsets = readLengths(input, positions);
                return new ArrayBlock(positions, nulls, offsets, readEntries(input, offsets[positions]));
            }
            case MAP: {
                int[] offsets = readLengths(input, positions);
                Block keys = readEntries(input, offsets[positions]);
                return new MapBlock(positions, nulls, offsets, keys, readEntries(input, offsets[positions]));
            }
            case ROW: {
                Block[] fields = new Block[input.readVarInt(true)];
                for (int i = 0; i < fields.length; i++) {
                    fields[i] = readBlock(input);
                }
                return new RowBlock(positions, nulls, fields);
            }
            case DICTIONARY: {
                Block dictionary = readBlock(input);
                int[] ids = new int[positions];
                for (int i = 0; i < positions; i++) {
                    ids[i] = input.readVarInt(true);
                }
                return new DictionaryBlock(dictionary, ids, positions);
            }
            case RUN_LENGTH:
                return new RunLengthBlock(readBlock(input), positions);
            default:
                throw new IllegalArgumentException("corrupt page: unknown block kind " + kind);
        }
    }

    /** Writes the length of each array or map; returns where the first one starts in its nested blocks. */
    private static int writeLengths(Output output, int[] offsets, int positions) {
        for (int i = 0; i < positions; i++) {
            output.writeVarInt(offsets[i + 1] - offsets[i], true);
        }
        return offsets[0];
    }

    private static int[] readLengths(Input input, int positions) {
        int[] offsets = new int[positions + 1];
        for (int i = 0; i < positions; i++) {
            offsets[i + 1] = offsets[i] + input.readVarInt(true);
        }
        return offsets;
    }

    private static Block readEntries(Input input, int expected) {
        Block block = readBlock(input);
        if (block.positionCount() != expected) {
            throw new IllegalArgumentException("corrupt nested block: " + block.positionCount() + " entries, lengths say " + expected);
        }
        return block;
    }

    private static void writeHeader(Output output, byte kind, Block block) {
        int positions = block.positionCount();
        output.writeByte(kind);
        output.writeVarInt(positions, true);
        output.writeBoolean(block.mayHaveNull());
        if (block.mayHaveNull()) {
            int byteCount = (positions + 7) >>> 3;
            for (int i = 0; i < byteCount; i++) {
                int bits = 0;
                int end = Math.min(positions, (i + 1) << 3);
                for (int position = i << 3; position < end; position++) {
                    if (block.isNull(position)) {
                        bits |= 1 << (position & 7);
                    }
                }
                output.writeByte(bits);
            }
        }
    }

    /** An encoded block's header: its nulls are those of the block it wraps, so it never has a mask of its own. */
    private static void writeEncodedHeader(Output output, byte kind, int positions) {
        output.writeByte(kind);
        output.writeVarInt(positions, true);
        output.writeBoolean(false);
    }

    private static boolean[] readNulls(Input input, int positions) {
        boolean[] nulls = new boolean[positions];
        int byteCount = (positions + 7) >>> 3;
        for (int i = 0; i < byteCount; i++) {
            int bits = input.readByte();
            int end = Math.min(positions, (i + 1) << 3);
            for (int position = i << 3; position < end; position++) {
                nulls[position] = (bits & (1 << (position & 7))) != 0;
            }
        }
        return nulls;
    }

    /** Serializes a lone block (one travelling outside a page) with the same encoding. */
    public static final class BlockSerializer extends Serializer<Block> {
        public BlockSerializer() {
            setImmutable(true);
        }

        @Override
        public void write(Kryo kryo, Output output, Block block) {
            writeBlock(output, block);
        }

        @Override
        public Block read(Kryo kryo, Input input, Class<? extends Block> type) {
            return readBlock(input);
        }
    }
}
