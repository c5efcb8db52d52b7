package ai.openclaw.agent;

import ai.openclaw.error.OpenClawException;
import ai.openclaw.event.EventBus;
import ai.openclaw.session.ConversationService;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

/**
 * Sub-agents (seed 002 {@code /api/v1/agents/spawn}): each child runs one turn with its task in its own new
 * session, in the background; its state can be read and waited for. Publishes {@code agent.spawned},
 * {@code agent.completed} and {@code agent.error}.
 */
public interface SubAgentService {
    /**
     * Starts a child and returns at once with status {@code running}.
     *
     * @throws OpenClawException INVALID_REQUEST for an unknown model
     */
    SpawnedAgent spawn(SpawnRequest request);

    /**
     * The child's current state.
     *
     * @param ownerFilter only this owner's children are visible, or null for all
     * @throws OpenClawException NOT_FOUND
     */
    SpawnedAgent get(String id, String ownerFilter);

    /**
     * Waits up to {@code max} for the child to finish and returns its state (still {@code running} if it did not).
     *
     * @throws OpenClawException NOT_FOUND
     */
    SpawnedAgent await(String id, String ownerFilter, Duration max);

    /**
     * The default implementation.
     *
     * @param conversations runs the children's turns (supplied late: built after the tools)
     * @param events the event bus
     * @param executor runs the children
     * @param clock time source
     * @param store where states are persisted, or null to keep them in memory only
     */
    static SubAgentService create(Supplier<ConversationService> conversations, EventBus events,
                                  ExecutorService executor, Clock clock, SpawnStore store) {
        return new DefaultSubAgentService(conversations, events, executor, clock, store);
    }
}
