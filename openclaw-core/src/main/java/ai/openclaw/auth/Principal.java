package ai.openclaw.auth;

import ai.openclaw.session.Session;
import java.util.Objects;
import java.util.Set;

/**
 * Who is calling: the gateway token's holder or an API key.
 *
 * @param id {@code gateway} for the gateway token, else the API key id
 * @param name a display name
 * @param scopes what the caller may do
 * @param plan the rate-limit plan
 * @param limits the key's own overrides of its plan's limits; never null
 * @param tenant the key's tenant ({@link ApiKey#tenant()}), or null: keys sharing a tenant are one owner
 */
public record Principal(String id, String name, Set<String> scopes, String plan, KeyLimits limits, String tenant) {
    /** The prefix of a tenant's owner id: {@code tenant-<tenant>} (never a key id, which starts {@code key_}). */
    public static final String TENANT_OWNER_PREFIX = "tenant-";

    /** The gateway token's holder: every scope. */
    public static final Principal GATEWAY = new Principal(Session.GATEWAY_OWNER, "gateway token", Scopes.ALL,
            "enterprise");

    /** Validates the fields and copies the scopes. */
    public Principal {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        scopes = Set.copyOf(scopes);
        Objects.requireNonNull(plan, "plan");
        limits = limits == null ? KeyLimits.NONE : limits;
        ApiKey.checkTenant(tenant);
    }

    /** A principal of no tenant. */
    public Principal(String id, String name, Set<String> scopes, String plan, KeyLimits limits) {
        this(id, name, scopes, plan, limits, null);
    }

    /** A principal without limit overrides. */
    public Principal(String id, String name, Set<String> scopes, String plan) {
        this(id, name, scopes, plan, KeyLimits.NONE, null);
    }

    /** Whether the caller holds the scope ({@link Scopes#ADMIN} holds all). */
    public boolean has(String scope) {
        return scopes.contains(scope) || scopes.contains(Scopes.ADMIN);
    }

    /** Whether this is an administrator (the gateway token or an admin key), who sees every owner's things. */
    public boolean isAdmin() {
        return scopes.contains(Scopes.ADMIN);
    }

    /**
     * The owner id stamped on things this caller creates: {@link Session#GATEWAY_OWNER} for the operator (the gateway
     * token and every admin key are one owner, whose resources are the shared, operator-defined ones), else
     * {@code tenant-<tenant>} for a key of a tenant (every key of the tenant is that one owner), else the key id.
     * Owner ids are safe path segments ({@code [A-Za-z0-9_-]}) and name per-owner workspace folders.
     */
    public String ownerId() {
        return isAdmin() ? Session.GATEWAY_OWNER : tenant != null ? TENANT_OWNER_PREFIX + tenant : id;
    }

    /** Whether this caller is the operator ({@link #isAdmin()}): sees and changes every owner's things. */
    public boolean isOperator() {
        return isAdmin();
    }

    /** The owner filter for reads: null (everything) for administrators, else {@link #ownerId()}. */
    public String ownerFilter() {
        return isAdmin() ? null : ownerId();
    }
}
