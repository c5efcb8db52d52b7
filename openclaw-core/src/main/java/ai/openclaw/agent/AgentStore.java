package ai.openclaw.agent;

import ai.openclaw.util.Page;
import java.util.Optional;

/** The persistence port for agents; writes are durable when they return. */
public interface AgentStore {
    /** The agent with this id, or empty. */
    Optional<Agent> find(String id);

    /** A page of agents, oldest first. */
    Page<Agent> list(int offset, int limit);

    /** Inserts or replaces an agent. */
    void save(Agent agent);

    /** Deletes an agent; false if it did not exist. */
    boolean delete(String id);
}
