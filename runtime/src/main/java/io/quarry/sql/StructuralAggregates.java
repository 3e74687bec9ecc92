package io.quarry.sql;

import io.quarry.plan.SortKey;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.sql.SqlKind;

/** {@code array_agg} (with its ORDER BY) and {@code map_agg} in the plan. */
final class StructuralAggregates {
    private StructuralAggregates() {}

    /** Quarry's name of an aggregate function that is neither count, sum, avg, min nor max. */
    /** Whether the call is one of the aggregates of structural values. */
    static boolean handles(AggregateCall call) {
        String name = call.getAggregation().getName().toLowerCase(Locale.ROOT);
        return call.getAggregation().getKind() == SqlKind.ARRAY_AGG || name.equals("array_agg") || name.equals("map_agg");
    }

    static String name(AggregateCall call) {
        String name = call.getAggregation().getName().toLowerCase(Locale.ROOT);
        if (call.getAggregation().getKind() == SqlKind.ARRAY_AGG || name.equals("array_agg")) {
            return "array_agg";
        }
        if (name.equals("map_agg")) {
            return "map_agg";
        }
        throw new QuarryException(ErrorCode.NOT_SUPPORTED, "Aggregate function " + name + " is not supported yet");
    }

    /** The ORDER BY inside the call, on input channels: array_agg, listagg, map_agg and multimap_agg follow one. */
    static List<SortKey> orderBy(String function, AggregateCall call, int[] mapping) {
        List<RelFieldCollation> fields = call.getCollation().getFieldCollations();
        if (fields.isEmpty()) {
            return List.of();
        }
        if (!Set.of("array_agg", "listagg", "map_agg", "multimap_agg").contains(function)) {
            throw new QuarryException(ErrorCode.NOT_SUPPORTED, "ORDER BY inside " + function + " is not supported yet");
        }
        List<SortKey> keys = new ArrayList<>();
        for (RelFieldCollation field : fields) {
            boolean ascending = !field.getDirection().isDescending();
            // Trino puts NULLs last unless told otherwise, whatever the direction
            boolean nullsFirst = field.nullDirection == RelFieldCollation.NullDirection.FIRST;
            keys.add(new SortKey(mapping[field.getFieldIndex()], ascending, nullsFirst));
        }
        return keys;
    }
}
