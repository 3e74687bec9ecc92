package io.quarry.sql;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlWindow;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * A RANGE frame bounded only by UNBOUNDED PRECEDING, CURRENT ROW and UNBOUNDED FOLLOWING in a window without ORDER BY:
 * Trino runs it, every row of the partition being a peer of the current one, so the frame is the whole partition.
 * Calcite asks for an ORDER BY, so such a frame is dropped before validation, which leaves the whole partition too.
 * Windows that name another window keep their frame (the ORDER BY may come from there).
 */
final class UnorderedRangeFrames {
    private UnorderedRangeFrames() {}

    static void rewrite(SqlNode parsed) {
        parsed.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
                if (call instanceof SqlWindow window && !window.isRows() && window.getRefName() == null
                        && (window.getOrderList() == null || window.getOrderList().isEmpty())
                        && window.getLowerBound() != null && withoutOffset(window.getLowerBound())
                        && (window.getUpperBound() == null || withoutOffset(window.getUpperBound()))) {
                    window.setLowerBound(null);
                    window.setUpperBound(null);
                }
                return super.visit(call);
            }
        });
    }

    private static boolean withoutOffset(SqlNode bound) {
        return SqlWindow.isUnboundedPreceding(bound) || SqlWindow.isCurrentRow(bound) || SqlWindow.isUnboundedFollowing(bound);
    }
}
