package ai.openclaw.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * A model's complete answer (the first choice; further choices of {@code n > 1} in {@link #alternatives()}).
 *
 * @param text the answer text; never null
 * @param model the model name the provider reports having used; never null
 * @param usage the token counts; never null
 * @param finishReason why generation stopped ({@code stop}, {@code length}, {@code tool_calls},
 *     {@code content_filter}), in OpenAI's words; never null
 * @param toolCalls the tool calls the model asks for; never null, empty for a final answer
 * @param refusal the model's refusal message (OpenAI {@code message.refusal}), or null
 * @param logprobs the choice's log probabilities as OpenAI's {@code logprobs} object, or null
 * @param reasoning the model's visible reasoning (Anthropic thinking, DeepSeek {@code reasoning_content}), or null
 * @param extras the upstream answer's fields the port does not model, unchanged; never null
 * @param alternatives the other choices when {@code n > 1}, in order; never null
 */
public record ChatResponse(String text, String model, Usage usage, String finishReason, List<ToolCall> toolCalls,
                           String refusal, JsonNode logprobs, String reasoning, ResponseExtras extras,
                           List<ChatResponse> alternatives) {
    /** Validates that no field is null and copies the lists. */
    public ChatResponse {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(finishReason, "finishReason");
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
        extras = extras == null ? ResponseExtras.NONE : extras;
        alternatives = alternatives == null ? List.of() : List.copyOf(alternatives);
    }

    /** An answer with tool calls and nothing else. */
    public ChatResponse(String text, String model, Usage usage, String finishReason, List<ToolCall> toolCalls) {
        this(text, model, usage, finishReason, toolCalls, null, null, null, ResponseExtras.NONE, List.of());
    }

    /** A text answer without tool calls. */
    public ChatResponse(String text, String model, Usage usage, String finishReason) {
        this(text, model, usage, finishReason, List.of());
    }

    /** Whether the model asks for tool calls. */
    public boolean hasToolCalls() {
        return !toolCalls.isEmpty();
    }

    /** The same answer with other tool calls and finish reason (e.g. only the client's calls). */
    public ChatResponse withToolCalls(List<ToolCall> calls, String finish) {
        return new ChatResponse(text, model, usage, finish, calls, refusal, logprobs, reasoning, extras,
                alternatives);
    }

    /** The same answer with another usage (e.g. summed over an agent turn's model calls). */
    public ChatResponse withUsage(Usage total) {
        return new ChatResponse(text, model, total, finishReason, toolCalls, refusal, logprobs, reasoning, extras,
                alternatives);
    }

    /**
     * The fields of an upstream answer the port does not model, kept so that they reach the client unchanged.
     *
     * @param response top-level fields (e.g. {@code system_fingerprint}, {@code service_tier}), or null
     * @param choice the choice's other fields, or null
     * @param message the message's other fields (e.g. {@code annotations}, {@code audio}), or null
     * @param usage the upstream's whole usage object (details included), or null
     */
    public record ResponseExtras(ObjectNode response, ObjectNode choice, ObjectNode message, ObjectNode usage) {
        /** Nothing extra. */
        public static final ResponseExtras NONE = new ResponseExtras(null, null, null, null);
    }
}
