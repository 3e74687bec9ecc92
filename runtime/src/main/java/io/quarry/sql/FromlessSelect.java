package io.quarry.sql;

import java.util.ArrayDeque;
import java.util.Locale;

/**
 * {@code SELECT … WHERE …} without a FROM clause, which Trino accepts and the JDBC drivers send for
 * {@code getPrimaryKeys} and {@code getImportedKeys} ({@code … WHERE false}): Calcite's grammar only takes WHERE
 * after FROM, so such a SELECT reads from a one-row {@code VALUES} instead, which means the same.
 */
final class FromlessSelect {
    private static final String ONE_ROW = "FROM (VALUES (0)) ";

    private FromlessSelect() {}

    /** The statement with {@code FROM (VALUES (0))} before each WHERE of a SELECT that has no FROM. */
    static String rewrite(String sql) {
        Rewriter rewriter = new Rewriter(sql);
        SqlWords.walk(sql, rewriter);
        return rewriter.result();
    }

    private static final class Rewriter implements SqlWords.Visitor {
        private final String sql;
        private final StringBuilder out;
        // per parenthesis depth: whether the SELECT at that depth has had no FROM yet (sub-queries too)
        private final ArrayDeque<Boolean> outer = new ArrayDeque<>();
        private boolean selectWithoutFrom;
        private int copied;

        Rewriter(String sql) {
            this.sql = sql;
            this.out = new StringBuilder(sql.length() + ONE_ROW.length());
        }

        @Override
        public void parenthesis(int at, boolean open) {
            if (open) {
                outer.push(selectWithoutFrom);
                selectWithoutFrom = false;
            } else {
                selectWithoutFrom = !outer.isEmpty() && outer.pop();
            }
        }

        @Override
        public void word(int start, int end) {
            String word = sql.substring(start, end).toLowerCase(Locale.ROOT);
            if (word.equals("select")) {
                selectWithoutFrom = true;
            } else if (word.equals("from")) {
                selectWithoutFrom = false;
            } else if (word.equals("where") && selectWithoutFrom) {
                out.append(sql, copied, start).append(ONE_ROW);
                copied = start;
                selectWithoutFrom = false;
            }
        }

        String result() {
            return out.isEmpty() ? sql : out.append(sql, copied, sql.length()).toString();
        }
    }
}
