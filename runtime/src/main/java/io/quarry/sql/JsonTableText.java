package io.quarry.sql;

import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code json_table(input, 'path' [AS name] [PASSING …] COLUMNS (…) [PLAN …] [EMPTY|ERROR ON ERROR])} in FROM, which
 * Calcite's grammar lacks, rewritten in the text as the sub-query it stands for. The kernel {@value #NAME} walks the
 * tree of paths (the root path, NESTED PATHs, nested in turn) as the plan joins them — a parent to its children OUTER
 * or INNER, siblings by UNION or CROSS; OUTER and UNION unless a PLAN says otherwise — and gives the table's rows as a
 * JSON array; each row holds, for each path, the number of its item and the item's JSON text, or nulls where the row
 * has no item of that path. The sub-query unnests them as {@code row(bigint, varchar, …)} and computes each column
 * from its path's item: an ordinality column the number, a value column {@code json_value}, a FORMAT JSON column
 * {@code json_query}. The PASSING clause's values are the root path's, as in Trino (other paths see none).
 */
final class JsonTableText {
    /** The name of the kernel the rewritten text calls; quoted, not a name a user would write. */
    static final String NAME = "$json_table";

    private static final Pattern CALL = Pattern.compile("(?is)json_table\\s*\\(");
    private static final Pattern ORDINALITY = Pattern.compile("(?is)for\\s+ordinality");
    private static final Pattern NESTED = Pattern.compile("(?is)nested\\s+(?:path\\s+)?");
    private static final Pattern IDENTIFIER = Pattern.compile("\"(?:[^\"]|\"\")*\"|[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern PATH = Pattern.compile("(?is)('(?:[^']|'')*')(?:\\s+AS\\s+(" + IDENTIFIER.pattern() + "))?\\s*");
    private static final Pattern COLUMN_FORMAT = Pattern.compile("(?is)\\bFORMAT\\s+JSON(?:\\s+ENCODING\\s+(UTF8|UTF16|UTF32))?\\b");
    private static final Pattern STRUCTURAL_TYPE = Pattern.compile("(?is)(array|map|row)\\s*\\(");
    private static final Pattern LEFT_JOIN = Pattern.compile("(?is)left\\s+(?:outer\\s+)?join\\s+(?=json_table\\s*\\()");
    private static final Pattern ALIAS_ON_TRUE = Pattern.compile("(?is)(\\s*(?:(?:as\\s+)?(?!on\\b)(?:" + IDENTIFIER.pattern()
            + ")(?:\\s*\\([^)]*\\))?)?)\\s+on\\s+true\\b");
    private static final Pattern QUOTES = Pattern.compile("(?is)\\b(keep|omit)\\s+quotes(?:\\s+on\\s+scalar\\s+string)?\\b");
    private static final Pattern INPUT_FORMAT = Pattern.compile("(?is)^(.*?)\\s+format\\s+json(?:\\s+encoding\\s+(utf8|utf16|utf32))?$");
    private static final Pattern JSON_LITERAL = Pattern.compile("(?is)^json\\s*'.*'$");
    private static final Pattern ON_ERROR = Pattern.compile("(?is)(ERROR|EMPTY)\\s+ON\\s+ERROR");

    /** A path of the tree: its number (0 the root, then in the order written), literal, name (null: none) and children. */
    private record Node(int number, String path, String name, List<Node> children) {}

    /** A column, in the order written: its node, name as written, type, path, FORMAT JSON and behaviours; no type: ordinality. */
    private record Column(Node node, String name, String type, String path, String format, String behaviours) {
        /** FORMAT JSON said: the column is json_query's. */
        boolean formatJson() {
            return format != null;
        }
    }

    /** The rewritten text of a json_table call and where the call ends (after its parenthesis). */
    record Rewrite(String text, int end) {}

    private JsonTableText() {}

