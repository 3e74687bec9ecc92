package io.quarry.sql;

import static java.util.Objects.requireNonNull;

import io.quarry.plan.Output;
import io.quarry.plan.PlanNode;
import io.quarry.plan.Values;
import io.quarry.plan.expression.Constant;
import io.quarry.plan.expression.Expression;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.Type;
import io.quarry.type.Types;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What {@code SHOW FUNCTIONS} lists: the curated catalogue {@code functions.tsv} beside this class, one row per
 * signature in Trino's notation with a description. Tests keep it in step with the operator table: every name the
 * validator resolves has a row, and every row plans to its listed return type.
 */
public final class FunctionListing {
    /** One row: Trino's columns of SHOW FUNCTIONS. */
    public record FunctionRow(
            String function, String returnType, String argumentTypes, String functionType, boolean deterministic,
            String description) {
        public FunctionRow {
            requireNonNull(function, "function is null");
            requireNonNull(returnType, "returnType is null");
            requireNonNull(argumentTypes, "argumentTypes is null");
            requireNonNull(functionType, "functionType is null");
            requireNonNull(description, "description is null");
        }

        /** The argument types one by one; nested types keep their commas (they carry no space after them). */
        public List<String> argumentTypeList() {
            return argumentTypes.isEmpty() ? List.of() : List.of(argumentTypes.split(", "));
        }
    }

    /** The column names, as Trino has them. */
    public static final List<String> COLUMNS =
            List.of("Function", "Return Type", "Argument Types", "Function Type", "Deterministic", "Description");

    /** The column types: all varchar but Deterministic. */
    public static final List<Type> COLUMN_TYPES =
            List.of(Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.BOOLEAN, Types.VARCHAR);

    private static final String CATALOGUE = "functions.tsv";
    private static final List<String> FUNCTION_TYPES = List.of("scalar", "aggregate", "window", "table");

    /** The catalogue, read once and sorted as Trino sorts SHOW FUNCTIONS. */
    private static final List<FunctionRow> ROWS = load();
    private static final Set<String> AGGREGATES = ROWS.stream().filter(row -> row.functionType().equals("aggregate"))
            .map(FunctionRow::function).collect(Collectors.toUnmodifiableSet());

    private FunctionListing() {}

    /** Every function's signatures, sorted as Trino sorts them; only names matching {@code like} if given. */
    /** Whether the function of this name (lower case) is an aggregate. */
    static boolean isAggregate(String name) {
        return AGGREGATES.contains(name);
    }

    public static List<FunctionRow> list(Optional<String> like, Optional<String> escape) {
        if (like.isEmpty()) {
            return ROWS;
        }
        Pattern pattern = likeToRegex(like.get(), escape);
        return ROWS.stream().filter(row -> pattern.matcher(row.function()).matches()).toList();
    }

    /** The rows as the plan of a query: constant values under an output. */
    public static PlanNode plan(List<FunctionRow> rows) {
        List<List<Expression>> values = new ArrayList<>(rows.size());
        for (FunctionRow row : rows) {
            values.add(List.of(
                    new Constant(row.function(), Types.VARCHAR),
                    new Constant(row.returnType(), Types.VARCHAR),
                    new Constant(row.argumentTypes(), Types.VARCHAR),
                    new Constant(row.functionType(), Types.VARCHAR),
                    new Constant(row.deterministic(), Types.BOOLEAN),
                    new Constant(row.description(), Types.VARCHAR)));
        }
        return new Output(new Values(COLUMN_TYPES, values), COLUMNS);
    }

    private static List<FunctionRow> load() {
        List<FunctionRow> rows = new ArrayList<>();
        try (InputStream stream = FunctionListing.class.getResourceAsStream(CATALOGUE)) {
            if (stream == null) {
                throw new IllegalStateException("Function catalogue " + CATALOGUE + " is missing");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
            int lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                rows.add(parse(line, lineNumber));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the function catalogue " + CATALOGUE, e);
        }
        rows.sort(Comparator.comparing(FunctionRow::function)
                .thenComparing(FunctionRow::returnType)
                .thenComparing(FunctionRow::argumentTypes)
                .thenComparing(FunctionRow::functionType));
        return List.copyOf(rows);
    }

    private static FunctionRow parse(String line, int lineNumber) {
        String[] fields = line.split("\t", -1);
        if (fields.length != 6 || !FUNCTION_TYPES.contains(fields[3]) || !List.of("true", "false").contains(fields[4])) {
            throw new IllegalStateException("Malformed line " + lineNumber + " of " + CATALOGUE + ": " + line);
        }
        return new FunctionRow(fields[0], fields[1], fields[2], fields[3], Boolean.parseBoolean(fields[4]), fields[5]);
    }

    /** SQL LIKE (with {@code _}, {@code %} and an optional escape character) as a regular expression. */
    static Pattern likeToRegex(String like, Optional<String> escape) {
        Character escapeCharacter = null;
        if (escape.isPresent()) {
            if (escape.get().length() != 1) {
                throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "Escape string must be a single character");
            }
            escapeCharacter = escape.get().charAt(0);
        }
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < like.length(); i++) {
            char c = like.charAt(i);
            if (escapeCharacter != null && c == escapeCharacter && i + 1 < like.length()) {
                regex.append(Pattern.quote(String.valueOf(like.charAt(++i))));
            } else if (c == '%') {
                regex.append(".*");
            } else if (c == '_') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
