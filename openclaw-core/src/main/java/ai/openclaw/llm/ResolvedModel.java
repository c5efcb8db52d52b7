package ai.openclaw.llm;

import java.util.Objects;

/**
 * A model reference resolved to the provider that serves it.
 *
 * @param id the full {@code provider/model} id; never null
 * @param provider the provider; never null
 */
public record ResolvedModel(ModelId id, ModelProvider provider) {
    /** Validates that both parts are present. */
    public ResolvedModel {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(provider, "provider");
    }

    /** The adapter to call. */
    public ChatModel chatModel() {
        return provider.chatModel();
    }
}
