package ai.openclaw.agent;

import java.util.Map;
import java.util.Objects;

/**
 * A skill (or tool) installed on an agent (seed 003 {@code skills[]}: {@code id}, {@code enabled}, {@code config}).
 *
 * @param id the skill or tool name; never blank
 * @param enabled whether the agent may use it
 * @param version the installed version, or null for the available one
 * @param config skill settings; never null
 */
public record AgentSkill(String id, boolean enabled, String version, Map<String, Object> config) {
    /** Validates the id and copies the config. */
    public AgentSkill {
        Objects.requireNonNull(id, "id");
        if (id.isBlank() || id.length() > 64) {
            throw new IllegalArgumentException("skill id must be 1-64 characters");
        }
        config = ai.openclaw.util.JsonMaps.copy(config);
    }

    /** An enabled skill with no settings. */
    public static AgentSkill of(String id) {
        return new AgentSkill(id, true, null, Map.of());
    }
}
