package ai.openclaw.memory;

import java.util.Objects;

/**
 * One search result: the item and its scores, each in [0,1] (see {@link HybridScoring} for their meaning).
 *
 * @param item the memory item
 * @param score the fused score that ranks and {@code minScore} filters
 * @param keywordScore the BM25 part
 * @param vectorScore the embedding-similarity part
 */
public record SearchHit(MemoryItem item, double score, double keywordScore, double vectorScore) {
    /** Validates the scores are in [0,1]. */
    public SearchHit {
        Objects.requireNonNull(item, "item");
        check(score, "score");
        check(keywordScore, "keywordScore");
        check(vectorScore, "vectorScore");
    }

    private static void check(double v, String name) {
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException(name + " must be in [0,1]: " + v);
        }
    }
}
