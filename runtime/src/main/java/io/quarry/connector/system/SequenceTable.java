package io.quarry.connector.system;

import io.quarry.block.Block;
import io.quarry.block.LongBlock;
import io.quarry.page.Page;
import io.quarry.spi.ColumnMetadata;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.PageSource;
import io.quarry.spi.QuarryException;
import io.quarry.spi.SchemaTableName;
import io.quarry.spi.Split;
import io.quarry.spi.TableMetadata;
import io.quarry.type.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rows of the table function {@code sequence(start, stop, step)}: one bigint column {@code sequential_number}
 * from start to stop (inclusive) in steps. A call resolves to a hidden table of the {@code builtin} schema whose
 * name carries the arguments ({@link #table}); its splits cut the range into pieces that the workers generate
 * page by page, so a long sequence is never held whole.
 */
public final class SequenceTable {
    /** The schema of the table function's tables; not listed among the catalog's schemas. */
    public static final String SCHEMA = "builtin";
    static final String COLUMN = "sequential_number";

    private static final Pattern NAME = Pattern.compile("\\$sequence\\((-?\\d+),(-?\\d+),(-?\\d+)\\)");
    private static final int ROWS_PER_PAGE = 4096;
    /** Rows below which one split is enough; above it the range is cut into up to the scheduler's hint. */
    private static final long ROWS_PER_SPLIT = 100_000;

    private SequenceTable() {}

    /** A checked range of the function; its count of values is at least 1. */
    record Range(long start, long stop, long step) {
        Range {
            if (step == 0 && start != stop || step > 0 && start > stop || step < 0 && start < stop) {
                throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT,
                        "Step must be " + (start < stop ? "positive" : "negative") + " for sequence [" + start + ", " + stop + "]");
            }
        }

        /** How many values; the distance and step are taken unsigned, so extreme ends do not overflow. */
        long count() {
            if (step == 0) {
                return 1;
            }
            long distance = step > 0 ? stop - start : start - stop;
            long count = Long.divideUnsigned(distance, step > 0 ? step : -step) + 1;
            if (count <= 0) {
                throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT,
                        "Sequence [" + start + ", " + stop + "] has too many values");
            }
            return count;
        }
    }

    /** The table a call {@code sequence(start, stop, step)} reads; INVALID_FUNCTION_ARGUMENT for a bad step. */
    public static SchemaTableName table(long start, long stop, long step) {
        new Range(start, stop, step);
        return new SchemaTableName(SCHEMA, "$sequence(" + start + "," + stop + "," + step + ")");
    }

    static Optional<Range> range(SchemaTableName table) {
        Matcher matcher = NAME.matcher(table.table());
        if (!table.schema().equals(SCHEMA) || !matcher.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Range(Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2)),
                    Long.parseLong(matcher.group(3))));
        } catch (NumberFormatException | QuarryException e) {
            return Optional.empty();
        }
    }

    static Optional<TableMetadata> metadata(SchemaTableName table) {
        return range(table).map(range -> new TableMetadata(table, List.of(new ColumnMetadata(COLUMN, Types.BIGINT, false,
                Optional.empty()))));
    }

    static List<Split> splits(SchemaTableName table, int targetSplitCount) {
        Range range = range(table).orElseThrow(() ->
                new QuarryException(ErrorCode.TABLE_NOT_FOUND, "Table 'system." + table + "' does not exist"));
        long count = range.count();
        long pieces = Math.max(1, Math.min(Math.max(1, targetSplitCount), count / ROWS_PER_SPLIT));
        long perPiece = (count - 1) / pieces + 1;
        List<Split> splits = new ArrayList<>();
        for (long first = 0; first < count; first += Math.min(perPiece, count - first)) {
            splits.add(new SequenceSplit(range.start() + first * range.step(), range.step(), Math.min(perPiece, count - first)));
        }
        return splits;
    }

    static PageSource pageSource(SequenceSplit split, List<ColumnMetadata> columns) {
        return new SequencePageSource(split, columns.size());
    }

    /** Generates a split's values, {@value #ROWS_PER_PAGE} a page; a page has no blocks when no column is read. */
    private static final class SequencePageSource implements PageSource {
        private final SequenceSplit split;
        private final int columns;
        private long produced;

        SequencePageSource(SequenceSplit split, int columns) {
            this.split = split;
            this.columns = columns;
        }

        @Override
        public Page nextPage() {
            if (isFinished()) {
                return null;
            }
            int rows = (int) Math.min(ROWS_PER_PAGE, split.rows() - produced);
            Block[] blocks = new Block[columns];
            if (columns > 0) {
                long[] values = new long[rows];
                for (int i = 0; i < rows; i++) {
                    values[i] = split.first() + (produced + i) * split.step();
                }
                Arrays.fill(blocks, new LongBlock(rows, null, values));
            }
            produced += rows;
            return new Page(rows, blocks);
        }

        @Override
        public boolean isFinished() {
            return produced >= split.rows();
        }

        @Override
        public long completedPositions() {
            return produced;
        }

        @Override
        public long completedBytes() {
            return produced * Long.BYTES;
        }
    }
}
