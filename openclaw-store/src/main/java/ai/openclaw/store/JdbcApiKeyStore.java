package ai.openclaw.store;

import ai.openclaw.auth.ApiKey;
import ai.openclaw.auth.ApiKeyStore;
import ai.openclaw.auth.KeyLimits;
import ai.openclaw.error.OpenClawException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** {@link ApiKeyStore} over JDBC. */
final class JdbcApiKeyStore implements ApiKeyStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Database db;

    JdbcApiKeyStore(Database db) {
        this.db = db;
    }

    @Override
    public void insert(ApiKey key) {
        db.write(h -> {
            boolean taken = h.createQuery("SELECT count(*) FROM api_keys WHERE name = :name AND revoked_at IS NULL")
                    .bind("name", key.name()).mapTo(Long.class).one() > 0;
            if (taken) {
                throw OpenClawException.conflict("an API key named '" + key.name() + "' already exists");
            }
            h.createUpdate("INSERT INTO api_keys (id, name, prefix, hash, scopes, plan, created_at, last_used_at, "
                            + "expires_at, revoked_at, limits, tenant) VALUES (:id, :name, :prefix, :hash, :scopes, :plan, "
                            + ":created, NULL, :expires, NULL, :limits, :tenant)")
                    .bind("id", key.id()).bind("name", key.name()).bind("prefix", key.prefix())
                    .bind("hash", key.hash()).bind("scopes", key.scopes().stream().sorted()
                            .collect(Collectors.joining(" ")))
                    .bind("plan", key.plan()).bind("created", key.createdAt().toEpochMilli())
                    .bind("expires", key.expiresAt() == null ? null : key.expiresAt().toEpochMilli())
                    .bind("limits", limitsJson(key.limits())).bind("tenant", key.tenant())
                    .execute();
        });
    }

    @Override
    public Optional<ApiKey> findByHash(String hash) {
        return db.read(h -> h.createQuery("SELECT * FROM api_keys WHERE hash = :hash").bind("hash", hash)
                .map((rs, ctx) -> map(rs)).findOne());
    }

    @Override
    public List<ApiKey> list() {
        return db.read(h -> h.createQuery("SELECT * FROM api_keys ORDER BY created_at DESC, id")
                .map((rs, ctx) -> map(rs)).list());
    }

    @Override
    public boolean revoke(String id, Instant at) {
        boolean[] found = new boolean[1];
        db.write(h -> found[0] = h.createUpdate(
                        "UPDATE api_keys SET revoked_at = COALESCE(revoked_at, :at) WHERE id = :id")
                .bind("at", at.toEpochMilli()).bind("id", id).execute() > 0);
        return found[0];
    }

    @Override
    public void touch(String id, Instant at) {
        db.write(h -> h.createUpdate("UPDATE api_keys SET last_used_at = :at WHERE id = :id")
                .bind("at", at.toEpochMilli()).bind("id", id).execute());
    }

    @Override
    public boolean updateLimits(String id, String plan, KeyLimits limits) {
        boolean[] found = new boolean[1];
        db.write(h -> found[0] = h.createUpdate("UPDATE api_keys SET plan = :plan, limits = :limits WHERE id = :id")
                .bind("plan", plan).bind("limits", limitsJson(limits)).bind("id", id).execute() > 0);
        return found[0];
    }

    private static String limitsJson(KeyLimits limits) {
        if (limits == null || limits.isEmpty()) {
            return null;
        }
        try {
            return JSON.writeValueAsString(limits.toMap(false));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("limits not serialisable", e);
        }
    }

    private static KeyLimits limits(String json) {
        if (json == null || json.isBlank()) {
            return KeyLimits.NONE;
        }
        try {
            return KeyLimits.fromJson(JSON.readTree(json), "limits");
        } catch (JsonProcessingException | RuntimeException e) {
            return KeyLimits.NONE;
        }
    }

    private static ApiKey map(ResultSet rs) throws SQLException {
        String scopes = rs.getString("scopes");
        Set<String> set = scopes.isBlank() ? Set.of() : Set.copyOf(Arrays.asList(scopes.split(" ")));
        return new ApiKey(rs.getString("id"), rs.getString("name"), rs.getString("prefix"), rs.getString("hash"), set,
                rs.getString("plan"), Instant.ofEpochMilli(rs.getLong("created_at")), instant(rs, "last_used_at"),
                instant(rs, "expires_at"), instant(rs, "revoked_at"), limits(rs.getString("limits")),
                rs.getString("tenant"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }
}
