package io.quarry.exec.operator;

import io.quarry.block.Block;
import io.quarry.block.BlockBuilder;
import io.quarry.block.Int128Block;
import io.quarry.block.LongBlock;
import io.quarry.page.Page;
import io.quarry.plan.AggregateCall;
import io.quarry.plan.SortKey;
import io.quarry.plan.WindowFrame;
import io.quarry.plan.WindowFunction;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.DateTimeValues;
import io.quarry.type.DateType;
import io.quarry.type.DecimalType;
import io.quarry.type.IntervalDayTimeType;
import io.quarry.type.IntervalYearMonthType;
import io.quarry.type.TimeType;
import io.quarry.type.TimeWithTimeZoneType;
import io.quarry.type.TimestampType;
import io.quarry.type.TimestampWithTimeZoneType;
import io.quarry.type.Type;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Window functions: collects all input, sorts it by the partition keys then the order keys, and computes
 * each function partition by partition into a result column, with peer groups (rows equal in the order
 * keys) for ranks and RANGE frames. Aggregates over a frame that starts at UNBOUNDED PRECEDING add rows
 * incrementally; other frames are aggregated per row. Output: the sorted input, then one channel per function.
 */
public final class WindowOperator implements Operator {
    private static final Set<String> RANKING = Set.of("row_number", "rank", "dense_rank", "percent_rank", "cume_dist", "ntile");
    private static final Set<String> VALUE = Set.of("lag", "lead", "first_value", "last_value", "nth_value");

    private final List<Type> inputTypes;
    private final List<SortKey> orderKeys;
    private final List<WindowFunction> functions;
    private final RowComparator sortComparator;
    private final RowComparator partitionComparator;
    private final RowComparator peerComparator;
    private final SortBuffer buffer = new SortBuffer();
    private final OperatorStats stats = new OperatorStats("Window");
    private boolean finishing;
    private Page sorted;
    private Block[] results;
    private int next;
    private int rowsPerPage;

    public WindowOperator(List<Type> inputTypes, List<Integer> partitionKeys, List<SortKey> orderKeys, List<WindowFunction> functions) {
        this.inputTypes = List.copyOf(inputTypes);
        this.orderKeys = List.copyOf(orderKeys);
        this.functions = List.copyOf(functions);
        List<SortKey> partitionSort = partitionKeys.stream().map(channel -> new SortKey(channel, true, true)).toList();
        List<SortKey> all = new ArrayList<>(partitionSort);
        all.addAll(orderKeys);
        this.sortComparator = new RowComparator(all, inputTypes);
        this.partitionComparator = new RowComparator(partitionSort, inputTypes);
        this.peerComparator = new RowComparator(orderKeys, inputTypes);
        for (WindowFunction function : functions) {
            validate(function);
        }
    }

    private void validate(WindowFunction function) {
        String name = function.function();
        WindowFrame frame = function.frame();
        if (frame.kind() == WindowFrame.Kind.RANGE
                && (frame.startOffset().isPresent() || frame.endOffset().isPresent())
                && orderKeys.size() != 1) {
            throw new QuarryException(ErrorCode.INVALID_WINDOW_FRAME,
                    "Window frame of type RANGE PRECEDING or FOLLOWING requires single sort item in ORDER BY (actual: " + orderKeys.size() + ")");
        }
        if (!RANKING.contains(name) && !VALUE.contains(name)) {
            // fails now for aggregates Quarry does not have
            aggregateFactory(function).create();
        }
    }

    @Override
    public boolean needsInput() {
        return !finishing;
    }

    @Override
    public void addInput(Page page) {
        stats.recordInput(page);
        buffer.add(page, stats);
    }

    @Override
    public Page getOutput() {
        if (!finishing || sorted == null || next >= sorted.positionCount()) {
            return null;
        }
        int to = Math.min(sorted.positionCount(), next + rowsPerPage);
        Block[] blocks = new Block[inputTypes.size() + functions.size()];
        for (int channel = 0; channel < inputTypes.size(); channel++) {
            blocks[channel] = sorted.block(channel).region(next, to - next);
        }
        for (int f = 0; f < functions.size(); f++) {
            blocks[inputTypes.size() + f] = results[f].region(next, to - next);
        }
        Page page = new Page(to - next, blocks);
        next = to;
        if (next >= sorted.positionCount()) {
            sorted = null;
            results = null;
            stats.setRetainedBytes(0);
        }
        stats.recordOutput(page);
        return page;
    }

