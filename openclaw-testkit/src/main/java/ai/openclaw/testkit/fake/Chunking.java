package ai.openclaw.testkit.fake;

import java.util.ArrayList;
import java.util.List;

/** Text splitting for streamed deltas and the rough token estimate of the fake provider. */
final class Chunking {

    /** Largest tool-argument fragment, in code points. */
    private static final int FRAGMENT_SIZE = 8;

    private Chunking() {}

    /**
     * Splits text into stream deltas whose concatenation is the text.
     *
     * @param count 0 for one chunk per word (see {@link #words}); otherwise that many chunks of
     *     roughly equal size (fewer when the text has fewer code points)
     */
    static List<String> chunks(String text, int count) {
        return count <= 0 ? words(text) : evenly(text, count);
    }

    /**
     * Splits text into words, each with the whitespace before it ({@code "Hi there"} → {@code
     * "Hi", " there"}). Chinese, Japanese and Korean characters, which are not separated by spaces,
     * become one chunk each. Empty text gives no chunks.
     */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean hasContent = false;
        int lastContent = -1;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            boolean ws = Character.isWhitespace(cp);
            if (hasContent && (ws || isCjk(cp) || isCjk(lastContent))) {
                out.add(current.toString());
                current.setLength(0);
                hasContent = false;
            }
            current.appendCodePoint(cp);
            if (!ws) {
                hasContent = true;
                lastContent = cp;
            }
            i += Character.charCount(cp);
        }
        if (!current.isEmpty()) {
            out.add(current.toString());
        }
        return out;
    }

    /** Splits text into {@code count} pieces of nearly equal code-point length (never splitting a surrogate pair). */
    static List<String> evenly(String text, int count) {
        int[] cps = text.codePoints().toArray();
        int n = Math.min(count, cps.length);
        List<String> out = new ArrayList<>(n);
        int start = 0;
        for (int piece = 0; piece < n; piece++) {
            int end = (int) ((long) cps.length * (piece + 1) / n);
            out.add(new String(cps, start, end - start));
            start = end;
        }
        return out;
    }

    /**
     * Splits a tool call's JSON argument text into at least two fragments (when it has at least two
     * code points) of at most {@value #FRAGMENT_SIZE} code points, as streaming providers do.
     */
    static List<String> fragments(String json) {
        int length = json.codePointCount(0, json.length());
        int pieces = Math.max(2, (length + FRAGMENT_SIZE - 1) / FRAGMENT_SIZE);
        return evenly(json, pieces);
    }

    /** Returns a rough token count: a quarter of the characters, rounded up, and at least 1. */
    static int estimateTokens(CharSequence text) {
        return Math.max(1, (text.length() + 3) / 4);
    }

    private static boolean isCjk(int cp) {
        if (cp < 0x2E80) {
            return false;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        if (script == Character.UnicodeScript.HAN
                || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA
                || script == Character.UnicodeScript.HANGUL
                || script == Character.UnicodeScript.BOPOMOFO) {
            return true;
        }
        Character.UnicodeBlock block = Character.UnicodeBlock.of(cp);
        return block == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                || block == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS
                || block == Character.UnicodeBlock.CJK_COMPATIBILITY_FORMS
                || block == Character.UnicodeBlock.VERTICAL_FORMS;
    }
}
