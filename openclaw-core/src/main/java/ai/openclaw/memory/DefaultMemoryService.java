package ai.openclaw.memory;

import ai.openclaw.error.OpenClawException;
import ai.openclaw.util.Ids;
import ai.openclaw.util.Page;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link MemoryService} over a {@link MemoryStore} (the truth), a {@link MemoryIndex} and {@link Embeddings}. */
final class DefaultMemoryService implements MemoryService {
    private static final Logger LOG = LoggerFactory.getLogger("openclaw.memory");
    private static final int MAX_TAG_CHARS = 64;

    private final MemoryStore store;
    private final MemoryIndex index;
    private final Embeddings embeddings;
    private final MemorySettings settings;
    private final Clock clock;
    /** Runs query embeddings concurrently with the keyword search. */
    private final Executor searchExecutor;
    /** Serialises writes so the store and the index change in the same order, and commits see no write halfway. */
    private final ReentrantLock writes = new ReentrantLock();
    /** Whether the index changed since its last commit. */
    private volatile boolean dirty;

    DefaultMemoryService(MemoryStore store, MemoryIndex index, Embeddings embeddings, MemorySettings settings,
                         Clock clock, Executor searchExecutor) {
        this.store = Objects.requireNonNull(store, "store");
        this.index = Objects.requireNonNull(index, "index");
        this.embeddings = Objects.requireNonNull(embeddings, "embeddings");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.searchExecutor = Objects.requireNonNull(searchExecutor, "searchExecutor");
    }

    @Override
    public MemoryItem add(NewMemory memory) {
        String content = checkContent(memory.content());
        List<String> tags = checkTags(memory.tags());
        String model = embeddings.modelFor(content);
        float[] vector = embeddings.embed(model, content);
        Instant now = clock.instant();
        MemoryItem item = new MemoryItem(Ids.newId("mem"), content, tags, memory.type(), memory.source(),
                memory.scope(), now, now, memory.expiresAt(), model, vector.length);
        writes.lock();
        try {
            store.insert(item, vector);
            index.upsert(item, vector);
            dirty = true;
        } finally {
            writes.unlock();
        }
        return item;
    }

    @Override
    public MemoryItem get(String id, String ownerFilter) {
        MemoryItem item = store.get(id).orElse(null);
        if (item == null || item.expiredAt(clock.instant()) || !visible(item, ownerFilter)) {
            throw OpenClawException.notFound("memory", id);
        }
        return item;
    }

    @Override
    public Page<MemoryItem> list(MemoryFilter filter, int offset, int limit) {
        return store.list(filter, clock.instant(), offset, limit);
    }

    @Override
    public MemoryItem update(String id, String ownerFilter, MemoryPatch patch) {
        MemoryItem old = writable(id, ownerFilter);
        String content = patch.content() == null ? old.content() : checkContent(patch.content());
        List<String> tags = patch.tags() == null ? old.tags() : checkTags(patch.tags());
        float[] vector = null;
        String model = old.embeddingModel();
        int dimension = old.dimension();
        if (!content.equals(old.content())) {
            model = embeddings.modelFor(content);
            vector = embeddings.embed(model, content);
            dimension = vector.length;
        }
        Instant expires = patch.clearExpiry() ? null : patch.expiresAt() != null ? patch.expiresAt() : old.expiresAt();
        MemoryItem item = new MemoryItem(old.id(), content, tags, patch.type() == null ? old.type() : patch.type(),
                old.source(), old.scope(), old.createdAt(), clock.instant(), expires, model, dimension);
        writes.lock();
        try {
            store.update(item, vector);
            float[] indexed = vector != null ? vector : store.vectors(List.of(id)).get(id);
            index.upsert(item, indexed);
            dirty = true;
        } finally {
            writes.unlock();
        }
        return item;
    }

    @Override
    public void delete(String id, String ownerFilter) {
        writable(id, ownerFilter);
        writes.lock();
        try {
            if (!store.delete(id)) {
                throw OpenClawException.notFound("memory", id);
            }
            index.delete(List.of(id));
            dirty = true;
        } finally {
            writes.unlock();
        }
    }

    private MemoryItem writable(String id, String ownerFilter) {
        MemoryItem item = get(id, ownerFilter);
        if (item.fromWorkspace()) {
            throw OpenClawException.conflict("memory '" + id + "' comes from the workspace file '" + item.source()
                    + "'; edit that file instead");
        }
        if (item.scope().shared() && ownerFilter != null) {
            throw OpenClawException.notFound("memory", id);
        }
        return item;
    }

