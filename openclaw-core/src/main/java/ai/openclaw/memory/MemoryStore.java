package ai.openclaw.memory;

import ai.openclaw.util.Page;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Where memory items and their vectors are kept: the source of truth the search index is rebuilt from.
 * Writes are durable when they return.
 */
public interface MemoryStore {
    /** Stores a new item with its vector. */
    void insert(MemoryItem item, float[] vector);

    /** Stores many new items with their vectors in one transaction (imports, benchmarks). */
    void insertAll(Map<MemoryItem, float[]> items);

    /**
     * Replaces every item of {@code source} with {@code items} in one transaction, and records the source's content
     * hash (used for workspace files).
     *
     * @param items the new items with their vectors, in order
     * @param hash the hash of the source's content, or null when the source is gone
     * @return the ids of the items removed
     */
    List<String> replaceSource(String source, Map<MemoryItem, float[]> items, String hash);

    /** The recorded content hash of each source ({@code source → hash}). */
    Map<String, String> sourceHashes();

    /** One item, if it exists (expired or not). */
    Optional<MemoryItem> get(String id);

    /** The items with these ids that exist, in no particular order. */
    List<MemoryItem> getAll(Collection<String> ids);

    /** The stored vectors of these ids ({@code id → vector}). */
    Map<String, float[]> vectors(Collection<String> ids);

    /** A page of items matching {@code filter} and not expired at {@code now}, newest first. */
    Page<MemoryItem> list(MemoryFilter filter, Instant now, int offset, int limit);

    /** Replaces an item (same id) and, when non-null, its vector. */
    void update(MemoryItem item, float[] vector);

    /** Deletes an item; false when it did not exist. */
    boolean delete(String id);

    /** Deletes items expired at {@code now}; returns their ids. */
    List<String> deleteExpired(Instant now);

    /** Calls {@code sink} with every item and its vector, in id order (for rebuilding the index). */
    void forEach(BiConsumer<MemoryItem, float[]> sink);

    /** A cheap fingerprint of the stored state: item count and latest change, e.g. {@code 42:1700000000000}. */
    String fingerprint();
}
