package ai.openclaw.session;

import ai.openclaw.llm.ChatMessage;
import ai.openclaw.llm.ResolvedModel;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link TurnEngine} gets to answer one turn: the session, its stored history and the new input.
 *
 * @param session the session as it is before the turn (new sessions are not yet stored)
 * @param requestedModel the model the request named, or null for the session's/agent's/default model
 * @param history the stored messages sent as history, oldest first; never null
 * @param input the new input messages; at least one
 * @param temperature the request's sampling temperature, or null
 * @param maxTokens the request's completion token limit, or null
 * @param modelTimeout how long one model call may take; positive
 * @param systemPrompt the gateway-wide system prompt, or null
 * @param options the client's call options and tools; never null
 */
public record TurnPlan(Session session, ResolvedModel requestedModel, List<Message> history, List<ChatMessage> input,
                       Double temperature, Integer maxTokens, Duration modelTimeout, String systemPrompt,
                       TurnOptions options) {
    /** Validates the fields and copies the lists. */
    public TurnPlan {
        Objects.requireNonNull(session, "session");
        history = List.copyOf(history);
        input = List.copyOf(input);
        Objects.requireNonNull(modelTimeout, "modelTimeout");
        options = options == null ? TurnOptions.NONE : options;
    }

    /** A plan without client options. */
    public TurnPlan(Session session, ResolvedModel requestedModel, List<Message> history, List<ChatMessage> input,
                    Double temperature, Integer maxTokens, Duration modelTimeout, String systemPrompt) {
        this(session, requestedModel, history, input, temperature, maxTokens, modelTimeout, systemPrompt,
                TurnOptions.NONE);
    }

    /** The history as model input followed by the input ({@link ToolMessages#replayable(List, List)}). */
    public List<ChatMessage> conversation() {
        List<ChatMessage> out = new java.util.ArrayList<>(ToolMessages.replayable(history, input));
        out.addAll(input);
        return out;
    }
}
