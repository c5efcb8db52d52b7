package ai.openclaw.agent;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A named agent configuration (seed 003 "Agent 配置"): the model, system prompt, skills and sampling settings a
 * turn uses.
 *
 * @param id the agent id, e.g. {@code main} or {@code agent_k3j9…}; a safe id
 * @param name a human name; never blank
 * @param description what it is for, or null
 * @param model a {@code provider/model} or bare model name, or null for the default model
 * @param systemPrompt instructions put first in every turn, or null
 * @param skills installed skills; empty means every available tool and skill
 * @param temperature sampling temperature in [0, 2], or null for the provider's default
 * @param maxTokens completion token limit, or null
 * @param memoryEnabled whether memory tools are offered
 * @param workspace the agent's workspace folder (relative to the state dir, or absolute), or null for the shared
 *     {@code workspace/}
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 */
public record Agent(String id, String name, String description, String model, String systemPrompt,
                    List<AgentSkill> skills, Double temperature, Integer maxTokens, boolean memoryEnabled,
                    String workspace, Instant createdAt, Instant updatedAt) {
    /** The id of the default agent that always exists. */
    public static final String MAIN = "main";

    /** Validates the required fields and copies the skills. */
    public Agent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        skills = skills == null ? List.of() : List.copyOf(skills);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** The built-in default agent. */
    public static Agent main(Instant at) {
        return new Agent(MAIN, "main", "The default agent", null, null, List.of(), null, null, true, null, at, at);
    }

    /** The names of the enabled skills. */
    public List<String> enabledSkills() {
        return skills.stream().filter(AgentSkill::enabled).map(AgentSkill::id).toList();
    }
}
