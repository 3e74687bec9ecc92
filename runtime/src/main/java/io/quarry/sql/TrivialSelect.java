package io.quarry.sql;

import io.quarry.plan.Output;
import io.quarry.plan.Values;
import io.quarry.plan.expression.Constant;
import io.quarry.plan.expression.Expression;
import io.quarry.type.Type;
import io.quarry.type.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The planner's shortcut for statements like {@code SELECT 1} (clients' and load balancers' connection checks):
 * a select list of unsigned integer literals that fit {@code integer}, nothing else. Such a statement gets the
 * plan Calcite would produce (one {@code Values} row, columns {@code _col0}, {@code _col1}, …) without parsing,
 * validating and optimising it, which costs far more than running it. Anything else is left to Calcite.
 */
final class TrivialSelect {
    private static final Pattern SELECT_INTEGERS =
            Pattern.compile("\\s*(?i:select)\\s+(\\d{1,10}(?:\\s*,\\s*\\d{1,10})*)\\s*");
    private static final Pattern COMMA = Pattern.compile("\\s*,\\s*");

    private TrivialSelect() {}

    /** The plan of {@code sql} if it is such a statement; empty otherwise. */
    static Optional<QueryPlan> plan(String sql) {
        if (sql.length() > 200) {
            return Optional.empty();
        }
        Matcher matcher = SELECT_INTEGERS.matcher(sql);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String[] literals = COMMA.split(matcher.group(1));
        List<Expression> row = new ArrayList<>(literals.length);
        List<String> names = new ArrayList<>(literals.length);
        for (int i = 0; i < literals.length; i++) {
            long value = Long.parseLong(literals[i]);
            if (value > Integer.MAX_VALUE) {
                return Optional.empty(); // a bigint literal: leave the typing to Calcite
            }
            row.add(new Constant(value, Types.INTEGER));
            names.add("_col" + i);
        }
        List<Type> types = Collections.nCopies(literals.length, Types.INTEGER);
        Output output = new Output(new Values(types, List.of(row)), names);
        return Optional.of(new QueryPlan(output, names, types));
    }
}
