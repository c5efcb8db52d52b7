package ai.openclaw.memory.engine;

import ai.openclaw.memory.MemoryFilter;
import ai.openclaw.memory.MemoryItem;
import ai.openclaw.memory.MemoryScope;
import ai.openclaw.memory.MemoryStore;
import ai.openclaw.memory.MemoryType;
import ai.openclaw.store.Database;
import ai.openclaw.util.Page;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/** {@link MemoryStore} over the gateway database (tables {@code memories}, {@code memory_sources}; migration V3). */
final class JdbcMemoryStore implements MemoryStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = "id, content, tags, type, source, owner, agent_id, user_id, session_id, "
            + "created_at, updated_at, expires_at, embedding_model, embedding_dim";
    private static final int BATCH = 500;

    private final Database db;

    JdbcMemoryStore(Database db) {
        this.db = db;
    }

    @Override
    public void insert(MemoryItem item, float[] vector) {
        db.write(h -> insert(h, item, vector));
    }

    @Override
    public void insertAll(Map<MemoryItem, float[]> items) {
        db.write(h -> items.forEach((item, v) -> insert(h, item, v)));
    }

    private static void insert(Handle h, MemoryItem item, float[] vector) {
        h.createUpdate("INSERT INTO memories (" + COLUMNS + ", embedding) VALUES (:id, :content, :tags, :type, "
                        + ":source, :owner, :agent, :user, :session, :created, :updated, :expires, :model, :dim, "
                        + ":embedding)")
                .bind("id", item.id()).bind("content", item.content()).bind("tags", tags(item.tags()))
                .bind("type", item.type().wireName()).bind("source", item.source())
                .bind("owner", item.scope().owner()).bind("agent", item.scope().agentId())
                .bind("user", item.scope().userId()).bind("session", item.scope().sessionId())
                .bind("created", item.createdAt().toEpochMilli()).bind("updated", item.updatedAt().toEpochMilli())
                .bind("expires", item.expiresAt() == null ? null : item.expiresAt().toEpochMilli())
                .bind("model", item.embeddingModel()).bind("dim", item.dimension())
                .bind("embedding", encode(vector)).execute();
    }

    @Override
    public List<String> replaceSource(String source, Map<MemoryItem, float[]> items, String hash) {
        List<String> removed = new ArrayList<>();
        db.write(h -> {
            removed.clear();
            removed.addAll(h.createQuery("SELECT id FROM memories WHERE source = :s").bind("s", source)
                    .mapTo(String.class).list());
            h.createUpdate("DELETE FROM memories WHERE source = :s").bind("s", source).execute();
            items.forEach((item, v) -> insert(h, item, v));
            h.createUpdate("DELETE FROM memory_sources WHERE source = :s").bind("s", source).execute();
            if (hash != null) {
                h.createUpdate("INSERT INTO memory_sources (source, hash, indexed_at) VALUES (:s, :h, :at)")
                        .bind("s", source).bind("h", hash)
                        .bind("at", items.isEmpty() ? 0L : items.keySet().iterator().next().createdAt().toEpochMilli())
                        .execute();
            }
        });
        return removed;
    }

    @Override
    public Map<String, String> sourceHashes() {
        return db.read(h -> {
            Map<String, String> out = new LinkedHashMap<>();
            h.createQuery("SELECT source, hash FROM memory_sources ORDER BY source")
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2))).forEach(e -> out.put(e.getKey(),
                            e.getValue()));
            return out;
        });
    }

    @Override
    public Optional<MemoryItem> get(String id) {
        return db.read(h -> h.createQuery("SELECT " + COLUMNS + " FROM memories WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> map(rs)).findOne());
    }

    @Override
    public List<MemoryItem> getAll(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<String> all = List.copyOf(ids);
        return db.read(h -> {
            List<MemoryItem> out = new ArrayList<>(all.size());
            for (int i = 0; i < all.size(); i += BATCH) {
                out.addAll(h.createQuery("SELECT " + COLUMNS + " FROM memories WHERE id IN (<ids>)")
                        .bindList("ids", all.subList(i, Math.min(all.size(), i + BATCH)))
                        .map((rs, ctx) -> map(rs)).list());
            }
            return out;
        });
    }

    @Override
    public Map<String, float[]> vectors(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<String> all = List.copyOf(ids);
        return db.read(h -> {
            Map<String, float[]> out = new HashMap<>();
            for (int i = 0; i < all.size(); i += BATCH) {
                h.createQuery("SELECT id, embedding FROM memories WHERE id IN (<ids>)")
                        .bindList("ids", all.subList(i, Math.min(all.size(), i + BATCH)))
                        .map((rs, ctx) -> Map.entry(rs.getString(1), decode(rs.getString(2))))
                        .forEach(e -> out.put(e.getKey(), e.getValue()));
            }
            return out;
        });
    }

    @Override
    public Page<MemoryItem> list(MemoryFilter filter, Instant now, int offset, int limit) {
        StringBuilder where = new StringBuilder(" WHERE (expires_at IS NULL OR expires_at > :now)");
        Map<String, Object> binds = new HashMap<>();
        binds.put("now", now.toEpochMilli());
        if (filter.ownerFilter() != null) {
            where.append(" AND (owner IS NULL OR owner = :owner)");
            binds.put("owner", filter.ownerFilter());
        }
        if (filter.agentId() != null) {
            where.append(" AND agent_id = :agent");
            binds.put("agent", filter.agentId());
        }
        if (filter.source() != null) {
            where.append(" AND source = :source");
            binds.put("source", filter.source());
        }
        if (!filter.types().isEmpty()) {
            where.append(" AND type IN (<types>)");
        }
        int i = 0;
        for (String tag : filter.tags()) {
            where.append(" AND tags LIKE :tag").append(i).append(" ESCAPE '!'");
            binds.put("tag" + i, "%" + likeEscape(tags(List.of(tag)).substring(1, tags(List.of(tag)).length() - 1))
                    + "%");
            i++;
        }
        List<String> types = filter.types().stream().map(MemoryType::wireName).sorted().toList();
        return db.read(h -> {
            Query count = h.createQuery("SELECT count(*) FROM memories" + where);
            Query page = h.createQuery("SELECT " + COLUMNS + " FROM memories" + where
                    + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset");
            for (Query q : List.of(count, page)) {
                binds.forEach(q::bind);
                if (!types.isEmpty()) {
                    q.bindList("types", types);
                }
            }
            long total = count.mapTo(Long.class).one();
            List<MemoryItem> items = page.bind("limit", limit).bind("offset", offset).map((rs, ctx) -> map(rs))
                    .list();
            return new Page<>(items, total, offset, limit);
        });
    }

    @Override
    public void update(MemoryItem item, float[] vector) {
        db.write(h -> {
            h.createUpdate("UPDATE memories SET content = :content, tags = :tags, type = :type, updated_at = :updated, "
                            + "expires_at = :expires, embedding_model = :model, embedding_dim = :dim"
                            + (vector != null ? ", embedding = :embedding" : "") + " WHERE id = :id")
                    .bind("id", item.id()).bind("content", item.content()).bind("tags", tags(item.tags()))
                    .bind("type", item.type().wireName()).bind("updated", item.updatedAt().toEpochMilli())
                    .bind("expires", item.expiresAt() == null ? null : item.expiresAt().toEpochMilli())
                    .bind("model", item.embeddingModel()).bind("dim", item.dimension())
                    .bind("embedding", vector == null ? null : encode(vector)).execute();
        });
    }

    @Override
    public boolean delete(String id) {
        boolean[] found = new boolean[1];
        db.write(h -> found[0] = h.createUpdate("DELETE FROM memories WHERE id = :id").bind("id", id).execute() > 0);
        return found[0];
    }

    @Override
    public List<String> deleteExpired(Instant now) {
        List<String> ids = new ArrayList<>();
        db.write(h -> {
            ids.clear();
            ids.addAll(h.createQuery("SELECT id FROM memories WHERE expires_at IS NOT NULL AND expires_at <= :now")
                    .bind("now", now.toEpochMilli()).mapTo(String.class).list());
            h.createUpdate("DELETE FROM memories WHERE expires_at IS NOT NULL AND expires_at <= :now")
                    .bind("now", now.toEpochMilli()).execute();
        });
        return ids;
    }

    @Override
    public void forEach(BiConsumer<MemoryItem, float[]> sink) {
        String after = "";
        while (true) {
            String from = after;
            List<Map.Entry<MemoryItem, float[]>> batch = db.read(h -> h.createQuery("SELECT " + COLUMNS
                            + ", embedding FROM memories WHERE id > :after ORDER BY id LIMIT " + BATCH)
                    .bind("after", from).map((rs, ctx) -> Map.entry(map(rs), decode(rs.getString("embedding"))))
                    .list());
            if (batch.isEmpty()) {
                return;
            }
            batch.forEach(e -> sink.accept(e.getKey(), e.getValue()));
            after = batch.get(batch.size() - 1).getKey().id();
        }
    }

    @Override
    public String fingerprint() {
        return db.read(h -> {
            StringBuilder b = new StringBuilder();
            h.createQuery("SELECT embedding_model, count(*), max(updated_at) FROM memories GROUP BY embedding_model "
                            + "ORDER BY embedding_model")
                    .map((rs, ctx) -> rs.getString(1) + "=" + rs.getLong(2) + "@" + rs.getLong(3))
                    .forEach(s -> b.append(s).append(';'));
            return b.toString();
        });
    }

    private static MemoryItem map(ResultSet rs) throws SQLException {
        long expires = rs.getLong("expires_at");
        Instant expiresAt = rs.wasNull() ? null : Instant.ofEpochMilli(expires);
        return new MemoryItem(rs.getString("id"), rs.getString("content"), parseTags(rs.getString("tags")),
                MemoryType.parse(rs.getString("type"), "type"), rs.getString("source"),
                new MemoryScope(rs.getString("owner"), rs.getString("agent_id"), rs.getString("user_id"),
                        rs.getString("session_id")),
                Instant.ofEpochMilli(rs.getLong("created_at")), Instant.ofEpochMilli(rs.getLong("updated_at")),
                expiresAt, rs.getString("embedding_model"), rs.getInt("embedding_dim"));
    }

    private static String tags(List<String> tags) {
        try {
            return JSON.writeValueAsString(tags);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> parseTags(String json) {
        try {
            return JSON.readValue(json, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }

    private static String likeEscape(String s) {
        return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    static String encode(float[] v) {
        ByteBuffer buf = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : v) {
            buf.putFloat(f);
        }
        return Base64.getEncoder().encodeToString(buf.array());
    }

    static float[] decode(String s) {
        ByteBuffer buf = ByteBuffer.wrap(Base64.getDecoder().decode(s)).order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[buf.remaining() / 4];
        for (int i = 0; i < out.length; i++) {
            out[i] = buf.getFloat();
        }
        return out;
    }
}
