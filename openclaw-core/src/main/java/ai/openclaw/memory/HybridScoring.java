package ai.openclaw.memory;

/**
 * How a memory hit's {@code score} is computed from its two parts, each in [0,1].
 *
 * <ul>
 *   <li><b>keywordScore</b> = min(1, bm25(q,d) / Σ<sub>t∈q</sub> idf(t)·1/(1+k1)): Lucene's BM25 (k1 = 1.2,
 *       b = 0.75) relative to the score of an average-length item that contains every query word once. 1 means
 *       every (rarity-weighted) query word is present; 0.5 means words carrying half of the query's IDF weight
 *       are present; 0 means none.</li>
 *   <li><b>vectorScore</b> = clamp((cos − c<sub>0</sub>) / (c<sub>1</sub> − c<sub>0</sub>), 0, 1): the cosine
 *       similarity of the query's and the item's embeddings, rescaled per model so that the model's typical
 *       similarity of unrelated texts (c<sub>0</sub>) is 0 and that of close paraphrases (c<sub>1</sub>) is 1.</li>
 *   <li><b>score</b> = {@value #STRONG}·max(kw, vec) + {@value #WEAK}·min(kw, vec): mostly the stronger of the two
 *       signals, raised when both agree. A paraphrase sharing no word with the fact scores up to 0.7 from its
 *       vector alone; an exact keyword match with a similar meaning approaches 1.</li>
 *   <li>Optional recency decay multiplies the score by 0.5<sup>age/halfLife</sup>.</li>
 * </ul>
 */
public final class HybridScoring {
    /** Weight of the stronger part. */
    public static final double STRONG = 0.7;
    /** Weight of the weaker part. */
    public static final double WEAK = 0.3;
    /** Lucene's BM25 k1. */
    public static final double K1 = 1.2;

    private HybridScoring() {
    }

    /** The fused score of two parts in [0,1]. */
    public static double fuse(double keyword, double vector) {
        return clamp(STRONG * Math.max(keyword, vector) + WEAK * Math.min(keyword, vector));
    }

    /** The keyword part: a BM25 score relative to {@code sumIdf}, the summed IDF of the query's terms. */
    public static double keywordScore(double bm25, double sumIdf) {
        if (sumIdf <= 0 || bm25 <= 0) {
            return 0;
        }
        return clamp(bm25 * (1 + K1) / sumIdf);
    }

    /** The vector part: {@code cosine} rescaled by the model's {@code {unrelated, paraphrase}} levels. */
    public static double vectorScore(double cosine, double[] calibration) {
        double lo = calibration[0];
        double hi = calibration[1];
        return clamp((cosine - lo) / (hi - lo));
    }

    /** The recency factor 0.5^(ageDays/halfLifeDays); 1 when {@code halfLifeDays} is null. */
    public static double decay(double ageDays, Double halfLifeDays) {
        if (halfLifeDays == null || halfLifeDays <= 0) {
            return 1;
        }
        return Math.pow(0.5, Math.max(0, ageDays) / halfLifeDays);
    }

    /** Clamps to [0,1]; NaN becomes 0. */
    public static double clamp(double v) {
        return v > 0 ? Math.min(1, v) : 0;
    }
}
