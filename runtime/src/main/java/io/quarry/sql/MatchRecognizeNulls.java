package io.quarry.sql;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalMatch;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlMatchRecognize;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;

/**
 * NULLS FIRST and NULLS LAST in a MATCH_RECOGNIZE's ORDER BY, which neither Calcite's validator nor its converter
 * takes: they are taken off the keys before validation ({@link #strip}) and given to the keys of the
 * {@link LogicalMatch} the converter made ({@link #apply}).
 */
final class MatchRecognizeNulls {
    private MatchRecognizeNulls() {}

    /** Takes NULLS FIRST and NULLS LAST off the ORDER BY keys: what each key asked (null when nothing). */
    static List<RelFieldCollation.NullDirection> strip(SqlMatchRecognize match) {
        SqlNodeList keys = match.getOrderList();
        List<RelFieldCollation.NullDirection> directions = new ArrayList<>();
        for (int i = 0; keys != null && i < keys.size(); i++) {
            SqlNode key = keys.get(i);
            if (key.getKind() == SqlKind.NULLS_FIRST || key.getKind() == SqlKind.NULLS_LAST) {
                directions.add(key.getKind() == SqlKind.NULLS_FIRST
                        ? RelFieldCollation.NullDirection.FIRST : RelFieldCollation.NullDirection.LAST);
                keys.set(i, ((SqlCall) key).operand(0));
            } else {
                directions.add(null);
            }
        }
        return directions;
    }

    /** The converted MATCH_RECOGNIZE with the null orderings {@link #strip} took off. */
    static RelNode apply(RelNode converted, List<RelFieldCollation.NullDirection> directions) {
        if (!(converted instanceof LogicalMatch match) || directions.stream().allMatch(direction -> direction == null)) {
            return converted;
        }
        List<RelFieldCollation> keys = new ArrayList<>(match.getOrderKeys().getFieldCollations());
        for (int i = 0; i < keys.size() && i < directions.size(); i++) {
            if (directions.get(i) != null) {
                keys.set(i, keys.get(i).withNullDirection(directions.get(i)));
            }
        }
        return LogicalMatch.create(match.getInput(), match.getRowType(), match.getPattern(), match.isStrictStart(),
                match.isStrictEnd(), match.getPatternDefinitions(), match.getMeasures(), match.getAfter(), match.getSubsets(),
                match.isAllRows(), match.getPartitionKeys(), RelCollations.of(keys), match.getInterval());
    }
}
