package ai.openclaw.store;

import ai.openclaw.agent.SpawnStore;
import ai.openclaw.agent.SpawnedAgent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link SpawnStore} over JDBC (table {@code agent_spawns}, migration V2_1). */
final class JdbcSpawnStore implements SpawnStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private final Database db;

    JdbcSpawnStore(Database db) {
        this.db = db;
    }

    @Override
    public void save(SpawnedAgent a) {
        String skills;
        try {
            skills = JSON.writeValueAsString(a.skills());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        db.write(h -> {
            h.createUpdate("DELETE FROM agent_spawns WHERE id = :id").bind("id", a.id()).execute();
            h.createUpdate("INSERT INTO agent_spawns (id, task, model, skills, status, result, error, owner, "
                            + "parent_session_id, depth, timeout_ms, created_at, completed_at) VALUES (:id, :task, "
                            + ":model, :skills, :status, :result, :error, :owner, :parent, :depth, :timeout, :created, "
                            + ":completed)")
                    .bind("id", a.id()).bind("task", a.task()).bind("model", a.model()).bind("skills", skills)
                    .bind("status", a.status()).bind("result", a.result()).bind("error", a.error())
                    .bind("owner", a.owner()).bind("parent", a.parentSessionId()).bind("depth", a.depth())
                    .bind("timeout", a.timeoutMillis()).bind("created", a.createdAt().toEpochMilli())
                    .bind("completed", a.completedAt() == null ? null : a.completedAt().toEpochMilli()).execute();
        });
    }

    @Override
    public Optional<SpawnedAgent> find(String id) {
        return db.read(h -> h.createQuery("SELECT * FROM agent_spawns WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> spawn(rs)).findOne());
    }

    private static SpawnedAgent spawn(ResultSet rs) throws SQLException {
        List<String> skills;
        try {
            skills = JSON.readValue(rs.getString("skills"), STRINGS);
        } catch (JsonProcessingException e) {
            skills = List.of();
        }
        long completed = rs.getLong("completed_at");
        Instant completedAt = rs.wasNull() ? null : Instant.ofEpochMilli(completed);
        return new SpawnedAgent(rs.getString("id"), rs.getString("task"), rs.getString("model"), skills,
                rs.getString("status"), rs.getString("result"), rs.getString("error"), rs.getString("owner"),
                rs.getString("parent_session_id"), rs.getInt("depth"), rs.getLong("timeout_ms"),
                Instant.ofEpochMilli(rs.getLong("created_at")), completedAt);
    }
}
