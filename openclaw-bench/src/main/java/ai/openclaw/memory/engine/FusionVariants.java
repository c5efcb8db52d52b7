package ai.openclaw.memory.engine;

import ai.openclaw.memory.HybridScoring;
import ai.openclaw.memory.SearchHit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rankings the memory benchmark compares: each part alone, the service's own fused {@code score}, and other
 * ways of fusing the same two parts (computed here from each candidate's {@code keywordScore} and
 * {@code vectorScore}, so every variant ranks exactly the same candidates).
 */
final class FusionVariants {
    /** Ranking names, in the order of {@link #rank}'s {@code mode}. */
    static final String[] NAMES = {
        "BM25 alone", "vectors alone", "hybrid (service score)", "0.7·max + 0.3·min", "0.5·kw + 0.5·vec",
        "0.3·kw + 0.7·vec", "noisy-OR", "RRF k=60", "RRF k=10"};
    /** The index of the service's own score. */
    static final int HYBRID = 2;

    private FusionVariants() {
    }

    /** The candidates with a positive score under {@code mode}, best first. */
    static List<SearchHit> rank(int mode, List<SearchHit> hits) {
        Map<SearchHit, Integer> kwRank = ranks(hits, SearchHit::keywordScore);
        Map<SearchHit, Integer> vecRank = ranks(hits, SearchHit::vectorScore);
        Map<SearchHit, Double> score = new HashMap<>();
        for (SearchHit h : hits) {
            double kw = h.keywordScore();
            double vec = h.vectorScore();
            double s = switch (mode) {
                case 0 -> kw;
                case 1 -> vec;
                case 2 -> h.score();
                case 3 -> 0.7 * Math.max(kw, vec) + 0.3 * Math.min(kw, vec);
                case 4 -> 0.5 * kw + 0.5 * vec;
                case 5 -> 0.3 * kw + 0.7 * vec;
                case 6 -> 1 - (1 - kw) * (1 - vec);
                case 7 -> rrf(kwRank.get(h), 60) + rrf(vecRank.get(h), 60);
                case 8 -> rrf(kwRank.get(h), 10) + rrf(vecRank.get(h), 10);
                default -> throw new IllegalArgumentException("mode " + mode);
            };
            score.put(h, HybridScoring.clamp(s) > 0 ? s : 0);
        }
        List<SearchHit> ranked = new ArrayList<>(hits.stream().filter(h -> score.get(h) > 0).toList());
        ranked.sort(Comparator.comparingDouble((SearchHit h) -> score.get(h)).reversed());
        return ranked;
    }

    private static double rrf(Integer rank, int k) {
        return rank == null ? 0 : 1.0 / (k + rank);
    }

    private static Map<SearchHit, Integer> ranks(List<SearchHit> hits,
            java.util.function.ToDoubleFunction<SearchHit> part) {
        List<SearchHit> sorted = new ArrayList<>(hits.stream().filter(h -> part.applyAsDouble(h) > 0).toList());
        sorted.sort(Comparator.comparingDouble(part).reversed());
        Map<SearchHit, Integer> out = new HashMap<>();
        for (int i = 0; i < sorted.size(); i++) {
            out.put(sorted.get(i), i + 1);
        }
        return out;
    }
}
