package ai.openclaw.memory;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * The search index over memory items: BM25 keyword search and approximate nearest-neighbour vector search. It is
 * derived data: {@link MemoryService} rebuilds it from the {@link MemoryStore} whenever it is missing or stale.
 */
public interface MemoryIndex extends AutoCloseable {
    /**
     * Whether the index holds no item at all (searches then skip embedding the query). Implementations that cannot
     * tell cheaply return false.
     */
    default boolean isEmpty() {
        return false;
    }

    /** Adds or replaces an item with its vector; visible to searches when this returns. */
    void upsert(MemoryItem item, float[] vector);

    /** Adds or replaces many items; visible to searches when this returns (one refresh for the batch). */
    default void upsertAll(java.util.Map<MemoryItem, float[]> items) {
        items.forEach(this::upsert);
    }

    /** Removes items by id. */
    void delete(Collection<String> ids);

    /**
     * One hybrid retrieval pass: the best {@code k} keyword (BM25) matches and, for each query vector, the {@code k}
     * nearest items in that model's space; every candidate found by either part is then scored on both, so a fusion
     * sees both parts of every candidate (an item only the vectors found still gets its keyword score, and the other
     * way round).
     *
     * @param query the user's query text (analysed by the index)
     * @param queryVectors gives the query's embedding per model id (iteration order kept; may be empty); called once,
     *     after the keyword search, so the caller can embed the query while the index searches by keyword. What it
     *     throws propagates.
     * @param filter which items count
     * @param now items expired at this instant are skipped
     * @param k the most candidates each part contributes, at least 1
     * @return the union of the candidates, in no particular order
     */
    List<Match> hybrid(String query, java.util.function.Supplier<java.util.Map<String, float[]>> queryVectors,
                       MemoryFilter filter, Instant now, int k);

    /**
     * The best keyword (BM25) matches alone (benchmarks time the stages of {@link #hybrid} with it).
     *
     * @param query the user's query text (analysed by the index)
     * @param filter which items count
     * @param now items expired at this instant are skipped
     * @param k the most candidates to return
     * @return candidates with {@code score} = keyword score in [0,1], best first
     */
    List<Candidate> keyword(String query, MemoryFilter filter, Instant now, int k);

    /**
     * The nearest vectors from one embedding model's space alone (benchmarks time the stages of {@link #hybrid}
     * with it).
     *
     * @param model the embedding model id whose items are searched
     * @param vector the query's vector from that model
     * @return candidates with {@code score} = cosine similarity in [-1,1], best first
     */
    List<Candidate> nearest(String model, float[] vector, MemoryFilter filter, Instant now, int k);

    /** Discards every entry (before a rebuild). */
    void clear();

    /** The store fingerprint recorded with the last commit, or null when the index is new or unreadable. */
    String committedFingerprint();

    /** Makes the index durable and records {@code fingerprint} with it. */
    void commit(String fingerprint);

    /** Closes the index; does not throw. */
    @Override
    void close();

    /**
     * A search candidate.
     *
     * @param id the item id
     * @param score the index's score for it (meaning depends on the search)
     */
    record Candidate(String id, double score) {
    }

    /**
     * A hybrid candidate with both parts of its score.
     *
     * @param id the item id
     * @param keywordScore the keyword score in [0,1] (see {@link HybridScoring#keywordScore}); 0 when no query word
     *     occurs in the item
     * @param model the embedding model whose space the item's vector and a query vector share; null when the item
     *     has no vector from any of the query's models
     * @param cosine the cosine similarity in [-1,1] of the item's and the query's vectors from {@code model}; 0 when
     *     {@code model} is null
     */
    record Match(String id, double keywordScore, String model, double cosine) {
        /** Checks the id. */
        public Match {
            java.util.Objects.requireNonNull(id, "id");
        }
    }
}
