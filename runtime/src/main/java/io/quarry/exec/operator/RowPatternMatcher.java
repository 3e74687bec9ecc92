package io.quarry.exec.operator;

import io.quarry.plan.RowPattern;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the preferred match of a row pattern that starts at a given row, as Trino does: the pattern is compiled
 * into a small program whose SPLIT instructions list their branches in preference order (greedy quantifiers
 * first iterate, reluctant ones first stop, alternation prefers the left), and a depth-first search over rows
 * takes the first path that reaches the end. A row takes a variable only when the variable's condition holds,
 * evaluated with the variables the earlier rows took. When the conditions look at the current row alone
 * (no FIRST/LAST, CLASSIFIER or aggregates over the match), a state (instruction, row) met a second time cannot
 * lead to a match and is not searched again, which keeps the search polynomial; otherwise a step limit turns a
 * runaway pattern into an error.
 */
final class RowPatternMatcher {
    static final long STEP_LIMIT = 5_000_000;

    private static final int LABEL = 0;
    private static final int SPLIT = 1;
    private static final int JUMP = 2;
    private static final int START = 3;
    private static final int END = 4;
    private static final int MARK = 5;
    private static final int PROGRESS = 6;
    private static final int EXCLUSION = 7;
    private static final int DONE = 8;

    /** Whether row {@code row} may take variable {@code label}, the rows from the match start to it labelled so far. */
    interface Conditions {
        boolean test(int label, int matchStart, int row, int[] labels);
    }

    /** A match: rows [start, end), the variable of each ({@code labels[row - start]}), and excluded row ranges. */
    record Match(int start, int end, int[] labels, int[] exclusionBounds) {
        boolean excluded(int row) {
            for (int i = 0; i + 1 < exclusionBounds.length; i += 2) {
                if (row >= exclusionBounds[i] && row < exclusionBounds[i + 1]) {
                    return true;
                }
            }
            return false;
        }
    }

    private final int[] ops;
    private final int[] firsts;
    private final int[] seconds;
    private final int registers;
    private final boolean memoizable;

    RowPatternMatcher(RowPattern pattern, boolean historyFree) {
        Program program = new Program();
        program.compile(pattern);
        program.emit(DONE, 0, 0);
        this.ops = program.ops.stream().mapToInt(Integer::intValue).toArray();
        this.firsts = program.firsts.stream().mapToInt(Integer::intValue).toArray();
        this.seconds = program.seconds.stream().mapToInt(Integer::intValue).toArray();
        this.registers = program.registers;
        this.memoizable = historyFree && program.registers == 0;
    }

    /** The preferred match starting at {@code start} within the partition [partitionStart, partitionEnd), or null. */
    Match match(int start, int partitionStart, int partitionEnd, Conditions conditions) {
        int[] labels = new int[Math.max(1, partitionEnd - start)];
        int[] regs = new int[registers];
        int[] exclusions = new int[8];
        int exclusionCount = 0;
        Set<Long> visited = memoizable ? new HashSet<>() : null;
        List<int[]> stack = new ArrayList<>();
        int pc = 0;
        int row = start;
        long steps = 0;
        while (true) {
            boolean ok = true;
            if (++steps > STEP_LIMIT) {
                throw new QuarryException(ErrorCode.EXCEEDED_CPU_LIMIT,
                        "Row pattern matching exceeded the limit of " + STEP_LIMIT + " steps for a match starting at one row");
            }
            if (visited != null && !visited.add((long) pc * (partitionEnd + 1L) + row)) {
                ok = false;
            } else {
                switch (ops[pc]) {
                    case LABEL -> {
                        if (row < partitionEnd) {
                            labels[row - start] = firsts[pc];
                            ok = conditions.test(firsts[pc], start, row, labels);
                        } else {
                            ok = false;
                        }
                        if (ok) {
                            row++;
                            pc++;
                        }
                    }
                    case SPLIT -> {
                        int[] choice = new int[3 + regs.length];
                        choice[0] = seconds[pc];
                        choice[1] = row;
                        choice[2] = exclusionCount;
                        System.arraycopy(regs, 0, choice, 3, regs.length);
                        stack.add(choice);
                        pc = firsts[pc];
                    }
                    case JUMP -> pc = firsts[pc];
                    case START -> {
                        ok = row == partitionStart;
                        pc++;
                    }
                    case END -> {
                        ok = row == partitionEnd;
                        pc++;
                    }
                    case MARK -> {
                        regs[firsts[pc]] = row;
                        pc++;
                    }
                    case PROGRESS -> {
                        // an iteration of an unbounded loop that matched no row would repeat forever
                        ok = regs[firsts[pc]] != row;
                        pc++;
                    }
                    case EXCLUSION -> {
                        if (exclusionCount == exclusions.length) {
                            exclusions = Arrays.copyOf(exclusions, exclusionCount * 2);
                        }
                        exclusions[exclusionCount++] = row;
                        pc++;
                    }
                    default -> {
                        return new Match(start, row, Arrays.copyOf(labels, row - start), Arrays.copyOf(exclusions, exclusionCount));
                    }
                }
            }
            if (!ok) {
                if (stack.isEmpty()) {
                    return null;
                }
                int[] choice = stack.remove(stack.size() - 1);
                pc = choice[0];
                row = choice[1];
                exclusionCount = choice[2];
                System.arraycopy(choice, 3, regs, 0, regs.length);
            }
        }
    }

