package ai.openclaw.llm;

/**
 * Token counts for one model call: input (prompt) and output (completion) tokens.
 *
 * @param inputTokens prompt tokens; at least 0
 * @param outputTokens completion tokens; at least 0
 */
public record Usage(int inputTokens, int outputTokens) {
    /** No tokens. */
    public static final Usage ZERO = new Usage(0, 0);

    /** Validates that both counts are non-negative. */
    public Usage {
        if (inputTokens < 0 || outputTokens < 0) {
            throw new IllegalArgumentException("token counts must be >= 0: " + inputTokens + ", " + outputTokens);
        }
    }

    /** Input plus output tokens. */
    public int totalTokens() {
        return inputTokens + outputTokens;
    }

    /** The sum of this and another usage. */
    public Usage plus(Usage other) {
        return new Usage(inputTokens + other.inputTokens, outputTokens + other.outputTokens);
    }

    /** A rough token estimate for text when a provider reports none: one token per 4 chars (CJK: per char). */
    public static int estimateTokens(String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        int cjk = 0;
        for (int i = 0; i < text.length(); i++) {
            if (Character.UnicodeScript.of(text.charAt(i)) == Character.UnicodeScript.HAN) {
                cjk++;
            }
        }
        return Math.max(1, cjk + (text.length() - cjk + 3) / 4);
    }
}
