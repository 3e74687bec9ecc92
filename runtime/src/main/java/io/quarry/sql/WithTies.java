package io.quarry.sql;

import static java.util.Objects.requireNonNull;

import io.quarry.plan.Filter;
import io.quarry.plan.Limit;
import io.quarry.plan.PlanNode;
import io.quarry.plan.Project;
import io.quarry.plan.Sort;
import io.quarry.plan.Window;
import io.quarry.plan.WindowFrame;
import io.quarry.plan.WindowFunction;
import io.quarry.plan.expression.Call;
import io.quarry.plan.expression.Constant;
import io.quarry.plan.expression.Expression;
import io.quarry.plan.expression.InputRef;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.Type;
import io.quarry.type.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code FETCH FIRST n ROWS WITH TIES}, which Calcite cannot parse: the clause is blanked out of the text
 * (keeping every position) and applied to the plan afterwards as Trino does, with {@code rank()} over the
 * ORDER BY keys: the rows ranked at most n, still in order.
 */
record WithTies(String sql, OptionalLong count) {
    private static final Pattern CLAUSE =
            Pattern.compile("(?is)\\bFETCH\\s+(?:FIRST|NEXT)\\s+(\\d+)\\s+ROWS?\\s+WITH\\s+TIES\\s*;?\\s*$");

    WithTies {
        requireNonNull(sql, "sql is null");
        requireNonNull(count, "count is null");
    }

    /** A trailing FETCH clause without a row count, which fetches one row: {@code FETCH FIRST ROW ONLY}. */
    private static final Pattern COUNTLESS =
            Pattern.compile("(?is)(\\bFETCH\\s+(?:FIRST|NEXT)\\s+)(ROWS?\\s+(?:ONLY|WITH\\s+TIES)\\s*;?\\s*)$");

    /** The same without a count in a subquery, where only ONLY can follow (WITH TIES is taken at the end alone). */
    private static final Pattern COUNTLESS_ONLY = Pattern.compile("(?i)(\\bFETCH\\s+(?:FIRST|NEXT)\\s+)(ROWS?\\s+ONLY\\b)");

    /**
     * The statement without a trailing WITH TIES clause, and the clause's row count if there was one; a trailing
     * FETCH clause without a count gets its count of one, which Calcite's grammar wants written.
     */
    static WithTies strip(String sql) {
        requireNonNull(sql, "sql is null");
        Matcher countless = COUNTLESS.matcher(sql);
        if (countless.find()) {
            sql = sql.substring(0, countless.end(1)) + "1 " + sql.substring(countless.start(2));
        }
        sql = countOneInSubqueries(sql);
        Matcher matcher = CLAUSE.matcher(sql);
        if (!matcher.find()) {
            return new WithTies(sql, OptionalLong.empty());
        }
        long count;
        try {
            count = Long.parseLong(matcher.group(1));
        } catch (NumberFormatException e) {
            throw new QuarryException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "FETCH FIRST row count is too large: " + matcher.group(1));
        }
        StringBuilder blanked = new StringBuilder(sql);
        for (int i = matcher.start(); i < matcher.end(); i++) {
            if (blanked.charAt(i) != '\n') {
                blanked.setCharAt(i, ' ');
            }
        }
        return new WithTies(blanked.toString(), OptionalLong.of(count));
    }

    private static String countOneInSubqueries(String sql) {
        Matcher matcher = COUNTLESS_ONLY.matcher(sql);
        StringBuilder counted = new StringBuilder();
        int copied = 0;
        while (matcher.find()) {
            if (outsideQuotes(sql, matcher.start())) {
                counted.append(sql, copied, matcher.end(1)).append("1 ");
                copied = matcher.end(1);
            }
        }
        return counted.append(sql, copied, sql.length()).toString();
    }

    /** Whether an even number of single quotes precedes the position, so it is not inside a string literal. */
    private static boolean outsideQuotes(String sql, int position) {
        long quotes = sql.substring(0, position).chars().filter(c -> c == '\'').count();
        return quotes % 2 == 0;
    }

    /** The plan keeping the tied rows, or the plan unchanged without the clause. */
    PlanNode apply(PlanNode root) {
        if (count.isEmpty()) {
            return root;
        }
        if (root instanceof Project project) {
            return project.replaceSources(List.of(apply(project.source())));
        }
        if (root instanceof Limit limit && limit.source() instanceof Sort sort) {
            // OFFSET m FETCH FIRST n ROWS WITH TIES: the ties are ranked among the rows left after the offset
            return withTies(limit, sort);
        }
        if (!(root instanceof Sort sort)) {
            throw new QuarryException(ErrorCode.MISSING_ORDER_BY, "FETCH FIRST WITH TIES clause requires ORDER BY");
        }
        return withTies(sort.source(), sort);
    }

    private PlanNode withTies(PlanNode rows, Sort sort) {
        List<Type> types = sort.outputTypes();
        WindowFunction rank = new WindowFunction("rank", List.of(), List.of(), Types.BIGINT, WindowFrame.DEFAULT);
        Window ranked = new Window(rows, List.of(), sort.keys(), List.of(rank));
        Expression condition = new Call("less_than_or_equal",
                List.of(new InputRef(types.size(), Types.BIGINT), new Constant(count.getAsLong(), Types.BIGINT)), Types.BOOLEAN);
        List<Expression> columns = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            columns.add(new InputRef(i, types.get(i)));
        }
        return new Sort(new Project(new Filter(ranked, condition), columns), sort.keys());
    }
}
