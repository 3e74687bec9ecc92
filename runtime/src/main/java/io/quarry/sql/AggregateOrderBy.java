package io.quarry.sql;

import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelectKeyword;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.util.SqlShuttle;
import org.apache.calcite.util.Litmus;

/**
 * An ORDER BY inside the call of an aggregate other than array_agg and listagg ({@code sum(x ORDER BY y)},
 * {@code max_by(x, y ORDER BY z) OVER (…)}), which Trino takes and Calcite's grammar does not. Before parsing, the
 * text gets {@code ) WITHIN GROUP (} before such an ORDER BY, which Calcite parses after any call; after parsing, the
 * order is dropped again from the aggregates whose result it cannot change here. WITHIN GROUP written after such a call
 * is a syntax error, as in Trino, whose grammar has it for listagg only. map_agg keeps it (the first value of a
 * key in that order stays); multimap_agg, whose value arrays follow it, fails as not supported yet.
 */
final class AggregateOrderBy {
    /** The text inserted before the ORDER BY. */
    static final String INSERTION = ") WITHIN GROUP (";

    private static final Set<String> ORDERED_NATIVELY = Set.of("array_agg", "listagg");
    /** Aggregates whose result follows the order: their WITHIN GROUP stays. */
    private static final Set<String> KEEP_ORDER = Set.of("map_agg", "multimap_agg");
    private static final Set<String> NOT_AGGREGATES = Set.of(
            "grouping", "row_number", "rank", "dense_rank", "percent_rank", "cume_dist", "ntile", "lag", "lead", "first_value",
            "last_value", "nth_value");
    private static final Set<String> QUERY_STARTS = Set.of("select", "with", "values", "table");

    private AggregateOrderBy() {}

    /** Names of the aggregates whose ORDER BY goes through WITHIN GROUP, lower case. */
    private static final class Names {
        static final Set<String> AGGREGATES = Stream.concat(
                        AggregateAndWindowFunctions.OPERATORS.entrySet().stream()
                                .filter(entry -> entry.getValue() instanceof SqlAggFunction)
                                .map(entry -> entry.getKey().toLowerCase(Locale.ROOT)),
                        Stream.of("count", "sum", "avg", "min", "max", "map_agg", "approx_set", "merge", "set_agg", "set_union"))
                .filter(name -> !ORDERED_NATIVELY.contains(name) && !NOT_AGGREGATES.contains(name))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The positions in {@code sql} of each ORDER that starts the ORDER BY of such an aggregate call. */
    static Set<Integer> orderPositions(String sql) {
        if (!sql.toLowerCase(Locale.ROOT).contains("order")) {
            return Set.of();
        }
        Set<Integer> positions = new HashSet<>();
        // per open parenthesis: whether it opens the call of such an aggregate, and the first word inside it
        Deque<String[]> open = new ArrayDeque<>();
        int[] lastWordEnd = {-1};
        String[] lastWord = {null};
        // the aggregate whose call the last parenthesis closed, if nothing came after it yet
        String[] closed = {null};
        SqlWords.walk(sql, new SqlWords.Visitor() {
            @Override
            public void word(int start, int end) {
                String word = sql.substring(start, end).toLowerCase(Locale.ROOT);
                if (word.equals("within") && closed[0] != null) {
                    // Trino's grammar has WITHIN GROUP for listagg only
                    throw Errors.error(ErrorCode.SYNTAX_ERROR, "mismatched input 'WITHIN'", SqlWords.location(sql, start));
                }
                closed[0] = null;
                String[] call = open.peek();
                if (call != null && call[1] == null) {
                    call[1] = word;
                }
                if (word.equals("order") && call != null && call[0] != null && !QUERY_STARTS.contains(call[1]) && followedByBy(sql, end)) {
                    positions.add(start);
                }
                lastWord[0] = word;
                lastWordEnd[0] = end;
            }

            @Override
            public void parenthesis(int at, boolean opening) {
                closed[0] = null;
                if (opening) {
                    String[] enclosing = open.peek();
                    if (enclosing != null && enclosing[1] == null) {
                        enclosing[1] = "(";
                    }
                    boolean call = lastWord[0] != null && sql.substring(lastWordEnd[0], at).isBlank()
                            && Names.AGGREGATES.contains(lastWord[0]) && (lastWordEnd[0] - lastWord[0].length() == 0
                                    || sql.charAt(lastWordEnd[0] - lastWord[0].length() - 1) != '.');
                    open.push(new String[] {call ? lastWord[0] : null, null});
                } else if (!open.isEmpty()) {
                    closed[0] = open.pop()[0];
                }
                lastWord[0] = null;
            }
        });
        return positions;
    }

