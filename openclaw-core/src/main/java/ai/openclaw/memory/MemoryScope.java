package ai.openclaw.memory;

import ai.openclaw.session.Session;
import java.util.Objects;

/**
 * Whose a memory item is: the owning credential, the agent, and optionally a user and a session.
 *
 * @param owner the principal id that owns the item, or null for a shared item (workspace files) every reader sees
 * @param agentId the agent the item belongs to ({@value Session#DEFAULT_AGENT} by default); never null
 * @param userId the end user the item is about, or null
 * @param sessionId the session it was recorded in, or null
 */
public record MemoryScope(String owner, String agentId, String userId, String sessionId) {
    /** Shared by every reader, agent {@code main}: workspace memory files. */
    public static final MemoryScope SHARED = new MemoryScope(null, Session.DEFAULT_AGENT, null, null);

    /** Defaults a blank agent to {@code main}. */
    public MemoryScope {
        agentId = agentId == null || agentId.isBlank() ? Session.DEFAULT_AGENT : agentId;
    }

    /** A scope owned by {@code owner} for agent {@code main}. */
    public static MemoryScope ownedBy(String owner) {
        return new MemoryScope(Objects.requireNonNull(owner, "owner"), null, null, null);
    }

    /** Whether every reader sees the item. */
    public boolean shared() {
        return owner == null;
    }
}
