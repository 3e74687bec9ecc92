package io.quarry.exec.function;

import io.quarry.block.ArrayBlock;
import io.quarry.block.Block;
import io.quarry.block.BlockBuilder;
import io.quarry.block.VariableWidthBlock;
import io.quarry.type.Types;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The matches of a regular expression in each row's text, for {@code regexp_replace(text, pattern, x -> …)}: each
 * match's capturing groups as an array of varchar (null for a group that did not take part; empty without groups),
 * the row of every match, and the text with every match replaced by what the lambda made of its groups.
 */
public record RegexpMatches(int count, boolean[] nullRows, int[] matchOffsets, int[] parents, int[] starts, int[] ends,
        ArrayBlock groups) {
    /** Finds the matches of each row's pattern in its text; a null text or pattern makes the row null. */
    public static RegexpMatches find(Block texts, Block patterns, int count) {
        boolean[] nullRows = new boolean[count];
        int[] matchOffsets = new int[count + 1];
        IntList parents = new IntList();
        IntList starts = new IntList();
        IntList ends = new IntList();
        IntList groupOffsets = new IntList();
        groupOffsets.add(0);
        BlockBuilder elements = BlockBuilder.create(Types.VARCHAR, count);
        int elementCount = 0;
        String lastPattern = null;
        Pattern pattern = null;
        for (int row = 0; row < count; row++) {
            matchOffsets[row] = starts.size;
            if (texts.isNull(row) || patterns.isNull(row)) {
                nullRows[row] = true;
                continue;
            }
            String patternText = ((VariableWidthBlock) patterns).getString(row);
            if (!patternText.equals(lastPattern)) {
                pattern = StringLibrary.compile(patternText);
                lastPattern = patternText;
            }
            String text = ((VariableWidthBlock) texts).getString(row);
            Matcher matcher = pattern.matcher(text);
            while (StringLibrary.findNext(matcher, text)) {
                parents.add(row);
                starts.add(matcher.start());
                ends.add(matcher.end());
                for (int group = 1; group <= matcher.groupCount(); group++) {
                    String value = matcher.group(group);
                    if (value == null) {
                        elements.appendNull();
                    } else {
                        elements.appendString(value);
                    }
                    elementCount++;
                }
                groupOffsets.add(elementCount);
            }
        }
        matchOffsets[count] = starts.size;
        int matches = starts.size;
        ArrayBlock groups = new ArrayBlock(matches, null, groupOffsets.toArray(), elements.build());
        return new RegexpMatches(count, nullRows, matchOffsets, parents.toArray(), starts.toArray(), ends.toArray(), groups);
    }

    /** The number of matches in all rows. */
    public int matchCount() {
        return starts.length;
    }

    /** Each row's text with its matches replaced by the lambda's results (one per match; null counts as empty). */
    public Block replace(Block texts, Block replacements) {
        BlockBuilder out = BlockBuilder.create(Types.VARCHAR, count);
        StringBuilder text = new StringBuilder();
        for (int row = 0; row < count; row++) {
            if (nullRows[row]) {
                out.appendNull();
                continue;
            }
            String original = ((VariableWidthBlock) texts).getString(row);
            text.setLength(0);
            int copied = 0;
            for (int match = matchOffsets[row]; match < matchOffsets[row + 1]; match++) {
                text.append(original, copied, starts[match]);
                if (!replacements.isNull(match)) {
                    text.append(((VariableWidthBlock) replacements).getString(match));
                }
                copied = ends[match];
            }
            text.append(original, copied, original.length());
            out.appendString(text.toString());
        }
        return out.build();
    }

    /** A growing list of ints, without boxing. */
    private static final class IntList {
        private int[] values = new int[16];
        private int size;

        void add(int value) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(values, size);
        }
    }
}
