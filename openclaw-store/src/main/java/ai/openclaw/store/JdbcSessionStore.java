package ai.openclaw.store;

import ai.openclaw.error.OpenClawException;
import ai.openclaw.llm.Role;
import ai.openclaw.llm.Usage;
import ai.openclaw.session.Message;
import ai.openclaw.session.Session;
import ai.openclaw.session.SessionStats;
import ai.openclaw.session.SessionStore;
import ai.openclaw.util.Page;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * {@link SessionStore} over JDBC; message {@code seq} numbers run 0, 1, 2… within a session (with gaps where a
 * message was deleted; a turn appends after the highest one).
 */
final class JdbcSessionStore implements SessionStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private final Database db;

    JdbcSessionStore(Database db) {
        this.db = db;
    }

    @Override
    public Optional<Session> find(String id) {
        return db.read(h -> h.createQuery("SELECT * FROM sessions WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> session(rs)).findOne());
    }

    @Override
    public void create(Session s) {
        db.write(h -> insertSession(h, s, 0));
    }

    @Override
    public Page<Session> list(String owner, int offset, int limit) {
        return db.read(h -> {
            String where = owner == null ? "" : " WHERE owner = :owner";
            var count = h.createQuery("SELECT count(*) FROM sessions" + where);
            var items = h.createQuery("SELECT * FROM sessions" + where
                    + " ORDER BY updated_at DESC, id LIMIT :limit OFFSET :offset");
            if (owner != null) {
                count.bind("owner", owner);
                items.bind("owner", owner);
            }
            long total = count.mapTo(Long.class).one();
            List<Session> list = items.bind("limit", limit).bind("offset", offset).map((rs, ctx) -> session(rs)).list();
            return new Page<>(list, total, offset, limit);
        });
    }

    @Override
    public boolean relabel(String id, String label) {
        boolean[] found = new boolean[1];
        db.write(h -> found[0] = h.createUpdate("UPDATE sessions SET label = :label WHERE id = :id")
                .bind("label", label).bind("id", id).execute() > 0);
        return found[0];
    }

    @Override
    public boolean delete(String id) {
        boolean[] found = new boolean[1];
        db.write(h -> {
            h.createUpdate("DELETE FROM messages WHERE session_id = :id").bind("id", id).execute();
            found[0] = h.createUpdate("DELETE FROM sessions WHERE id = :id").bind("id", id).execute() > 0;
        });
        return found[0];
    }

    @Override
    public List<Message> history(String sessionId, int max) {
        List<Message> newestFirst = db.read(h -> h.createQuery(
                        "SELECT * FROM messages WHERE session_id = :id ORDER BY seq DESC LIMIT :max")
                .bind("id", sessionId).bind("max", max).map((rs, ctx) -> message(rs)).list());
        List<Message> out = new ArrayList<>(newestFirst);
        Collections.reverse(out);
        return out;
    }

    @Override
    public Page<Message> messages(String sessionId, int offset, int limit) {
        return db.read(h -> {
            long total = h.createQuery("SELECT count(*) FROM messages WHERE session_id = :id").bind("id", sessionId)
                    .mapTo(Long.class).one();
            List<Message> items = h.createQuery(
                            "SELECT * FROM messages WHERE session_id = :id ORDER BY seq LIMIT :limit OFFSET :offset")
                    .bind("id", sessionId).bind("limit", limit).bind("offset", offset)
                    .map((rs, ctx) -> message(rs)).list();
            return new Page<>(items, total, offset, limit);
        });
    }

    private static final String INSERT_SESSION = "INSERT INTO sessions (id, label, agent_id, model, owner, created_at, "
            + "updated_at, expires_at, message_count, total_tokens, context) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            + "ON CONFLICT (id) DO NOTHING";
    private static final String UPDATE_SESSION = "UPDATE sessions SET updated_at = ?, message_count = ?, "
            + "total_tokens = total_tokens + ? WHERE id = ?";
    private static final String NEXT_SEQ = "SELECT COALESCE(MAX(seq), -1) + 1 FROM messages WHERE session_id = ?";
    private static final String INSERT_MESSAGE = "INSERT INTO messages (session_id, seq, id, role, content, type, "
            + "model, input_tokens, output_tokens, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /**
     * One turn's writes on the writer's prepared statements: the session row now (its count tells a clash), the
     * messages as rows of the group commit's one batched insert.
     */
    @Override
    public void appendTurn(Session session, boolean create, List<Message> messages) {
        long tokens = 0;
        for (Message m : messages) {
            tokens += m.usage().totalTokens();
        }
        long addedTokens = tokens;
        long countSeq = session.messageCount() - messages.size();
        String context = create ? json(session.context()) : null;
        db.writeSql(st -> {
            long firstSeq = countSeq;
            if (create) {
                PreparedStatement ps = st.prepare(INSERT_SESSION);
                ps.setString(1, session.id());
                ps.setString(2, session.label());
                ps.setString(3, session.agentId());
                ps.setString(4, session.model());
                ps.setString(5, session.owner());
                ps.setLong(6, session.createdAt().toEpochMilli());
                ps.setLong(7, session.updatedAt().toEpochMilli());
                if (session.expiresAt() == null) {
                    ps.setNull(8, Types.BIGINT);
                } else {
                    ps.setLong(8, session.expiresAt().toEpochMilli());
                }
                ps.setLong(9, session.messageCount());
                ps.setLong(10, addedTokens);
                ps.setString(11, context);
                if (ps.executeUpdate() == 0) {
                    throw OpenClawException.conflict("session '" + session.id() + "' already exists");
                }
            } else {
                PreparedStatement next = st.prepare(NEXT_SEQ);
                next.setString(1, session.id());
                try (ResultSet rs = next.executeQuery()) {
                    if (rs.next()) {
                        firstSeq = Math.max(countSeq, rs.getLong(1));
                    }
                }
                PreparedStatement ps = st.prepare(UPDATE_SESSION);
                ps.setLong(1, session.updatedAt().toEpochMilli());
                ps.setLong(2, session.messageCount());
                ps.setLong(3, addedTokens);
                ps.setString(4, session.id());
                if (ps.executeUpdate() == 0) {
                    throw OpenClawException.notFound("session", session.id());
                }
            }
            PreparedStatement insert = st.batch(INSERT_MESSAGE);
            long seq = firstSeq;
            for (Message m : messages) {
                insert.setString(1, m.sessionId());
                insert.setLong(2, seq++);
                insert.setString(3, m.id());
                insert.setString(4, m.role().wireName());
                insert.setString(5, m.content());
                insert.setString(6, m.type());
                insert.setString(7, m.model());
                insert.setInt(8, m.usage().inputTokens());
                insert.setInt(9, m.usage().outputTokens());
                insert.setLong(10, m.createdAt().toEpochMilli());
                insert.addBatch();
            }
        });
    }

    @Override
    public Optional<Message> findMessage(String id) {
        return db.read(h -> h.createQuery("SELECT * FROM messages WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> message(rs)).findOne());
    }

    @Override
    public List<Message> findMessages(ai.openclaw.session.MessageQuery q, String owner) {
        return db.read(h -> {
            StringBuilder sql = new StringBuilder("SELECT m.* FROM messages m");
            if (owner != null) {
                sql.append(" JOIN sessions s ON s.id = m.session_id");
            }
            sql.append(" WHERE 1 = 1");
            if (owner != null) {
                sql.append(" AND s.owner = :owner");
            }
            if (q.sessionId() != null) {
                sql.append(" AND m.session_id = :sid");
            }
            if (q.role() != null) {
                sql.append(" AND m.role = :role");
            }
            if (q.afterId() != null) {
                sql.append(q.sessionId() != null
                        ? " AND m.seq > (SELECT a.seq FROM messages a WHERE a.id = :after AND a.session_id = :sid)"
                        : " AND (m.created_at, m.session_id, m.seq) > (SELECT a.created_at, a.session_id, a.seq "
                        + "FROM messages a WHERE a.id = :after)");
            }
            sql.append(q.sessionId() != null ? " ORDER BY m.seq" : " ORDER BY m.created_at, m.session_id, m.seq");
            sql.append(" LIMIT :limit");
            var query = h.createQuery(sql.toString()).bind("limit", q.limit());
            if (owner != null) {
                query.bind("owner", owner);
            }
            if (q.sessionId() != null) {
                query.bind("sid", q.sessionId());
            }
            if (q.role() != null) {
                query.bind("role", q.role().wireName());
            }
            if (q.afterId() != null) {
                query.bind("after", q.afterId());
            }
            return query.map((rs, ctx) -> message(rs)).list();
        });
    }

    @Override
    public boolean deleteMessage(String sessionId, String messageId) {
        boolean[] found = new boolean[1];
        db.write(h -> {
            found[0] = h.createUpdate("DELETE FROM messages WHERE id = :id AND session_id = :sid")
                    .bind("id", messageId).bind("sid", sessionId).execute() > 0;
            if (found[0]) {
                h.createUpdate("UPDATE sessions SET message_count = message_count - 1 WHERE id = :sid AND "
                        + "message_count > 0").bind("sid", sessionId).execute();
            }
        });
        return found[0];
    }

    @Override
    public SessionStats stats(Instant activeSince) {
        return stats(activeSince, null);
    }

    @Override
    public SessionStats stats(Instant activeSince, String owner) {
        return db.read(h -> {
            var q = h.createQuery("SELECT count(*) AS total, "
                            + "COALESCE(SUM(CASE WHEN updated_at >= :since THEN 1 ELSE 0 END), 0) AS active, "
                            + "COALESCE(SUM(message_count), 0) AS messages, COALESCE(SUM(total_tokens), 0) AS tokens "
                            + "FROM sessions" + (owner == null ? "" : " WHERE owner = :owner"))
                    .bind("since", activeSince.toEpochMilli());
            if (owner != null) {
                q.bind("owner", owner);
            }
            return q.map((rs, ctx) -> new SessionStats(rs.getLong("total"), rs.getLong("active"), rs.getLong("messages"),
                        rs.getLong("tokens"))).one();
        });
    }

    @Override
    public int deleteExpired(Instant now) {
        int[] n = new int[1];
        db.write(h -> {
            long t = now.toEpochMilli();
            h.createUpdate("DELETE FROM messages WHERE session_id IN (SELECT id FROM sessions WHERE expires_at IS NOT NULL "
                    + "AND expires_at <= :now)").bind("now", t).execute();
            n[0] = h.createUpdate("DELETE FROM sessions WHERE expires_at IS NOT NULL AND expires_at <= :now")
                    .bind("now", t).execute();
        });
        return n[0];
    }

    private static void insertSession(Handle h, Session s, long tokens) {
        int inserted = h.createUpdate("INSERT INTO sessions (id, label, agent_id, model, owner, created_at, updated_at, expires_at, "
                        + "message_count, total_tokens, context) VALUES (:id, :label, :agent, :model, :owner, :created, "
                        + ":updated, :expires, :count, :tokens, :context) ON CONFLICT (id) DO NOTHING")
                .bind("id", s.id()).bind("label", s.label()).bind("agent", s.agentId()).bind("model", s.model())
                .bind("owner", s.owner()).bind("created", s.createdAt().toEpochMilli())
                .bind("updated", s.updatedAt().toEpochMilli())
                .bind("expires", s.expiresAt() == null ? null : s.expiresAt().toEpochMilli())
                .bind("count", s.messageCount()).bind("tokens", tokens).bind("context", json(s.context()))
                .execute();
        if (inserted == 0) {
            throw OpenClawException.conflict("session '" + s.id() + "' already exists");
        }
    }

    private static Session session(ResultSet rs) throws SQLException {
        Map<String, Object> context;
        try {
            context = JSON.readValue(rs.getString("context"), MAP);
        } catch (JsonProcessingException e) {
            context = Map.of();
        }
        return new Session(rs.getString("id"), rs.getString("label"), rs.getString("agent_id"), rs.getString("model"),
                rs.getString("owner"), Instant.ofEpochMilli(rs.getLong("created_at")),
                Instant.ofEpochMilli(rs.getLong("updated_at")), JdbcApiKeyStore.instant(rs, "expires_at"),
                rs.getLong("message_count"), nullFree(context));
    }

    private static Map<String, Object> nullFree(Map<String, Object> m) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        m.forEach((k, v) -> {
            if (v != null) {
                out.put(k, v);
            }
        });
        return out;
    }

    private static Message message(ResultSet rs) throws SQLException {
        return new Message(rs.getString("id"), rs.getString("session_id"), Role.parse("role", rs.getString("role")),
                rs.getString("content"), rs.getString("type"), rs.getString("model"),
                new Usage(rs.getInt("input_tokens"), rs.getInt("output_tokens")),
                Instant.ofEpochMilli(rs.getLong("created_at")));
    }

    private static String json(Map<String, Object> m) {
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("context is not JSON-serialisable", e);
        }
    }
}
