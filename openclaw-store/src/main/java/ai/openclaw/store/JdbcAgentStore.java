package ai.openclaw.store;

import ai.openclaw.agent.Agent;
import ai.openclaw.agent.AgentSkill;
import ai.openclaw.agent.AgentStore;
import ai.openclaw.util.Page;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link AgentStore} over JDBC (table {@code agents}, migrations V2 and V10_7 for the owner). */
final class JdbcAgentStore implements AgentStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<AgentSkill>> SKILLS = new TypeReference<>() {
    };
    private final Database db;

    JdbcAgentStore(Database db) {
        this.db = db;
    }

    @Override
    public Optional<Agent> find(String id) {
        return db.read(h -> h.createQuery("SELECT * FROM agents WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> agent(rs)).findOne());
    }

    @Override
    public Page<Agent> list(int offset, int limit) {
        return db.read(h -> {
            long total = h.createQuery("SELECT count(*) FROM agents").mapTo(Long.class).one();
            List<Agent> items = h.createQuery("SELECT * FROM agents ORDER BY created_at, id LIMIT :limit OFFSET :offset")
                    .bind("limit", limit).bind("offset", offset).map((rs, ctx) -> agent(rs)).list();
            return new Page<>(items, total, offset, limit);
        });
    }

    @Override
    public void save(Agent a) {
        String skills;
        try {
            skills = JSON.writeValueAsString(a.skills());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("agent skills not serialisable", e);
        }
        db.write(h -> {
            h.createUpdate("DELETE FROM agents WHERE id = :id").bind("id", a.id()).execute();
            h.createUpdate("INSERT INTO agents (id, name, description, model, system_prompt, skills, temperature, "
                            + "max_tokens, memory_enabled, workspace, created_at, updated_at, owner) VALUES (:id, :name, "
                            + ":description, :model, :systemPrompt, :skills, :temperature, :maxTokens, :memory, "
                            + ":workspace, :createdAt, :updatedAt, :owner)")
                    .bind("id", a.id()).bind("name", a.name()).bind("description", a.description())
                    .bind("model", a.model()).bind("systemPrompt", a.systemPrompt()).bind("skills", skills)
                    .bind("temperature", a.temperature()).bind("maxTokens", a.maxTokens())
                    .bind("memory", a.memoryEnabled() ? 1 : 0).bind("workspace", a.workspace())
                    .bind("createdAt", a.createdAt().toEpochMilli()).bind("updatedAt", a.updatedAt().toEpochMilli())
                    .bind("owner", a.owner()).execute();
        });
    }

    @Override
    public boolean delete(String id) {
        boolean[] found = new boolean[1];
        db.write(h -> found[0] = h.createUpdate("DELETE FROM agents WHERE id = :id").bind("id", id).execute() > 0);
        return found[0];
    }

    private static Agent agent(ResultSet rs) throws SQLException {
        List<AgentSkill> skills;
        try {
            skills = JSON.readValue(rs.getString("skills"), SKILLS);
        } catch (JsonProcessingException e) {
            skills = List.of();
        }
        double t = rs.getDouble("temperature");
        Double temperature = rs.wasNull() ? null : t;
        int m = rs.getInt("max_tokens");
        Integer maxTokens = rs.wasNull() ? null : m;
        return new Agent(rs.getString("id"), rs.getString("name"), rs.getString("description"), rs.getString("model"),
                rs.getString("system_prompt"), skills, temperature, maxTokens, rs.getInt("memory_enabled") != 0,
                rs.getString("workspace"), Instant.ofEpochMilli(rs.getLong("created_at")),
                Instant.ofEpochMilli(rs.getLong("updated_at")), rs.getString("owner"));
    }
}