    @Override
    public void finish() {
        if (finishing) {
            return;
        }
        finishing = true;
        if (buffer.rowCount() == 0) {
            return;
        }
        rowsPerPage = buffer.rowsPerPage();
        sorted = buffer.sortedPage(inputTypes, sortComparator, "for window functions");
        results = compute(sorted);
        stats.setRetainedBytes(sorted.sizeInBytes());
    }

    /** The result column of every function over the sorted rows. */
    private Block[] compute(Page rows) {
        int n = rows.positionCount();
        // partition and peer boundaries: the start of the partition / peer group of each row, and its end (exclusive)
        int[] partitionEnd = new int[n];
        int[] peerStart = new int[n];
        int[] peerEnd = new int[n];
        int partitionStart = 0;
        int currentPeerStart = 0;
        for (int i = 1; i <= n; i++) {
            boolean newPartition = i == n || partitionComparator.compare(rows, i - 1, rows, i) != 0;
            boolean newPeers = newPartition || peerComparator.compare(rows, i - 1, rows, i) != 0;
            if (newPeers) {
                for (int j = currentPeerStart; j < i; j++) {
                    peerStart[j] = currentPeerStart;
                    peerEnd[j] = i;
                }
                currentPeerStart = i;
            }
            if (newPartition) {
                for (int j = partitionStart; j < i; j++) {
                    partitionEnd[j] = i;
                }
                partitionStart = i;
            }
        }
        // peer groups numbered in order over all rows, with their first rows, for GROUPS frames
        int[] peerGroup = new int[n];
        int[] groupStart = new int[n + 1];
        int groups = 0;
        for (int i = 0; i < n; i++) {
            if (peerStart[i] == i) {
                groupStart[groups++] = i;
            }
            peerGroup[i] = groups - 1;
        }
        groupStart[groups] = n;
        Partitions partitions = new Partitions(n, partitionEnd, peerStart, peerEnd, peerGroup, groupStart);
        Block[] blocks = new Block[functions.size()];
        for (int f = 0; f < functions.size(); f++) {
            WindowFunction function = functions.get(f);
            BlockBuilder out = BlockBuilder.create(function.resultType(), n);
            String name = function.function();
            if (RANKING.contains(name)) {
                ranking(function, rows, partitions, out);
            } else if (VALUE.contains(name)) {
                value(function, rows, partitions, out);
            } else {
                aggregate(function, rows, partitions, out);
            }
            blocks[f] = out.build();
        }
        return blocks;
    }

    /** Row boundaries of the sorted input. */
    private record Partitions(int rowCount, int[] partitionEnd, int[] peerStart, int[] peerEnd, int[] peerGroup, int[] groupStart) {}

    private static void ranking(WindowFunction function, Page rows, Partitions partitions, BlockBuilder out) {
        String name = function.function();
        int n = partitions.rowCount();
        int start = 0;
        while (start < n) {
            int end = partitions.partitionEnd()[start];
            long size = end - start;
            long denseRank = 0;
            for (int i = start; i < end; i++) {
                int peerStart = partitions.peerStart()[i];
                if (peerStart == i) {
                    denseRank++;
                }
                long rank = peerStart - start + 1;
                switch (name) {
                    case "row_number" -> out.appendLong(i - start + 1);
                    case "rank" -> out.appendLong(rank);
                    case "dense_rank" -> out.appendLong(denseRank);
                    case "percent_rank" -> out.appendDouble(size == 1 ? 0.0 : (double) (rank - 1) / (size - 1));
                    case "cume_dist" -> out.appendDouble((double) (partitions.peerEnd()[i] - start) / size);
                    default -> {
                        if (rows.block(function.arguments().get(0)).isNull(i)) {
                            out.appendNull(); // ntile(NULL) is null, as in Trino
                        } else {
                            out.appendLong(ntile(bucketCount(rows, function, i), size, i - start));
                        }
                    }
                }
            }
            start = end;
        }
    }

