package ai.openclaw.session;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * What a client asks for when it creates a session; every field but {@code owner} is optional.
 *
 * @param id a client-chosen id or session key, or null to generate one
 * @param label a human label, or null
 * @param agentId the agent, or null for {@code main}
 * @param model a {@code provider/model} to pin, or null
 * @param owner the creating principal's owner id; never null
 * @param ttl how long the session lives (seed 000 {@code ttl}), or null for no expiry
 * @param context free-form client context, or null
 */
public record NewSession(String id, String label, String agentId, String model, String owner, Duration ttl,
                         Map<String, Object> context) {
    /** Validates the owner and ttl and copies the context. */
    public NewSession {
        Objects.requireNonNull(owner, "owner");
        if (ttl != null && (ttl.isNegative() || ttl.isZero())) {
            throw new IllegalArgumentException("ttl must be positive");
        }
        context = context == null ? Map.of() : context;
    }

    /** A session with only an owner: generated id, agent {@code main}, no expiry. */
    public static NewSession forOwner(String owner) {
        return new NewSession(null, null, null, null, owner, null, null);
    }

    /** The same request with the given id. */
    public NewSession withId(String newId) {
        return new NewSession(newId, label, agentId, model, owner, ttl, context);
    }
}
