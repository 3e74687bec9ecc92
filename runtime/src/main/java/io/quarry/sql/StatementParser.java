package io.quarry.sql;

import static java.util.Objects.requireNonNull;

import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.impl.SqlParserImpl;
import org.apache.calcite.util.Litmus;

/**
 * Parses a query's text with Calcite's core grammar first and its Babel grammar when the core one rejects it.
 *
 * <p>Both grammars come from the same template; Babel adds syntax (such as {@code ::} casts) and makes most
 * keywords usable as names, which turns every expression into a long look-ahead: on the TPC-H queries it parses
 * three times slower, a fifth of the whole planning. A text both accept gives the same tree, so the core grammar
 * answers most statements, and Babel the rest, with its own error for a text neither accepts. With assertions on
 * (every test), each statement the core grammar takes is parsed again by Babel and the trees compared.
 */
final class StatementParser {
    private final SqlParser.Config babel;
    private final SqlParser.Config core;

    /** A parser with {@code babel}'s settings (quoting, casing, conformance) for both grammars. */
    StatementParser(SqlParser.Config babel) {
        this.babel = requireNonNull(babel, "babel is null");
        this.core = babel.withParserFactory(SqlParserImpl.FACTORY);
    }

    /** The statement's tree; Babel's {@link SqlParseException} when neither grammar accepts the text. */
    SqlNode parse(String sql) throws SqlParseException {
        requireNonNull(sql, "sql is null");
        SqlNode parsed = parseWithCoreGrammar(sql);
        if (parsed == null) {
            return SqlParser.create(sql, babel).parseQuery();
        }
        assert babelAgrees(parsed, sql) : "the core and Babel grammars parse differently: " + sql;
        return parsed;
    }

    /** Whether Babel parses the text to the same tree, or not at all (PERMUTE of MATCH_RECOGNIZE only the core grammar takes). */
    private boolean babelAgrees(SqlNode core, String sql) {
        try {
            return sameTree(core, SqlParser.create(sql, babel).parseQuery());
        } catch (SqlParseException e) {
            return true;
        }
    }

    private static boolean sameTree(SqlNode core, SqlNode babel) {
        // a TABLESAMPLE's sample spec has no equality of its own: its text stands for it
        return core.toString().equals(babel.toString())
                && (core.equalsDeep(babel, Litmus.IGNORE) || core.toString().contains("TABLESAMPLE"));
    }

    private SqlNode parseWithCoreGrammar(String sql) {
        try {
            return SqlParser.create(sql, core).parseQuery();
        } catch (SqlParseException | RuntimeException e) {
            // Babel parses it, or reports the error
            return null;
        }
    }
}
