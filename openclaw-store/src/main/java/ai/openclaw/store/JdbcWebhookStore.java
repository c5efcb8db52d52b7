package ai.openclaw.store;

import ai.openclaw.util.Page;
import ai.openclaw.util.SecretCipher;
import ai.openclaw.webhook.WebhookDelivery;
import ai.openclaw.webhook.WebhookEndpoint;
import ai.openclaw.webhook.WebhookStore;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.statement.PreparedBatch;

/** {@link WebhookStore} over JDBC: tables {@code webhook_endpoints} and {@code webhook_deliveries} (V4). */
final class JdbcWebhookStore implements WebhookStore {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final Database db;

    private final SecretCipher cipher;

    /** A store whose endpoint and delivery secrets are sealed with {@code cipher} ({@link SecretCipher}). */
    JdbcWebhookStore(Database db, SecretCipher cipher) {
        this.db = db;
        this.cipher = cipher;
    }

    @Override
    public void insertEndpoint(WebhookEndpoint e) {
        db.write(h -> h.createUpdate("INSERT INTO webhook_endpoints (id, url, events, secret, owner, enabled, "
                        + "disabled_reason, created_at) VALUES (:id, :url, :events, :secret, :owner, :enabled, NULL, "
                        + ":created)")
                .bind("id", e.id()).bind("url", e.url()).bind("events", String.join(" ", e.events()))
                .bind("secret", cipher.seal(e.secret())).bind("owner", e.owner()).bind("enabled", e.enabled() ? 1 : 0)
                .bind("created", e.createdAt().toEpochMilli()).execute());
    }

    @Override
    public Optional<WebhookEndpoint> endpoint(String id) {
        return db.read(h -> h.createQuery("SELECT * FROM webhook_endpoints WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> endpoint(rs)).findOne());
    }

    @Override
    public List<WebhookEndpoint> endpoints(String owner) {
        return db.read(h -> {
            var q = h.createQuery("SELECT * FROM webhook_endpoints" + (owner == null ? "" : " WHERE owner = :owner")
                    + " ORDER BY created_at, id");
            if (owner != null) {
                q.bind("owner", owner);
            }
            return q.map((rs, ctx) -> endpoint(rs)).list();
        });
    }

    @Override
    public boolean deleteEndpoint(String id) {
        boolean[] found = new boolean[1];
        db.write(h -> found[0] = h.createUpdate("DELETE FROM webhook_endpoints WHERE id = :id").bind("id", id)
                .execute() > 0);
        return found[0];
    }

    @Override
    public void disableEndpoint(String id, String reason) {
        db.write(h -> h.createUpdate("UPDATE webhook_endpoints SET enabled = 0, disabled_reason = :r WHERE id = :id")
                .bind("r", reason).bind("id", id).execute());
    }

    @Override
    public void enqueue(List<WebhookDelivery> deliveries) {
        if (deliveries.isEmpty()) {
            return;
        }
        db.write(h -> {
            PreparedBatch b = h.prepareBatch("INSERT INTO webhook_deliveries (id, endpoint_id, url, secret, headers, "
                    + "event, body, status, attempts, next_attempt_at, last_status, last_error, created_at, "
                    + "updated_at, delivered_at) VALUES (:id, :endpoint, :url, :secret, :headers, :event, :body, "
                    + ":status, :attempts, :next, NULL, NULL, :created, :created, NULL)");
            for (WebhookDelivery d : deliveries) {
                b.bind("id", d.id()).bind("endpoint", d.endpointId()).bind("url", d.url()).bind("secret", cipher.seal(d.secret()))
                        .bind("headers", json(d.headers())).bind("event", d.event()).bind("body", d.body())
                        .bind("status", d.status()).bind("attempts", d.attempts())
                        .bind("next", d.nextAttemptAt().toEpochMilli()).bind("created", d.createdAt().toEpochMilli())
                        .add();
            }
            b.execute();
        });
    }

    @Override
    public List<WebhookDelivery> due(Instant now, int limit) {
        return db.read(h -> h.createQuery("SELECT * FROM webhook_deliveries WHERE status = 'pending' AND "
                        + "next_attempt_at <= :now ORDER BY created_at, id LIMIT :limit")
                .bind("now", now.toEpochMilli()).bind("limit", limit).map((rs, ctx) -> delivery(rs)).list());
    }

    @Override
    public boolean claim(String id, Instant expectedNextAttempt, Instant leaseUntil) {
        boolean[] won = new boolean[1];
        db.write(h -> won[0] = h.createUpdate("UPDATE webhook_deliveries SET next_attempt_at = :lease WHERE id = :id "
                        + "AND status = 'pending' AND next_attempt_at = :expected")
                .bind("lease", leaseUntil.toEpochMilli()).bind("id", id)
                .bind("expected", expectedNextAttempt.toEpochMilli()).execute() == 1);
        return won[0];
    }

    @Override
    public java.util.Set<String> claimAll(List<WebhookDelivery> deliveries, Instant leaseUntil) {
        java.util.Set<String> won = new java.util.HashSet<>();
        if (deliveries.isEmpty()) {
            return won;
        }
        db.write(h -> {
            won.clear(); // a batch retried after a failure runs this again
            var batch = h.prepareBatch("UPDATE webhook_deliveries SET next_attempt_at = :lease WHERE id = :id "
                    + "AND status = 'pending' AND next_attempt_at = :expected");
            for (WebhookDelivery d : deliveries) {
                batch.bind("lease", leaseUntil.toEpochMilli()).bind("id", d.id())
                        .bind("expected", d.nextAttemptAt().toEpochMilli()).add();
            }
            int[] counts = batch.execute();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == 1) {
                    won.add(deliveries.get(i).id());
                }
            }
        });
        return won;
    }

