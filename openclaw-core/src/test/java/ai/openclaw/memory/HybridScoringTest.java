package ai.openclaw.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HybridScoringTest {
    @Test
    void fusedScoreIsMostlyTheStrongerPartRaisedByAgreement() {
        assertThat(HybridScoring.fuse(0, 0)).isZero();
        assertThat(HybridScoring.fuse(1, 1)).isEqualTo(1.0);
        assertThat(HybridScoring.fuse(0, 0.8)).isCloseTo(0.56, within(1e-9));
        assertThat(HybridScoring.fuse(0.8, 0)).isCloseTo(0.56, within(1e-9));
        assertThat(HybridScoring.fuse(1, 0.5)).isCloseTo(0.85, within(1e-9));
        for (double k = 0; k <= 1; k += 0.1) {
            for (double v = 0; v <= 1; v += 0.1) {
                double s = HybridScoring.fuse(k, v);
                assertThat(s).isBetween(0.0, 1.0).isGreaterThanOrEqualTo(0.7 * Math.max(k, v) - 1e-9);
            }
        }
    }

    @Test
    void partsAreClampedIntoTheUnitInterval() {
        assertThat(HybridScoring.keywordScore(100, 1)).isEqualTo(1.0);
        assertThat(HybridScoring.keywordScore(0, 1)).isZero();
        assertThat(HybridScoring.keywordScore(1, 0)).isZero();
        assertThat(HybridScoring.keywordScore(1 / 2.2, 2)).isCloseTo(0.5, within(1e-9));
        double[] cal = {0.2, 0.7};
        assertThat(HybridScoring.vectorScore(0.1, cal)).isZero();
        assertThat(HybridScoring.vectorScore(0.45, cal)).isCloseTo(0.5, within(1e-9));
        assertThat(HybridScoring.vectorScore(0.99, cal)).isEqualTo(1.0);
        assertThat(HybridScoring.clamp(Double.NaN)).isZero();
    }

    @Test
    void recencyDecayHalvesPerHalfLife() {
        assertThat(HybridScoring.decay(10, null)).isEqualTo(1.0);
        assertThat(HybridScoring.decay(30, 30.0)).isCloseTo(0.5, within(1e-9));
        assertThat(HybridScoring.decay(-5, 30.0)).isEqualTo(1.0);
    }

    @Test
    void recallEstimatesTokensConservatively() {
        assertThat(MemoryRecall.estimateTokens("用户偏好简洁的回复风格")).isEqualTo(11);
        assertThat(MemoryRecall.estimateTokens("abcd efgh")).isEqualTo(3);
        assertThat(MemoryRecall.estimateTokens("")).isEqualTo(1);
        assertThat(MemoryRecall.contextBlock(java.util.List.of())).isEmpty();
    }
}
