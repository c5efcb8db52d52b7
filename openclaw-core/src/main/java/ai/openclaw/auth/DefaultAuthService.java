package ai.openclaw.auth;

import ai.openclaw.error.OpenClawException;
import ai.openclaw.util.Ids;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The default {@link AuthService}. API keys are looked up by hash on every request (an indexed read), so a key
 * revoked by any process sharing the database stops working at once.
 */
final class DefaultAuthService implements AuthService {
    private static final MessageDigest SHA256 = prototype();
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    private static final Set<String> PLANS = Set.of("free", "pro", "enterprise");

    private final ApiKeyStore store;
    private final Clock clock;
    private volatile byte[] gatewayToken;
    private final ConcurrentHashMap<String, Instant> touched = new ConcurrentHashMap<>();

    DefaultAuthService(ApiKeyStore store, String gatewayToken, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        setGatewayToken(gatewayToken);
    }

    @Override
    public void setGatewayToken(String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("gateway token must not be blank");
        }
        this.gatewayToken = sha256(token);
    }

    @Override
    public Optional<Principal> authenticate(String credential) {
        if (credential == null || credential.isEmpty() || credential.length() > 512) {
            return Optional.empty();
        }
        byte[] digest = sha256(credential);
        if (MessageDigest.isEqual(digest, gatewayToken)) {
            return Optional.of(Principal.GATEWAY);
        }
        if (!credential.startsWith(KEY_PREFIX)) {
            return Optional.empty();
        }
        String hash = HexFormat.of().formatHex(digest);
        Instant now = clock.instant();
        ApiKey key = store.findByHash(hash).orElse(null);
        if (key == null) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(hash.getBytes(StandardCharsets.US_ASCII),
                key.hash().getBytes(StandardCharsets.US_ASCII)) || !key.activeAt(now)) {
            return Optional.empty();
        }
        Instant last = touched.get(key.id());
        if (last == null || !now.isBefore(last.plus(TOUCH_EVERY))) {
            touched.put(key.id(), now);
            store.touch(key.id(), now);
        }
        return Optional.of(key.principal());
    }

    @Override
    public GeneratedKey generate(String name, Set<String> scopes, String plan, Duration expiresIn,
                                 KeyLimits limits, String tenant) {
        ApiKey.checkTenant(tenant);
        if (name == null || name.isBlank() || name.length() > 64 || !name.strip().equals(name)) {
            throw OpenClawException.invalid("key name must be 1-64 characters without leading or trailing spaces");
        }
        if (scopes != null && scopes.isEmpty()) {
            throw OpenClawException.invalid("field 'scopes' is empty: a key needs at least one scope ("
                    + String.join(", ", Scopes.ALL.stream().sorted().toList()) + "); leave 'scopes' out for the "
                    + "default (" + String.join(", ", Scopes.DEFAULT.stream().sorted().toList()) + ")");
        }
        Set<String> s = scopes == null ? Scopes.DEFAULT : Set.copyOf(scopes);
        for (String scope : s) {
            if (!Scopes.ALL.contains(scope)) {
                throw OpenClawException.invalid("unknown scope '" + scope + "'; known scopes: "
                        + String.join(", ", Scopes.ALL.stream().sorted().toList()));
            }
        }
        String p = checkPlan(plan == null ? "free" : plan);
        if (expiresIn != null && (expiresIn.isNegative() || expiresIn.isZero())) {
            throw OpenClawException.invalid("key expiry must be positive");
        }
        if (store.list().stream().anyMatch(k -> k.name().equals(name) && k.revokedAt() == null)) {
            throw OpenClawException.conflict("an API key named '" + name + "' already exists");
        }
        String secret = KEY_PREFIX + Ids.newSecret(40);
        Instant now = clock.instant();
        ApiKey key = new ApiKey(Ids.newId("key"), name, secret.substring(0, KEY_PREFIX.length() + 4),
                sha256Hex(secret), s, p, now, null, expiresIn == null ? null : now.plus(expiresIn), null, limits,
                tenant);
        store.insert(key);
        return new GeneratedKey(key, secret);
    }

    @Override
    public List<ApiKey> list() {
        return store.list();
    }

    @Override
    public ApiKey find(String nameOrId) {
        List<ApiKey> keys = store.list();
        return keys.stream().filter(k -> k.id().equals(nameOrId)).findFirst()
                .or(() -> keys.stream().filter(k -> k.name().equals(nameOrId) && k.revokedAt() == null).findFirst())
                .or(() -> keys.stream().filter(k -> k.name().equals(nameOrId)).findFirst())
                .orElseThrow(() -> OpenClawException.notFound("API key", nameOrId));
    }

    @Override
    public ApiKey revoke(String nameOrId) {
        ApiKey key = find(nameOrId);
        Instant now = clock.instant();
        store.revoke(key.id(), now);
        return new ApiKey(key.id(), key.name(), key.prefix(), key.hash(), key.scopes(), key.plan(), key.createdAt(),
                key.lastUsedAt(), key.expiresAt(), key.revokedAt() == null ? now : key.revokedAt(), key.limits(),
                key.tenant());
    }

    @Override
    public ApiKey update(String nameOrId, String plan, KeyLimits limits) {
        ApiKey key = find(nameOrId);
        String p = plan == null ? key.plan() : checkPlan(plan);
        KeyLimits l = limits == null ? key.limits() : limits;
        store.updateLimits(key.id(), p, l);
        return new ApiKey(key.id(), key.name(), key.prefix(), key.hash(), key.scopes(), p, key.createdAt(),
                key.lastUsedAt(), key.expiresAt(), key.revokedAt(), l, key.tenant());
    }

    private static String checkPlan(String p) {
        if (!PLANS.contains(p)) {
            throw OpenClawException.invalid("unknown plan '" + p + "'; known plans: free, pro, enterprise");
        }
        return p;
    }

    static String sha256Hex(String secret) {
        return HexFormat.of().formatHex(sha256(secret));
    }

    private static byte[] sha256(String s) {
        try {
            // a clone of a prototype skips the provider lookup of getInstance (once per authenticated request)
            return ((MessageDigest) SHA256.clone()).digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 digest cannot be cloned", e);
        }
    }

    private static MessageDigest prototype() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
