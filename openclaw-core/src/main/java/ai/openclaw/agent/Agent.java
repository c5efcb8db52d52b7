package ai.openclaw.agent;

import ai.openclaw.session.Session;
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
 * @param owner who owns it: {@link Session#GATEWAY_OWNER} for the operator's agents (config, {@code main}, and any
 *     the gateway token or an admin key created), which every owner may read and use and only the operator may
 *     change; else the API key (owner) id, and then only that owner and the operator see it at all
 */
public record Agent(String id, String name, String description, String model, String systemPrompt,
                    List<AgentSkill> skills, Double temperature, Integer maxTokens, boolean memoryEnabled,
                    String workspace, Instant createdAt, Instant updatedAt, String owner) {
    /** The id of the default agent that always exists. */
    public static final String MAIN = "main";

    /** Validates the required fields and copies the skills; a null owner is the operator. */
    public Agent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        skills = skills == null ? List.of() : List.copyOf(skills);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        owner = owner == null || owner.isBlank() ? Session.GATEWAY_OWNER : owner;
    }

    /** An operator's agent (owner {@link Session#GATEWAY_OWNER}). */
    public Agent(String id, String name, String description, String model, String systemPrompt,
                 List<AgentSkill> skills, Double temperature, Integer maxTokens, boolean memoryEnabled,
                 String workspace, Instant createdAt, Instant updatedAt) {
        this(id, name, description, model, systemPrompt, skills, temperature, maxTokens, memoryEnabled, workspace,
                createdAt, updatedAt, Session.GATEWAY_OWNER);
    }

    /** The built-in default agent. */
    public static Agent main(Instant at) {
        return new Agent(MAIN, "main", "The default agent", null, null, List.of(), null, null, true, null, at, at);
    }

    /** Whether this is one of the operator's agents (shared: usable by every owner). */
    public boolean operatorOwned() {
        return Session.GATEWAY_OWNER.equals(owner);
    }

    /** Whether {@code caller} (an owner id; {@link Session#GATEWAY_OWNER} for the operator) may see and use it. */
    public boolean visibleTo(String caller) {
        return operatorOwned() || Session.GATEWAY_OWNER.equals(caller) || owner.equals(caller);
    }

    /** Whether {@code caller} may change or delete it: its owner, or the operator. */
    public boolean changeableBy(String caller) {
        return Session.GATEWAY_OWNER.equals(caller) || owner.equals(caller);
    }

    /** The names of the enabled skills. */
    public List<String> enabledSkills() {
        return skills.stream().filter(AgentSkill::enabled).map(AgentSkill::id).toList();
    }
}
