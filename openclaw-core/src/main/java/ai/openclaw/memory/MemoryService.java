package ai.openclaw.memory;

import ai.openclaw.util.Page;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Long-term memory: store facts and find them by meaning (issue 4). Every method validates its input and throws
 * {@link ai.openclaw.error.OpenClawException} INVALID_REQUEST naming the parameter ({@code query}, {@code limit},
 * {@code minScore}, {@code content}, {@code tags}), or NOT_FOUND for an unknown or invisible id.
 *
 * <p>An agent loop can use {@link #search} and {@link #add} directly as its {@code memory_search} and
 * {@code memory_add} tools.
 */
public interface MemoryService {
    /** Creates the service over a store, an index and embedding models; searches run on the calling thread. */
    static MemoryService create(MemoryStore store, MemoryIndex index, Embeddings embeddings, MemorySettings settings,
                                Clock clock) {
        return create(store, index, embeddings, settings, clock, Runnable::run);
    }

    /**
     * Creates the service over a store, an index and embedding models.
     *
     * @param searchExecutor runs a search's query embedding while the calling thread searches the index by keyword
     *     (e.g. a virtual thread per task); {@code Runnable::run} runs everything on the calling thread
     */
    static MemoryService create(MemoryStore store, MemoryIndex index, Embeddings embeddings, MemorySettings settings,
                                Clock clock, java.util.concurrent.Executor searchExecutor) {
        return new DefaultMemoryService(store, index, embeddings, settings, clock, searchExecutor);
    }

    /**
     * Stores a new memory; it is durable and searchable when this returns.
     *
     * @throws ai.openclaw.error.OpenClawException INVALID_REQUEST for empty or oversized {@code content} or bad tags
     */
    MemoryItem add(NewMemory memory);

    /**
     * One item visible to {@code ownerFilter} (null: any owner).
     *
     * @throws ai.openclaw.error.OpenClawException NOT_FOUND when it does not exist, has expired or is not visible
     */
    MemoryItem get(String id, String ownerFilter);

    /** A page of visible items, newest first. */
    Page<MemoryItem> list(MemoryFilter filter, int offset, int limit);

    /**
     * Changes an item owned by {@code ownerFilter} (null: any). Workspace-file items are changed by editing the
     * file.
     *
     * @throws ai.openclaw.error.OpenClawException NOT_FOUND as for {@link #get}; CONFLICT for a workspace-file item;
     *     INVALID_REQUEST for bad fields
     */
    MemoryItem update(String id, String ownerFilter, MemoryPatch patch);

    /**
     * Deletes an item owned by {@code ownerFilter} (null: any).
     *
     * @throws ai.openclaw.error.OpenClawException NOT_FOUND as for {@link #get}; CONFLICT for a workspace-file item
     */
    void delete(String id, String ownerFilter);

    /**
     * Hybrid search: BM25 and vector similarity fused per {@link HybridScoring}, best first, at most {@code limit}
     * hits with {@code score ≥ minScore}.
     *
     * @throws ai.openclaw.error.OpenClawException INVALID_REQUEST for an empty query, a limit outside 1..max, or a
     *     minScore outside [0,1]
     */
    List<SearchHit> search(MemoryQuery query);

    /**
     * Replaces every item of a workspace {@code source} with new chunks (an empty list removes them) and records
     * the file's content {@code hash}; a no-op when the hash is unchanged.
     *
     * @return the number of items now stored for the source, or -1 when the hash was unchanged
     */
    int replaceSource(String source, List<NewMemory> chunks, String hash);

    /** The content hashes recorded for sources ({@code source → hash}). */
    Map<String, String> sourceHashes();

    /**
     * Makes the index consistent with the store: re-embeds items whose model is no longer the configured one for
     * their text, and rebuilds the index when it is missing or its recorded fingerprint differs from the store's.
     *
     * @return the number of items re-indexed (0 when the index was current)
     */
    int reconcile();

    /** Deletes expired items; returns how many. */
    int purgeExpired();

    /** Commits the index (called periodically and at shutdown). */
    void flush();

    /** The limits in force. */
    MemorySettings settings();

    /**
     * The embedding models memory uses (for {@code POST /v1/embeddings}).
     *
     * @throws UnsupportedOperationException when this service has none
     */
    default Embeddings embeddings() {
        throw new UnsupportedOperationException("no embedding models");
    }
}