    /**
     * {@code LEFT [OUTER] JOIN json_table(…) [[AS] t[(…)]] ON true} starting at {@code start}: a CROSS JOIN of the
     * json_table's sub-query, whose rows are one row of nulls where the table has none; null if the text is not that.
     */
    static Rewrite rewriteLeftJoin(String sql, int start) {
        Matcher join = LEFT_JOIN.matcher(sql).region(start, sql.length());
        if (!join.lookingAt()) {
            return null;
        }
        Rewrite table = rewrite(sql, join.end(), true);
        if (table == null) {
            return null;
        }
        Matcher on = ALIAS_ON_TRUE.matcher(sql).region(table.end(), sql.length());
        if (!on.lookingAt()) {
            return null;
        }
        return new Rewrite("CROSS JOIN " + table.text() + on.group(1), on.end());
    }

    /** The sub-query for the json_table call starting at {@code start}; null when this rewriting does not handle it. */
    static Rewrite rewrite(String sql, int start) {
        return rewrite(sql, start, false);
    }

    private static Rewrite rewrite(String sql, int start, boolean nullRowWhenEmpty) {
        Matcher call = CALL.matcher(sql).region(start, sql.length());
        if (!call.lookingAt()) {
            return null;
        }
        int close = closing(sql, call.end() - 1);
        if (close < 0) {
            return null;
        }
        String body = sql.substring(call.end(), close);
        List<String> parts = split(body, ',', 1);
        if (parts.size() < 2) {
            return null;
        }
        String input = parts.get(0).strip();
        if (JSON_LITERAL.matcher(input).matches()) {
            throw new QuarryException(ErrorCode.TYPE_MISMATCH, "Cannot read input of type json as JSON using formatting JSON");
        }
        Matcher format = INPUT_FORMAT.matcher(input);
        if (format.matches()) {
            // FORMAT JSON [ENCODING e]: varbinary decoded as said (UTF-8 when not), text as it is
            String encoding = format.group(2) == null ? "" : format.group(2).toUpperCase(Locale.ROOT);
            input = "\"" + JsonFormatInputs.NAME + "\"(" + format.group(1) + ", '" + encoding + "')";
        }
        String rest = parts.get(1).strip();
        Matcher path = PATH.matcher(rest);
        if (!path.lookingAt()) {
            return null;
        }
        int columnsWord = wordAt(rest, path.end(), "COLUMNS");
        String passing = "";
        if (columnsWord < 0) {
            if (wordAt(rest, path.end(), "PASSING") < 0) {
                return null;
            }
            columnsWord = topLevelWord(rest, path.end() + 7, "COLUMNS");
            if (columnsWord < 0) {
                return null;
            }
            passing = JsonPassing.entries(rest.substring(path.end() + 7, columnsWord));
            if (passing == null) {
                return null;
            }
        }
        int columnsOpen = rest.indexOf('(', columnsWord);
        int columnsClose = closing(rest, columnsOpen);
        if (columnsOpen < 0 || columnsClose < 0) {
            return null;
        }
        List<Column> columns = new ArrayList<>();
        List<Node> nodes = new ArrayList<>();
        Node root = node(path.group(1), path.group(2), rest.substring(columnsOpen + 1, columnsClose), columns, nodes);
        if (root == null) {
            return null;
        }
        String tail = rest.substring(columnsClose + 1).strip();
        String plan = "";
        boolean errorOnError = false;
        Matcher onError = ON_ERROR.matcher(tail);
        if (tail.regionMatches(true, 0, "PLAN", 0, 4)) {
            int planClose = closing(tail, tail.indexOf('('));
            if (planClose < 0) {
                return null;
            }
            plan = tail.substring(4, planClose + 1).strip();
            tail = tail.substring(planClose + 1).strip();
            onError = ON_ERROR.matcher(tail);
        }
        if (!tail.isEmpty()) {
            if (!onError.matches()) {
                return null;
            }
            errorOnError = onError.group(1).equalsIgnoreCase("ERROR");
        }
        checkUniqueNames(columns, nodes);
        // the kernel reads a leading + as: one row of nulls when the table has no rows
        String shape = (nullRowWhenEmpty ? "+" : "") + PlanShape.of(root, plan);
        return new Rewrite(subQuery(input, shape, errorOnError, nodes, passing, columns), close + 1);
    }

