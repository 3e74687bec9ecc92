package io.quarry.sql;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlWindow;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorScope;

/**
 * {@code GROUPS} window frames, which Calcite's grammar lacks: the keyword is written as {@code ROWS} (same
 * length, so every position stays) for the parser, and each such window then gets a marker call in its
 * PARTITION BY, which the window translation removes again, reading the frame as counted in peer groups.
 * Frames are matched to their keywords by order: the n-th frame of the text is the n-th window frame of the tree.
 */
final class GroupsFrames {
    private static final Set<String> UNITS = Set.of("rows", "range", "groups");
    private static final Set<String> FRAME_STARTS = Set.of("between", "unbounded", "current", "interval");

    /** The marker: a call without operands that Calcite neither looks up by name nor folds. */
    static final SqlFunction MARKER = new SqlFunction("$GROUPS_FRAME", SqlKind.OTHER_FUNCTION,
            ReturnTypes.BOOLEAN, null, OperandTypes.NILADIC, SqlFunctionCategory.SYSTEM) {
        @Override
        public RelDataType deriveType(SqlValidator validator, SqlValidatorScope scope, SqlCall call) {
            return validator.getTypeFactory().createSqlType(SqlTypeName.BOOLEAN);
        }

        @Override
        public boolean isDeterministic() {
            return false;
        }
    };

    private GroupsFrames() {}

    /** The text with each frame unit GROUPS written as ROWS. */
    static String blank(String sql) {
        List<int[]> units = units(sql);
        if (units.stream().noneMatch(unit -> unit[1] == 1)) {
            return sql;
        }
        StringBuilder out = new StringBuilder(sql);
        for (int[] unit : units) {
            if (unit[1] == 1) {
                out.replace(unit[0], unit[0] + "GROUPS".length(), "ROWS  ");
            }
        }
        return out.toString();
    }

    /** Marks the windows of {@code parsed} whose frame {@code sql} (the text before {@link #blank}) counts in GROUPS. */
    static void mark(SqlNode parsed, String sql) {
        List<int[]> units = units(sql);
        if (units.stream().noneMatch(unit -> unit[1] == 1)) {
            return;
        }
        List<SqlWindow> windows = new ArrayList<>();
        parsed.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
                if (call instanceof SqlWindow window && window.getLowerBound() != null) {
                    windows.add(window);
                }
                return super.visit(call);
            }
        });
        windows.sort(Comparator.comparingInt((SqlWindow window) -> window.getLowerBound().getParserPosition().getLineNum())
                .thenComparingInt(window -> window.getLowerBound().getParserPosition().getColumnNum()));
        if (units.size() != windows.size()) {
            // the text's frames could not be told apart: better no answer than one counted in rows
            throw new io.quarry.spi.QuarryException(io.quarry.spi.ErrorCode.NOT_SUPPORTED,
                    "GROUPS frames are not supported in this statement");
        }
        for (int i = 0; i < units.size(); i++) {
            if (units.get(i)[1] == 1) {
                SqlWindow window = windows.get(i);
                SqlNodeList partitions = new SqlNodeList(window.getPartitionList().getList(), window.getPartitionList().getParserPosition());
                partitions.add(new SqlBasicCall(MARKER, List.of(), window.getParserPosition()));
                window.setPartitionList(partitions);
            }
        }
    }

    /** Whether a partition key of a window call is the marker. */
    static boolean isMarker(RexNode node) {
        return node instanceof RexCall call && call.getOperator() == MARKER;
    }

    /**
     * The frame units of the text in order, outside literals and comments: index and whether it is GROUPS. A
     * unit is ROWS, RANGE or GROUPS followed by BETWEEN, UNBOUNDED, CURRENT or a number.
     */
    private static List<int[]> units(String sql) {
        List<int[]> units = new ArrayList<>();
        SqlWords.walk(sql, (start, end) -> {
            String word = sql.substring(start, end).toLowerCase(Locale.ROOT);
            if (UNITS.contains(word) && startsFrame(sql, end)) {
                units.add(new int[] {start, word.equals("groups") ? 1 : 0});
            }
        });
        return units;
    }

    private static boolean startsFrame(String sql, int from) {
        int i = SqlWords.skipWhitespace(sql, from);
        if (i == from || i >= sql.length()) {
            return false;
        }
        if (Character.isDigit(sql.charAt(i)) || sql.charAt(i) == '?' || sql.charAt(i) == '(') {
            return true;
        }
        int end = i;
        while (end < sql.length() && Character.isLetter(sql.charAt(end))) {
            end++;
        }
        return FRAME_STARTS.contains(sql.substring(i, end).toLowerCase(Locale.ROOT));
    }
}
