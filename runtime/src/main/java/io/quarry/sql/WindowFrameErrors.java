package io.quarry.sql;

import io.quarry.spi.ErrorCode;
import io.quarry.spi.ErrorLocation;
import io.quarry.spi.QuarryException;
import java.util.Map;

/** Calcite's validation errors for window frames and misplaced window calls as Trino names and words them. */
final class WindowFrameErrors {
    /** Calcite's message (its start) to Trino's error code and message. */
    private static final Map<String, Map.Entry<ErrorCode, String>> ERRORS = Map.ofEntries(
            Map.entry("ROWS value must be a non-negative integral constant",
                    Map.entry(ErrorCode.INVALID_WINDOW_FRAME, "Window frame offset value must not be negative or null")),
            Map.entry("UNBOUNDED FOLLOWING cannot be specified for the lower frame boundary",
                    Map.entry(ErrorCode.INVALID_WINDOW_FRAME, "Window frame start cannot be UNBOUNDED FOLLOWING")),
            Map.entry("UNBOUNDED PRECEDING cannot be specified for the upper frame boundary",
                    Map.entry(ErrorCode.INVALID_WINDOW_FRAME, "Window frame end cannot be UNBOUNDED PRECEDING")),
            Map.entry("Upper frame boundary cannot be PRECEDING when lower boundary is CURRENT ROW",
                    Map.entry(ErrorCode.INVALID_WINDOW_FRAME, "Window frame starting from CURRENT ROW cannot end with PRECEDING")),
            Map.entry("Upper frame boundary cannot be PRECEDING when lower boundary is FOLLOWING",
                    Map.entry(ErrorCode.INVALID_WINDOW_FRAME, "Window frame starting from FOLLOWING cannot end with PRECEDING")),
            Map.entry("Upper frame boundary cannot be CURRENT ROW when lower boundary is FOLLOWING",
                    Map.entry(ErrorCode.INVALID_WINDOW_FRAME, "Window frame starting from FOLLOWING cannot end with CURRENT ROW")),
            Map.entry("RANGE clause cannot be used with compound ORDER BY clause",
                    Map.entry(ErrorCode.INVALID_ORDER_BY, "Window frame of type RANGE PRECEDING or FOLLOWING requires single sort item in ORDER BY")),
            Map.entry("Data type of ORDER BY prohibits use of RANGE clause",
                    Map.entry(ErrorCode.TYPE_MISMATCH, "Window frame of type RANGE PRECEDING or FOLLOWING requires that sort item type be numeric, datetime or interval")),
            Map.entry("Window specification must contain an ORDER BY clause",
                    Map.entry(ErrorCode.MISSING_ORDER_BY, "Window frame of type RANGE PRECEDING or FOLLOWING requires ORDER BY")),
            Map.entry("Windowed aggregate expression is illegal in WHERE clause",
                    Map.entry(ErrorCode.EXPRESSION_NOT_SCALAR,
                            "WHERE clause cannot contain aggregations, window functions or grouping operations")),
            Map.entry("Windowed aggregate expression is illegal in GROUP BY clause",
                    Map.entry(ErrorCode.EXPRESSION_NOT_SCALAR,
                            "GROUP BY clause cannot contain aggregations, window functions or grouping operations")),
            Map.entry("Windowed aggregate expression is illegal in ON clause",
                    Map.entry(ErrorCode.EXPRESSION_NOT_SCALAR,
                            "JOIN clause cannot contain aggregations, window functions or grouping operations")),
            Map.entry("Window expressions are not permitted in the HAVING clause",
                    Map.entry(ErrorCode.NESTED_WINDOW, "HAVING clause cannot contain window functions or row pattern measures")),
            Map.entry("ORDER BY expression should not contain OVER clause",
                    Map.entry(ErrorCode.NESTED_WINDOW, "Cannot nest window functions or row pattern measures inside window specification")),
            Map.entry("PARTITION BY expression should not contain OVER clause",
                    Map.entry(ErrorCode.NESTED_WINDOW, "Cannot nest window functions or row pattern measures inside window specification")),
            Map.entry("ROW/RANGE not allowed with RANK, DENSE_RANK, ROW_NUMBER",
                    Map.entry(ErrorCode.INVALID_WINDOW_FRAME, "Cannot specify window frame for this window function")));

    private WindowFrameErrors() {}

    /** Trino's error for a frame error of Calcite's, or null for other messages. */
    static QuarryException translate(String message, ErrorLocation location) {
        for (Map.Entry<String, Map.Entry<ErrorCode, String>> error : ERRORS.entrySet()) {
            if (message.startsWith(error.getKey())) {
                return Errors.error(error.getValue().getKey(), error.getValue().getValue(), location);
            }
        }
        return null;
    }
}
