package ai.openclaw.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One entry of {@code models.providers} in config.yaml (DESIGN.md §4).
 *
 * @param name the provider name used in {@code provider/model} ids; never blank
 * @param api {@code openai-completions} or {@code anthropic-messages}
 * @param baseUrl the API base URL, or null for the API's public default
 * @param apiKey the API key, or null (local servers such as Ollama need none)
 * @param models model names this provider serves (listed by {@code /v1/models}); may be empty
 * @param timeout how long one call may take
 * @param headers extra HTTP headers sent with every call
 */
public record ProviderConfig(String name, String api, String baseUrl, String apiKey, List<String> models,
                             Duration timeout, Map<String, String> headers) {
    /** The OpenAI-compatible chat-completions wire API. */
    public static final String OPENAI_COMPLETIONS = "openai-completions";
    /** Anthropic's messages wire API. */
    public static final String ANTHROPIC_MESSAGES = "anthropic-messages";

    /** Validates the fields and copies the collections. */
    public ProviderConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(api, "api");
        if (!api.equals(OPENAI_COMPLETIONS) && !api.equals(ANTHROPIC_MESSAGES)) {
            throw new IllegalArgumentException("config: models.providers." + name + ".api must be '"
                    + OPENAI_COMPLETIONS + "' or '" + ANTHROPIC_MESSAGES + "', got '" + api + "'");
        }
        models = List.copyOf(models);
        Objects.requireNonNull(timeout, "timeout");
        headers = Map.copyOf(headers);
    }
}