    @Override
    public List<SearchHit> search(MemoryQuery q) {
        String text = q.query() == null ? "" : q.query().strip();
        if (text.isEmpty()) {
            throw OpenClawException.invalid("parameter 'query' is required and must not be empty");
        }
        if (!hasVisibleText(text)) {
            throw OpenClawException.invalid("parameter 'query' must contain text, not only control characters "
                    + "or whitespace");
        }
        if (text.length() > settings.maxContentChars()) {
            throw OpenClawException.invalid("parameter 'query' must be at most " + settings.maxContentChars()
                    + " characters, got " + text.length());
        }
        int limit = q.limit() == null ? settings.defaultLimit() : q.limit();
        if (limit < 1 || limit > settings.maxLimit()) {
            throw OpenClawException.invalid("parameter 'limit' must be between 1 and " + settings.maxLimit()
                    + ", got " + limit);
        }
        double minScore = q.minScore() == null ? settings.defaultMinScore() : q.minScore();
        if (!(minScore >= 0 && minScore <= 1)) {
            throw OpenClawException.invalid("parameter 'minScore' must be a number between 0 and 1, got " + minScore);
        }
        if (q.halfLifeDays() != null && !(q.halfLifeDays() > 0)) {
            throw OpenClawException.invalid("parameter 'halfLifeDays' must be a positive number");
        }
        if (index.isEmpty()) {
            return List.of(); // nothing stored: skip embedding the query (agents recall on every turn)
        }
        Instant now = clock.instant();
        int k = Math.max(limit * 4, 20);
        // The query is embedded (the slowest stage) on the search executor while the index searches by keyword.
        CompletableFuture<Map<String, float[]>> queryVectors = CompletableFuture.supplyAsync(() -> {
            Map<String, float[]> v = new LinkedHashMap<>();
            for (String model : embeddings.queryModels(text)) {
                v.put(model, embeddings.embed(model, text));
            }
            return v;
        }, searchExecutor);
        Map<String, Double> keyword = new HashMap<>();
        Map<String, Double> vector = new HashMap<>();
        List<MemoryIndex.Match> matches;
        try {
            matches = index.hybrid(text, () -> join(queryVectors), q.filter(), now, k);
        } finally {
            queryVectors.cancel(false);
        }
        for (MemoryIndex.Match m : matches) {
            keyword.put(m.id(), m.keywordScore());
            vector.put(m.id(), m.model() == null ? 0.0
                    : HybridScoring.vectorScore(m.cosine(), embeddings.calibration(m.model())));
        }
        Set<String> ids = keyword.keySet();
        if (ids.isEmpty()) {
            return List.of();
        }
        // Rank on the two parts first; load only the items that can make the page (all of them for recency decay).
        List<String> ranked = new ArrayList<>(ids);
        Map<String, Double> fused = new HashMap<>();
        for (String id : ranked) {
            fused.put(id, HybridScoring.fuse(keyword.getOrDefault(id, 0.0), vector.getOrDefault(id, 0.0)));
        }
        ranked.removeIf(id -> fused.get(id) < minScore || fused.get(id) <= 0);
        ranked.sort(Comparator.comparing((String id) -> fused.get(id)).reversed().thenComparing(id -> id));
        boolean decay = q.halfLifeDays() != null;
        List<String> load = decay || ranked.size() <= limit + 5 ? ranked : ranked.subList(0, limit + 5);
        List<SearchHit> hits = new ArrayList<>();
        for (MemoryItem item : store.getAll(load)) {
            if (item.expiredAt(now) || !visible(item, q.filter().ownerFilter())) {
                continue;
            }
            double ageDays = Duration.between(item.updatedAt(), now).toMillis() / 86_400_000.0;
            double score = HybridScoring.clamp(fused.get(item.id()) * HybridScoring.decay(ageDays, q.halfLifeDays()));
            if (score >= minScore && score > 0) {
                hits.add(new SearchHit(item, score, keyword.getOrDefault(item.id(), 0.0),
                        vector.getOrDefault(item.id(), 0.0)));
            }
        }
        hits.sort(Comparator.comparingDouble(SearchHit::score).reversed()
                .thenComparing(h -> h.item().id()));
        return hits.size() > limit ? List.copyOf(hits.subList(0, limit)) : List.copyOf(hits);
    }

