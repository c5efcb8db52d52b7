package ai.openclaw.auth;

import ai.openclaw.error.OpenClawException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Authenticates credentials (the gateway token or an API key) and manages API keys (DESIGN.md §4, seed 002).
 * Secrets are compared in constant time; keys are stored only as hashes.
 */
public interface AuthService {
    /** The prefix of every API key. */
    String KEY_PREFIX = "oc_api_sk_";

    /**
     * The principal a credential belongs to.
     *
     * @param credential the bearer token or API key as presented, or null
     * @return the principal, or empty for a missing, unknown, revoked or expired credential
     */
    Optional<Principal> authenticate(String credential);

    /**
     * Generates a new API key.
     *
     * @param name a unique name, 1–64 characters
     * @param scopes the scopes, or null for {@link Scopes#DEFAULT}; an empty set is refused (it would be a key that
     *     can do nothing, and widening it to the default would grant what was not asked for)
     * @param plan the rate-limit plan, or null for {@code free}
     * @param expiresIn how long it works, or null for no expiry
     * @throws OpenClawException INVALID_REQUEST for a bad name, scope (or an empty scope set, the message naming
     *     {@code scopes}) or plan; CONFLICT if the name is taken
     */
    default GeneratedKey generate(String name, Set<String> scopes, String plan, Duration expiresIn) {
        return generate(name, scopes, plan, expiresIn, KeyLimits.NONE);
    }

    /**
     * Generates a new API key with its own rate-limit overrides.
     *
     * @param limits overrides of the plan's limits, or null for none
     * @throws OpenClawException as {@link #generate(String, Set, String, Duration)}
     */
    default GeneratedKey generate(String name, Set<String> scopes, String plan, Duration expiresIn, KeyLimits limits) {
        return generate(name, scopes, plan, expiresIn, limits, null);
    }

    /**
     * Generates a new API key of a tenant: every key of one tenant acts as one owner (sessions, agents, workspace,
     * webhooks and events are shared among them), each with its own scopes, plan and limits.
     *
     * @param limits overrides of the plan's limits, or null for none
     * @param tenant the tenant ({@code [A-Za-z0-9_-]}, 1–64 characters), or null for a key that is an owner of its own
     * @throws OpenClawException as {@link #generate(String, Set, String, Duration)}; INVALID_REQUEST naming
     *     {@code tenant} for a bad tenant name
     */
    GeneratedKey generate(String name, Set<String> scopes, String plan, Duration expiresIn, KeyLimits limits,
                          String tenant);

    /**
     * The key with this id, else the active (or newest) key with this name.
     *
     * @throws OpenClawException NOT_FOUND if no key has that name or id
     */
    ApiKey find(String nameOrId);

    /**
     * Changes a key's plan and limit overrides; takes effect on its next request.
     *
     * @param nameOrId the key
     * @param plan the new plan, or null to keep it
     * @param limits the new overrides (replacing the old ones), or null to keep them
     * @throws OpenClawException NOT_FOUND for an unknown key; INVALID_REQUEST for an unknown plan
     */
    ApiKey update(String nameOrId, String plan, KeyLimits limits);

    /** Every key, newest first (hashes included, secrets never). */
    List<ApiKey> list();

    /**
     * Revokes a key by name or id; it stops working at once.
     *
     * @throws OpenClawException NOT_FOUND if no key has that name or id
     */
    ApiKey revoke(String nameOrId);

    /** Replaces the gateway token held in memory (after {@code auth generate-token}). */
    void setGatewayToken(String token);

    /**
     * The default implementation.
     *
     * @param store where keys live
     * @param gatewayToken the gateway token; never blank
     * @param clock the time source for expiry and last-used times
     */
    static AuthService create(ApiKeyStore store, String gatewayToken, Clock clock) {
        return new DefaultAuthService(store, gatewayToken, clock);
    }

    /** The lowercase hex SHA-256 of a secret, as stored. */
    static String hash(String secret) {
        return DefaultAuthService.sha256Hex(secret);
    }
}
