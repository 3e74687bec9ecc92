package io.quarry.exec.function;

import java.util.Map;
import java.util.Set;

/**
 * The English (Porter2) stemmer of the Snowball project, which Trino's {@code word_stem} uses: the word as given
 * (no change of case; only lower-case a, e, i, o, u, y are vowels), with its exceptional forms. Written from the
 * published description of the algorithm; one instance per word.
 */
final class EnglishStemmer {
    /** Words with their own stems, looked up before anything else. */
    private static final Map<String, String> EXCEPTIONS = Map.ofEntries(
            Map.entry("skis", "ski"), Map.entry("skies", "sky"), Map.entry("dying", "die"), Map.entry("lying", "lie"),
            Map.entry("tying", "tie"), Map.entry("idly", "idl"), Map.entry("gently", "gentl"), Map.entry("ugly", "ugli"),
            Map.entry("early", "earli"), Map.entry("only", "onli"), Map.entry("singly", "singl"), Map.entry("sky", "sky"),
            Map.entry("news", "news"), Map.entry("howe", "howe"), Map.entry("atlas", "atlas"),
            Map.entry("cosmos", "cosmos"), Map.entry("bias", "bias"), Map.entry("andes", "andes"));

    /** Words left as they are once step 1a has run. */
    private static final Set<String> AFTER_STEP_1A = Set.of(
            "inning", "outing", "canning", "herring", "earring", "proceed", "exceed", "succeed");

    private static final String[] REGION_PREFIXES = {"gener", "commun", "arsen"};
    private static final String[] DOUBLES = {"bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt"};

    /** Step 2's suffixes, longest first, with their replacements ({@code null}: a condition decides). */
    private static final String[][] STEP_2 = {
            {"ization", "ize"}, {"ational", "ate"}, {"fulness", "ful"}, {"ousness", "ous"}, {"iveness", "ive"},
            {"tional", "tion"}, {"biliti", "ble"}, {"lessli", "less"}, {"entli", "ent"}, {"ation", "ate"},
            {"alism", "al"}, {"aliti", "al"}, {"ousli", "ous"}, {"iviti", "ive"}, {"fulli", "ful"}, {"enci", "ence"},
            {"anci", "ance"}, {"abli", "able"}, {"izer", "ize"}, {"ator", "ate"}, {"alli", "al"}, {"bli", "ble"},
            {"ogi", null}, {"li", null}};

    /** Step 3's suffixes, longest first ({@code null}: a condition decides). */
    private static final String[][] STEP_3 = {
            {"ational", "ate"}, {"tional", "tion"}, {"alize", "al"}, {"icate", "ic"}, {"iciti", "ic"}, {"ative", null},
            {"ical", "ic"}, {"ness", ""}, {"ful", ""}};

    /** Step 4's suffixes, longest first. */
    private static final String[] STEP_4 = {
            "ement", "ance", "ence", "able", "ible", "ment", "ant", "ent", "ism", "ate", "iti", "ous", "ive", "ize", "ion",
            "al", "er", "ic"};

    private final StringBuilder word;
    private int r1;
    private int r2;
    /** Whether the prelude marked a y as a consonant: only then does the postlude turn Y back into y. */
    private boolean markedY;

    private EnglishStemmer(String word) {
        this.word = new StringBuilder(word);
    }

    /** The stem of one word. */
    static String stem(String word) {
        String exception = EXCEPTIONS.get(word);
        if (exception != null) {
            return exception;
        }
        if (word.codePointCount(0, word.length()) < 3) {
            return word;
        }
        return new EnglishStemmer(word).run();
    }

    private String run() {
        prelude();
        markRegions();
        step1a();
        if (AFTER_STEP_1A.contains(word.toString())) {
            return postlude();
        }
        step1b();
        step1c();
        step2();
        step3();
        step4();
        step5();
        return postlude();
    }

    private void prelude() {
        if (word.length() > 0 && word.charAt(0) == '\'') {
            word.deleteCharAt(0);
        }
        if (word.length() > 0 && word.charAt(0) == 'y') {
            word.setCharAt(0, 'Y');
            markedY = true;
        }
        for (int i = 1; i < word.length(); i++) {
            if (word.charAt(i) == 'y' && isVowel(word.charAt(i - 1))) {
                word.setCharAt(i, 'Y');
                markedY = true;
            }
        }
    }

    private void markRegions() {
        int length = word.length();
        r1 = length;
        int start = -1;
        for (String prefix : REGION_PREFIXES) {
            if (startsWith(prefix)) {
                start = prefix.length();
                break;
            }
        }
        if (start < 0) {
            start = afterVowelThenConsonant(0);
        }
        r1 = start;
        r2 = start >= length ? length : afterVowelThenConsonant(start);
    }

    /** The position after the first non-vowel that follows a vowel, from {@code from}; the length if none. */
    private int afterVowelThenConsonant(int from) {
        int i = from;
        while (i < word.length() && !isVowel(word.charAt(i))) {
            i++;
        }
        while (i < word.length() && isVowel(word.charAt(i))) {
            i++;
        }
        return i < word.length() ? i + 1 : word.length();
    }

