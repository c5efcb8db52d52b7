package ai.openclaw.store;

import ai.openclaw.task.Task;
import ai.openclaw.task.TaskCallback;
import ai.openclaw.task.TaskStatus;
import ai.openclaw.task.TaskStore;
import ai.openclaw.util.Page;
import ai.openclaw.util.SecretCipher;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link TaskStore} over JDBC: table {@code tasks} (V4). */
final class JdbcTaskStore implements TaskStore {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final Database db;

    private final SecretCipher cipher;

    /** A store whose callback secrets are sealed with {@code cipher} ({@link SecretCipher}). */
    JdbcTaskStore(Database db, SecretCipher cipher) {
        this.db = db;
        this.cipher = cipher;
    }

    @Override
    public void insert(Task t) {
        TaskCallback cb = t.callback();
        db.write(h -> h.createUpdate("INSERT INTO tasks (id, name, type, parameters, priority, timeout_seconds, status, "
                        + "progress, result, error, callback_url, callback_headers, callback_secret, owner, attempts, "
                        + "created_at, updated_at, started_at, completed_at) VALUES (:id, :name, :type, :params, "
                        + ":priority, :timeout, :status, 0, NULL, NULL, :cbUrl, :cbHeaders, :cbSecret, :owner, 0, "
                        + ":now, :now, NULL, NULL)")
                .bind("id", t.id()).bind("name", t.name()).bind("type", t.type())
                .bind("params", JdbcWebhookStore.json(t.parameters())).bind("priority", t.priority())
                .bind("timeout", t.timeoutSeconds()).bind("status", t.status().wire())
                .bind("cbUrl", cb == null ? null : cb.url())
                .bind("cbHeaders", cb == null ? null : JdbcWebhookStore.json(cb.headers()))
                .bind("cbSecret", cb == null ? null : cipher.seal(cb.secret())).bind("owner", t.owner())
                .bind("now", t.createdAt().toEpochMilli()).execute());
    }

    @Override
    public Optional<Task> find(String id) {
        return db.read(h -> h.createQuery("SELECT * FROM tasks WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> map(rs)).findOne());
    }

    @Override
    public Page<Task> list(String owner, TaskStatus status, int offset, int limit) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (owner != null) {
            where.append(" AND owner = :owner");
        }
        if (status != null) {
            where.append(" AND status = :status");
        }
        return db.read(h -> {
            var count = h.createQuery("SELECT count(*) FROM tasks" + where);
            var q = h.createQuery("SELECT * FROM tasks" + where + " ORDER BY created_at DESC, id LIMIT :limit "
                    + "OFFSET :offset").bind("limit", limit).bind("offset", offset);
            if (owner != null) {
                count.bind("owner", owner);
                q.bind("owner", owner);
            }
            if (status != null) {
                count.bind("status", status.wire());
                q.bind("status", status.wire());
            }
            long total = count.mapTo(Long.class).one();
            return new Page<>(q.map((rs, ctx) -> map(rs)).list(), total, offset, limit);
        });
    }

    @Override
    public Optional<Task> claimNext(Instant now) {
        String[] claimed = new String[1];
        db.write(h -> {
            List<String> ids = h.createQuery("SELECT id FROM tasks WHERE status = 'pending' ORDER BY priority DESC, "
                    + "created_at, id LIMIT 5").mapTo(String.class).list();
            for (String id : ids) {
                if (h.createUpdate("UPDATE tasks SET status = 'running', progress = 0, attempts = attempts + 1, "
                                + "started_at = :now, updated_at = :now WHERE id = :id AND status = 'pending'")
                        .bind("now", now.toEpochMilli()).bind("id", id).execute() == 1) {
                    claimed[0] = id;
                    return;
                }
            }
        });
        return claimed[0] == null ? Optional.empty() : find(claimed[0]);
    }

    @Override
    public void progress(String id, int progress, Instant now) {
        db.write(h -> h.createUpdate("UPDATE tasks SET progress = :p, updated_at = :now WHERE id = :id AND "
                + "status = 'running'").bind("p", progress).bind("now", now.toEpochMilli()).bind("id", id).execute());
    }

    @Override
    public boolean finish(String id, TaskStatus from, TaskStatus to, String resultJson, String error, Instant now) {
        boolean[] done = new boolean[1];
        db.write(h -> done[0] = h.createUpdate("UPDATE tasks SET status = :to, result = :result, error = :error, "
                        + (to == TaskStatus.COMPLETED ? "progress = 100, " : "") + "updated_at = :now, "
                        + "completed_at = :now WHERE id = :id AND status = :from")
                .bind("to", to.wire()).bind("result", resultJson).bind("error", error).bind("now", now.toEpochMilli())
                .bind("id", id).bind("from", from.wire()).execute() == 1);
        return done[0];
    }

    @Override
    public int recover(int maxAttempts, String reason, Instant now) {
        int[] n = new int[1];
        db.write(h -> {
            n[0] = h.createUpdate("UPDATE tasks SET status = 'failed', error = :reason, updated_at = :now, "
                            + "completed_at = :now WHERE status = 'running' AND attempts >= :max")
                    .bind("reason", reason + " (after " + maxAttempts + " attempt(s))").bind("now", now.toEpochMilli())
                    .bind("max", maxAttempts).execute();
            n[0] += h.createUpdate("UPDATE tasks SET status = 'pending', progress = 0, updated_at = :now "
                            + "WHERE status = 'running'")
                    .bind("now", now.toEpochMilli()).execute();
        });
        return n[0];
    }

    private Task map(ResultSet rs) throws SQLException {
        String cbUrl = rs.getString("callback_url");
        TaskCallback cb = cbUrl == null ? null : new TaskCallback(cbUrl,
                JdbcWebhookStore.map(rs.getString("callback_headers")), cipher.open(rs.getString("callback_secret")));
        int timeout = rs.getInt("timeout_seconds");
        Integer timeoutSeconds = rs.wasNull() ? null : timeout;
        return new Task(rs.getString("id"), rs.getString("name"), rs.getString("type"),
                parse(rs.getString("parameters"), new TypeReference<Map<String, Object>>() { }),
                rs.getInt("priority"), timeoutSeconds, TaskStatus.fromWire(rs.getString("status")),
                rs.getInt("progress"), parse(rs.getString("result"), new TypeReference<Object>() { }),
                rs.getString("error"), cb, rs.getString("owner"), rs.getInt("attempts"),
                Instant.ofEpochMilli(rs.getLong("created_at")), Instant.ofEpochMilli(rs.getLong("updated_at")),
                JdbcApiKeyStore.instant(rs, "started_at"), JdbcApiKeyStore.instant(rs, "completed_at"));
    }

    private static <T> T parse(String json, TypeReference<T> type) {
        if (json == null) {
            return null;
        }
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored task JSON is corrupt", e);
        }
    }
}