    /** The node of {@code path} with the columns of {@code columnsText} (added to {@code columns}); null if not handled. */
    private static Node node(String path, String name, String columnsText, List<Column> columns, List<Node> nodes) {
        List<Node> children = new ArrayList<>();
        Node node = new Node(nodes.size(), path, name == null ? null : identifier(name), children);
        nodes.add(node);
        for (String definition : split(columnsText, ',', Integer.MAX_VALUE)) {
            String text = definition.strip();
            Matcher nestedPath = NESTED.matcher(text);
            if (nestedPath.lookingAt()) {
                Matcher literal = PATH.matcher(text).region(nestedPath.end(), text.length());
                if (!literal.lookingAt() || wordAt(text, literal.end(), "COLUMNS") < 0 || !text.endsWith(")")) {
                    return null;
                }
                int open = text.indexOf('(', literal.end());
                Node child = node(literal.group(1), literal.group(2), text.substring(open + 1, text.length() - 1), columns, nodes);
                if (child == null) {
                    return null;
                }
                children.add(child);
                continue;
            }
            Matcher columnName = IDENTIFIER.matcher(text);
            if (!columnName.lookingAt()) {
                return null;
            }
            String after = text.substring(columnName.end()).strip();
            if (ORDINALITY.matcher(after).matches()) {
                columns.add(new Column(node, columnName.group(), null, null, null, ""));
                continue;
            }
            Matcher pathClause = Pattern.compile("(?is)\\bPATH\\s+('(?:[^']|'')*')").matcher(after);
            String columnPath = pathClause.find() ? pathClause.group(1) : null;
            String withoutPath = columnPath == null ? after : after.substring(0, pathClause.start()) + after.substring(pathClause.end());
            Matcher formatClause = COLUMN_FORMAT.matcher(withoutPath);
            // FORMAT JSON's encoding (UTF8 when none is said)
            String format = formatClause.find() ? formatClause.group(1) == null ? "UTF8" : formatClause.group(1).toUpperCase(Locale.ROOT) : null;
            String typeAndBehaviours = COLUMN_FORMAT.matcher(withoutPath).replaceAll(" ").strip();
            if (format == null && STRUCTURAL_TYPE.matcher(typeAndBehaviours).lookingAt()) {
                throw new QuarryException(ErrorCode.TYPE_MISMATCH, "Invalid return type of function JSON_VALUE: "
                        + typeAndBehaviours.substring(0, typeAndBehaviours.indexOf('(')).toLowerCase(Locale.ROOT) + "(…)");
            }
            Matcher type = Pattern.compile("(?is)^([A-Za-z ]+?(?:\\([^)]*\\))?)(?=\\s|$)(.*)$").matcher(typeAndBehaviours);
            if (!type.matches()) {
                return null;
            }
            if (format != null && formatClause.group(1) != null && !type.group(1).strip().equalsIgnoreCase("varbinary")) {
                throw new QuarryException(ErrorCode.TYPE_MISMATCH, "Cannot output JSON value as " + type.group(1).strip().toLowerCase(Locale.ROOT)
                        + " using formatting JSON ENCODING " + format);
            }
            if (columnPath == null) {
                // no PATH: the member of the column's name (an unquoted name upper-cased, as Trino reads it)
                columnPath = "'lax $.\"" + identifier(columnName.group()).replace("'", "''") + "\"'";
            }
            columns.add(new Column(node, columnName.group(), type.group(1).strip(), columnPath, format, type.group(2).strip()));
        }
        return node;
    }

    /** A name as Trino reads it: quoted as written, unquoted upper-cased. */
    private static String identifier(String written) {
        return written.startsWith("\"") ? written.substring(1, written.length() - 1).replace("\"\"", "\"")
                : written.toUpperCase(Locale.ROOT);
    }

    /** Trino's DUPLICATE_COLUMN_OR_PATH_NAME for two columns or paths of one name. */
    private static void checkUniqueNames(List<Column> columns, List<Node> nodes) {
        Set<String> names = new HashSet<>();
        List<String> all = new ArrayList<>();
        columns.forEach(column -> all.add(identifier(column.name())));
        nodes.stream().filter(node -> node.name() != null).forEach(node -> all.add(node.name()));
        for (String name : all) {
            if (!names.add(name)) {
                throw new QuarryException(ErrorCode.DUPLICATE_COLUMN_OR_PATH_NAME,
                        "All column and path names in JSON_TABLE invocation must be unique");
            }
        }
    }

