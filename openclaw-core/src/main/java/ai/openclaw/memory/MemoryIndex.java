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
     * The best keyword (BM25) matches.
     *
     * @param query the user's query text (analysed by the index)
     * @param filter which items count
     * @param now items expired at this instant are skipped
     * @param k the most candidates to return
     * @param onlyIds when non-null, score just these ids
     * @return candidates with {@code score} = keyword score in [0,1], best first
     */
    List<Candidate> keyword(String query, MemoryFilter filter, Instant now, int k, Collection<String> onlyIds);

    /**
     * The nearest vectors from one embedding model's space.
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
}
