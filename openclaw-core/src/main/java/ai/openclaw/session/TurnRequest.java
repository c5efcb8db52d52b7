package ai.openclaw.session;

import ai.openclaw.llm.ChatMessage;
import java.util.List;
import java.util.Objects;

/**
 * One conversation turn to run: the new input messages for a session, and how to answer them.
 *
 * @param sessionId the session id or key; never blank
 * @param owner the caller's owner id (only this owner's sessions are visible), or null for unrestricted
 * @param createIfMissing whether an unknown session id is created (session keys such as {@code default}),
 *     rather than refused with NOT_FOUND
 * @param template the session to create when it is missing; its owner must be set when creating. A template whose
 *     id equals {@code sessionId} asserts that the id was just generated (the session cannot exist yet), which
 *     saves a lookup
 * @param model a {@code provider/model} or bare model name for this turn, or null for the session's model
 * @param input the new messages, usually one user message; at least one
 * @param temperature sampling temperature in [0, 2], or null
 * @param maxTokens completion token limit, or null
 * @param messageType the stored content type of the input (seed 000 {@code type}), or null for {@code text}
 *     (tool calls, tool results and media parts are then stored in their own types, {@link ToolMessages})
 * @param options the call's options and the client's tools; never null
 * @param origin the channel and sender (webhook payloads' {@code channel} and {@code user}); never null,
 *     {@link TurnOrigin#INTERNAL} when the caller gave none
 */
public record TurnRequest(String sessionId, String owner, boolean createIfMissing, NewSession template,
                          String model, List<ChatMessage> input, Double temperature, Integer maxTokens,
                          String messageType, TurnOptions options, TurnOrigin origin) {
    /** Validates the fields and copies the input. */
    public TurnRequest {
        Objects.requireNonNull(sessionId, "sessionId");
        input = List.copyOf(input);
        if (input.isEmpty()) {
            throw new IllegalArgumentException("input must not be empty");
        }
        if (createIfMissing) {
            Objects.requireNonNull(template, "template (needed when createIfMissing)");
        }
        options = options == null ? TurnOptions.NONE : options;
        origin = origin == null ? TurnOrigin.INTERNAL : origin;
    }

    /** A turn with options and no origin ({@link TurnOrigin#INTERNAL} until {@link #from} sets one). */
    public TurnRequest(String sessionId, String owner, boolean createIfMissing, NewSession template, String model,
                       List<ChatMessage> input, Double temperature, Integer maxTokens, String messageType,
                       TurnOptions options) {
        this(sessionId, owner, createIfMissing, template, model, input, temperature, maxTokens, messageType, options,
                null);
    }

    /** The same turn, sent from {@code newOrigin}'s channel by its user. */
    public TurnRequest from(TurnOrigin newOrigin) {
        return new TurnRequest(sessionId, owner, createIfMissing, template, model, input, temperature, maxTokens,
                messageType, options, newOrigin);
    }

    /** A turn without options or client tools. */
    public TurnRequest(String sessionId, String owner, boolean createIfMissing, NewSession template, String model,
                       List<ChatMessage> input, Double temperature, Integer maxTokens, String messageType) {
        this(sessionId, owner, createIfMissing, template, model, input, temperature, maxTokens, messageType,
                TurnOptions.NONE);
    }

    /** The same turn with the client's options and tools. */
    public TurnRequest withTurnOptions(TurnOptions newOptions) {
        return new TurnRequest(sessionId, owner, createIfMissing, template, model, input, temperature, maxTokens,
                messageType, newOptions, origin);
    }

    /** A turn that sends one user message to an existing session. */
    public static TurnRequest userMessage(String sessionId, String owner, String text) {
        return new TurnRequest(sessionId, owner, false, null, null, List.of(ChatMessage.user(text)), null, null, null);
    }

    /** The same turn, creating the session from {@code newTemplate} when it is missing. */
    public TurnRequest creatingWith(NewSession newTemplate) {
        return new TurnRequest(sessionId, owner, true, newTemplate, model, input, temperature, maxTokens, messageType,
                options, origin);
    }

    /** The same turn with model and sampling options. */
    public TurnRequest withOptions(String newModel, Double newTemperature, Integer newMaxTokens) {
        return new TurnRequest(sessionId, owner, createIfMissing, template, newModel, input, newTemperature,
                newMaxTokens, messageType, options, origin);
    }

    /** The same turn with the stored content type of its input. */
    public TurnRequest withMessageType(String type) {
        return new TurnRequest(sessionId, owner, createIfMissing, template, model, input, temperature, maxTokens, type,
                options, origin);
    }
}
