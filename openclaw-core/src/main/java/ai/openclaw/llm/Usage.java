package ai.openclaw.llm;

/**
 * Token counts for one model call: input (prompt) and output (completion) tokens, and their details.
 *
 * @param inputTokens prompt tokens, cached ones included; at least 0
 * @param outputTokens completion tokens, reasoning ones included; at least 0
 * @param cachedTokens prompt tokens read from the provider's prompt cache (OpenAI
 *     {@code prompt_tokens_details.cached_tokens}, Anthropic {@code cache_read_input_tokens}); at least 0
 * @param cacheCreationTokens prompt tokens written to the prompt cache (Anthropic
 *     {@code cache_creation_input_tokens}); at least 0
 * @param reasoningTokens completion tokens spent on reasoning (OpenAI
 *     {@code completion_tokens_details.reasoning_tokens}); at least 0
 */
public record Usage(int inputTokens, int outputTokens, int cachedTokens, int cacheCreationTokens,
                    int reasoningTokens) {
    /** No tokens. */
    public static final Usage ZERO = new Usage(0, 0);

    /** Validates that every count is non-negative. */
    public Usage {
        if (inputTokens < 0 || outputTokens < 0 || cachedTokens < 0 || cacheCreationTokens < 0
                || reasoningTokens < 0) {
            throw new IllegalArgumentException("token counts must be >= 0: " + inputTokens + ", " + outputTokens);
        }
    }

    /** Input and output tokens without details. */
    public Usage(int inputTokens, int outputTokens) {
        this(inputTokens, outputTokens, 0, 0, 0);
    }

    /** Input plus output tokens. */
    public int totalTokens() {
        return inputTokens + outputTokens;
    }

    /** The sum of this and another usage. */
    public Usage plus(Usage other) {
        return new Usage(inputTokens + other.inputTokens, outputTokens + other.outputTokens,
                cachedTokens + other.cachedTokens, cacheCreationTokens + other.cacheCreationTokens,
                reasoningTokens + other.reasoningTokens);
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
