package io.quarry.sql;

import io.quarry.spi.ErrorCode;
import io.quarry.spi.ErrorLocation;
import io.quarry.spi.QuarryException;
import io.quarry.sql.UtilityTokens.Kind;
import io.quarry.sql.UtilityTokens.Token;
import io.quarry.sql.WriteStatement.ColumnDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises the statements of {@link WriteStatement} by their first words and parses them; everything
 * else is left to Calcite. Hand-written because Calcite's Babel grammar cannot parse most of them
 * ({@code DROP TABLE}, {@code CREATE SCHEMA}, {@code memory.default.t}, …). Identifiers come out in lower
 * case, quoted or not, as Trino's connectors name schemas, tables and columns.
 */
public final class WriteStatementParser {
    private static final Set<String> QUERY_STARTS = Set.of("select", "values", "with", "table");

    private final String sql;
    private final List<Token> tokens;
    private int position;

    private WriteStatementParser(String sql) {
        this.sql = sql;
        this.tokens = UtilityTokens.tokenize(sql);
    }

    /** The statement, or empty when it is not one of these (a query, or a statement for Calcite). */
    public static Optional<WriteStatement> parse(String sql) {
        WriteStatementParser parser = new WriteStatementParser(sql);
        return parser.statement();
    }

    private Optional<WriteStatement> statement() {
        Token first = peek(0);
        Token second = peek(1);
        if (first.isWord("create") && second.isWord("schema")) {
            position = 2;
            boolean ifNotExists = ifNotExists();
            List<String> name = qualifiedName();
            boolean ownedByRole = false;
            if (peek(0).isWord("authorization")) {
                // Quarry has no owners: the named user is accepted and not kept
                position++;
                ownedByRole = peek(0).isWord("role") && isIdentifier(peek(1));
                skipPrincipal();
            }
            if (peek(0).isWord("with") && peek(1).isSymbol("(")) {
                Token property = peek(2);
                // no connector has schema properties
                throw new QuarryException(ErrorCode.INVALID_SCHEMA_PROPERTY,
                        "Schema property '" + (isIdentifier(property) ? identifier(property) : property.text()) + "' does not exist");
            }
            expectEnd();
            return Optional.of(new WriteStatement.CreateSchema(name, ifNotExists, ownedByRole));
        }
        if (first.isWord("drop") && second.isWord("schema")) {
            position = 2;
            boolean ifExists = ifExists();
            List<String> name = qualifiedName();
            boolean cascade = peek(0).isWord("cascade");
            if (cascade || peek(0).isWord("restrict")) {
                position++;
            }
            expectEnd();
            return Optional.of(new WriteStatement.DropSchema(name, ifExists, cascade));
        }
        if (first.isWord("create") && second.isWord("table")) {
            position = 2;
            return Optional.of(createTable());
        }
        if (first.isWord("create") && second.isWord("or") && peek(2).isWord("replace") && peek(3).isWord("table")) {
            position = 4;
            if (peek(0).isWord("if")) {
                throw new QuarryException(ErrorCode.SYNTAX_ERROR,
                        "line " + first.line() + ":" + first.column() + ": 'OR REPLACE' and 'IF NOT EXISTS' clauses can not be used together",
                        new ErrorLocation(first.line(), first.column()), null);
            }
            WriteStatement replaced = createTable();
            return Optional.of(new WriteStatement.ReplaceTable(replaced instanceof WriteStatement.CreateTable create
                    ? create.name()
                    : ((WriteStatement.CreateTableAsSelect) replaced).name()));
        }
        if (first.isWord("drop") && second.isWord("table")) {
            position = 2;
            boolean ifExists = ifExists();
            List<String> name = qualifiedName();
            expectEnd();
            return Optional.of(new WriteStatement.DropTable(name, ifExists));
        }
        if (first.isWord("create") && (second.isWord("view")
                || (second.isWord("or") && peek(2).isWord("replace") && peek(3).isWord("view")))) {
            boolean replace = second.isWord("or");
            position = replace ? 4 : 2;
            return Optional.of(createView(replace));
        }
        if (first.isWord("drop") && second.isWord("view")) {
            position = 2;
            boolean ifExists = ifExists();
            List<String> name = qualifiedName();
            expectEnd();
            return Optional.of(new WriteStatement.DropView(name, ifExists));
        }
        if (first.isWord("insert") && second.isWord("into")) {
            position = 2;
            return Optional.of(insert());
        }
        if (first.isWord("comment") && second.isWord("on")) {
            position = 2;
            return Optional.of(commentOn());
        }
        Optional<WriteStatement> refused = refusedStatement(first, second);
        if (refused.isPresent()) {
            return refused;
        }
        Optional<WriteStatement> tableChange = tableChange(first, second);
        if (tableChange.isPresent()) {
            return tableChange;
        }
        if (first.isWord("alter") && second.isWord("schema")) {
            position = 2;
            List<String> name = qualifiedName();
            Token verb = next();
            if (verb.isWord("rename") && peek(0).isWord("to")) {
                position++;
                String newName = identifier(expectIdentifier("a schema name"));
                expectEnd();
                return Optional.of(new WriteStatement.RenameSchema(name, newName));
            }
            if (verb.isWord("set") && peek(0).isWord("authorization")) {
                position++;
                boolean role = peek(0).isWord("role") && isIdentifier(peek(1));
                if (role || (peek(0).isWord("user") && isIdentifier(peek(1)))) {
                    position++;
                }
                String principal = identifier(expectIdentifier("a user or role name"));
                expectEnd();
                return Optional.of(new WriteStatement.SetSchemaAuthorization(name, role, principal));
            }
            throw UtilityTokens.syntaxError(verb, "RENAME TO or SET AUTHORIZATION");
        }
        if (first.isWord("show") && second.isWord("create") && peek(2).isWord("schema")) {
            position = 3;
            List<String> name = qualifiedName();
            expectEnd();
            return Optional.of(new WriteStatement.ShowCreateSchema(name));
        }
        if (first.isWord("show") && second.isWord("functions")) {
            position = 2;
            return Optional.of(showFunctions());
        }
        if (first.isWord("show") && second.isWord("tables")) {
            position = 2;
            List<String> schema = List.of();
            if (peek(0).isWord("from") || peek(0).isWord("in")) {
                position++;
                schema = qualifiedName();
            }
            Optional<UtilityStatement.LikeFilter> like = Optional.empty();
            if (peek(0).isWord("like")) {
                position++;
                String pattern = string();
                Optional<String> escape = Optional.empty();
                if (peek(0).isWord("escape")) {
                    position++;
                    Token token = peek(0);
                    String character = string();
                    if (character.length() != 1) {
                        throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT,
                                "line " + token.line() + ":" + token.column() + ": Escape string must be a single character");
                    }
                    escape = Optional.of(character);
                }
                like = Optional.of(new UtilityStatement.LikeFilter(pattern, escape));
            }
            expectEnd();
            return Optional.of(new WriteStatement.ShowTables(schema, like));
        }
        return Optional.empty();
    }

    /**
     * The statements no connector supports, of which only the object's name is read (what follows it is not checked):
     * materialized views, GRANT / REVOKE / DENY on a table or schema, ANALYZE and CALL.
     */
    private Optional<WriteStatement> refusedStatement(Token first, Token second) {
        boolean orReplace = second.isWord("or") && peek(2).isWord("replace");
        int create = orReplace ? 4 : 2;
        if (first.isWord("create") && peek(create - 1).isWord("materialized") && peek(create).isWord("view")) {
            position = create + 1;
            ifNotExists();
            return Optional.of(new WriteStatement.MaterializedViewStatement(
                    WriteStatement.MaterializedViewAction.CREATE, qualifiedName(), false));
        }
        WriteStatement.MaterializedViewAction action = null;
        int nameStart = 3;
        if (second.isWord("materialized") && peek(2).isWord("view")) {
            if (first.isWord("drop")) {
                action = WriteStatement.MaterializedViewAction.DROP;
            } else if (first.isWord("refresh")) {
                action = WriteStatement.MaterializedViewAction.REFRESH;
            } else if (first.isWord("alter")) {
                action = WriteStatement.MaterializedViewAction.ALTER;
            }
        } else if (first.isWord("show") && second.isWord("create") && peek(2).isWord("materialized") && peek(3).isWord("view")) {
            action = WriteStatement.MaterializedViewAction.SHOW_CREATE;
            nameStart = 4;
        }
        if (action != null) {
            position = nameStart;
            boolean ifExists = action == WriteStatement.MaterializedViewAction.DROP && ifExists();
            List<String> name = qualifiedName();
            if (action != WriteStatement.MaterializedViewAction.ALTER) {
                expectEnd();
            }
            return Optional.of(new WriteStatement.MaterializedViewStatement(action, name, ifExists));
        }
        Optional<WriteStatement> role = roleStatement(first, second);
        if (role.isPresent()) {
            return role;
        }
        if (first.isWord("grant") || first.isWord("revoke") || first.isWord("deny")) {
            // privileges ON [SCHEMA | TABLE] name ...
            int on = position = 1;
            while (peek(0).kind() != Kind.END && !peek(0).isWord("on")) {
                position++;
            }
            if (peek(0).kind() == Kind.END || on == position) {
                position = 0;
                return Optional.empty();
            }
            position++;
            boolean schema = peek(0).isWord("schema") && isIdentifier(peek(1));
            if (schema || (peek(0).isWord("table") && isIdentifier(peek(1)))) {
                position++;
            }
            return Optional.of(new WriteStatement.GrantStatement(first.text().toUpperCase(Locale.ROOT), schema, qualifiedName()));
        }
        if (first.isWord("show") && second.isWord("grants")) {
            position = 2;
            Optional<List<String>> table = Optional.empty();
            if (peek(0).isWord("on")) {
                position++;
                if (peek(0).isWord("table") && isIdentifier(peek(1))) {
                    position++;
                }
                table = Optional.of(qualifiedName());
            }
            expectEnd();
            return Optional.of(new WriteStatement.ShowGrants(table));
        }
        if (first.isWord("analyze") && isIdentifier(second)) {
            position = 1;
            return Optional.of(new WriteStatement.Analyze(qualifiedName()));
        }
        if (first.isWord("call") && isIdentifier(second)) {
            position = 1;
            return Optional.of(new WriteStatement.CallProcedure(qualifiedName(), stringArguments()));
        }
        return Optional.empty();
    }

    /**
     * CREATE / DROP ROLE, SHOW [CURRENT] ROLES, SHOW ROLE GRANTS, SET ROLE, and GRANT / REVOKE of roles (no ON): the first
     * role named and the catalog of {@code IN catalog} (FROM for SHOW) are read, the rest is skipped.
     */
    private Optional<WriteStatement> roleStatement(Token first, Token second) {
        WriteStatement.RoleAction action = null;
        int start = 2;
        if (first.isWord("create") && second.isWord("role")) {
            action = WriteStatement.RoleAction.CREATE;
        } else if (first.isWord("drop") && second.isWord("role")) {
            action = WriteStatement.RoleAction.DROP;
        } else if (first.isWord("set") && second.isWord("role")) {
            action = WriteStatement.RoleAction.SET;
        } else if (first.isWord("show") && (second.isWord("roles") || (second.isWord("current") && peek(2).isWord("roles")))) {
            action = WriteStatement.RoleAction.SHOW;
            start = second.isWord("roles") ? 2 : 3;
        } else if (first.isWord("show") && second.isWord("role") && peek(2).isWord("grants")) {
            action = WriteStatement.RoleAction.SHOW_GRANTS;
            start = 3;
        } else if (first.isWord("grant") || first.isWord("revoke")) {
            for (int i = 1; peek(i).kind() != Kind.END; i++) {
                if (peek(i).isWord("on")) {
                    return Optional.empty(); // privileges on an object
                }
            }
            action = WriteStatement.RoleAction.GRANT;
            start = 1;
            if (first.isWord("revoke") && peek(1).isWord("admin") && peek(2).isWord("option") && peek(3).isWord("for")) {
                start = 4;
            }
        }
        if (action == null) {
            return Optional.empty();
        }
        position = start;
        boolean ifExists = action == WriteStatement.RoleAction.DROP && peek(0).isWord("if") && peek(1).isWord("exists");
        if (ifExists) {
            position += 2;
        }
        Optional<String> role = Optional.empty();
        if (action != WriteStatement.RoleAction.SHOW && action != WriteStatement.RoleAction.SHOW_GRANTS && isIdentifier(peek(0))) {
            role = Optional.of(identifier(next()));
        }
        Optional<String> catalog = Optional.empty();
        while (peek(0).kind() != Kind.END && !peek(0).isSymbol(";")) {
            Token token = next();
            boolean show = action == WriteStatement.RoleAction.SHOW || action == WriteStatement.RoleAction.SHOW_GRANTS;
            boolean in = token.isWord("in") || (show && token.isWord("from"));
            if (in && isIdentifier(peek(0)) && (peek(1).kind() == Kind.END || peek(1).isSymbol(";"))) {
                catalog = Optional.of(identifier(next()));
            }
        }
        return Optional.of(new WriteStatement.RoleStatement(action, role, ifExists, catalog));
    }

    /** ALTER TABLE, TRUNCATE TABLE, and DELETE / UPDATE / MERGE (only their table's name is read). */
    private Optional<WriteStatement> tableChange(Token first, Token second) {
        if (first.isWord("alter") && second.isWord("table")) {
            position = 2;
            boolean ifExists = ifExists();
            List<String> name = qualifiedName();
            WriteStatement.TableChange change = alteration();
            expectEnd();
            return Optional.of(new WriteStatement.AlterTable(name, ifExists, change));
        }
        if (first.isWord("truncate") && second.isWord("table")) {
            position = 2;
            List<String> name = qualifiedName();
            expectEnd();
            return Optional.of(new WriteStatement.TruncateTable(name));
        }
        if (first.isWord("alter") && second.isWord("view")) {
            position = 2;
            List<String> name = qualifiedName();
            Token verb = next();
            if (verb.isWord("rename") && peek(0).isWord("to")) {
                position++;
                List<String> newName = qualifiedName();
                expectEnd();
                return Optional.of(new WriteStatement.RenameView(name, newName));
            }
            if (verb.isWord("set") && peek(0).isWord("authorization")) {
                position++;
                skipPrincipal();
                expectEnd();
                return Optional.of(new WriteStatement.SetViewAuthorization(name));
            }
            throw UtilityTokens.syntaxError(verb, "RENAME TO or SET AUTHORIZATION");
        }
        boolean delete = first.isWord("delete") && second.isWord("from");
        boolean merge = first.isWord("merge") && second.isWord("into");
        if (delete || merge || first.isWord("update") && isIdentifier(second)) {
            position = first.isWord("update") ? 1 : 2;
            return Optional.of(new WriteStatement.ModifyRows(first.text().toUpperCase(Locale.ROOT), qualifiedName()));
        }
        return Optional.empty();
    }

    private WriteStatement.TableChange alteration() {
        Token verb = next();
        if (verb.isWord("rename") && peek(0).isWord("to")) {
            position++;
            return new WriteStatement.TableChange.RenameTo(qualifiedName());
        }
        if (verb.isWord("rename") && peek(0).isWord("column")) {
            position++;
            boolean ifExists = ifExists();
            String from = identifier(expectIdentifier("a column name"));
            Token to = next();
            if (!to.isWord("to")) {
                throw UtilityTokens.syntaxError(to, "TO");
            }
            return new WriteStatement.TableChange.RenameColumn(from, identifier(expectIdentifier("a column name")), ifExists);
        }
        if (verb.isWord("add") && peek(0).isWord("column")) {
            position++;
            boolean ifNotExists = ifNotExists();
            return new WriteStatement.TableChange.AddColumn(columnDefinition(), ifNotExists);
        }
        if (verb.isWord("drop") && peek(0).isWord("column")) {
            position++;
            boolean ifExists = ifExists();
            return new WriteStatement.TableChange.DropColumn(identifier(expectIdentifier("a column name")), ifExists);
        }
        if (verb.isWord("alter") && peek(0).isWord("column")) {
            position++;
            String column = identifier(expectIdentifier("a column name"));
            if (peek(0).isWord("drop") && peek(1).isWord("not") && peek(2).isWord("null")) {
                position += 3;
                return new WriteStatement.TableChange.DropNotNull(column);
            }
            if (peek(0).isWord("set") && peek(1).isWord("data") && peek(2).isWord("type")) {
                position += 3;
                Token typeStart = peek(0);
                if (typeStart.kind() != Kind.WORD) {
                    throw UtilityTokens.syntaxError(typeStart, "a type");
                }
                int typeEnd = endOfStatement();
                while (peek(0).kind() != Kind.END && !(peek(0).isSymbol(";") && peek(1).kind() == Kind.END)) {
                    position++;
                }
                return new WriteStatement.TableChange.SetColumnType(column, sql.substring(typeStart.start(), typeEnd));
            }
            throw UtilityTokens.syntaxError(peek(0), "DROP NOT NULL or SET DATA TYPE");
        }
        if (verb.isWord("set") && peek(0).isWord("properties")) {
            position++;
            List<String> names = new ArrayList<>();
            while (true) {
                names.add(identifier(expectIdentifier("a property name")));
                expectSymbol("=");
                int depth = 0;
                while (peek(0).kind() != Kind.END && !(depth == 0 && (peek(0).isSymbol(",") || peek(0).isSymbol(";")))) {
                    if (peek(0).isSymbol("(") || peek(0).isSymbol("[")) {
                        depth++;
                    } else if (peek(0).isSymbol(")") || peek(0).isSymbol("]")) {
                        depth--;
                    }
                    position++;
                }
                if (!peek(0).isSymbol(",")) {
                    return new WriteStatement.TableChange.SetProperties(names);
                }
                position++;
            }
        }
        if (verb.isWord("set") && peek(0).isWord("authorization")) {
            position++;
            boolean role = peek(0).isWord("role") && isIdentifier(peek(1));
            if (role || (peek(0).isWord("user") && isIdentifier(peek(1)))) {
                position++;
            }
            String principal = identifier(expectIdentifier("a user or role name"));
            return new WriteStatement.TableChange.SetAuthorization(role ? Optional.of(principal) : Optional.empty());
        }
        if (verb.isWord("execute")) {
            String procedure = expectIdentifier("a procedure name").text().toUpperCase(Locale.ROOT);
            if (peek(0).isSymbol("(")) {
                skipParenthesised();
            }
            return new WriteStatement.TableChange.ExecuteProcedure(procedure);
        }
        throw UtilityTokens.syntaxError(verb, "RENAME TO, RENAME COLUMN, ADD COLUMN, DROP COLUMN, ALTER COLUMN, SET PROPERTIES or EXECUTE");
    }

    private Token expectIdentifier(String what) {
        Token token = next();
        if (!isIdentifier(token)) {
            throw UtilityTokens.syntaxError(token, what);
        }
        return token;
    }

    private WriteStatement showFunctions() {
        Optional<String> like = Optional.empty();
        Optional<String> escape = Optional.empty();
        if (peek(0).isWord("like")) {
            position++;
            like = Optional.of(string());
            if (peek(0).isWord("escape")) {
                position++;
                escape = Optional.of(string());
            }
        }
        expectEnd();
        return new WriteStatement.ShowFunctions(like, escape);
    }

    private String string() {
        return string("a string pattern");
    }

    /** A procedure's arguments when each is a string literal, passed by name or by position; else none. */
    private List<WriteStatement.CallProcedure.Argument> stringArguments() {
        List<WriteStatement.CallProcedure.Argument> arguments = new ArrayList<>();
        if (!peek(0).isSymbol("(")) {
            return arguments;
        }
        int at = position + 1;
        while (true) {
            Optional<String> name = Optional.empty();
            Token first = tokens.get(Math.min(at, tokens.size() - 1));
            if (first.kind() == Kind.WORD || first.kind() == Kind.QUOTED) {
                Token arrow = tokens.get(Math.min(at + 1, tokens.size() - 1));
                if (arrow.isSymbol("=>")) {
                    name = Optional.of(first.text().toLowerCase(Locale.ROOT));
                    at += 2;
                } else if (arrow.isSymbol("=") && tokens.get(Math.min(at + 2, tokens.size() - 1)).isSymbol(">")) {
                    name = Optional.of(first.text().toLowerCase(Locale.ROOT));
                    at += 3;
                }
            }
            Token value = tokens.get(Math.min(at, tokens.size() - 1));
            if (value.kind() != Kind.STRING) {
                return List.of();
            }
            arguments.add(new WriteStatement.CallProcedure.Argument(name, value.text()));
            Token after = tokens.get(Math.min(at + 1, tokens.size() - 1));
            at += 2;
            if (after.isSymbol(")")) {
                return arguments;
            }
            if (!after.isSymbol(",")) {
                return List.of();
            }
        }
    }

    private String string(String what) {
        Token token = next();
        if (token.kind() != Kind.STRING) {
            throw UtilityTokens.syntaxError(token, what);
        }
        return token.text();
    }

    private WriteStatement createTable() {
        boolean ifNotExists = ifNotExists();
        List<String> name = qualifiedName();
        Optional<List<String>> aliases = Optional.empty();
        if (peek(0).isSymbol("(")) {
            // "(a, b) AS SELECT" names the columns of CREATE TABLE AS; "(a bigint, …)" defines them.
            boolean aliasList = isIdentifier(peek(1)) && (peek(2).isSymbol(",") || peek(2).isSymbol(")"));
            if (!aliasList) {
                List<WriteStatement.TableElement> elements = tableElements();
                Optional<String> comment = tableComment();
                rejectProperties();
                expectEnd();
                return new WriteStatement.CreateTable(name, ifNotExists, elements, comment);
            }
            position++;
            aliases = Optional.of(identifierList());
        }
        Optional<String> comment = tableComment();
        rejectProperties();
        Token as = next();
        if (!as.isWord("as")) {
            throw UtilityTokens.syntaxError(as, "'(' or AS");
        }
        int queryStart = peek(0).start();
        int queryEnd = endOfStatement();
        boolean withData = true;
        int size = tokens.size() - 1; // without END
        int last = lastIndexBeforeEnd();
        if (last >= 2 && tokens.get(last).isWord("data") && tokens.get(last - 1).isWord("no") && tokens.get(last - 2).isWord("with")) {
            withData = false;
            queryEnd = tokens.get(last - 2).start();
        } else if (last >= 1 && tokens.get(last).isWord("data") && tokens.get(last - 1).isWord("with")) {
            queryEnd = tokens.get(last - 1).start();
        }
        if (size <= position) {
            throw UtilityTokens.syntaxError(peek(0), "a query");
        }
        String query = positioned(queryStart, queryEnd);
        boolean parenthesised = peek(0).isSymbol("(");
        if (!parenthesised && !QUERY_STARTS.contains(peek(0).text().toLowerCase(Locale.ROOT))) {
            throw UtilityTokens.syntaxError(peek(0), "a query");
        }
        return new WriteStatement.CreateTableAsSelect(name, ifNotExists, aliases, query, withData, comment);
    }

    private WriteStatement createView(boolean replace) {
        List<String> name = qualifiedName();
        if (peek(0).isSymbol("(")) {
            // Trino's grammar has no column list for a view: its query names the columns
            throw UtilityTokens.syntaxError(peek(0), "'AS', 'COMMENT', 'SECURITY', 'WITH'");
        }
        Optional<String> comment = tableComment();
        boolean invoker = false;
        if (peek(0).isWord("security")) {
            Token mode = peek(1);
            if (!mode.isWord("definer") && !mode.isWord("invoker")) {
                throw UtilityTokens.syntaxError(mode, "'DEFINER', 'INVOKER'");
            }
            invoker = mode.isWord("invoker");
            position += 2;
        }
        Optional<String> property = Optional.empty();
        if (peek(0).isWord("with") && peek(1).isSymbol("(")) {
            Token first = peek(2);
            property = Optional.of(isIdentifier(first) ? identifier(first) : first.text());
            position++;
            skipParenthesised();
        }
        Token as = next();
        if (!as.isWord("as")) {
            throw UtilityTokens.syntaxError(as, "AS");
        }
        Token start = peek(0);
        boolean isQuery = start.isSymbol("(") || (start.kind() == Kind.WORD && QUERY_STARTS.contains(start.text().toLowerCase(Locale.ROOT)));
        if (!isQuery) {
            throw UtilityTokens.syntaxError(start, "a query");
        }
        int end = endOfStatement();
        return new WriteStatement.CreateView(
                name, replace, positioned(start.start(), end), sql.substring(start.start(), end).strip(), comment, invoker, property);
    }

    private WriteStatement insert() {
        List<String> name = qualifiedName();
        Optional<List<String>> columns = Optional.empty();
        if (peek(0).isSymbol("(") && !QUERY_STARTS.contains(peek(1).text().toLowerCase(Locale.ROOT))) {
            position++;
            columns = Optional.of(identifierList());
        }
        Token start = peek(0);
        if (start.kind() == Kind.END) {
            throw UtilityTokens.syntaxError(start, "a query");
        }
        boolean isQuery = start.isSymbol("(") || (start.kind() == Kind.WORD && QUERY_STARTS.contains(start.text().toLowerCase(Locale.ROOT)));
        if (!isQuery) {
            throw UtilityTokens.syntaxError(start, "SELECT, VALUES, WITH or '('");
        }
        String query = positioned(start.start(), endOfStatement());
        return new WriteStatement.Insert(name, columns, query);
    }

    /**
     * The query text at its place in the statement: what comes before it is blanked out (line breaks kept),
     * so that the positions in the planner's error messages are positions in the user's statement.
     */
    private String positioned(int start, int end) {
        StringBuilder text = new StringBuilder(end);
        for (int i = 0; i < start; i++) {
            text.append(sql.charAt(i) == '\n' ? '\n' : ' ');
        }
        return text.append(sql, start, end).toString().stripTrailing();
    }

    /** The parenthesised elements of CREATE TABLE: column definitions and LIKE clauses. */
    private List<WriteStatement.TableElement> tableElements() {
        expectSymbol("(");
        List<WriteStatement.TableElement> elements = new ArrayList<>();
        while (true) {
            // LIKE is reserved: unquoted, it starts a LIKE clause, never a column
            if (peek(0).isWord("like") && peek(0).kind() == Kind.WORD) {
                position++;
                List<String> table = qualifiedName();
                boolean including = false;
                if ((peek(0).isWord("including") || peek(0).isWord("excluding")) && peek(1).isWord("properties")) {
                    including = peek(0).isWord("including");
                    position += 2;
                }
                elements.add(new WriteStatement.LikeClause(table, including));
            } else {
                elements.add(columnDefinition());
            }
            Token separator = next();
            if (separator.isSymbol(")")) {
                return elements;
            }
            if (!separator.isSymbol(",")) {
                throw UtilityTokens.syntaxError(separator, "',' or ')'");
            }
        }
    }

    /** name type [NOT NULL] [COMMENT 'text'] [WITH (properties)], up to the next ',' or ')' or the end. */
    private ColumnDefinition columnDefinition() {
        Token nameToken = next();
        if (!isIdentifier(nameToken)) {
            throw UtilityTokens.syntaxError(nameToken, "a column name");
        }
        Token typeStart = peek(0);
        if (typeStart.kind() != Kind.WORD && typeStart.kind() != Kind.QUOTED) {
            throw UtilityTokens.syntaxError(typeStart, "a type");
        }
        int depth = 0;
        int typeEnd = typeStart.end();
        while (true) {
            Token token = peek(0);
            if (token.kind() == Kind.END || (depth == 0 && token.isSymbol(";"))) {
                break;
            }
            if (depth == 0 && (token.isSymbol(",") || token.isSymbol(")"))) {
                break;
            }
            boolean withTimeZone = token.isWord("with") && peek(1).isWord("time") && peek(2).isWord("zone");
            // DEFAULT is no part of a type: Trino's grammar has no column defaults, so it is the misplaced word
            if (depth == 0 && token != typeStart && (token.isWord("not") || token.isWord("null") || token.isWord("comment")
                    || token.isWord("default") || (token.isWord("with") && !withTimeZone))) {
                break;
            }
            if (token.isSymbol("(")) {
                depth++;
            } else if (token.isSymbol(")")) {
                depth--;
            }
            typeEnd = token.end();
            position++;
        }
        boolean nullable = true;
        if (peek(0).isWord("not")) {
            position++;
            Token nullToken = next();
            if (!nullToken.isWord("null")) {
                throw UtilityTokens.syntaxError(nullToken, "NULL");
            }
            nullable = false;
        }
        Optional<String> comment = Optional.empty();
        if (peek(0).isWord("comment")) {
            position++;
            comment = Optional.of(string("a string"));
        }
        Optional<String> property = Optional.empty();
        if (peek(0).isWord("with") && peek(1).isSymbol("(")) {
            Token first = peek(2);
            property = Optional.of(isIdentifier(first) ? identifier(first) : first.text());
            position++;
            skipParenthesised();
        }
        Token after = peek(0);
        if (!after.isSymbol(",") && !after.isSymbol(")") && !after.isSymbol(";") && after.kind() != Kind.END) {
            throw UtilityTokens.syntaxError(after, "')', ','");
        }
        return new ColumnDefinition(identifier(nameToken), sql.substring(typeStart.start(), typeEnd), nullable, comment, property);
    }

    /** [COMMENT 'text'] after the elements of CREATE TABLE or before AS of CREATE TABLE AS. */
    private Optional<String> tableComment() {
        if (!peek(0).isWord("comment")) {
            return Optional.empty();
        }
        position++;
        return Optional.of(string("a string"));
    }

    /** COMMENT ON TABLE | COLUMN name IS 'text' | NULL. */
    private WriteStatement commentOn() {
        Token kind = next();
        WriteStatement.CommentTarget target;
        if (kind.isWord("table")) {
            target = WriteStatement.CommentTarget.TABLE;
        } else if (kind.isWord("view")) {
            target = WriteStatement.CommentTarget.VIEW;
        } else if (kind.isWord("column")) {
            target = WriteStatement.CommentTarget.COLUMN;
        } else {
            throw UtilityTokens.syntaxError(kind, "TABLE, VIEW or COLUMN");
        }
        boolean onColumn = target == WriteStatement.CommentTarget.COLUMN;
        List<String> name = new ArrayList<>();
        while (true) {
            Token token = next();
            if (!isIdentifier(token)) {
                throw UtilityTokens.syntaxError(token, "a name");
            }
            name.add(identifier(token));
            if (!peek(0).isSymbol(".")) {
                break;
            }
            position++;
        }
        if (name.size() > (onColumn ? 4 : 3)) {
            throw new QuarryException(ErrorCode.SYNTAX_ERROR, "Too many dots in " + (onColumn ? "column" : "table") + " name: "
                    + String.join(".", name));
        }
        if (onColumn && name.size() < 2) {
            throw new QuarryException(ErrorCode.MISSING_TABLE, "Table name is missing for column " + name.get(0));
        }
        Token is = next();
        if (!is.isWord("is")) {
            throw UtilityTokens.syntaxError(is, "IS");
        }
        Optional<String> comment;
        if (peek(0).isWord("null")) {
            position++;
            comment = Optional.empty();
        } else {
            comment = Optional.of(string("a string or NULL"));
        }
        expectEnd();
        return new WriteStatement.CommentOn(target, name, comment);
    }

    /** Identifiers up to and including the closing parenthesis (the opening one is consumed). */
    private List<String> identifierList() {
        List<String> names = new ArrayList<>();
        while (true) {
            Token token = next();
            if (!isIdentifier(token)) {
                throw UtilityTokens.syntaxError(token, "an identifier");
            }
            names.add(identifier(token));
            Token separator = next();
            if (separator.isSymbol(")")) {
                return names;
            }
            if (!separator.isSymbol(",")) {
                throw UtilityTokens.syntaxError(separator, "',' or ')'");
            }
        }
    }

    /** [USER | ROLE] name. */
    private void skipPrincipal() {
        if ((peek(0).isWord("user") || peek(0).isWord("role")) && isIdentifier(peek(1))) {
            position++;
        }
        expectIdentifier("a user or role name");
    }

    /** Skips a parenthesised list (the opening parenthesis is next), nested ones included. */
    private void skipParenthesised() {
        int depth = 0;
        do {
            Token token = next();
            if (token.kind() == Kind.END) {
                throw UtilityTokens.syntaxError(token, "')'");
            }
            if (token.isSymbol("(")) {
                depth++;
            } else if (token.isSymbol(")")) {
                depth--;
            }
        } while (depth > 0);
    }

    private void rejectProperties() {
        if (peek(0).isWord("with") && peek(1).isSymbol("(")) {
            // what follows the properties is parsed first, as Trino's parser would (a COMMENT there is misplaced)
            int start = position;
            position++;
            skipParenthesised();
            Token after = peek(0);
            if (!after.isWord("as") && !after.isSymbol(";") && after.kind() != Kind.END) {
                throw UtilityTokens.syntaxError(after, "')', ','");
            }
            position = start;
        }
        if (peek(0).isWord("with") && peek(1).isSymbol("(") && isIdentifier(peek(2))) {
            // the connectors have no table properties
            throw new QuarryException(ErrorCode.INVALID_TABLE_PROPERTY,
                    "Table property '" + identifier(peek(2)) + "' does not exist");
        }
        if (peek(0).isWord("with") && peek(1).isSymbol("(")) {
            throw new QuarryException(ErrorCode.NOT_SUPPORTED, "Table properties are not supported");
        }
    }

    private boolean ifNotExists() {
        if (peek(0).isWord("if") && peek(1).isWord("not") && peek(2).isWord("exists")) {
            position += 3;
            return true;
        }
        return false;
    }

    private boolean ifExists() {
        if (peek(0).isWord("if") && peek(1).isWord("exists")) {
            position += 2;
            return true;
        }
        return false;
    }

    private List<String> qualifiedName() {
        List<String> parts = new ArrayList<>();
        while (true) {
            Token token = next();
            if (!isIdentifier(token)) {
                throw UtilityTokens.syntaxError(token, "a name");
            }
            parts.add(identifier(token));
            if (!peek(0).isSymbol(".")) {
                break;
            }
            position++;
        }
        if (parts.size() > 3) {
            throw new QuarryException(ErrorCode.SYNTAX_ERROR, "Too many dots in table name: " + String.join(".", parts));
        }
        return parts;
    }

    private static boolean isIdentifier(Token token) {
        return token.kind() == Kind.WORD || token.kind() == Kind.QUOTED;
    }

    private static String identifier(Token token) {
        return token.text().toLowerCase(Locale.ROOT);
    }

    private void expectSymbol(String symbol) {
        Token token = next();
        if (!token.isSymbol(symbol)) {
            throw UtilityTokens.syntaxError(token, "'" + symbol + "'");
        }
    }

    private void expectEnd() {
        Token token = peek(0);
        if (token.isSymbol(";") && peek(1).kind() == Kind.END) {
            return;
        }
        if (token.kind() != Kind.END) {
            throw UtilityTokens.syntaxError(token, "the end of the statement");
        }
    }

    /** Where the statement's text ends: before a trailing semicolon. */
    private int endOfStatement() {
        int last = lastIndexBeforeEnd();
        return last < 0 ? sql.length() : tokens.get(last).end();
    }

    private int lastIndexBeforeEnd() {
        int last = tokens.size() - 2;
        if (last >= 0 && tokens.get(last).isSymbol(";")) {
            last--;
        }
        return last;
    }

    private Token peek(int offset) {
        int index = Math.min(position + offset, tokens.size() - 1);
        return tokens.get(index);
    }

    private Token next() {
        Token token = peek(0);
        if (token.kind() != Kind.END) {
            position++;
        }
        return token;
    }
}
