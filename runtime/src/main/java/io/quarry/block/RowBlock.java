package io.quarry.block;

/**
 * A block of rows: one block per field, each with a position per row. The fields of a null row are null.
 */
public final class RowBlock implements Block {
    private final int positionCount;
    private final boolean[] nulls;
    private final Block[] fields;

    /** Takes ownership of the arrays; {@code nulls} may be null when no row is null. */
    public RowBlock(int positionCount, boolean[] nulls, Block[] fields) {
        if (fields.length == 0) {
            throw new IllegalArgumentException("a row block needs at least one field");
        }
        for (Block field : fields) {
            if (field.positionCount() != positionCount) {
                throw new IllegalArgumentException(
                        "field block has " + field.positionCount() + " positions, row block " + positionCount);
            }
        }
        Nulls.checkLength(nulls, positionCount);
        this.positionCount = positionCount;
        this.nulls = nulls;
        this.fields = fields.clone();
    }

    public int fieldCount() {
        return fields.length;
    }

    public Block field(int index) {
        return fields[index];
    }

    @Override
    public int positionCount() {
        return positionCount;
    }

    @Override
    public boolean isNull(int position) {
        return nulls != null && nulls[position];
    }

    @Override
    public boolean mayHaveNull() {
        return nulls != null;
    }

    @Override
    public long sizeInBytes() {
        long size = 32L + Nulls.size(nulls);
        for (Block field : fields) {
            size += field.sizeInBytes();
        }
        return size;
    }

    @Override
    public RowBlock copyPositions(int[] positions, int count) {
        Block[] result = new Block[fields.length];
        for (int i = 0; i < fields.length; i++) {
            result[i] = fields[i].copyPositions(positions, count);
        }
        return new RowBlock(count, Nulls.copyPositions(nulls, positions, count), result);
    }

    @Override
    public RowBlock region(int offset, int length) {
        Block[] result = new Block[fields.length];
        for (int i = 0; i < fields.length; i++) {
            result[i] = fields[i].region(offset, length);
        }
        return new RowBlock(length, Nulls.region(nulls, offset, length), result);
    }
}
