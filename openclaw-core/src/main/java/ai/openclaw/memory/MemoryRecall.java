package ai.openclaw.memory;

import java.util.ArrayList;
import java.util.List;

/**
 * Recall for an agent turn: the top memories for the user's message, cut to a token budget, and rendered as one
 * context block the agent loop can put before the conversation (issue 4 "Agent side", {@code memoryEnabled}).
 *
 * <p>Tokens are estimated without a tokenizer: one per 4 characters of Latin text, one per CJK character — an
 * over-estimate for most models, so the budget holds.
 */
public final class MemoryRecall {
    private MemoryRecall() {
    }

    /**
     * The memories to recall for {@code message}: the best hits (default {@code minScore}) whose estimated tokens fit
     * in {@code tokenBudget}, best first.
     *
     * @param memory the memory service
     * @param message the user's message (blank → nothing recalled)
     * @param filter whose memories count
     * @param limit the most memories considered (1..the service's max limit)
     * @param tokenBudget the most estimated tokens of memory content to recall; ≤ 0 recalls nothing
     */
    public static List<SearchHit> recall(MemoryService memory, String message, MemoryFilter filter, int limit,
                                         int tokenBudget) {
        return recall(memory, message, filter, limit, tokenBudget, null);
    }

    /**
     * As {@link #recall(MemoryService, String, MemoryFilter, int, int)} with a {@code minScore}.
     *
     * @param minScore the lowest fused score recalled, in [0,1]; null for the service's default
     * @throws ai.openclaw.error.OpenClawException INVALID_REQUEST for a limit or minScore out of range
     */
    public static List<SearchHit> recall(MemoryService memory, String message, MemoryFilter filter, int limit,
                                         int tokenBudget, Double minScore) {
        if (message == null || message.isBlank() || tokenBudget <= 0) {
            return List.of();
        }
        String query = message.length() > memory.settings().maxContentChars()
                ? message.substring(0, memory.settings().maxContentChars()) : message;
        List<SearchHit> out = new ArrayList<>();
        int used = 0;
        for (SearchHit h : memory.search(new MemoryQuery(query, limit, minScore, filter, null))) {
            int cost = estimateTokens(h.item().content());
            if (used + cost > tokenBudget) {
                continue;
            }
            used += cost;
            out.add(h);
        }
        return out;
    }

    /** The recalled memories as a system-message block, or an empty string when there are none. */
    public static String contextBlock(List<SearchHit> hits) {
        if (hits.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("Relevant memories (from long-term memory; may be outdated):\n");
        for (SearchHit h : hits) {
            b.append("- ").append(h.item().content().replace('\n', ' ')).append(" [source: ")
                    .append(h.item().source()).append("]\n");
        }
        return b.toString();
    }

    /** A conservative token estimate: one per CJK character, one per 4 other characters (at least 1). */
    public static int estimateTokens(String text) {
        int cjk = 0;
        int other = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
                cjk++;
            } else {
                other++;
            }
        }
        return Math.max(1, cjk + (other + 3) / 4);
    }
}
