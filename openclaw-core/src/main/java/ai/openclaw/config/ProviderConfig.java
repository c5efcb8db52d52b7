package ai.openclaw.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One entry of {@code models.providers} in config.yaml (DESIGN.md §4).
 *
 * @param name the provider name used in {@code provider/model} ids; never blank
 * @param api {@code openai-completions}, {@code anthropic-messages} or {@code local-gguf}
 * @param baseUrl the API base URL, or null for the API's public default; for {@code local-gguf} the model file
 *     path (config {@code path})
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
    /** A local GGUF model file run in-process with llama.cpp (config {@code path}). */
    public static final String LOCAL_GGUF = "local-gguf";

    /** Validates the fields and copies the collections. */
    public ProviderConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(api, "api");
        if (!api.equals(OPENAI_COMPLETIONS) && !api.equals(ANTHROPIC_MESSAGES) && !api.equals(LOCAL_GGUF)) {
            throw new IllegalArgumentException("config: models.providers." + name + ".api must be '"
                    + OPENAI_COMPLETIONS + "', '" + ANTHROPIC_MESSAGES + "' or '" + LOCAL_GGUF + "', got '" + api
                    + "'");
        }
        if (api.equals(LOCAL_GGUF) && (baseUrl == null || baseUrl.isBlank())) {
            throw new IllegalArgumentException("config: models.providers." + name + ".path (the .gguf file) is "
                    + "required for api local-gguf");
        }
        models = List.copyOf(models);
        Objects.requireNonNull(timeout, "timeout");
        headers = Map.copyOf(headers);
    }
}
