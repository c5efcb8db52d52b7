package ai.openclaw.session;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A conversation: the unit that holds messages and runs turns one at a time (seed 001 会话, seed 000
 * sessions, seed 003 conversations — one core thing under three names).
 *
 * @param id the session id or session key, e.g. {@code default} or {@code session_k3j9…}; never blank
 * @param label a human label, or null
 * @param agentId the agent that answers in this session; {@code main} by default
 * @param model the {@code provider/model} pinned for this session, or null for the agent's/default model
 * @param owner the principal that owns it ({@code gateway} for the gateway token, else an API key id)
 * @param createdAt when it was created
 * @param updatedAt when its last turn was stored
 * @param expiresAt when it expires (seed 000 {@code ttl}), or null for never
 * @param messageCount how many messages it holds
 * @param context free-form client context (seed 000/003 {@code context}); never null, may be empty
 */
public record Session(String id, String label, String agentId, String model, String owner, Instant createdAt,
                      Instant updatedAt, Instant expiresAt, long messageCount, Map<String, Object> context) {
    /** The default agent's id. */
    public static final String DEFAULT_AGENT = "main";
    /** The owner of things created with the gateway token. */
    public static final String GATEWAY_OWNER = "gateway";

    /** Validates the required fields and copies the context. */
    public Session {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        context = ai.openclaw.util.JsonMaps.copy(context);
        if (messageCount < 0) {
            throw new IllegalArgumentException("messageCount must be >= 0");
        }
    }

    /** Whether the session has expired at {@code now}. */
    public boolean expiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    /** This session after a turn that added {@code added} messages at {@code at}. */
    public Session afterTurn(int added, Instant at) {
        return new Session(id, label, agentId, model, owner, createdAt, at, expiresAt, messageCount + added, context);
    }
}