    private static String subQuery(String input, String shape, boolean errorOnError, List<Node> nodes, String passing,
            List<Column> columns) {
        StringBuilder call = new StringBuilder("\"" + NAME + "\"(" + input + ", '" + shape + "', '" + (errorOnError ? "ERROR" : "EMPTY") + "'");
        StringBuilder rowType = new StringBuilder();
        StringBuilder aliases = new StringBuilder();
        for (Node node : nodes) {
            call.append(", ");
            call.append(node.number() == 0 && !passing.isEmpty() ? "\"" + JsonPassing.NAME + "\"(" + node.path() + passing + ")" : node.path());
            rowType.append(node.number() == 0 ? "" : ", ").append("bigint, varchar");
            aliases.append(node.number() == 0 ? "" : ", ").append(number(node)).append(", ").append(item(node));
        }
        call.append(')');
        List<String> selected = new ArrayList<>();
        for (Column column : columns) {
            String value;
            if (column.type() == null) {
                value = number(column.node());
            } else {
                String function = column.formatJson() ? "json_query" : "json_value";
                Matcher quotes = QUOTES.matcher(column.behaviours());
                boolean omitQuotes = quotes.find() && quotes.group(1).equalsIgnoreCase("omit");
                String behaviours = QUOTES.matcher(column.behaviours()).replaceAll(" ");
                String columnCall = function + "(" + item(column.node()) + ", " + column.path() + " RETURNING " + column.type() + " "
                        + behaviours + ")";
                if (omitQuotes) {
                    columnCall = "\"" + JsonQueryQuotes.NAME + "\"(" + columnCall + ")";
                }
                if (column.formatJson() && !column.format().equals("UTF8")) {
                    // RETURNING varbinary FORMAT JSON ENCODING UTF16: the text encoded so
                    columnCall = "\"" + JsonConstructorClauses.NAME + "\"(" + columnCall + ", 'varbinary', '" + column.format() + "', false)";
                }
                // a row without an item of the column's path has null there, whatever the column's behaviours say
                value = "CASE WHEN " + number(column.node()) + " IS NOT NULL THEN " + columnCall + " END";
            }
            selected.add(value + " AS " + column.name());
        }
        String unnest = "UNNEST(CAST(json_parse(" + call + ") AS " + CastTypeSyntax.rewrite("array(row(" + rowType + "))") + "))";
        // LATERAL: the input may read the columns of the relations before it in FROM
        return "LATERAL (SELECT " + String.join(", ", selected) + " FROM " + unnest + " AS \"$jt\"(" + aliases + "))";
    }

    private static String number(Node node) {
        return "\"$jt_number" + node.number() + "\"";
    }

    private static String item(Node node) {
        return "\"$jt_item" + node.number() + "\"";
    }

    /**
     * The plan as the kernel reads it: a node is its number, then (if it has children) {@code O} or {@code I} (OUTER
     * or INNER) and the group of its children; a group is a node or {@code (U…)} / {@code (C…)} (UNION or CROSS) of
     * groups separated by commas: {@code 0O(U1I2,3)}.
     */
    private static final class PlanShape {
        private final List<String> tokens;
        private int at;

        private PlanShape(List<String> tokens) {
            this.tokens = tokens;
        }

        static String of(Node root, String plan) {
            if (plan.isEmpty()) {
                return byDefault(root, "O", "U");
            }
            List<String> tokens = tokens(plan);
            if (tokens.get(0).equals("DEFAULT")) {
                return defaultPlan(root, tokens);
            }
            PlanShape parser = new PlanShape(tokens);
            parser.expect("(");
            Object tree = parser.plan();
            parser.expect(")");
            if (parser.at != tokens.size()) {
                throw syntax();
            }
            checkNamed(root, root, "All JSON paths must be named when specific plan is given");
            return specific(root, tree);
        }

