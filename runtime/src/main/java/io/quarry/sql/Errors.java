package io.quarry.sql;

import io.quarry.spi.ErrorCode;
import io.quarry.spi.ErrorLocation;
import io.quarry.spi.QuarryException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParserPos;

/** Turns Calcite's parse and validation errors into Quarry errors with Trino's codes and wording. */
final class Errors {
    private static final Pattern COLUMN_NOT_FOUND =
            Pattern.compile("Column '([^']*)' not found in (?:any table|table '[^']*')");
    private static final Pattern TABLE_OF_COLUMN_NOT_FOUND = Pattern.compile("Table '([^']*)' not found");
    private static final Pattern NOT_GROUPED = Pattern.compile("Expression '(.*)' is not being grouped");
    private static final Pattern DUPLICATE_COLUMN = Pattern.compile("Duplicate name '([^']*)' in column list");
    private static final Pattern ORDINAL_CLAUSE = Pattern.compile("(?i)\\b(ORDER|GROUP)\\s+BY\\b");
    private static final Pattern AMBIGUOUS = Pattern.compile("Column '([^']*)' is ambiguous");
    /** A column of USING read through one side's name: Trino has it only unqualified. */
    private static final Pattern QUALIFIED_COMMON_COLUMN = Pattern.compile("Cannot qualify common column '([^']*)'");
    private static final Pattern OBJECT_NOT_FOUND = Pattern.compile("Object '([^']*)' not found.*");
    private static final Pattern CANNOT_APPLY = Pattern.compile("Cannot apply '([^']*)' to arguments of type '(.*?)'\\..*", Pattern.DOTALL);
    private static final Pattern CALCITE_TYPE = Pattern.compile("<([A-Z_ ]+)(\\((\\d+)(?:, ?(\\d+))?\\))?>");

    private static final Pattern IP_ADDRESS_CAST = Pattern.compile(
            "Cast function cannot convert value of type (.+) to type (.+)", Pattern.DOTALL);

    private Errors() {}

    /** A Calcite type name of a cast message ({@code BIGINT NOT NULL}) as Trino names it. */
    private static String castTypeName(String calciteName) {
        String name = calciteName.replace(" NOT NULL", "").replaceAll(" CHARACTER SET \"[^\"]*\"", "").strip();
        if (name.equals(ColorSql.NAME)) {
            return name;
        }
        return name.equals("GEOMETRY") ? "ipaddress" : trinoTypes("<" + name + ">");
    }

    static String prefix(ErrorLocation location) {
        return location == null ? "" : "line " + location.lineNumber() + ":" + location.columnNumber() + ": ";
    }

    static QuarryException error(ErrorCode code, String message, ErrorLocation location) {
        return new QuarryException(code, prefix(location) + message, location, null);
    }

    static QuarryException error(ErrorCode code, String message, SqlParserPos pos, SqlText text) {
        ErrorLocation location = pos == null || pos == SqlParserPos.ZERO ? null : text.location(pos.getLineNum(), pos.getColumnNum());
        return error(code, message, location);
    }

    static QuarryException fromParse(SqlParseException e, SqlText text) {
        SqlParserPos pos = e.getPos();
        ErrorLocation location = pos == null ? null : text.location(pos.getLineNum(), pos.getColumnNum());
        String message = e.getMessage() == null ? "syntax error" : e.getMessage();
        Matcher encountered = Pattern.compile("Encountered \"(.*?)\" at line").matcher(message);
        Matcher near = Pattern.compile("Incorrect syntax near the keyword '(.*?)' at line").matcher(message);
        String detail;
        if (near.find()) {
            detail = "mismatched input '" + near.group(1) + "'";
        } else if (encountered.find()) {
            detail = "mismatched input '" + encountered.group(1).trim() + "'";
            if (!e.getExpectedTokenNames().isEmpty() && e.getExpectedTokenNames().size() <= 12) {
                detail += ". Expecting: " + String.join(", ", e.getExpectedTokenNames());
            }
        } else {
            int firstLine = message.indexOf('\n');
            detail = firstLine < 0 ? message : message.substring(0, firstLine);
        }
        if (detail.equals("mismatched input '->'") && location != null) {
            // Calcite's grammar has lambdas as function arguments only; Trino parses one anywhere, and refuses it
            ErrorLocation lambda = lambdaStart(text.original(), location);
            return new QuarryException(ErrorCode.TYPE_MISMATCH,
                    prefix(lambda) + "Lambda expression should always be used inside a function", lambda, e);
        }
        if (detail.startsWith("Query expression encountered in illegal context") && text.original().contains("->")) {
            // Calcite's grammar takes no sub-query standing alone in a lambda's body; Trino parses it, and refuses it
            return new QuarryException(ErrorCode.NOT_SUPPORTED, prefix(location) + "Lambda expression cannot contain subqueries",
                    location, e);
        }
        return new QuarryException(ErrorCode.SYNTAX_ERROR, prefix(location) + detail, location, e);
    }

