package ai.openclaw.session;

import ai.openclaw.llm.ChatResponse;
import ai.openclaw.llm.ModelId;
import ai.openclaw.llm.Usage;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of a stored turn.
 *
 * @param session the session after the turn
 * @param created whether the turn created the session
 * @param input the stored input messages
 * @param reply the stored assistant message
 * @param model the {@code provider/model} that answered
 * @param providerModel the model name the provider reported
 * @param usage the turn's token usage
 * @param providerNanos time spent waiting on the provider, in nanoseconds
 * @param offline whether the builtin offline responder answered
 * @param finishReason why generation stopped ({@code stop}, {@code length}, {@code tool_calls}, …)
 * @param response the model's final answer as the provider gave it (tool calls of the client's tools, refusal,
 *     log probabilities, usage details, the upstream's other fields), or null when not known
 */
public record TurnResult(Session session, boolean created, List<Message> input, Message reply, ModelId model,
                         String providerModel, Usage usage, long providerNanos, boolean offline,
                         String finishReason, ChatResponse response) {
    /** Validates the fields and copies the input list. */
    public TurnResult {
        Objects.requireNonNull(session, "session");
        input = List.copyOf(input);
        Objects.requireNonNull(reply, "reply");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(usage, "usage");
        finishReason = finishReason == null ? "stop" : finishReason;
    }

    /** A result without the provider's answer. */
    public TurnResult(Session session, boolean created, List<Message> input, Message reply, ModelId model,
                      String providerModel, Usage usage, long providerNanos, boolean offline, String finishReason) {
        this(session, created, input, reply, model, providerModel, usage, providerNanos, offline, finishReason, null);
    }
}
