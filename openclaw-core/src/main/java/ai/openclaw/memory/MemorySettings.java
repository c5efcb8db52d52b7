package ai.openclaw.memory;

/**
 * Limits and defaults of memory (config {@code memory.*}).
 *
 * @param maxContentChars the largest item content, in characters (default 8000)
 * @param defaultLimit the hits returned when no {@code limit} is given (default 5)
 * @param maxLimit the largest {@code limit} accepted (default 50)
 * @param defaultMinScore the {@code minScore} used when none is given (default 0.35)
 * @param maxTags the most tags on one item (default 32)
 */
public record MemorySettings(int maxContentChars, int defaultLimit, int maxLimit, double defaultMinScore,
                             int maxTags) {
    /** The defaults. */
    public static final MemorySettings DEFAULTS = new MemorySettings(8000, 5, 50, 0.35, 32);

    /** Validates the ranges. */
    public MemorySettings {
        if (maxContentChars <= 0 || defaultLimit <= 0 || maxLimit < defaultLimit || maxTags < 0
                || !(defaultMinScore >= 0 && defaultMinScore <= 1)) {
            throw new IllegalArgumentException("invalid memory settings");
        }
    }
}
