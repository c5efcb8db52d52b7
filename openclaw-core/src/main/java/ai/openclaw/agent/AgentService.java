package ai.openclaw.agent;

import ai.openclaw.error.OpenClawException;
import ai.openclaw.event.EventBus;
import ai.openclaw.llm.ModelCatalog;
import ai.openclaw.tool.ToolRegistry;
import ai.openclaw.util.Page;
import java.time.Clock;

/**
 * Agents (seed 003 {@code /v2/agents}): create, read, change, delete, and install skills. The default agent
 * {@code main} always exists: it is listed and readable before anyone stores it, may be changed (by the operator),
 * and cannot be deleted. Every agent has an owner ({@link Agent#owner()}); {@code owner} arguments are the caller's
 * owner id, {@code gateway} for the operator, who sees and changes everything. Every method takes the owner: there
 * is no owner-less (implicitly operator) variant, so no dialect can act as the operator by leaving the owner out.
 */
public interface AgentService {
    /**
     * Creates an agent owned by {@code owner}. A client-chosen id of a non-operator owner is stored in that owner's
     * namespace ({@code <owner>:<id>}, as session keys are), so two owners may both use {@code helper} and no owner
     * learns another's ids from a conflict.
     *
     * @param spec the fields
     * @param owner the creating owner ({@link ai.openclaw.auth.Principal#ownerId()}; {@code gateway} = operator)
     * @throws OpenClawException INVALID_REQUEST for a missing name or bad field (named); CONFLICT if the id exists
     */
    Agent create(AgentSpec spec, String owner);

    /**
     * The agent with this id as {@code owner} sees it: its own agents (by full or short id) and the operator's.
     *
     * @throws OpenClawException NOT_FOUND when unknown or another owner's
     */
    Agent get(String id, String owner);

    /**
     * The agent for a turn of a session owned by {@code owner}: the agent if that owner may use it, else {@code main}
     * (unknown and other owners' agent ids fall back to the default, so they cannot be told apart).
     */
    Agent forTurn(String id, String owner);

    /** A page of the agents {@code owner} sees, {@code main} first. */
    Page<Agent> list(int offset, int limit, String owner);

    /**
     * Changes the given fields.
     *
     * @throws OpenClawException NOT_FOUND when unknown or another owner's; FORBIDDEN for the operator's agents
     *     changed by another owner; INVALID_REQUEST for a bad field
     */
    Agent update(String id, AgentSpec patch, String owner);

    /**
     * Deletes an agent.
     *
     * @throws OpenClawException NOT_FOUND when unknown or another owner's; FORBIDDEN for an operator's agent;
     *     CONFLICT for {@code main}
     */
    void delete(String id, String owner);

    /**
     * Installs (or re-configures) a skill on an agent and enables it (seed 003 {@code POST /agents/{id}/skills}).
     *
     * @throws OpenClawException NOT_FOUND for an unknown (or another owner's) agent or skill; FORBIDDEN for an
     *     operator's agent changed by another owner
     */
    Agent installSkill(String agentId, AgentSkill skill, String owner);

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
