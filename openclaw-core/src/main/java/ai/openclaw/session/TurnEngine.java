package ai.openclaw.session;

import ai.openclaw.error.UpstreamException;
import ai.openclaw.llm.StreamListener;

/**
 * Answers a turn: the model side of {@link ConversationService}. The default engine makes one model call; the
 * agent loop ({@code ai.openclaw.agent}) calls the model and tools until the model answers in text. Engines run
 * inside the session's turn queue and never store anything themselves.
 */
public interface TurnEngine {
    /**
     * Runs the turn.
     *
     * @param plan the session, history and input
     * @param listener receives text deltas and tool events, or null for a non-streamed turn
     * @return the outcome; a limit hit is returned as {@link TurnOutcome#failure()}
     * @throws UpstreamException when the first model call fails (nothing is stored)
     */
    TurnOutcome run(TurnPlan plan, StreamListener listener);

    /**
     * The engine that makes one model call without tools.
     *
     * @param models resolves the session's model when the request names none
     */
    static TurnEngine singleCall(ai.openclaw.llm.ModelCatalog models) {
        return new SingleCallEngine(models);
    }
}