    @Override
    public void releaseAll(java.util.Collection<String> ids, Instant at) {
        if (ids.isEmpty()) {
            return;
        }
        db.write(h -> {
            var batch = h.prepareBatch("UPDATE webhook_deliveries SET next_attempt_at = :at WHERE id = :id AND "
                    + "status = 'pending'");
            for (String id : ids) {
                batch.bind("at", at.toEpochMilli()).bind("id", id).add();
            }
            batch.execute();
        });
    }

    @Override
    public void release(String id, Instant at) {
        db.write(h -> h.createUpdate("UPDATE webhook_deliveries SET next_attempt_at = :at WHERE id = :id AND "
                + "status = 'pending'").bind("at", at.toEpochMilli()).bind("id", id).execute());
    }

    @Override
    public void recordAttempt(String id, String status, int attempts, Instant nextAttemptAt, Integer lastStatus,
                              String lastError, Instant now) {
        db.write(h -> h.createUpdate("UPDATE webhook_deliveries SET status = :status, attempts = :attempts, "
                        + "next_attempt_at = :next, last_status = :last, last_error = :error, updated_at = :now, "
                        + "delivered_at = :delivered WHERE id = :id")
                .bind("delivered", WebhookDelivery.DELIVERED.equals(status) ? now.toEpochMilli() : null)
                .bind("status", status).bind("attempts", attempts).bind("next", nextAttemptAt.toEpochMilli())
                .bind("last", lastStatus).bind("error", lastError).bind("now", now.toEpochMilli()).bind("id", id)
                .execute());
    }

    @Override
    public int purge(Instant before) {
        int[] n = new int[1];
        db.write(h -> n[0] = h.createUpdate("DELETE FROM webhook_deliveries WHERE status <> 'pending' AND "
                + "updated_at < :before").bind("before", before.toEpochMilli()).execute());
        return n[0];
    }

    @Override
    public Optional<WebhookDelivery> delivery(String id) {
        return db.read(h -> h.createQuery("SELECT * FROM webhook_deliveries WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> delivery(rs)).findOne());
    }

    @Override
    public Page<WebhookDelivery> deliveries(String endpointId, int offset, int limit) {
        return db.read(h -> {
            long total = h.createQuery("SELECT count(*) FROM webhook_deliveries WHERE endpoint_id = :e")
                    .bind("e", endpointId).mapTo(Long.class).one();
            List<WebhookDelivery> items = h.createQuery("SELECT * FROM webhook_deliveries WHERE endpoint_id = :e "
                            + "ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset")
                    .bind("e", endpointId).bind("limit", limit).bind("offset", offset)
                    .map((rs, ctx) -> delivery(rs)).list();
            return new Page<>(items, total, offset, limit);
        });
    }

    private WebhookEndpoint endpoint(ResultSet rs) throws SQLException {
        return new WebhookEndpoint(rs.getString("id"), rs.getString("url"),
                new LinkedHashSet<>(Arrays.asList(rs.getString("events").split(" "))), cipher.open(rs.getString("secret")),
                rs.getString("owner"), rs.getInt("enabled") != 0, rs.getString("disabled_reason"), false,
                Instant.ofEpochMilli(rs.getLong("created_at")));
    }

    private WebhookDelivery delivery(ResultSet rs) throws SQLException {
        int last = rs.getInt("last_status");
        Integer lastStatus = rs.wasNull() ? null : last;
        return new WebhookDelivery(rs.getString("id"), rs.getString("endpoint_id"), rs.getString("url"),
                cipher.open(rs.getString("secret")), map(rs.getString("headers")), rs.getString("event"),
                rs.getString("body"),
                rs.getString("status"), rs.getInt("attempts"), Instant.ofEpochMilli(rs.getLong("next_attempt_at")),
                lastStatus, rs.getString("last_error"), Instant.ofEpochMilli(rs.getLong("created_at")),
                Instant.ofEpochMilli(rs.getLong("updated_at")), JdbcApiKeyStore.instant(rs, "delivered_at"));
    }

    static String json(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not serialisable as JSON", e);
        }
    }

    static Map<String, String> map(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try {
            return MAPPER.readValue(json, new TypeReference<Map<String, String>>() { });
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }
}