    /** Where the lambda whose arrow is at a location starts: its parameter, or the parenthesis of its parameters. */
    private static ErrorLocation lambdaStart(String sql, ErrorLocation arrow) {
        int at = SqlText.offsetOf(sql, arrow);
        if (at < 0 || at > sql.length()) {
            return arrow;
        }
        int end = at;
        while (end > 0 && Character.isWhitespace(sql.charAt(end - 1))) {
            end--;
        }
        int start = end;
        if (start > 0 && sql.charAt(start - 1) == ')') {
            start = sql.lastIndexOf('(', start - 1);
        } else {
            while (start > 0 && (Character.isLetterOrDigit(sql.charAt(start - 1)) || sql.charAt(start - 1) == '_'
                    || sql.charAt(start - 1) == '"')) {
                start--;
            }
        }
        return start < 0 || start == end ? arrow : SqlWords.location(sql, start);
    }

    private static final Pattern EXCLUDED_UNKNOWN =
            Pattern.compile("SELECT \\* EXCLUDE/EXCEPT list contains unknown column\\(s\\): (.*)", Pattern.DOTALL);

    /**
     * Calcite's errors of {@code SELECT * EXCLUDE}, which only the table function {@code exclude_columns} writes
     * ({@link TableFunctionCalls}), as Trino words that function's: without a position.
     */
    /** The clause (ORDER BY or GROUP BY) whose ordinal is at a rewritten position: the last one written before it. */
    private static String ordinalClause(SqlText text, int line, int column) {
        String before = text.snippet(1, 1, line, column);
        if (before == null) {
            return null;
        }
        Matcher clauses = ORDINAL_CLAUSE.matcher(before);
        String clause = null;
        while (clauses.find()) {
            clause = clauses.group(1).toUpperCase(java.util.Locale.ROOT) + " BY";
        }
        return clause;
    }

