package io.quarry.sql;

import io.quarry.spi.ErrorCode;
import io.quarry.spi.ErrorLocation;
import io.quarry.spi.QuarryException;
import java.util.Map;

/** Calcite's validation errors for window frames as Trino names and words them. */
final class WindowFrameErrors {
    /** Calcite's message (its start) to Trino's error code and message. */
    private static final Map<String, Map.Entry<ErrorCode, String>> ERRORS = Map.of(
            "ROWS value must be a non-negative integral constant",
            Map.entry(ErrorCode.INVALID_WINDOW_FRAME, "Window frame offset value must not be negative or null"),
            "UNBOUNDED FOLLOWING cannot be specified for the lower frame boundary",
            Map.entry(ErrorCode.INVALID_WINDOW_FRAME, "Window frame start cannot be UNBOUNDED FOLLOWING"),
            "UNBOUNDED PRECEDING cannot be specified for the upper frame boundary",
            Map.entry(ErrorCode.INVALID_WINDOW_FRAME, "Window frame end cannot be UNBOUNDED PRECEDING"),
            "Upper frame boundary cannot be PRECEDING when lower boundary is CURRENT ROW",
            Map.entry(ErrorCode.INVALID_WINDOW_FRAME, "Window frame starting from CURRENT ROW cannot end with PRECEDING"),
            "Upper frame boundary cannot be PRECEDING when lower boundary is FOLLOWING",
            Map.entry(ErrorCode.INVALID_WINDOW_FRAME, "Window frame starting from FOLLOWING cannot end with PRECEDING"),
            "Upper frame boundary cannot be CURRENT ROW when lower boundary is FOLLOWING",
            Map.entry(ErrorCode.INVALID_WINDOW_FRAME, "Window frame starting from FOLLOWING cannot end with CURRENT ROW"),
            "RANGE clause cannot be used with compound ORDER BY clause",
            Map.entry(ErrorCode.INVALID_ORDER_BY, "Window frame of type RANGE PRECEDING or FOLLOWING requires single sort item in ORDER BY"));

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
