package ai.openclaw.server;

import ai.openclaw.memory.Embeddings;
import ai.openclaw.memory.MemoryFilter;
import ai.openclaw.memory.MemoryItem;
import ai.openclaw.memory.MemoryPatch;
import ai.openclaw.memory.MemoryQuery;
import ai.openclaw.memory.MemoryService;
import ai.openclaw.memory.MemorySettings;
import ai.openclaw.memory.NewMemory;
import ai.openclaw.memory.SearchHit;
import ai.openclaw.util.Page;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The memory service while it is still opening: start-up opens the memory engine (its Lucene index and a
 * reconcile against the database, ~0.25 s) on a thread of its own while the rest of the gateway is wired, and
 * hands this to everything that needs memory. Each call waits for the engine, then goes to it; the gateway opens
 * its port only once the engine is open, so no client call ever waits.
 */
final class DeferredMemoryService implements MemoryService {
    private final CompletableFuture<MemoryService> opening;

    /** {@code opening} completes with the open service, or exceptionally with why it could not open. */
    DeferredMemoryService(CompletableFuture<MemoryService> opening) {
        this.opening = opening;
    }

    /**
     * The open service, waiting for it.
     *
     * @throws RuntimeException what opening the memory engine threw
     */
    private MemoryService service() {
        try {
            return opening.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw e;
        }
    }

    @Override
    public MemoryItem add(NewMemory memory) {
        return service().add(memory);
    }

    @Override
    public MemoryItem get(String id, String ownerFilter) {
        return service().get(id, ownerFilter);
    }

    @Override
    public Page<MemoryItem> list(MemoryFilter filter, int offset, int limit) {
        return service().list(filter, offset, limit);
    }

    @Override
    public MemoryItem update(String id, String ownerFilter, MemoryPatch patch) {
        return service().update(id, ownerFilter, patch);
    }

    @Override
    public void delete(String id, String ownerFilter) {
        service().delete(id, ownerFilter);
    }

    @Override
    public List<SearchHit> search(MemoryQuery query) {
        return service().search(query);
    }

    @Override
    public int replaceSource(String source, List<NewMemory> chunks, String hash) {
        return service().replaceSource(source, chunks, hash);
    }

    @Override
    public Map<String, String> sourceHashes() {
        return service().sourceHashes();
    }

    @Override
    public int reconcile() {
        return service().reconcile();
    }

    @Override
    public int purgeExpired() {
        return service().purgeExpired();
    }

    @Override
    public void flush() {
        service().flush();
    }

    @Override
    public MemorySettings settings() {
        return service().settings();
    }

    @Override
    public Embeddings embeddings() {
        return service().embeddings();
    }
}
