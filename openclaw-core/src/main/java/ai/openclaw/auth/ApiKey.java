package ai.openclaw.auth;

import ai.openclaw.error.OpenClawException;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A stored API key (seed 002 {@code oc_api_sk_…}): only the SHA-256 hash of the secret is kept.
 *
 * @param id the key id, e.g. {@code key_k3j9…}; also the owner id of what the key creates
 * @param name the human name, unique among keys, e.g. {@code production}
 * @param prefix the first characters of the secret, for recognising it in lists
 * @param hash the lowercase hex SHA-256 of the secret
 * @param scopes what the key may do ({@link Scopes})
 * @param plan the rate-limit plan ({@code free}, {@code pro}, {@code enterprise})
 * @param createdAt when it was generated
 * @param lastUsedAt when it last authenticated a request, or null
 * @param expiresAt when it stops working, or null for never
 * @param revokedAt when it was revoked, or null
 * @param limits this key's overrides of its plan's rate limits; never null
 * @param tenant the tenant the key belongs to ({@code [A-Za-z0-9_-]}, 1–64 characters), or null: keys sharing a
 *     tenant act as one owner ({@link Principal#ownerId()} {@code tenant-<tenant>}); a key without one is an owner of
 *     its own (issue 10)
 */
public record ApiKey(String id, String name, String prefix, String hash, Set<String> scopes, String plan,
                     Instant createdAt, Instant lastUsedAt, Instant expiresAt, Instant revokedAt, KeyLimits limits,
                     String tenant) {
    private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /** Validates the required fields and the tenant, and copies the scopes. */
    public ApiKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(hash, "hash");
        scopes = Set.copyOf(scopes);
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(createdAt, "createdAt");
        limits = limits == null ? KeyLimits.NONE : limits;
        checkTenant(tenant);
    }

    /** A key of no tenant. */
    public ApiKey(String id, String name, String prefix, String hash, Set<String> scopes, String plan,
                  Instant createdAt, Instant lastUsedAt, Instant expiresAt, Instant revokedAt, KeyLimits limits) {
        this(id, name, prefix, hash, scopes, plan, createdAt, lastUsedAt, expiresAt, revokedAt, limits, null);
    }

    /**
     * Checks a tenant name.
     *
     * @param tenant the name, or null (no tenant)
     * @return {@code tenant}
     * @throws OpenClawException INVALID_REQUEST naming {@code tenant} when it is not 1–64 of {@code A-Z a-z 0-9 _ -}
     */
    public static String checkTenant(String tenant) {
        if (tenant != null && !TENANT.matcher(tenant).matches()) {
            throw OpenClawException.invalid("field 'tenant' must be 1-64 characters of letters, digits, '_' and '-'");
        }
        return tenant;
    }

    /** The principal this key authenticates as. */
    public Principal principal() {
        return new Principal(id, name, scopes, plan, limits, tenant);
    }

    /** A key without limit overrides. */
    public ApiKey(String id, String name, String prefix, String hash, Set<String> scopes, String plan,
                  Instant createdAt, Instant lastUsedAt, Instant expiresAt, Instant revokedAt) {
        this(id, name, prefix, hash, scopes, plan, createdAt, lastUsedAt, expiresAt, revokedAt, KeyLimits.NONE);
    }

    /** This key's status at {@code now}: {@code active}, {@code revoked} or {@code expired}. */
    public String statusAt(Instant now) {
        return revokedAt != null ? "revoked" : activeAt(now) ? "active" : "expired";
    }

    /** Whether the key authenticates at {@code now}: not revoked and not expired. */
    public boolean activeAt(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }
}