    private static long bucketCount(Page rows, WindowFunction function, int row) {
        Block block = rows.block(function.arguments().get(0));
        if (block.isNull(row) || ((LongBlock) block).getLong(row) <= 0) {
            throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "Buckets must be greater than 0");
        }
        return ((LongBlock) block).getLong(row);
    }

    /** The 1-based bucket of the row at {@code index} of {@code size} rows: the first size % buckets buckets hold one more row. */
    static long ntile(long buckets, long size, long index) {
        if (size <= buckets) {
            return index + 1;
        }
        long small = size / buckets;
        long remainder = size % buckets;
        long boundary = remainder * (small + 1);
        return index < boundary ? index / (small + 1) + 1 : (index - boundary) / small + remainder + 1;
    }

    private void value(WindowFunction function, Page rows, Partitions partitions, BlockBuilder out) {
        String name = function.function();
        Block values = rows.block(function.arguments().get(0));
        int n = partitions.rowCount();
        int start = 0;
        int[] frame = new int[2];
        while (start < n) {
            int end = partitions.partitionEnd()[start];
            for (int i = start; i < end; i++) {
                int target;
                if (name.equals("lag") || name.equals("lead")) {
                    long offset = 1;
                    if (function.arguments().size() > 1) {
                        Block offsets = rows.block(function.arguments().get(1));
                        if (offsets.isNull(i)) {
                            throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "Offset must not be null");
                        }
                        offset = ((LongBlock) offsets).getLong(i);
                        if (offset < 0) {
                            throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "Offset must be at least 0");
                        }
                    }
                    long position = function.ignoreNulls() && offset > 0
                            ? nonNullAt(values, name.equals("lag") ? -1 : 1, i, offset, start, end)
                            : name.equals("lag") ? i - offset : i + offset;
                    if (position < start || position >= end) {
                        if (function.arguments().size() > 2) {
                            out.append(rows.block(function.arguments().get(2)), i);
                        } else {
                            out.appendNull();
                        }
                        continue;
                    }
                    target = (int) position;
                } else {
                    if (!frame(function.frame(), rows, partitions, start, end, i, frame)) {
                        out.appendNull();
                        continue;
                    }
                    if (function.ignoreNulls()) {
                        target = nonNullInFrame(function, rows, values, frame, i);
                        if (target < 0) {
                            out.appendNull();
                            continue;
                        }
                    } else if (name.equals("first_value")) {
                        target = frame[0];
                    } else if (name.equals("last_value")) {
                        target = frame[1];
                    } else {
                        Block nths = rows.block(function.arguments().get(1));
                        if (nths.isNull(i)) {
                            // Trino: the nth value of a NULL position is NULL
                            out.appendNull();
                            continue;
                        }
                        if (((LongBlock) nths).getLong(i) <= 0) {
                            throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "Offset must be at least 1");
                        }
                        long position = frame[0] + ((LongBlock) nths).getLong(i) - 1;
                        if (position > frame[1]) {
                            out.appendNull();
                            continue;
                        }
                        target = (int) position;
                    }
                }
                out.append(values, target);
            }
            start = end;
        }
    }

    /**
     * IGNORE NULLS for lag and lead: the position of the {@code offset}-th row with a non-null value from
     * row {@code i} in direction {@code step} within {@code [start, end)}, or a position outside it.
     */
    private static long nonNullAt(Block values, int step, int i, long offset, int start, int end) {
        long count = 0;
        for (int position = i + step; position >= start && position < end; position += step) {
            if (!values.isNull(position) && ++count == offset) {
                return position;
            }
        }
        return -1;
    }

    /**
     * IGNORE NULLS for first_value, last_value and nth_value: the row of the first, last or n-th non-null
     * value of the inclusive frame, or -1.
     */
    private static int nonNullInFrame(WindowFunction function, Page rows, Block values, int[] frame, int i) {
        String name = function.function();
        if (name.equals("last_value")) {
            for (int position = frame[1]; position >= frame[0]; position--) {
                if (!values.isNull(position)) {
                    return position;
                }
            }
            return -1;
        }
        long wanted = 1;
        if (name.equals("nth_value")) {
            Block nths = rows.block(function.arguments().get(1));
            if (nths.isNull(i) || ((LongBlock) nths).getLong(i) <= 0) {
                throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "Offset must be at least 1");
            }
            wanted = ((LongBlock) nths).getLong(i);
        }
        long count = 0;
        for (int position = frame[0]; position <= frame[1]; position++) {
            if (!values.isNull(position) && ++count == wanted) {
                return position;
            }
        }
        return -1;
    }

    /**
     * The frame of row {@code i} of the partition {@code [start, end)} as inclusive row bounds in
     * {@code frame}; false when the frame is empty.
     */
    private boolean frame(WindowFrame frame, Page rows, Partitions partitions, int start, int end, int i, int[] result) {
        long first;
        long last;
        if (frame.kind() == WindowFrame.Kind.GROUPS) {
            return groupsFrame(frame, rows, partitions, start, end, i, result);
        }
        boolean rowsFrame = frame.kind() == WindowFrame.Kind.ROWS;
        first = switch (frame.startType()) {
            case UNBOUNDED_PRECEDING -> start;
            case CURRENT_ROW -> rowsFrame ? i : partitions.peerStart()[i];
            case PRECEDING -> rowsFrame ? i - offset(rows, frame.startOffset(), i) : rangeBound(rows, start, end, i, frame.startOffset(), true, true);
            case FOLLOWING -> rowsFrame ? plus(i, offset(rows, frame.startOffset(), i)) : rangeBound(rows, start, end, i, frame.startOffset(), false, true);
            case UNBOUNDED_FOLLOWING -> end;
        };
        last = switch (frame.endType()) {
            case UNBOUNDED_FOLLOWING -> end - 1;
            case CURRENT_ROW -> rowsFrame ? i : partitions.peerEnd()[i] - 1;
            case PRECEDING -> rowsFrame ? i - offset(rows, frame.endOffset(), i) : rangeBound(rows, start, end, i, frame.endOffset(), true, false);
            case FOLLOWING -> rowsFrame ? plus(i, offset(rows, frame.endOffset(), i)) : rangeBound(rows, start, end, i, frame.endOffset(), false, false);
            case UNBOUNDED_PRECEDING -> start - 1;
        };
        first = Math.max(first, start);
        last = Math.min(last, end - 1);
        if (first > last) {
            return false;
        }
        result[0] = (int) first;
        result[1] = (int) last;
        return true;
    }

    /** A GROUPS frame: its bounds count peer groups from the row's own, within the partition. */
    private boolean groupsFrame(WindowFrame frame, Page rows, Partitions partitions, int start, int end, int i, int[] result) {
        long group = partitions.peerGroup()[i];
        long firstGroup = partitions.peerGroup()[start];
        long lastGroup = partitions.peerGroup()[end - 1];
        long startGroup = switch (frame.startType()) {
            case UNBOUNDED_PRECEDING -> firstGroup;
            case CURRENT_ROW -> group;
            case PRECEDING -> group - offset(rows, frame.startOffset(), i);
            case FOLLOWING -> plus(group, offset(rows, frame.startOffset(), i));
            case UNBOUNDED_FOLLOWING -> lastGroup + 1;
        };
        long endGroup = switch (frame.endType()) {
            case UNBOUNDED_FOLLOWING -> lastGroup;
            case CURRENT_ROW -> group;
            case PRECEDING -> group - offset(rows, frame.endOffset(), i);
            case FOLLOWING -> plus(group, offset(rows, frame.endOffset(), i));
            case UNBOUNDED_PRECEDING -> firstGroup - 1;
        };
        startGroup = Math.max(startGroup, firstGroup);
        endGroup = Math.min(endGroup, lastGroup);
        if (startGroup > endGroup) {
            return false;
        }
        result[0] = partitions.groupStart()[(int) startGroup];
        result[1] = partitions.groupStart()[(int) endGroup + 1] - 1;
        return true;
    }

    /**
     * The key value a RANGE bound with an offset reaches from the row's key: the key moved by the offset towards the
     * start of the ordering (PRECEDING) or its end (FOLLOWING), in the units {@link #value} gives. Months move dates and
     * timestamps along the calendar, times of day wrap around midnight, and integers that leave their type fail as
     * Trino's arithmetic does.
     */
    private double rangeTarget(Page rows, Optional<Integer> offsetChannel, int row, boolean preceding) {
        offset(rows, offsetChannel, row); // the NULL and negative checks
        SortKey sortKey = orderKeys.get(0);
        Type key = inputTypes.get(sortKey.channel());
        Block keys = rows.block(sortKey.channel());
        Type offsetType = inputTypes.get(offsetChannel.orElseThrow());
        Block offsets = rows.block(offsetChannel.orElseThrow());
        // a long timestamp moves by its first long; its picoseconds break ties in rangeBound
        boolean longKeys = keys instanceof LongBlock || keys instanceof Int128Block && io.quarry.type.TemporalTypes.isTemporal(key);
        long current = keys instanceof Int128Block pairs ? pairs.getHigh(row) : keys instanceof LongBlock longs ? longs.getLong(row) : 0;
        // ascending, PRECEDING lowers the key; descending, it raises it
        boolean add = preceding != sortKey.ascending();
        int sign = add ? 1 : -1;
        if (offsetType instanceof IntervalYearMonthType && longKeys) {
            long months = ((LongBlock) offsets).getLong(row) * sign;
            if (key instanceof DateType) {
                return LocalDate.ofEpochDay(current).plusMonths(months).toEpochDay();
            }
            if (key instanceof TimestampType) {
                LocalDateTime time = LocalDateTime.ofEpochSecond(
                        Math.floorDiv(current, 1_000_000), (int) Math.floorMod(current, 1_000_000) * 1000, ZoneOffset.UTC);
                LocalDateTime moved = time.plusMonths(months);
                return moved.toEpochSecond(ZoneOffset.UTC) * 1_000_000 + moved.getNano() / 1000;
            }
            if (key instanceof TimestampWithTimeZoneType) {
                return DateTimeValues.toZonedDateTime(current).plusMonths(months).toInstant().toEpochMilli();
            }
            return current + months;
        }
        if (offsetType instanceof IntervalDayTimeType && longKeys) {
            long millis = ((LongBlock) offsets).getLong(row) * sign;
            if (key instanceof DateType) {
                if (millis % 86_400_000 != 0) {
                    throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT,
                            add ? "Cannot add hour, minutes or seconds to a date" : "Cannot subtract hour, minutes or seconds from a date");
                }
                return value(keys, row) + millis / 86_400_000;
            }
            if (key instanceof TimestampType) {
                return value(keys, row) + millis * 1000.0;
            }
            if (key instanceof TimeWithTimeZoneType) {
                // the UTC time of day in nanoseconds, moved and wrapped (the offset stays); see value
                long moved = (long) value(keys, row) + Math.floorMod(millis, 86_400_000L) * 1_000_000L;
                return Math.floorMod(moved, TimeWithTimeZoneType.NANOS_PER_DAY);
            }
            if (key instanceof TimeType) {
                long day = 86_400_000_000_000_000L;
                return Math.floorMod(current + Math.floorMod(millis, 86_400_000L) * 1_000_000_000L, day);
            }
            return value(keys, row) + millis;
        }
        if (keys instanceof LongBlock longs && offsets instanceof LongBlock offsetLongs
                && !(key instanceof DecimalType) && !(offsetType instanceof DecimalType)) {
            return exactTarget(key, offsetType, longs.getLong(row), offsetLongs.getLong(row), add);
        }
        double offset = ExtendedAccumulators.doubleValue(offsets, offsetType, row);
        return value(keys, row) + offset * sign;
    }

    /** An integer key moved by an integer offset in the wider of the two types, which must hold the result. */
    private static long exactTarget(Type key, Type offsetType, long value, long offset, boolean add) {
        Type wider = integerWidth(key) >= integerWidth(offsetType) ? key : offsetType;
        int bits = integerWidth(wider);
        long result = add ? value + offset : value - offset;
        boolean overflow = bits == 64
                ? (add ? ((value ^ result) & (offset ^ result)) < 0 : ((value ^ offset) & (value ^ result)) < 0)
                : result < -(1L << (bits - 1)) || result >= (1L << (bits - 1));
        if (overflow) {
            throw new QuarryException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, wider.displayName() + (add ? " addition" : " subtraction")
                    + " overflow: " + value + (add ? " + " : " - ") + offset);
        }
        return result;
    }

    private static int integerWidth(Type type) {
        return switch (type.displayName()) {
            case "tinyint" -> 8;
            case "smallint" -> 16;
            case "integer" -> 32;
            default -> 64;
        };
    }

    /** A non-negative position plus a non-negative offset, at most Long.MAX_VALUE: a frame may reach past any partition. */
    private static long plus(long position, long offset) {
        long sum = position + offset;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    private long offset(Page rows, Optional<Integer> channel, int row) {
        Block block = rows.block(channel.orElseThrow());
        if (block.isNull(row)) {
            throw new QuarryException(ErrorCode.INVALID_WINDOW_FRAME, "Window frame offset value must not be null");
        }
        Type type = inputTypes.get(channel.orElseThrow());
        double value = type.isNumeric() ? ExtendedAccumulators.doubleValue(block, type, row) : ((LongBlock) block).getLong(row);
        if (value < 0 || Double.isNaN(value)) {
            throw new QuarryException(ErrorCode.INVALID_WINDOW_FRAME, "Window frame offset value must not be negative");
        }
        return block instanceof LongBlock longs ? longs.getLong(row) : (long) Math.ceil(value);
    }

    /**
     * A RANGE bound with an offset over the single numeric order key: the first row whose key is at least
     * (for a start) or the last row whose key is at most (for an end) the current key minus (PRECEDING) or
     * plus (FOLLOWING) the offset, in the direction of the ordering. Rows with a NULL key frame their peers.
     */
    private long rangeBound(Page rows, int start, int end, int i, Optional<Integer> offsetChannel, boolean preceding, boolean isStart) {
        SortKey key = orderKeys.get(0);
        Block block = rows.block(key.channel());
        if (block.isNull(i)) {
            return isStart ? peerStartOfNull(block, start, end, i) : peerEndOfNull(block, start, end, i) - 1;
        }
        double target = rangeTarget(rows, offsetChannel, i, preceding);
        double direction = key.ascending() ? 1 : -1;
        if (isStart) {
            // first row at or past the target in order
            long j = i;
            while (j > start && !block.isNull((int) j - 1) && direction * fromTarget(block, (int) j - 1, target, i) >= 0) {
                j--;
            }
            while (j < end && (block.isNull((int) j) || direction * fromTarget(block, (int) j, target, i) < 0)) {
                if (block.isNull((int) j) && j > i) {
                    break;
                }
                j++;
            }
            return j;
        }
        long j = i;
        while (j < end - 1 && !block.isNull((int) j + 1) && direction * fromTarget(block, (int) j + 1, target, i) <= 0) {
            j++;
        }
        while (j >= start && (block.isNull((int) j) || direction * fromTarget(block, (int) j, target, i) > 0)) {
            if (block.isNull((int) j) && j < i) {
                break; // NULLS FIRST: the NULL keys come before every value, so they end below any bound
            }
            j--;
        }
        return j;
    }

    /**
     * How far row j's key is past the target, in the units of {@link #value}. For a timestamp beyond the microsecond the
     * target is row i's key moved, so at the same first long the picoseconds of rows j and i decide.
     */
    private double fromTarget(Block block, int j, double target, int i) {
        double difference = value(block, j) - target;
        Type type = inputTypes.get(orderKeys.get(0).channel());
        if (difference != 0 || !(block instanceof Int128Block pairs) || !io.quarry.type.TemporalTypes.isTemporal(type)) {
            return difference;
        }
        if (type instanceof TimeWithTimeZoneType) {
            // the picoseconds within the UTC nanosecond
            return Long.compare(Math.floorMod(pairs.getHigh(j), 1_000L), Math.floorMod(pairs.getHigh(i), 1_000L));
        }
        return Long.compare(pairs.getLow(j), pairs.getLow(i));
    }

    /**
     * The order key's value as a number (decimals at their scale), in the units RANGE offsets are turned into: a
     * timestamp's microseconds, a zoned one's milliseconds (of its first long, when it has two), a time with time
     * zone's UTC time of day in nanoseconds.
     */
    private double value(Block block, int row) {
        Type type = inputTypes.get(orderKeys.get(0).channel());
        long head = block instanceof Int128Block pairs ? pairs.getHigh(row) : 0;
        if (type instanceof TimestampWithTimeZoneType) {
            return DateTimeValues.unpackMillis(block instanceof Int128Block ? head : ((LongBlock) block).getLong(row));
        }
        if (type instanceof TimestampType && block instanceof Int128Block) {
            return head;
        }
        if (type instanceof TimeWithTimeZoneType) {
            return block instanceof Int128Block
                    ? Math.floorDiv(head, 1_000L) : TimeWithTimeZoneType.utcNanos(((LongBlock) block).getLong(row));
        }
        return ExtendedAccumulators.doubleValue(block, type, row);
    }

    private static int peerStartOfNull(Block block, int start, int end, int i) {
        int j = i;
        while (j > start && block.isNull(j - 1)) {
            j--;
        }
        return j;
    }

    private static int peerEndOfNull(Block block, int start, int end, int i) {
        int j = i;
        while (j < end && block.isNull(j)) {
            j++;
        }
        return j;
    }

    /** Makes a fresh accumulator for the function. */
    private interface AccumulatorFactory {
        Accumulator create();
    }

    private static AccumulatorFactory aggregateFactory(WindowFunction function) {
        List<Integer> arguments = new ArrayList<>();
        for (int i = 0; i < function.arguments().size(); i++) {
            arguments.add(i);
        }
        // the accumulator reads its sort keys by position: the last arguments
        int plain = arguments.size() - function.orderBy().size();
        List<SortKey> orderBy = new ArrayList<>();
        for (int k = 0; k < function.orderBy().size(); k++) {
            SortKey key = function.orderBy().get(k);
            orderBy.add(new SortKey(plain + k, key.ascending(), key.nullsFirst()));
        }
        AggregateCall call = new AggregateCall(
                function.function(), arguments, function.argumentTypes(), function.resultType(), false, Optional.empty(), orderBy);
        // Trino's window sum of integers wraps around instead of failing on overflow, and its window
        // approx_percentile answers from the digest as built
        Accumulator sample = Accumulators.create(call);
        AccumulatorFactory each = sample instanceof Accumulators.LongSum
                ? () -> new Accumulators.LongSum(false)
                : call.function().equals("approx_percentile")
                        ? () -> ApproxPercentileAccumulator.create(call, true)
                        : () -> Accumulators.create(call);
        if (function.distinct()) {
            List<Type> distinctTypes = new ArrayList<>();
            distinctTypes.add(io.quarry.type.Types.BIGINT);
            distinctTypes.addAll(function.argumentTypes());
            return () -> new DistinctInput(each.create(), new GroupByHash(distinctTypes));
        }
        return each;
    }

    /** An aggregate that reads each (group, arguments) once: DISTINCT over a frame. */
    private record DistinctInput(Accumulator accumulator, GroupByHash seen) implements Accumulator {
        @Override
        public void ensureCapacity(int groupCount) {
            accumulator.ensureCapacity(groupCount);
        }

        @Override
        public void addInput(int[] groupIds, Block[] arguments, int count) {
            int[] selected = HashAggregationOperator.newDistinctRows(seen, groupIds, arguments, count);
            if (selected.length == count) {
                accumulator.addInput(groupIds, arguments, count);
            } else if (selected.length > 0) {
                int[] ids = new int[selected.length];
                Block[] values = new Block[arguments.length];
                for (int i = 0; i < selected.length; i++) {
                    ids[i] = groupIds[selected[i]];
                }
                for (int a = 0; a < arguments.length; a++) {
                    values[a] = arguments[a].copyPositions(selected, selected.length);
                }
                accumulator.addInput(ids, values, selected.length);
            }
        }

        @Override
        public void addIntermediate(int[] groupIds, Block[] states, int count) {
            throw new UnsupportedOperationException("a window aggregate reads raw input only");
        }

        @Override
        public void writeIntermediate(int group, BlockBuilder[] out) {
            throw new UnsupportedOperationException("a window aggregate writes final values only");
        }

        @Override
        public void writeFinal(int group, BlockBuilder out) {
            accumulator.writeFinal(group, out);
        }

        @Override
        public long sizeInBytes() {
            return accumulator.sizeInBytes();
        }
    }

    /**
     * An aggregate over each row's frame, with the aggregate's own accumulator. A frame that starts at UNBOUNDED
     * PRECEDING only grows: one group per partition takes the rows as the frame's end moves forward, read after
     * each row. Other frames give each row a group of its own: all frames are added first and read at the end,
     * so an accumulator that builds its results once (array_agg, map_agg) builds them once per partition.
     */
    private void aggregate(WindowFunction function, Page rows, Partitions partitions, BlockBuilder out) {
        int n = partitions.rowCount();
        Block[] columns = new Block[function.arguments().size()];
        for (int a = 0; a < columns.length; a++) {
            columns[a] = rows.block(function.arguments().get(a));
        }
        AccumulatorFactory factory = aggregateFactory(function);
        Accumulator empty = factory.create();
        empty.ensureCapacity(1);
        boolean running = function.frame().startType() == WindowFrame.Bound.UNBOUNDED_PRECEDING;
        int[] frame = new int[2];
        int[] groupIds = new int[0];
        int start = 0;
        while (start < n) {
            int end = partitions.partitionEnd()[start];
            if (running) {
                groupIds = runningAggregate(function, rows, partitions, columns, factory, empty, start, end, groupIds, out);
                start = end;
                continue;
            }
            Accumulator perRow = factory.create();
            perRow.ensureCapacity(end - start);
            boolean[] emptyFrame = new boolean[end - start];
            for (int i = start; i < end; i++) {
                if (!frame(function.frame(), rows, partitions, start, end, i, frame)) {
                    emptyFrame[i - start] = true;
                    continue;
                }
                int length = frame[1] - frame[0] + 1;
                groupIds = fill(groupIds, i - start, length);
                perRow.addInput(groupIds, regions(columns, frame[0], length), length);
            }
            for (int i = start; i < end; i++) {
                if (emptyFrame[i - start]) {
                    empty.writeFinal(0, out);
                } else {
                    perRow.writeFinal(i - start, out);
                }
            }
            start = end;
        }
    }

    /** A frame from UNBOUNDED PRECEDING over the partition {@code [start, end)}; returns the (maybe grown) group id buffer. */
    private int[] runningAggregate(WindowFunction function, Page rows, Partitions partitions, Block[] columns,
            AccumulatorFactory factory, Accumulator empty, int start, int end, int[] groupIds, BlockBuilder out) {
        int[] frame = new int[2];
        Accumulator accumulator = factory.create();
        accumulator.ensureCapacity(1);
        Accumulator perRow = null;
        int added = start;
        for (int i = start; i < end; i++) {
            if (!frame(function.frame(), rows, partitions, start, end, i, frame)) {
                empty.writeFinal(0, out);
                continue;
            }
            if (frame[1] + 1 >= added) {
                if (frame[1] + 1 > added) {
                    groupIds = fill(groupIds, 0, frame[1] + 1 - added);
                    accumulator.addInput(groupIds, regions(columns, added, frame[1] + 1 - added), frame[1] + 1 - added);
                    added = frame[1] + 1;
                }
                accumulator.writeFinal(0, out);
                continue;
            }
            // the frame's end moved back (an offset that differs by row): a group of its own for this row
            if (perRow == null) {
                perRow = factory.create();
                perRow.ensureCapacity(end - start);
            }
            int length = frame[1] - frame[0] + 1;
            groupIds = fill(groupIds, i - start, length);
            perRow.addInput(groupIds, regions(columns, frame[0], length), length);
            perRow.writeFinal(i - start, out);
        }
        return groupIds;
    }

    private static int[] fill(int[] array, int value, int length) {
        int[] result = array.length >= length ? array : new int[Math.max(length, array.length * 2)];
        Arrays.fill(result, 0, length, value);
        return result;
    }

    private static Block[] regions(Block[] columns, int from, int length) {
        Block[] result = new Block[columns.length];
        for (int i = 0; i < columns.length; i++) {
            result[i] = columns[i].region(from, length);
        }
        return result;
    }

    @Override
    public boolean isFinished() {
        return finishing && (sorted == null || next >= sorted.positionCount());
    }

    @Override
    public OperatorStats stats() {
        return stats;
    }

    @Override
    public void close() {
        buffer.clear();
        sorted = null;
        results = null;
    }
}
