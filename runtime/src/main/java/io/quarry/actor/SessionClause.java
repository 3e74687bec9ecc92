package io.quarry.actor;

import static java.util.Objects.requireNonNull;

import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A query's leading {@code WITH SESSION name = value [, ...]}: session properties for this query alone. The clause
 * is blanked out of the text (every position kept) and each property is set as {@code SET SESSION} would set it.
 */
record SessionClause(List<Property> properties, String query) {
    private static final Pattern START = Pattern.compile("(?is)^\\s*WITH\\s+SESSION\\b");
    private static final Pattern NAME = Pattern.compile(
            "\\G\\s*((?:\"[^\"]*\"|[A-Za-z_][\\w$]*)(?:\\s*\\.\\s*(?:\"[^\"]*\"|[A-Za-z_][\\w$]*))*)\\s*=");
    /** The words a query can begin with: the first at the clause's top level ends the last value. */
    private static final Set<String> QUERY_STARTS = Set.of("SELECT", "WITH", "VALUES", "TABLE");
    private static final Pattern QUERY = Pattern.compile("(?is)^\\s*(?:SELECT|WITH|VALUES|TABLE|\\()");

    /** One property as written: its name and the text of its value. */
    record Property(String name, String value) {
        Property {
            requireNonNull(name, "name is null");
            requireNonNull(value, "value is null");
        }

        String setSessionStatement() {
            return "SET SESSION " + name + " = " + value;
        }
    }

    SessionClause {
        properties = List.copyOf(properties);
        requireNonNull(query, "query is null");
    }

    /** The clause of a statement that begins with one, or empty. */
    static Optional<SessionClause> strip(String sql) {
        requireNonNull(sql, "sql is null");
        Matcher start = START.matcher(sql);
        if (!start.find()) {
            return Optional.empty();
        }
        List<Property> properties = new ArrayList<>();
        int position = start.end();
        while (true) {
            Matcher name = NAME.matcher(sql);
            if (!name.find(position)) {
                if (properties.isEmpty()) {
                    // WITH session AS (...): a named query called session
                    return Optional.empty();
                }
                throw syntaxError(sql, position);
            }
            int valueEnd = valueEnd(sql, name.end());
            String value = sql.substring(name.end(), valueEnd).trim();
            if (value.isEmpty()) {
                throw syntaxError(sql, valueEnd);
            }
            properties.add(new Property(name.group(1), value));
            position = valueEnd;
            if (position < sql.length() && sql.charAt(position) == ',') {
                position++;
                continue;
            }
            break;
        }
        String rest = sql.substring(position);
        if (!QUERY.matcher(rest).find()) {
            throw syntaxError(sql, position);
        }
        StringBuilder blanked = new StringBuilder(sql);
        for (int i = 0; i < position; i++) {
            if (blanked.charAt(i) != '\n') {
                blanked.setCharAt(i, ' ');
            }
        }
        return Optional.of(new SessionClause(properties, blanked.toString()));
    }

    /** Where a value ends: at a comma or a query's first word outside parentheses and quotes. */
    private static int valueEnd(String sql, int from) {
        int depth = 0;
        int i = from;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                int close = sql.indexOf(c, i + 1);
                // a doubled quote inside the literal continues it
                while (close >= 0 && close + 1 < sql.length() && sql.charAt(close + 1) == c) {
                    close = sql.indexOf(c, close + 2);
                }
                i = close < 0 ? sql.length() : close + 1;
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (depth == 0 && c == ',') {
                return i;
            } else if (depth == 0 && Character.isLetter(c) && (i == 0 || !Character.isLetterOrDigit(sql.charAt(i - 1)))) {
                int end = i;
                while (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
                    end++;
                }
                if (QUERY_STARTS.contains(sql.substring(i, end).toUpperCase(Locale.ROOT))) {
                    return i;
                }
                i = end;
                continue;
            }
            i++;
        }
        return i;
    }

    private static QuarryException syntaxError(String sql, int position) {
        Matcher word = Pattern.compile("\\G\\s*(\\S+)").matcher(sql);
        String input = word.find(position) ? word.group(1) : "<EOF>";
        return new QuarryException(ErrorCode.SYNTAX_ERROR, "mismatched input '" + input + "'. Expecting: ',', 'WITH', <query>");
    }
}
