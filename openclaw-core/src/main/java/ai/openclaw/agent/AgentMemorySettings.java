package ai.openclaw.agent;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How an agent turn uses long-term memory (config {@code memory.recall.*} and {@code memory.conversation.*}; the
 * snake_case spellings {@code max_tokens}, {@code min_score}, {@code max_chars} are accepted too):
 * <pre>
 * memory:
 *   recall:       { limit: 5, maxTokens: 500, minScore: 0.35 }   # minScore defaults to memory's own default
 *   conversation: { record: false, maxChars: 400 }
 * </pre>
 *
 * @param limit the most memories considered for recall (≥ 1; the memory service caps it at its max limit)
 * @param maxTokens the token budget of recalled memory content (estimated); 0 turns recall off
 * @param minScore the lowest fused score recalled, in [0,1], or null for the memory service's default
 * @param recordConversations whether each successful turn is stored as a {@code conversation} memory
 * @param conversationChars the longest recorded conversation summary, in characters (≥ 40)
 */
public record AgentMemorySettings(int limit, int maxTokens, Double minScore, boolean recordConversations,
                                  int conversationChars) {
    /** The defaults: recall 5 memories within 500 tokens; conversations are not recorded. */
    public static final AgentMemorySettings DEFAULTS = new AgentMemorySettings(5, 500, null, false, 400);

    /**
     * Validates the ranges.
     *
     * @throws IllegalArgumentException naming the config key that is out of range
     */
    public AgentMemorySettings {
        if (limit < 1) {
            throw new IllegalArgumentException("memory.recall.limit must be at least 1, got " + limit);
        }
        if (maxTokens < 0) {
            throw new IllegalArgumentException("memory.recall.maxTokens must not be negative, got " + maxTokens);
        }
        if (minScore != null && !(minScore >= 0 && minScore <= 1)) {
            throw new IllegalArgumentException("memory.recall.minScore must be within [0,1], got " + minScore);
        }
        if (conversationChars < 40) {
            throw new IllegalArgumentException("memory.conversation.maxChars must be at least 40, got "
                    + conversationChars);
        }
    }

    /**
     * Reads the settings from the {@code memory} config section (missing keys take the defaults).
     *
     * @param memory the {@code memory} node; may be missing
     * @throws IllegalArgumentException for an out-of-range value
     */
    public static AgentMemorySettings from(JsonNode memory) {
        JsonNode r = memory.path("recall");
        JsonNode c = memory.path("conversation");
        AgentMemorySettings d = DEFAULTS;
        JsonNode minScore = key(r, "minScore", "min_score");
        return new AgentMemorySettings(r.path("limit").asInt(d.limit()),
                key(r, "maxTokens", "max_tokens").asInt(d.maxTokens()),
                minScore.isNumber() ? Double.valueOf(minScore.asDouble()) : d.minScore(),
                c.path("record").asBoolean(d.recordConversations()),
                key(c, "maxChars", "max_chars").asInt(d.conversationChars()));
    }

    /** The value under the camelCase key, else under the snake_case one (the {@code memory} section uses both). */
    private static JsonNode key(JsonNode n, String camel, String snake) {
        return n.has(camel) ? n.path(camel) : n.path(snake);
    }
}
