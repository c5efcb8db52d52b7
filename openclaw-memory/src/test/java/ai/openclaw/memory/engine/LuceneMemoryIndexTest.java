package ai.openclaw.memory.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.openclaw.memory.MemoryFilter;
import ai.openclaw.memory.MemoryIndex;
import ai.openclaw.memory.MemoryItem;
import ai.openclaw.memory.MemoryScope;
import ai.openclaw.memory.MemoryType;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The index's hybrid pass on hand-made 4-dimensional vectors: each candidate gets both parts of its score whichever
 * part found it, and filters (owner, tag, type, expiry) hold for both parts, including when a clause is left out
 * because every document passes it.
 */
class LuceneMemoryIndexTest {
    private static final String MODEL = "test-4d";
    private static final Instant NOW = Instant.parse("2026-11-21T00:00:00Z");

    @TempDir
    Path dir;
    private LuceneMemoryIndex index;

    @BeforeEach
    void open() {
        index = new LuceneMemoryIndex(dir.resolve("index"));
    }

    @AfterEach
    void close() {
        index.close();
    }

    private static MemoryItem item(String id, String content, String owner, List<String> tags, MemoryType type,
                                   Instant expiresAt) {
        MemoryScope scope = owner == null ? MemoryScope.SHARED : MemoryScope.ownedBy(owner);
        return new MemoryItem(id, content, tags, type, "api", scope, NOW, NOW, expiresAt, MODEL, 4);
    }

    private Map<String, MemoryIndex.Match> hybrid(String query, float[] vector, MemoryFilter filter, int k) {
        return index.hybrid(query, () -> Map.of(MODEL, vector), filter, NOW, k).stream()
                .collect(Collectors.toMap(MemoryIndex.Match::id, Function.identity()));
    }

    @Test
    void everyCandidateGetsBothPartsWhicheverPartFoundIt() {
        index.upsert(item("a", "deploy the gateway on friday", "u", List.of(), MemoryType.LONG_TERM, null),
                new float[] {1, 0, 0, 0});
        index.upsert(item("b", "the user likes strong coffee", "u", List.of(), MemoryType.LONG_TERM, null),
                new float[] {0, 1, 0, 0});
        index.upsert(item("c", "unrelated note about music", "u", List.of(), MemoryType.LONG_TERM, null),
                new float[] {0, 0, 1, 0});

        // k = 1: BM25 finds only "a" (the one item with "gateway"), the vectors find only "b".
        Map<String, MemoryIndex.Match> hits = hybrid("gateway", new float[] {0, 1, 0, 0}, MemoryFilter.visibleTo("u"),
                1);

        assertThat(hits).containsOnlyKeys("a", "b");
        assertThat(hits.get("a").keywordScore()).isGreaterThan(0.5);
        assertThat(hits.get("a").model()).isEqualTo(MODEL);
        assertThat(hits.get("a").cosine()).isCloseTo(0.0, within(1e-6));
        assertThat(hits.get("b").keywordScore()).isZero();
        assertThat(hits.get("b").model()).isEqualTo(MODEL);
        assertThat(hits.get("b").cosine()).isCloseTo(1.0, within(1e-6));
    }

    @Test
    void aQueryWithoutIndexableWordsSearchesByVectorAlone() {
        index.upsert(item("a", "deploy the gateway", "u", List.of(), MemoryType.LONG_TERM, null),
                new float[] {1, 0, 0, 0});

        Map<String, MemoryIndex.Match> hits = hybrid("the", new float[] {1, 0, 0, 0}, MemoryFilter.visibleTo(null), 5);

        assertThat(hits).containsOnlyKeys("a");
        assertThat(hits.get("a").keywordScore()).isZero();
        assertThat(hits.get("a").cosine()).isCloseTo(1.0, within(1e-6));
    }

    @Test
    void ownersSeeTheirOwnAndSharedItemsInBothParts() {
        float[] v = {1, 0, 0, 0};
        index.upsert(item("alice-1", "project falcon budget", "alice", List.of(), MemoryType.LONG_TERM, null), v);
        index.upsert(item("bob-1", "project falcon budget", "bob", List.of(), MemoryType.LONG_TERM, null), v);
        index.upsert(item("shared-1", "project falcon budget", null, List.of(), MemoryType.LONG_TERM, null), v);

        assertThat(hybrid("falcon", v, MemoryFilter.visibleTo("alice"), 10)).containsOnlyKeys("alice-1", "shared-1");
        assertThat(hybrid("falcon", v, MemoryFilter.visibleTo("bob"), 10)).containsOnlyKeys("bob-1", "shared-1");
        assertThat(hybrid("falcon", v, MemoryFilter.visibleTo(null), 10))
                .containsOnlyKeys("alice-1", "bob-1", "shared-1");
        assertThat(hybrid("falcon", v, MemoryFilter.visibleTo("carol"), 10)).containsOnlyKeys("shared-1");
    }

    @Test
    void aFilterEveryItemPassesStillFiltersOnceAnItemFailsIt() {
        float[] v = {0, 0, 1, 0};
        index.upsert(item("t1", "weekly report draft", "u", List.of("work"), MemoryType.DAILY, null), v);
        index.upsert(item("t2", "weekly report final", "u", List.of("work"), MemoryType.DAILY, null), v);
        MemoryFilter work = new MemoryFilter("u", null, Set.of("work"), Set.of(MemoryType.DAILY), null);

        assertThat(hybrid("report", v, work, 10)).containsOnlyKeys("t1", "t2");

        index.upsert(item("t3", "weekly report personal", "u", List.of("home"), MemoryType.LONG_TERM, null), v);
        assertThat(hybrid("report", v, work, 10)).containsOnlyKeys("t1", "t2");
        assertThat(hybrid("report", v, new MemoryFilter("u", null, Set.of(), Set.of(MemoryType.LONG_TERM), null), 10))
                .containsOnlyKeys("t3");
        assertThat(hybrid("report", v, MemoryFilter.visibleTo("u"), 10)).containsOnlyKeys("t1", "t2", "t3");
    }

    @Test
    void expiredItemsAreSkippedByBothParts() {
        float[] v = {0, 0, 0, 1};
        index.upsert(item("live", "parking spot level 3", "u", List.of(), MemoryType.LONG_TERM,
                NOW.plus(Duration.ofDays(1))), v);
        assertThat(hybrid("parking", v, MemoryFilter.visibleTo("u"), 10)).containsOnlyKeys("live");

        index.upsert(item("gone", "parking spot level 2", "u", List.of(), MemoryType.LONG_TERM,
                NOW.minus(Duration.ofMinutes(1))), v);
        assertThat(hybrid("parking", v, MemoryFilter.visibleTo("u"), 10)).containsOnlyKeys("live");
        assertThat(hybrid("parking", v, MemoryFilter.visibleTo(null), 10)).containsOnlyKeys("live");
    }
}
