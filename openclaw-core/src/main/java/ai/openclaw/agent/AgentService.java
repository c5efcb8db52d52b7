package ai.openclaw.agent;

import ai.openclaw.error.OpenClawException;
import ai.openclaw.event.EventBus;
import ai.openclaw.llm.ModelCatalog;
import ai.openclaw.tool.ToolRegistry;
import ai.openclaw.util.Page;
import java.time.Clock;

/**
 * Agents (seed 003 {@code /v2/agents}): create, read, change, delete, and install skills. The default agent
 * {@code main} always exists: it is listed and readable before anyone stores it, may be changed, and cannot be
 * deleted.
 */
public interface AgentService {
    /**
     * Creates an agent.
     *
     * @throws OpenClawException INVALID_REQUEST for a missing name or bad field (named); CONFLICT if the id exists
     */
    Agent create(AgentSpec spec);

    /**
     * The agent with this id.
     *
     * @throws OpenClawException NOT_FOUND
     */
    Agent get(String id);

    /** The agent for a turn: the stored one, else {@code main} (unknown agent ids fall back to the default). */
    Agent forTurn(String id);

    /** A page of agents, {@code main} first. */
    Page<Agent> list(int offset, int limit);

    /**
     * Changes the given fields.
     *
     * @throws OpenClawException NOT_FOUND; INVALID_REQUEST for a bad field
     */
    Agent update(String id, AgentSpec patch);

    /**
     * Deletes an agent.
     *
     * @throws OpenClawException NOT_FOUND; CONFLICT for {@code main}
     */
    void delete(String id);

    /**
     * Installs (or re-configures) a skill on an agent and enables it (seed 003 {@code POST /agents/{id}/skills}).
     *
     * @throws OpenClawException NOT_FOUND for an unknown agent or skill
     */
    Agent installSkill(String agentId, AgentSkill skill);

    /**
     * The default implementation.
     *
     * @param store where agents live
     * @param models validates model references
     * @param tools the tool registry skills are looked up in
     * @param events where {@code agent.created}/{@code agent.updated}/{@code skill.installed} go
     * @param clock time source
     */
    static AgentService create(AgentStore store, ModelCatalog models, ToolRegistry tools, EventBus events,
                               Clock clock) {
        return new DefaultAgentService(store, models, tools, events, clock);
    }
}
