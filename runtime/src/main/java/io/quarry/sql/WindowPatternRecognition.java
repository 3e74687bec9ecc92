package io.quarry.sql;

import io.quarry.spi.ErrorCode;
import io.quarry.spi.ErrorLocation;
import io.quarry.sql.MatchRecognizeSyntax.Token;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Row pattern recognition in a window ({@code m OVER w … WINDOW w AS (ORDER BY x MEASURES … ROWS BETWEEN CURRENT ROW
 * AND UNBOUNDED FOLLOWING PATTERN (…) DEFINE …)}), which Calcite's grammar lacks: Trino's errors for a frame it
 * refuses there or a missing DEFINE, and for the rest an error saying it is not supported yet.
 */
final class WindowPatternRecognition {
    private static final Set<String> FRAME_TYPES = Set.of("ROWS", "RANGE", "GROUPS");

    private WindowPatternRecognition() {}

    /** Fails for a window specification of pattern recognition in the text; does nothing without one. */
    static void check(String sql) {
        String upper = sql.toUpperCase(Locale.ROOT);
        if (!upper.contains("PATTERN") && !upper.contains("MEASURES")) {
            return;
        }
        List<Token> tokens = Token.scan(sql);
        for (int i = 0; i + 1 < tokens.size(); i++) {
            int open = -1;
            if (tokens.get(i).isWord("OVER") && tokens.get(i + 1).is('(')) {
                open = i + 1;
            } else if (i + 3 < tokens.size() && (tokens.get(i).isWord("WINDOW") || tokens.get(i).is(',')) && tokens.get(i + 1).isName()
                    && tokens.get(i + 2).isWord("AS") && tokens.get(i + 3).is('(')) {
                open = i + 3;
            }
            if (open >= 0) {
                checkSpecification(sql, tokens, open);
            }
        }
    }

    private static void checkSpecification(String sql, List<Token> tokens, int open) {
        int depth = 0;
        Token frame = null;
        int frameAt = -1;
        Token frameStart = null;
        boolean pattern = false;
        boolean define = false;
        for (int k = open; k < tokens.size(); k++) {
            Token token = tokens.get(k);
            if (token.is('(')) {
                depth++;
            } else if (token.is(')') && --depth == 0) {
                break;
            } else if (depth == 1 && token.kind() == Token.WORD) {
                // as clauses, not as columns named so (PARTITION BY pattern)
                Token before = tokens.get(k - 1);
                Token after = tokens.get(Math.min(k + 1, tokens.size() - 1));
                boolean definition = token.isWord("DEFINE") && after.isName() && k + 2 < tokens.size() && tokens.get(k + 2).isWord("AS");
                pattern |= token.isWord("PATTERN") && after.is('(') || definition
                        || token.isWord("MEASURES") && !before.isWord("BY") && !before.is(',') && !after.is(',') && !after.is(')');
                define |= definition;
                if (frame == null && FRAME_TYPES.contains(token.upper())) {
                    frame = token;
                    frameAt = k;
                }
                if (frameStart == null && (token.isWord("MEASURES") || FRAME_TYPES.contains(token.upper()))) {
                    frameStart = token;
                }
            }
        }
        if (!pattern || frame == null) {
            // without a frame, the words are a syntax error to Trino too, which the parser reports
            return;
        }
        // Trino tells where the frame starts (its MEASURES)
        ErrorLocation location = SqlWords.location(sql, frameStart.start());
        if (!frame.isWord("ROWS")) {
            throw Errors.error(ErrorCode.INVALID_WINDOW_FRAME, "Pattern recognition requires ROWS frame type",
                    location);
        }
        boolean fromCurrentRow = frameAt + 3 < tokens.size() && tokens.get(frameAt + 1).isWord("BETWEEN")
                && tokens.get(frameAt + 2).isWord("CURRENT") && tokens.get(frameAt + 3).isWord("ROW");
        if (!fromCurrentRow) {
            throw Errors.error(ErrorCode.INVALID_WINDOW_FRAME, "Pattern recognition requires frame specified as BETWEEN CURRENT ROW AND ...",
                    location);
        }
        if (!define) {
            throw Errors.error(ErrorCode.MISSING_VARIABLE_DEFINITIONS, "Pattern recognition requires DEFINE clause",
                    location);
        }
        throw Errors.error(ErrorCode.NOT_SUPPORTED, "Row pattern recognition in a window is not supported yet",
                location);
    }
}
