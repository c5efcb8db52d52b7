package ai.openclaw.server.http;

import java.util.regex.Pattern;

/**
 * Error text as clients see it: library internals (Java class names, Jackson's feature and constraint settings
 * such as {@code StreamReadConstraints.getMaxNumberLength()}) are removed, the rest of the sentence kept.
 */
public final class ClientText {
    /** "(…, from `StreamReadConstraints.getMaxNumberLength()`)" and "(… Feature 'X' not enabled …)" clauses. */
    private static final Pattern LIBRARY_CLAUSE = Pattern.compile(
            ",?\\s*from `[^`]*`|\\s*\\([^()]*(?:Feature|Constraints|JsonFactory|JsonParser|JsonMapper|ObjectMapper)"
                    + "[^()]*\\)|`[A-Za-z]+(?:\\.[A-Za-z_]+)+(?:\\(\\))?`");
    /** A qualified Java class name: lower-case package segments then a capitalised type. */
    private static final Pattern CLASS_NAME = Pattern.compile(
            "\\b(?:com|org|java|javax|jdk|sun|io|ai|net|de|dev)(?:\\.[a-z_][a-z0-9_]*)+\\.[A-Z][A-Za-z0-9_$]*"
                    + "(?:\\.[A-Za-z_][A-Za-z0-9_$]*)*(?::\\s*)?");

    private ClientText() {
    }

    /**
     * The text without library internals.
     *
     * @param text an error message or detail, or null
     * @return the cleaned text (null for null)
     */
    public static String clean(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = LIBRARY_CLAUSE.matcher(text).replaceAll("");
        out = CLASS_NAME.matcher(out).replaceAll("");
        return out.strip();
    }
}