        private static String defaultPlan(Node root, List<String> tokens) {
            String join = null;
            String siblings = null;
            int i = 2;
            if (tokens.size() < 4 || !tokens.get(1).equals("(") || !tokens.get(tokens.size() - 1).equals(")")) {
                throw syntax();
            }
            for (; i < tokens.size() - 1; i++) {
                String token = tokens.get(i);
                if ((token.equals("OUTER") || token.equals("INNER")) && join == null) {
                    join = token.substring(0, 1);
                } else if ((token.equals("UNION") || token.equals("CROSS")) && siblings == null) {
                    siblings = token.substring(0, 1);
                } else {
                    throw syntax();
                }
                if (i + 1 < tokens.size() - 1 && !tokens.get(++i).equals(",")) {
                    throw syntax();
                }
            }
            for (Node child : root.children()) {
                checkNamed(root, child, "All nested JSON paths must be named when default plan is given");
            }
            return byDefault(root, join == null ? "O" : join, siblings == null ? "U" : siblings);
        }

        private static void checkNamed(Node root, Node node, String message) {
            if (node.name() == null) {
                throw new QuarryException(ErrorCode.MISSING_PATH_NAME, message);
            }
            node.children().forEach(child -> checkNamed(root, child, message));
        }

        private static String byDefault(Node node, String join, String siblings) {
            if (node.children().isEmpty()) {
                return Integer.toString(node.number());
            }
            List<String> groups = node.children().stream().map(child -> byDefault(child, join, siblings)).toList();
            return node.number() + join + (groups.size() == 1 ? groups.get(0) : "(" + siblings + String.join(",", groups) + ")");
        }

        /** A specific plan: a name, {@code [name, OUTER|INNER, child plan]}, or {@code [UNION|CROSS, plans…]}. */
        private Object plan() {
            Object first = primary();
            if (at < tokens.size() && (tokens.get(at).equals("OUTER") || tokens.get(at).equals("INNER"))) {
                if (!(first instanceof String)) {
                    throw syntax();
                }
                String join = tokens.get(at++);
                return List.of(first, join, primary());
            }
            if (at < tokens.size() && (tokens.get(at).equals("UNION") || tokens.get(at).equals("CROSS"))) {
                String kind = tokens.get(at);
                List<Object> siblings = new ArrayList<>(List.of(kind, first));
                while (at < tokens.size() && tokens.get(at).equals(kind)) {
                    at++;
                    siblings.add(primary());
                }
                return siblings;
            }
            return first;
        }

        private Object primary() {
            if (at >= tokens.size()) {
                throw syntax();
            }
            String token = tokens.get(at++);
            if (token.equals("(")) {
                Object inner = plan();
                expect(")");
                return inner;
            }
            if (Set.of(")", ",", "OUTER", "INNER", "UNION", "CROSS").contains(token)) {
                throw syntax();
            }
            return token;
        }

        /** The shape of {@code node} as {@code tree} plans it, checked against the tree of paths as Trino does. */
        private static String specific(Node node, Object tree) {
            String name = tree instanceof String single ? single : tree instanceof List<?> list && list.size() == 3
                    && (list.get(1).equals("OUTER") || list.get(1).equals("INNER")) ? (String) list.get(0) : null;
            if (name == null || !name.equals(node.name())) {
                throw invalidPlan("JSON_TABLE plan should contain all JSON paths available at each level of nesting. Paths not included: "
                        + node.name());
            }
            if (tree instanceof String) {
                if (!node.children().isEmpty()) {
                    throw missing(node.children().stream().map(Node::name).toList());
                }
                return Integer.toString(node.number());
            }
            List<?> parentChild = (List<?>) tree;
            if (node.children().isEmpty()) {
                throw invalidPlan("JSON_TABLE plan includes unavailable JSON path names: " + String.join(", ", names(parentChild.get(2))));
            }
            Set<String> seen = new LinkedHashSet<>();
            String group = group(node, parentChild.get(2), seen);
            List<String> missing = node.children().stream().map(Node::name).filter(child -> !seen.contains(child)).toList();
            if (!missing.isEmpty()) {
                throw missing(missing);
            }
            return node.number() + ((String) parentChild.get(1)).substring(0, 1) + group;
        }

