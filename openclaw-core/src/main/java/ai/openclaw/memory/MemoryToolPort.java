package ai.openclaw.memory;

import ai.openclaw.tool.MemoryPort;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The agent tools' view of memory ({@link MemoryPort}, used by {@code memory_search} and {@code memory_add}) over a
 * {@link MemoryService}: searches see the owner's and the shared (workspace) memories with the default
 * {@code minScore}; added memories are long-term, owned by the caller, with source {@code agent}.
 */
public final class MemoryToolPort implements MemoryPort {
    private final MemoryService memory;

    private MemoryToolPort(MemoryService memory) {
        this.memory = Objects.requireNonNull(memory, "memory");
    }

    /** The port over {@code memory}. */
    public static MemoryPort of(MemoryService memory) {
        return new MemoryToolPort(memory);
    }

    @Override
    public List<Map<String, Object>> search(String owner, String query, int limit) {
        int capped = Math.max(1, Math.min(limit, memory.settings().maxLimit()));
        List<Map<String, Object>> out = new ArrayList<>();
        for (SearchHit h : memory.search(new MemoryQuery(query, capped, null,
                new MemoryFilter(owner, null, Set.of(), Set.of(), null), null))) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", h.item().id());
            m.put("content", h.item().content());
            m.put("score", Math.round(h.score() * 1000) / 1000.0);
            m.put("source", h.item().source());
            m.put("tags", h.item().tags());
            out.add(m);
        }
        return out;
    }

    @Override
    public String add(String owner, String content, List<String> tags) {
        return memory.add(new NewMemory(content, tags, MemoryType.LONG_TERM, "agent", MemoryScope.ownedBy(owner), null))
                .id();
    }
}