    private void step1a() {
        if (endsWith("'s'")) {
            truncate(3);
        } else if (endsWith("'s")) {
            truncate(2);
        } else if (endsWith("'")) {
            truncate(1);
        }
        if (endsWith("sses")) {
            truncate(2);
        } else if (endsWith("ied") || endsWith("ies")) {
            int before = word.length() - 3;
            truncate(3);
            word.append(before >= 2 ? "i" : "ie");
        } else if (endsWith("us") || endsWith("ss")) {
            return;
        } else if (endsWith("s")) {
            // delete when a vowel comes before the letter preceding the s
            if (hasVowel(0, word.length() - 2)) {
                truncate(1);
            }
        }
    }

    private void step1b() {
        String[] suffixes = {"eedly", "ingly", "edly", "eed", "ing", "ed"};
        for (String suffix : suffixes) {
            if (!endsWith(suffix)) {
                continue;
            }
            int start = word.length() - suffix.length();
            if (suffix.startsWith("eed")) {
                if (start >= r1) {
                    truncate(suffix.length());
                    word.append("ee");
                }
                return;
            }
            if (!hasVowel(0, start)) {
                return;
            }
            truncate(suffix.length());
            if (endsWith("at") || endsWith("bl") || endsWith("iz")) {
                word.append('e');
            } else if (endsWithDouble()) {
                truncate(1);
            } else if (r1 == word.length() && endsWithShortSyllable(word.length())) {
                word.append('e');
            }
            return;
        }
    }

    private void step1c() {
        int length = word.length();
        if (length > 2 && (word.charAt(length - 1) == 'y' || word.charAt(length - 1) == 'Y')
                && !isVowel(word.charAt(length - 2))) {
            word.setCharAt(length - 1, 'i');
        }
    }

    private void step2() {
        for (String[] rule : STEP_2) {
            String suffix = rule[0];
            if (!endsWith(suffix)) {
                continue;
            }
            int start = word.length() - suffix.length();
            if (start < r1) {
                return;
            }
            if (suffix.equals("ogi")) {
                if (start > 0 && word.charAt(start - 1) == 'l') {
                    truncate(1);
                }
            } else if (suffix.equals("li")) {
                if (start > 0 && "cdeghkmnrt".indexOf(word.charAt(start - 1)) >= 0) {
                    truncate(2);
                }
            } else {
                truncate(suffix.length());
                word.append(rule[1]);
            }
            return;
        }
    }

    private void step3() {
        for (String[] rule : STEP_3) {
            String suffix = rule[0];
            if (!endsWith(suffix)) {
                continue;
            }
            int start = word.length() - suffix.length();
            if (start < r1) {
                return;
            }
            if (suffix.equals("ative")) {
                if (start >= r2) {
                    truncate(suffix.length());
                }
            } else {
                truncate(suffix.length());
                word.append(rule[1]);
            }
            return;
        }
    }

    private void step4() {
        for (String suffix : STEP_4) {
            if (!endsWith(suffix)) {
                continue;
            }
            int start = word.length() - suffix.length();
            if (start < r2) {
                return;
            }
            if (suffix.equals("ion")) {
                if (start > 0 && (word.charAt(start - 1) == 's' || word.charAt(start - 1) == 't')) {
                    truncate(3);
                }
            } else {
                truncate(suffix.length());
            }
            return;
        }
    }

    private void step5() {
        int length = word.length();
        if (endsWith("e")) {
            int start = length - 1;
            if (start >= r2 || start >= r1 && !endsWithShortSyllable(start)) {
                truncate(1);
            }
        } else if (endsWith("l")) {
            int start = length - 1;
            if (start >= r2 && start > 0 && word.charAt(start - 1) == 'l') {
                truncate(1);
            }
        }
    }

    private String postlude() {
        for (int i = 0; markedY && i < word.length(); i++) {
            if (word.charAt(i) == 'Y') {
                word.setCharAt(i, 'y');
            }
        }
        return word.toString();
    }

    /**
     * Whether the first {@code end} letters end in a short syllable: a non-vowel other than w, x and Y after a vowel
     * after a non-vowel, or a vowel then a non-vowel that are the whole word.
     */
    private boolean endsWithShortSyllable(int end) {
        if (end == 2) {
            return isVowel(word.charAt(0)) && !isVowel(word.charAt(1));
        }
        if (end < 3) {
            return false;
        }
        char last = word.charAt(end - 1);
        return !isVowel(last) && last != 'w' && last != 'x' && last != 'Y'
                && isVowel(word.charAt(end - 2)) && !isVowel(word.charAt(end - 3));
    }

    private boolean endsWithDouble() {
        for (String pair : DOUBLES) {
            if (endsWith(pair)) {
                return true;
            }
        }
        return false;
    }

    private boolean hasVowel(int from, int to) {
        for (int i = from; i < to; i++) {
            if (isVowel(word.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private boolean startsWith(String prefix) {
        return word.length() >= prefix.length() && word.substring(0, prefix.length()).equals(prefix);
    }

    private boolean endsWith(String suffix) {
        int start = word.length() - suffix.length();
        return start >= 0 && word.indexOf(suffix, start) == start;
    }

    private void truncate(int count) {
        word.setLength(word.length() - count);
    }

    private static boolean isVowel(char c) {
        return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
    }
}
