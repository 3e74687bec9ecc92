package io.quarry.sql;

import io.quarry.spi.ErrorCode;
import io.quarry.spi.ErrorLocation;
import io.quarry.spi.QuarryException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Calcite's validation errors of MATCH_RECOGNIZE as Trino names them. */
final class MatchRecognizeErrors {
    private static final Pattern ONLY_IN_MATCH_RECOGNIZE = Pattern.compile("Function '(\\w+)\\(.*' can only be used in MATCH_RECOGNIZE");
    private static final Pattern UNKNOWN_PATTERN = Pattern.compile("Unknown pattern '(.*)'");
    private static final Pattern MULTIPLE_VARIABLES = Pattern.compile("Multiple pattern variables in '(\\w+)\\(.*", Pattern.DOTALL);
    private static final Pattern DISTINCT = Pattern.compile("DISTINCT/ALL not allowed with (\\w+)\\(.*", Pattern.DOTALL);

    private MatchRecognizeErrors() {}

    static QuarryException translate(String message, ErrorLocation location) {
        Matcher m = ONLY_IN_MATCH_RECOGNIZE.matcher(message);
        if (m.matches()) {
            return Errors.error(ErrorCode.FUNCTION_NOT_FOUND, "Function '" + m.group(1).toLowerCase(Locale.ROOT) + "' not registered", location);
        }
        if (message.equals("DEFINE clause must be a condition")) {
            return Errors.error(ErrorCode.TYPE_MISMATCH, "Expression defining a label must be boolean", location);
        }
        if (message.startsWith("Cannot use RUNNING/FINAL in DEFINE")) {
            return Errors.error(ErrorCode.INVALID_PROCESSING_MODE, "FINAL semantics is not supported in DEFINE clause", location);
        }
        m = UNKNOWN_PATTERN.matcher(message);
        if (m.matches()) {
            return Errors.error(ErrorCode.INVALID_LABEL, m.group(1).toUpperCase(Locale.ROOT) + " is not a primary or union pattern variable", location);
        }
        m = MULTIPLE_VARIABLES.matcher(message);
        if (m.matches()) {
            return Errors.error(ErrorCode.INVALID_ARGUMENTS, "All labels and classifiers inside the call to '"
                    + m.group(1).toLowerCase(Locale.ROOT) + "' must match", location);
        }
        m = DISTINCT.matcher(message);
        if (m.matches()) {
            return Errors.error(ErrorCode.NOT_SUPPORTED, "Cannot use DISTINCT with " + m.group(1).toLowerCase(Locale.ROOT)
                    + " aggregate function in pattern recognition context", location);
        }
        return null;
    }
}
