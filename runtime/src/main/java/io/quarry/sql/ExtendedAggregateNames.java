package io.quarry.sql;

import io.quarry.plan.ExtendedAggregates;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import java.util.Locale;
import org.apache.calcite.sql.SqlAggFunction;

/** The Quarry name of an aggregate function beyond count/sum/avg/min/max, or NOT_SUPPORTED. */
final class ExtendedAggregateNames {
    private ExtendedAggregateNames() {}

    static String name(SqlAggFunction function) {
        String name = function.getName().toLowerCase(Locale.ROOT);
        if (ExtendedAggregates.FUNCTIONS.contains(name)) {
            return name;
        }
        throw new QuarryException(ErrorCode.NOT_SUPPORTED, "Aggregate function " + name + " is not supported yet");
    }
}
