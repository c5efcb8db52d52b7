package ai.openclaw.llm;

import java.util.List;
import java.util.Objects;

/**
 * A configured model provider: its name (the {@code provider} part of a {@link ModelId}), its wire API,
 * the {@link ChatModel} that talks to it, and the model names it is known to serve.
 *
 * @param name the provider name, e.g. {@code zai}; never blank
 * @param api the wire API: {@code openai-completions}, {@code anthropic-messages} or {@code builtin}
 * @param chatModel the adapter; never null
 * @param models model names listed by {@code /v1/models}; may be empty
 * @param offline true for the builtin offline responder, which is not a language model
 */
public record ModelProvider(String name, String api, ChatModel chatModel, List<String> models, boolean offline) {
    /** Validates the fields and copies the model list. */
    public ModelProvider {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(api, "api");
        Objects.requireNonNull(chatModel, "chatModel");
        models = List.copyOf(models);
        if (name.isBlank() || name.contains("/")) {
            throw new IllegalArgumentException("provider name must be non-blank without '/': " + name);
        }
    }
}