    /** The future's value; what the computation threw is rethrown as it was. */
    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    @Override
    public int replaceSource(String source, List<NewMemory> chunks, String hash) {
        if (hash != null && hash.equals(store.sourceHashes().get(source))) {
            return -1;
        }
        Instant now = clock.instant();
        Map<MemoryItem, float[]> items = new LinkedHashMap<>();
        for (NewMemory m : chunks) {
            String content = m.content().length() > settings.maxContentChars()
                    ? m.content().substring(0, settings.maxContentChars()) : m.content();
            if (content.isBlank()) {
                continue;
            }
            String model = embeddings.modelFor(content);
            float[] v = embeddings.embed(model, content);
            items.put(new MemoryItem(Ids.newId("mem"), content, m.tags(), m.type(), source, m.scope(), now, now,
                    m.expiresAt(), model, v.length), v);
        }
        writes.lock();
        try {
            List<String> removed = store.replaceSource(source, items, hash);
            index.delete(removed);
            index.upsertAll(items);
            dirty = true;
        } finally {
            writes.unlock();
        }
        return items.size();
    }

    @Override
    public Map<String, String> sourceHashes() {
        return store.sourceHashes();
    }

    @Override
    public int reconcile() {
        writes.lock();
        try {
            List<MemoryItem> stale = new ArrayList<>();
            store.forEach((item, v) -> {
                if (!item.embeddingModel().equals(embeddings.modelFor(item.content()))) {
                    stale.add(item);
                }
            });
            for (MemoryItem old : stale) {
                String model = embeddings.modelFor(old.content());
                float[] v = embeddings.embed(model, old.content());
                store.update(new MemoryItem(old.id(), old.content(), old.tags(), old.type(), old.source(),
                        old.scope(), old.createdAt(), old.updatedAt(), old.expiresAt(), model, v.length), v);
            }
            if (!stale.isEmpty()) {
                LOG.info("re-embedded {} memory items with the configured embedding model", stale.size());
            }
            String fingerprint = store.fingerprint();
            if (stale.isEmpty() && fingerprint.equals(index.committedFingerprint())) {
                return 0;
            }
            index.clear();
            int[] count = new int[1];
            Map<MemoryItem, float[]> batch = new LinkedHashMap<>();
            store.forEach((item, v) -> {
                batch.put(item, v);
                count[0]++;
                if (batch.size() >= 1000) {
                    index.upsertAll(batch);
                    batch.clear();
                }
            });
            index.upsertAll(batch);
            index.commit(fingerprint);
            dirty = false;
            if (count[0] > 0) {
                LOG.info("memory index rebuilt from the database: {} items", count[0]);
            }
            return count[0];
        } finally {
            writes.unlock();
        }
    }

    @Override
    public int purgeExpired() {
        writes.lock();
        try {
            List<String> ids = store.deleteExpired(clock.instant());
            index.delete(ids);
            dirty |= !ids.isEmpty();
            return ids.size();
        } finally {
            writes.unlock();
        }
    }

    @Override
    public void flush() {
        if (!dirty) {
            return;
        }
        writes.lock();
        try {
            index.commit(store.fingerprint());
            dirty = false;
        } finally {
            writes.unlock();
        }
    }

    @Override
    public MemorySettings settings() {
        return settings;
    }

    private static boolean visible(MemoryItem item, String ownerFilter) {
        return ownerFilter == null || item.scope().shared() || ownerFilter.equals(item.scope().owner());
    }

    /** Whether {@code s} has a character other than whitespace, control and format characters (what embeds). */
    static boolean hasVisibleText(String s) {
        return s.codePoints().anyMatch(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c)
                && !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT
                && Character.getType(c) != Character.UNASSIGNED && Character.getType(c) != Character.SURROGATE);
    }

    private String checkContent(String content) {
        if (content == null || content.isBlank()) {
            throw OpenClawException.invalid("field 'content' is required and must not be empty");
        }
        if (!hasVisibleText(content)) {
            throw OpenClawException.invalid("field 'content' must contain text, not only control characters or "
                    + "whitespace");
        }
        if (content.length() > settings.maxContentChars()) {
            throw OpenClawException.invalid("field 'content' must be at most " + settings.maxContentChars()
                    + " characters, got " + content.length());
        }
        return content.strip();
    }

    private List<String> checkTags(List<String> tags) {
        if (tags.size() > settings.maxTags()) {
            throw OpenClawException.invalid("field 'tags' must have at most " + settings.maxTags() + " tags, got "
                    + tags.size());
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < tags.size(); i++) {
            String t = tags.get(i) == null ? "" : tags.get(i).strip();
            if (t.isEmpty() || t.length() > MAX_TAG_CHARS) {
                throw OpenClawException.invalid("field 'tags[" + i + "]' must be a non-empty string of at most "
                        + MAX_TAG_CHARS + " characters");
            }
            if (!out.contains(t)) {
                out.add(t);
            }
        }
        return out;
    }

    @Override
    public Embeddings embeddings() {
        return embeddings;
    }
}
