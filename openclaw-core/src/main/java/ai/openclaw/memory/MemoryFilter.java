package ai.openclaw.memory;

import java.util.Set;

/**
 * Which items a listing or search considers.
 *
 * @param ownerFilter the caller's owner id (they see their own and shared items), or null for everything (admins)
 * @param agentId only this agent's items, or null for all agents
 * @param tags items carrying every one of these tags; empty for no tag filter
 * @param types items of one of these types; empty for all
 * @param source only items from this source, or null
 */
public record MemoryFilter(String ownerFilter, String agentId, Set<String> tags, Set<MemoryType> types,
                           String source) {
    /** Copies the sets. */
    public MemoryFilter {
        tags = tags == null ? Set.of() : Set.copyOf(tags);
        types = types == null ? Set.of() : Set.copyOf(types);
    }

    /** Everything visible to {@code ownerFilter}. */
    public static MemoryFilter visibleTo(String ownerFilter) {
        return new MemoryFilter(ownerFilter, null, Set.of(), Set.of(), null);
    }
}
