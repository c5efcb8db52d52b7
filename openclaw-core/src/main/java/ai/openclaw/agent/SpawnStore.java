package ai.openclaw.agent;

import java.util.Optional;

/** The persistence port for sub-agent states (so an acknowledged spawn survives a restart); durable on return. */
public interface SpawnStore {
    /** Inserts or replaces a state. */
    void save(SpawnedAgent agent);

    /** The state with this id, or empty. */
    Optional<SpawnedAgent> find(String id);
}
