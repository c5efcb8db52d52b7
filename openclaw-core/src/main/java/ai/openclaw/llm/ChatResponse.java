package ai.openclaw.llm;

import java.util.Objects;

/**
 * A model's complete answer.
 *
 * @param text the answer text; never null
 * @param model the model name the provider reports having used; never null
 * @param usage the token counts; never null
 * @param finishReason why generation stopped ({@code stop}, {@code length}, …); never null
 */
public record ChatResponse(String text, String model, Usage usage, String finishReason) {
    /** Validates that no field is null. */
    public ChatResponse {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(finishReason, "finishReason");
    }
}
