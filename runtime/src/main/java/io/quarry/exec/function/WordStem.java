package io.quarry.exec.function;

import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.Type;
import java.util.Set;

/**
 * {@code word_stem(word)} and {@code word_stem(word, language)}: English words through {@link EnglishStemmer}; the
 * other languages Trino stems (Snowball's) are refused as not supported yet, any other language is an invalid
 * argument as in Trino.
 */
final class WordStem {
    /** The languages Trino's word_stem knows besides English. */
    private static final Set<String> OTHER_LANGUAGES = Set.of(
            "ca", "da", "de", "es", "eu", "fi", "fr", "hu", "hy", "ir", "it", "lt", "nl", "no", "pt", "ro", "ru", "sv", "tr");

    private WordStem() {}

    static ScalarKernel kernel(Type result, int argumentCount) {
        if (argumentCount == 1) {
            return Kernels.rows(result, (blocks, position, out) ->
                    out.appendString(EnglishStemmer.stem(Kernels.string(blocks[0], position))));
        }
        return Kernels.rows(result, (blocks, position, out) -> {
            String language = Kernels.string(blocks[1], position);
            checkLanguage(language);
            out.appendString(EnglishStemmer.stem(Kernels.string(blocks[0], position)));
        });
    }

    private static void checkLanguage(String language) {
        if (language.equals("en")) {
            return;
        }
        if (OTHER_LANGUAGES.contains(language)) {
            throw new QuarryException(ErrorCode.NOT_SUPPORTED, "word_stem in language " + language + " is not supported yet");
        }
        throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "Unknown stemmer language: " + language);
    }
}