    /** The instructions of a pattern; SPLIT jumps to {@code first} and backtracks to {@code second}. */
    private static final class Program {
        final List<Integer> ops = new ArrayList<>();
        final List<Integer> firsts = new ArrayList<>();
        final List<Integer> seconds = new ArrayList<>();
        int registers;

        int emit(int op, int first, int second) {
            ops.add(op);
            firsts.add(first);
            seconds.add(second);
            return ops.size() - 1;
        }

        int next() {
            return ops.size();
        }

        void split(int at, int preferred, int other) {
            firsts.set(at, preferred);
            seconds.set(at, other);
        }

        void compile(RowPattern pattern) {
            switch (pattern.kind()) {
                case LABEL -> emit(LABEL, pattern.label(), 0);
                case CONCATENATION -> pattern.children().forEach(this::compile);
                case ALTERNATION -> {
                    List<Integer> jumps = new ArrayList<>();
                    List<RowPattern> children = pattern.children();
                    for (int i = 0; i < children.size() - 1; i++) {
                        int split = emit(SPLIT, 0, 0);
                        compile(children.get(i));
                        jumps.add(emit(JUMP, 0, 0));
                        split(split, split + 1, next());
                    }
                    compile(children.get(children.size() - 1));
                    jumps.forEach(jump -> firsts.set(jump, next()));
                }
                case QUANTIFIED -> quantified(pattern);
                case EXCLUSION -> {
                    emit(EXCLUSION, 0, 0);
                    compile(pattern.children().get(0));
                    emit(EXCLUSION, 0, 0);
                }
                case START -> emit(START, 0, 0);
                case END -> emit(END, 0, 0);
                case EMPTY -> { }
            }
        }

        private void quantified(RowPattern pattern) {
            RowPattern body = pattern.children().get(0);
            int min = Math.max(0, pattern.min());
            for (int i = 0; i < min; i++) {
                compile(body);
            }
            if (pattern.max() < 0) {
                boolean guard = nullable(body);
                int register = guard ? registers++ : -1;
                int split = emit(SPLIT, 0, 0);
                if (guard) {
                    emit(MARK, register, 0);
                }
                compile(body);
                if (guard) {
                    emit(PROGRESS, register, 0);
                }
                emit(JUMP, split, 0);
                preferring(split, pattern.greedy(), next());
                return;
            }
            if (pattern.max() > 10_000) {
                throw new QuarryException(ErrorCode.INVALID_ROW_PATTERN, "Pattern quantifier upper bound is too large: " + pattern.max());
            }
            List<Integer> splits = new ArrayList<>();
            for (int i = min; i < pattern.max(); i++) {
                splits.add(emit(SPLIT, 0, 0));
                compile(body);
            }
            int end = next();
            splits.forEach(split -> preferring(split, pattern.greedy(), end));
        }

        /** A SPLIT before a body: a greedy one tries the body first, a reluctant one the exit. */
        private void preferring(int split, boolean greedy, int exit) {
            if (greedy) {
                split(split, split + 1, exit);
            } else {
                split(split, exit, split + 1);
            }
        }

        private static boolean nullable(RowPattern pattern) {
            return switch (pattern.kind()) {
                case LABEL -> false;
                case CONCATENATION -> pattern.children().stream().allMatch(Program::nullable);
                case ALTERNATION -> pattern.children().stream().anyMatch(Program::nullable);
                case QUANTIFIED -> pattern.min() <= 0 || nullable(pattern.children().get(0));
                case EXCLUSION -> nullable(pattern.children().get(0));
                case START, END, EMPTY -> true;
            };
        }
    }
}
