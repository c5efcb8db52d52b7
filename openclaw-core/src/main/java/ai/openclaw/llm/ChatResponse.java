package ai.openclaw.llm;

import java.util.List;
import java.util.Objects;

/**
 * A model's complete answer.
 *
 * @param text the answer text; never null
 * @param model the model name the provider reports having used; never null
 * @param usage the token counts; never null
 * @param finishReason why generation stopped ({@code stop}, {@code length}, {@code tool_calls}, …); never null
 * @param toolCalls the tool calls the model asks for; never null, empty for a final answer
 */
public record ChatResponse(String text, String model, Usage usage, String finishReason, List<ToolCall> toolCalls) {
    /** Validates that no field is null and copies the tool calls. */
    public ChatResponse {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(finishReason, "finishReason");
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    }

    /** A text answer without tool calls. */
    public ChatResponse(String text, String model, Usage usage, String finishReason) {
        this(text, model, usage, finishReason, List.of());
    }

    /** Whether the model asks for tool calls. */
    public boolean hasToolCalls() {
        return !toolCalls.isEmpty();
    }
}