        private static String group(Node parent, Object tree, Set<String> seen) {
            if (tree instanceof List<?> list && (list.get(0).equals("UNION") || list.get(0).equals("CROSS"))) {
                List<String> groups = new ArrayList<>();
                for (Object sibling : list.subList(1, list.size())) {
                    groups.add(group(parent, sibling, seen));
                }
                return "(" + ((String) list.get(0)).substring(0, 1) + String.join(",", groups) + ")";
            }
            String name = tree instanceof String single ? single : (String) ((List<?>) tree).get(0);
            Node child = parent.children().stream().filter(candidate -> candidate.name().equals(name)).findFirst().orElse(null);
            if (child == null) {
                throw invalidPlan("JSON_TABLE plan includes unavailable JSON path names: " + name);
            }
            if (!seen.add(name)) {
                throw invalidPlan("Duplicate reference to JSON path name in sibling plan: " + name);
            }
            return specific(child, tree);
        }

        private static List<String> names(Object tree) {
            if (tree instanceof String name) {
                return List.of(name);
            }
            List<String> names = new ArrayList<>();
            for (Object part : (List<?>) tree) {
                if (!Set.of("OUTER", "INNER", "UNION", "CROSS").contains(part)) {
                    names.addAll(names(part));
                }
            }
            return names;
        }

        private static QuarryException missing(List<String> names) {
            return invalidPlan("JSON_TABLE plan should contain all JSON paths available at each level of nesting. Paths not included: "
                    + String.join(", ", names));
        }

        private static QuarryException invalidPlan(String message) {
            return new QuarryException(ErrorCode.INVALID_PLAN, message);
        }

        private static QuarryException syntax() {
            return new QuarryException(ErrorCode.SYNTAX_ERROR, "Invalid JSON_TABLE plan");
        }

        private void expect(String token) {
            if (at >= tokens.size() || !tokens.get(at).equals(token)) {
                throw syntax();
            }
            at++;
        }

        /** The plan's words (names as Trino reads them, keywords upper-cased) and parentheses and commas. */
        private static List<String> tokens(String plan) {
            List<String> tokens = new ArrayList<>();
            Matcher word = IDENTIFIER.matcher(plan);
            for (int i = 0; i < plan.length(); ) {
                char c = plan.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                } else if (c == '(' || c == ')' || c == ',') {
                    tokens.add(String.valueOf(c));
                    i++;
                } else if (word.region(i, plan.length()).lookingAt()) {
                    tokens.add(identifier(word.group()));
                    i = word.end();
                } else {
                    throw syntax();
                }
            }
            return tokens;
        }
    }

    /** Where the word starts if it is the first at or after {@code from} (blanks skipped); -1 otherwise. */
    private static int wordAt(String text, int from, String word) {
        int at = from;
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
        int end = at + word.length();
        return text.regionMatches(true, at, word, 0, word.length())
                && (end >= text.length() || !Character.isLetterOrDigit(text.charAt(end)) && text.charAt(end) != '_') ? at : -1;
    }

    /** Where the first {@code word} outside quotes and parentheses at or after {@code from} starts; -1 if none. */
    private static int topLevelWord(String text, int from, String word) {
        int depth = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"') {
                int end = SqlWords.closingQuote(text, i);
                i = end < 0 ? text.length() : end;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (depth == 0 && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)) && text.charAt(i - 1) != '_')
                    && wordAt(text, i, word) == i) {
                return i;
            }
        }
        return -1;
    }

    /** The parts of {@code text} split at top-level {@code separator}s, at most {@code limit} splits. */
    private static List<String> split(String text, char separator, int limit) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"') {
                int end = SqlWords.closingQuote(text, i);
                i = end < 0 ? text.length() : end;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == separator && depth == 0 && parts.size() < limit) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    /** The index of the parenthesis closing the one at {@code open}; -1 if none. */
    private static int closing(String text, int open) {
        if (open < 0) {
            return -1;
        }
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"') {
                int end = SqlWords.closingQuote(text, i);
                if (end < 0) {
                    return -1;
                }
                i = end;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
