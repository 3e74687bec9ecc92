package io.quarry.sql;

import io.quarry.plan.ExtendedAggregates;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import java.util.Locale;
import org.apache.calcite.sql.SqlAggFunction;

/** The Quarry name of an aggregate function beyond count/sum/avg/min/max, or NOT_SUPPORTED. */
final class ExtendedAggregateNames {
    private ExtendedAggregateNames() {}

    /** The name of a call: max_by and min_by with a count are {@code max_by_n} and {@code min_by_n}. */
    static String name(org.apache.calcite.rel.core.AggregateCall call) {
        return MoreAggregateFunctions.byKeyName(name(call.getAggregation()), call.getArgList().size());
    }

    static String name(SqlAggFunction function) {
        String counted = CountedMinMaxCalls.quarryName(function);
        String name = counted != null ? counted : function.getName().toLowerCase(Locale.ROOT);
        if (ExtendedAggregates.FUNCTIONS.contains(name) || MoreAggregateFunctions.NAMES.contains(name)) {
            return name;
        }
        throw new QuarryException(ErrorCode.NOT_SUPPORTED, "Aggregate function " + name + " is not supported yet");
    }
}