    private static boolean followedByBy(String sql, int end) {
        int next = SqlWords.skipWhitespace(sql, end);
        return next > end && sql.regionMatches(true, next, "by", 0, 2)
                && (next + 2 == sql.length() || !Character.isLetterOrDigit(sql.charAt(next + 2)) && sql.charAt(next + 2) != '_');
    }

    /** The parsed statement with the WITHIN GROUP of such aggregates removed where the order changes nothing. */
    static SqlNode rewrite(SqlNode parsed) {
        // the calls under OVER: Trino orders DISTINCT values of a window aggregate by any key
        Set<SqlNode> windowed = Collections.newSetFromMap(new IdentityHashMap<>());
        parsed.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
                if (call.getKind() == SqlKind.OVER && call.operand(0) != null) {
                    windowed.add(call.operand(0));
                }
                return super.visit(call);
            }
        });
        SqlNode rewritten = parsed.accept(new SqlShuttle() {
            @Override
            public SqlNode visit(SqlCall call) {
                boolean overWindow = windowed.contains(call);
                SqlNode visited = super.visit(call);
                if (visited instanceof SqlCall aggregate && aggregate.operandCount() > 0
                        && ORDERED_NATIVELY.contains(aggregate.getOperator().getName().toLowerCase(Locale.ROOT))
                        && aggregate.operand(aggregate.operandCount() - 1) instanceof SqlNodeList keys) {
                    // array_agg(x ORDER BY y): Calcite keeps the keys as the last operand
                    if (!overWindow) {
                        checkDistinct(aggregate, keys);
                    }
                    aggregate.setOperand(aggregate.operandCount() - 1, nullsLastWhenDescending(keys));
                    return aggregate;
                }
                if (visited instanceof SqlCall withinGroup && withinGroup.getKind() == SqlKind.WITHIN_GROUP
                        && withinGroup.operand(0) instanceof SqlCall aggregate) {
                    String name = aggregate.getOperator().getName().toLowerCase(Locale.ROOT);
                    SqlNodeList keys = (SqlNodeList) withinGroup.operand(1);
                    if (Names.AGGREGATES.contains(name) && !KEEP_ORDER.contains(name)) {
                        checkDistinct(aggregate, keys);
                        return aggregate;
                    }
                    if (!overWindow) {
                        checkDistinct(aggregate, keys);
                    }
                    withinGroup.setOperand(1, nullsLastWhenDescending(keys));
                }
                return visited;
            }
        });
        return rewritten == null ? parsed : rewritten;
    }

    /**
     * The keys with NULLS LAST spelled out after each bare DESC: Trino puts NULLs last whatever the direction, where
     * Calcite's WITHIN GROUP would put them first after DESC.
     */
    private static SqlNodeList nullsLastWhenDescending(SqlNodeList keys) {
        List<SqlNode> spelled = new ArrayList<>();
        for (SqlNode key : keys) {
            spelled.add(key.getKind() == SqlKind.DESCENDING ? SqlStdOperatorTable.NULLS_LAST.createCall(key.getParserPosition(), key) : key);
        }
        return new SqlNodeList(spelled, keys.getParserPosition());
    }

    /** Trino's rule for DISTINCT with ORDER BY: each sort key is one of the arguments. */
    private static void checkDistinct(SqlCall aggregate, SqlNodeList keys) {
        if (aggregate.getFunctionQuantifier() == null || aggregate.getFunctionQuantifier().getValue() != SqlSelectKeyword.DISTINCT) {
            return;
        }
        for (SqlNode key : keys) {
            SqlNode expression = key;
            while (expression instanceof SqlCall item && (item.getKind() == SqlKind.DESCENDING
                    || item.getKind() == SqlKind.NULLS_FIRST || item.getKind() == SqlKind.NULLS_LAST)) {
                expression = item.operand(0);
            }
            SqlNode sortKey = expression;
            if (aggregate.getOperandList().stream().noneMatch(argument -> argument != null && argument.equalsDeep(sortKey, Litmus.IGNORE))) {
                throw new QuarryException(ErrorCode.EXPRESSION_NOT_IN_DISTINCT,
                        "For aggregate function with DISTINCT, ORDER BY expressions must appear in arguments");
            }
        }
    }
}