    private static QuarryException excludeColumnsError(String message) {
        Matcher unknown = EXCLUDED_UNKNOWN.matcher(message);
        if (unknown.matches()) {
            return new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT,
                    "Excluded columns: [" + unknown.group(1) + "] not present in the table");
        }
        if (message.equals("SELECT * EXCLUDE/EXCEPT list cannot exclude all columns")) {
            return new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "All columns are excluded");
        }
        return null;
    }

    static QuarryException fromValidation(CalciteContextException e, SqlText text) {
        ErrorLocation location = text.location(e.getPosLine(), e.getPosColumn());
        String message = e.getCause() != null && e.getCause().getMessage() != null
                ? e.getCause().getMessage()
                : String.valueOf(e.getMessage());
        QuarryException frameError = WindowFrameErrors.translate(message, location);
        if (frameError != null) {
            return frameError;
        }
        QuarryException patternError = MatchRecognizeErrors.translate(message, location);
        if (patternError != null) {
            return patternError;
        }
        QuarryException excludeError = excludeColumnsError(message);
        if (excludeError != null) {
            return excludeError;
        }
        Matcher m = COLUMN_NOT_FOUND.matcher(message);
        if (m.matches()) {
            return error(ErrorCode.COLUMN_NOT_FOUND, "Column '" + m.group(1) + "' cannot be resolved", location);
        }
        m = QUALIFIED_COMMON_COLUMN.matcher(message);
        if (m.matches()) {
            return error(ErrorCode.COLUMN_NOT_FOUND, "Column '" + m.group(1) + "' cannot be resolved", location);
        }
        m = TABLE_OF_COLUMN_NOT_FOUND.matcher(message);
        if (m.matches()) {
            String written = text.snippet(e.getPosLine(), e.getPosColumn(), e.getEndPosLine(), e.getEndPosColumn());
            return error(ErrorCode.COLUMN_NOT_FOUND,
                    "Column '" + (written == null ? m.group(1) : written) + "' cannot be resolved", location);
        }
        m = NOT_GROUPED.matcher(message);
        if (m.matches()) {
            String written = text.snippet(e.getPosLine(), e.getPosColumn(), e.getEndPosLine(), e.getEndPosColumn());
            return error(ErrorCode.EXPRESSION_NOT_AGGREGATE,
                    "'" + (written == null ? m.group(1) : written) + "' must be an aggregate expression or appear in GROUP BY clause",
                    location);
        }
        m = AMBIGUOUS.matcher(message);
        if (m.matches()) {
            return error(ErrorCode.AMBIGUOUS_NAME, "Column '" + m.group(1) + "' is ambiguous", location);
        }
        m = OBJECT_NOT_FOUND.matcher(message);
        if (m.matches()) {
            return error(ErrorCode.TABLE_NOT_FOUND, "Table '" + m.group(1) + "' does not exist", location);
        }
        m = CANNOT_APPLY.matcher(message);
        boolean countedMinMax = m.matches() && m.group(1).matches("\\$(MAX|MIN)_N");
        if (m.matches() && (Character.isLetter(m.group(1).charAt(0)) || countedMinMax)) {
            // max(x, n) and min(x, n) are the hidden $MAX_N and $MIN_N to Calcite
            String function = (countedMinMax ? m.group(1).substring(1, 4) : m.group(1)).toLowerCase(Locale.ROOT);
            // a lambda argument reads <FUNCTION(…) -> …> in Calcite's words, <function> in Trino's
            String arguments = trinoTypes(m.group(2)).replaceAll("<FUNCTION\\(.*?\\) -> [^>]*>", "\u0000")
                    .replace("<", "").replace(">", "").replace("\u0000", "<function>");
            int open = arguments.indexOf('(');
            String types = open < 0 ? arguments : arguments.substring(open + 1, arguments.length() - 1);
            QuarryException notBoolean = operandTypeError(function, calciteOperandTypes(m.group(2)), location);
            if (notBoolean != null) {
                return notBoolean;
            }
            if (function.equals("item")) {
                // a subscript of the wrong type: Trino's own words for it
                List<String> operands = calciteOperandTypes(m.group(2));
                if (operands.size() == 2) {
                    return error(ErrorCode.TYPE_MISMATCH, "Cannot use " + operands.get(1) + " for subscript of " + operands.get(0), location);
                }
            }
            if (types.contains("FUNCTION(") && function.equals("array_sort")) {
                // Trino has these forms with a lambda; Quarry not yet
                return error(ErrorCode.NOT_SUPPORTED, "Function '" + function + "' with a lambda is not supported yet", location);
            }
            if (function.equals("listagg")) {
                // listagg is a special form in Trino, whose first argument is coerced to varchar or fails
                return error(ErrorCode.TYPE_MISMATCH, "Expected expression of varchar, but the value has "
                        + types.split(", ")[0] + " type", location);
            }
            return error(ErrorCode.FUNCTION_NOT_FOUND,
                    "Unexpected parameters (" + types + ") for function " + function, location);
        }
        if (m.matches() && m.group(1).equals("||")) {
            // Trino's || is its function concat
            String types = trinoTypes(m.group(2)).replace("<", "").replace(">", "").replace(" || ", ", ");
            return error(ErrorCode.FUNCTION_NOT_FOUND, "Unexpected parameters (" + types + ") for function concat", location);
        }
        if (m.matches()) {
            return error(ErrorCode.TYPE_MISMATCH,
                    "Cannot apply operator: " + trinoTypes(m.group(2)).replace("<", "").replace(">", ""), location);
        }
        if (message.matches("(?s)Aggregate expression '.*' must not contain a WITHIN GROUP clause")) {
            return error(ErrorCode.SYNTAX_ERROR, "mismatched input '('. Expecting: 'BY'", location);
        }
        if (message.startsWith("Aggregate expression 'LISTAGG' must contain a WITHIN GROUP clause")) {
            // WITHIN GROUP is part of Trino's grammar of listagg
            return error(ErrorCode.SYNTAX_ERROR, "mismatched input. Expecting: 'WITHIN'", location);
        }
        if (message.startsWith("FILTER clause must be a condition")) {
            return error(ErrorCode.TYPE_MISMATCH, "Filter expression must evaluate to a boolean", location);
        }
        if (message.startsWith("FILTER must be applied to aggregate function")) {
            return error(ErrorCode.FUNCTION_NOT_AGGREGATE, "Filter is only valid for aggregation functions", location);
        }
        if (message.startsWith("Argument to GROUPING operator must be a grouped expression")) {
            return error(ErrorCode.INVALID_ARGUMENTS,
                    "The arguments to GROUPING() must be expressions referenced by the GROUP BY at the associated query level", location);
        }
        if (message.matches("(?s)Expression '.*' is not in the select clause")) {
            // Calcite's words for an ORDER BY key of a SELECT DISTINCT that is not selected
            return error(ErrorCode.EXPRESSION_NOT_IN_DISTINCT, "For SELECT DISTINCT, ORDER BY expressions must appear in select list", location);
        }
        if (message.startsWith("Aggregate expressions cannot be nested")) {
            return error(ErrorCode.NESTED_AGGREGATION, message, location);
        }
        if (message.contains("Aggregate expression is illegal in ON clause")) {
            return error(ErrorCode.EXPRESSION_NOT_SCALAR,
                    "JOIN clause cannot contain aggregations, window functions or grouping operations", location);
        }
        if (message.contains("Aggregate expression is illegal in WHERE")
                || message.contains("Aggregate expression is illegal in GROUP BY")
                || message.contains("Aggregate expression is illegal in ON clause")) {
            return error(ErrorCode.EXPRESSION_NOT_SCALAR, message, location);
        }
        for (String clause : List.of("WHERE", "HAVING", "ON")) {
            if (message.startsWith(clause + " clause must be a condition")) {
                return error(ErrorCode.TYPE_MISMATCH, (clause.equals("ON") ? "JOIN ON" : clause) + " clause must evaluate to a boolean", location);
            }
        }
        if (message.equals("Expected a boolean type")) {
            return error(ErrorCode.TYPE_MISMATCH, "CASE WHEN clause must evaluate to a boolean", location);
        }
        if (message.contains("is not a group expression")) {
            return error(ErrorCode.EXPRESSION_NOT_AGGREGATE, message, location);
        }
        if (message.startsWith("Cannot infer return type for GREATEST") || message.startsWith("Cannot infer return type for LEAST")
                || message.startsWith("Cannot infer return type for ||") || message.startsWith("Cannot infer return type for MAP")) {
            // Trino has no signature of greatest, least or concat (||) for these arguments
            return error(ErrorCode.FUNCTION_NOT_FOUND, trinoTypes(message), location);
        }
        Matcher ipAddressCast = IP_ADDRESS_CAST.matcher(message);
        boolean colorCast = ipAddressCast.matches() && (castTypeName(ipAddressCast.group(1)).equals(ColorSql.NAME)
                || castTypeName(ipAddressCast.group(2)).equals(ColorSql.NAME));
        if (ipAddressCast.matches() && (message.contains("GEOMETRY") || colorCast)) {
            // ipaddress is Calcite's GEOMETRY (IpAddressSql), color a named type (ColorSql): the cast in Trino's words
            return error(ErrorCode.TYPE_MISMATCH, "Cannot cast " + castTypeName(ipAddressCast.group(1)) + " to "
                    + castTypeName(ipAddressCast.group(2)), location);
        }
        if (ipAddressCast.matches()) {
            // a cast between arrays, maps or rows: both types in Trino's words
            String source = CalciteTypeText.trinoName(ipAddressCast.group(1));
            String target = CalciteTypeText.trinoName(ipAddressCast.group(2));
            if (source != null && target != null && (isStructural(source) || isStructural(target))) {
                return error(ErrorCode.TYPE_MISMATCH, "Cannot cast " + source + " to " + target, location);
            }
        }
        if (message.startsWith("Cannot infer")
                || message.startsWith("Illegal mixing of types")
                || message.contains("must have compatible types")
                || message.startsWith("Cast function cannot convert")
                || message.contains("Type mismatch")
                || message.contains("must be boolean")
                || message.contains("Invalid number of arguments")) {
            return error(ErrorCode.TYPE_MISMATCH, trinoTypes(message), location);
        }
        if (message.startsWith("Unknown identifier") && afterWordAs(text, location)) {
            // the type of a CAST: Calcite takes an unknown type name for a user-defined type
            return error(ErrorCode.TYPE_MISMATCH, "Unknown type: " + message.replaceAll("^Unknown identifier '(.*)'$", "$1"), location);
        }
        if (message.startsWith("Unknown field")) {
            return error(ErrorCode.INVALID_COLUMN_REFERENCE,
                    "Column reference '" + message.replaceAll("^Unknown field '(.*)'$", "$1") + "' is invalid", location);
        }
        if (message.startsWith("OVER clause is necessary for window functions")) {
            String written = text.snippet(e.getPosLine(), e.getPosColumn(), e.getEndPosLine(), e.getEndPosColumn());
            String function = written == null || written.indexOf('(') < 0 ? "" : written.substring(0, written.indexOf('(')).strip();
            return error(ErrorCode.MISSING_OVER,
                    "Window function " + function.toLowerCase(Locale.ROOT) + " requires an OVER clause", location);
        }
        if (message.startsWith("OVER must be applied to aggregate function")) {
            String written = text.snippet(e.getPosLine(), e.getPosColumn(), e.getEndPosLine(), e.getEndPosColumn());
            if (written != null && written.toUpperCase(Locale.ROOT).matches("(?s).*\\bFILTER\\s*\\(.*")) {
                return error(ErrorCode.NOT_SUPPORTED, "FILTER is not yet supported for window functions", location);
            }
            String function = written == null || written.indexOf('(') < 0 ? "" : written.substring(0, written.indexOf('(')).strip();
            return error(ErrorCode.FUNCTION_NOT_WINDOW, "Not a window function: " + function.toLowerCase(Locale.ROOT), location);
        }
        if (message.startsWith("TABLESAMPLE percentage must be between 0 and 100")) {
            return error(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "Sample percentage must be between 0 and 100", location);
        }
        if (message.startsWith("List of column aliases must have same degree as table")) {
            return error(ErrorCode.MISMATCHED_COLUMN_ALIASES, message, location);
        }
        if (message.startsWith("Column count mismatch in ")) {
            String operator = message.substring("Column count mismatch in ".length()).replace(" ALL", "");
            return error(ErrorCode.TYPE_MISMATCH, operator + " query has different number of fields", location);
        }
        if (message.startsWith("Parameters must be of the same type")) {
            return error(ErrorCode.TYPE_MISMATCH, "All ARRAY elements must be the same type or coercible to a common type", location);
        }
        if (message.equals("Unknown identifier '*'")) {
            // SELECT * region: Calcite's grammar takes the word for the star's alias, Trino's none
            return error(ErrorCode.SYNTAX_ERROR, "mismatched input after '*'", location);
        }
        if (message.contains("Aggregate expression is illegal in ORDER BY clause of non-aggregating SELECT")) {
            // an aggregate in ORDER BY makes the query an aggregation, whose select items are then not aggregates
            return error(ErrorCode.EXPRESSION_NOT_AGGREGATE,
                    "ORDER BY aggregates a query whose select items must be aggregate expressions or appear in GROUP BY clause",
                    location);
        }
        if (message.startsWith("GROUPING operator may only occur in an aggregate query")) {
            return error(ErrorCode.MISSING_GROUP_BY, "A GROUPING() operation can only be used with a corresponding"
                    + " GROUPING SET/CUBE/ROLLUP/GROUP BY clause", location);
        }
        if (message.startsWith("Unknown identifier") || message.startsWith("Unknown field")) {
            return error(ErrorCode.COLUMN_NOT_FOUND, message, location);
        }
        Matcher duplicateColumn = DUPLICATE_COLUMN.matcher(message);
        if (duplicateColumn.matches()) {
            // WITH t(a, a)
            return error(ErrorCode.DUPLICATE_COLUMN_NAME,
                    "Column name '" + duplicateColumn.group(1) + "' specified more than once", location);
        }
        if (message.startsWith("Duplicate relation name") || message.startsWith("Duplicate name")) {
            return error(ErrorCode.DUPLICATE_NAMED_QUERY, message, location);
        }
        if (message.startsWith("Expression '") && message.endsWith("' is not in the select clause")) {
            return error(ErrorCode.EXPRESSION_NOT_IN_DISTINCT,
                    "For SELECT DISTINCT, ORDER BY expressions must appear in select list", location);
        }
        if (message.startsWith("Ordinal out of range")) {
            String ordinal = text.snippet(e.getPosLine(), e.getPosColumn(), e.getEndPosLine(), e.getEndPosColumn());
            String clause = ordinalClause(text, e.getPosLine(), e.getPosColumn());
            if (ordinal != null && clause != null) {
                return error(ErrorCode.INVALID_COLUMN_REFERENCE,
                        clause + " position " + ordinal + " is not in select list", location);
            }
        }
        if (message.startsWith("Numeric literal") || message.contains("Illegal") && message.contains("literal")) {
            return error(ErrorCode.INVALID_LITERAL, message, location);
        }
        if (message.startsWith("Ordinal out of range") || message.contains("out of range")) {
            return error(ErrorCode.INVALID_COLUMN_REFERENCE, message, location);
        }
        return error(ErrorCode.GENERIC_USER_ERROR, message, location);
    }

    /** Whether the word before {@code location} in the user's text is AS (then the location is a CAST's type). */
    private static boolean afterWordAs(SqlText text, ErrorLocation location) {
        if (location == null) {
            return false;
        }
        String[] lines = text.original().split("\n", -1);
        if (location.lineNumber() > lines.length) {
            return false;
        }
        String before = lines[location.lineNumber() - 1].substring(0, Math.min(lines[location.lineNumber() - 1].length(),
                location.columnNumber() - 1)).stripTrailing();
        return before.length() >= 3 && before.regionMatches(true, before.length() - 2, "as", 0, 2)
                && !Character.isLetterOrDigit(before.charAt(before.length() - 3));
    }

    /** Rewrites Calcite's {@code <INTEGER>}, {@code <CHAR(1)>} into Trino's {@code integer}, {@code varchar(1)}. */
    private static boolean isStructural(String trinoType) {
        return trinoType.startsWith("row(") || trinoType.startsWith("array(") || trinoType.startsWith("map(");
    }

    /**
     * AND, OR, NOT and IF need booleans, LIKE text: Trino calls a wrong operand a type mismatch (not a missing function),
     * naming the operand's type; null for other functions or when the operands are of the right kinds.
     */
    private static QuarryException operandTypeError(String function, List<String> types, ErrorLocation location) {
        String nonBoolean = types.stream().filter(type -> !type.equals("boolean") && !type.equals("null")).findFirst().orElse(null);
        switch (function) {
            case "and", "or" -> {
                return nonBoolean == null ? null : error(ErrorCode.TYPE_MISMATCH,
                        "Logical expression term must evaluate to a boolean (actual: " + nonBoolean + ")", location);
            }
            case "not" -> {
                return nonBoolean == null ? null : error(ErrorCode.TYPE_MISMATCH,
                        "Value of logical NOT expression must evaluate to a boolean (actual: " + nonBoolean + ")", location);
            }
            case "if" -> {
                boolean condition = !types.isEmpty() && !types.get(0).equals("boolean") && !types.get(0).equals("null");
                return condition ? error(ErrorCode.TYPE_MISMATCH,
                        "IF condition must evaluate to a boolean (actual: " + types.get(0) + ")", location) : null;
            }
            case "like" -> {
                for (int i = 0; i < types.size(); i++) {
                    String type = types.get(i);
                    if (!type.startsWith("varchar") && !type.startsWith("char") && !type.equals("null")) {
                        String side = i == 0 ? "Left side of LIKE expression" : i == 1 ? "Pattern for LIKE expression" : "Escape for LIKE expression";
                        return error(ErrorCode.TYPE_MISMATCH, side + " must evaluate to a varchar (actual: " + type + ")", location);
                    }
                }
                return null;
            }
            default -> {
                return null;
            }
        }
    }

    /** The operand types of a call as Calcite writes them ({@code ITEM(<INTEGER ARRAY>, <CHAR(1)>)}), in Trino's names. */
    private static List<String> calciteOperandTypes(String call) {
        List<String> types = new java.util.ArrayList<>();
        Matcher operand = Pattern.compile("<([^<>]*)>").matcher(call);
        while (operand.find()) {
            String name = CalciteTypeText.trinoName(operand.group(1));
            name = name == null ? trinoTypes("<" + operand.group(1) + ">") : name;
            // a string literal is a char to Calcite, a varchar to Trino
            types.add(name.startsWith("char(") ? "var" + name : name);
        }
        return types;
    }

    static String trinoTypes(String message) {
        Matcher m = CALCITE_TYPE.matcher(message);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String base = m.group(1).toLowerCase(Locale.ROOT);
            String name = switch (base) {
                case "char", "varchar" -> m.group(3) == null ? "varchar" : "varchar(" + m.group(3) + ")";
                case "decimal" -> "decimal(" + m.group(3) + "," + (m.group(4) == null ? "0" : m.group(4)) + ")";
                case "float" -> "double";
                case "geometry" -> "ipaddress"; // see IpAddressSql
                case "time_tz" -> "time(" + (m.group(3) == null ? "3" : m.group(3)) + ") with time zone";
                default -> m.group(2) == null ? base : base + m.group(2);
            };
            m.appendReplacement(out, Matcher.quoteReplacement(name));
        }
        m.appendTail(out);
        return out.toString();
    }
}
