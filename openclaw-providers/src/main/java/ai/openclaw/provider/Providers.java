package ai.openclaw.provider;

import ai.openclaw.config.GatewayConfig;
import ai.openclaw.config.ProviderConfig;
import ai.openclaw.llm.ChatModel;
import ai.openclaw.llm.ModelCatalog;
import ai.openclaw.llm.ModelId;
import ai.openclaw.llm.ModelProvider;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the {@link ModelCatalog} from config: one {@link ModelProvider} per {@code models.providers} entry,
 * plus {@code builtin/offline}, which is the default model when none is configured. Per provider (besides
 * {@link ProviderConfig}): {@code retries} (default 2), {@code retryBackoffMs} (250), {@code maxTokens} (Anthropic's
 * required default, 4096), {@code supportsTools} (default true; also per model entry
 * {@code models: [{id, supportsTools: false}]}). {@code models.fallbacks: {"p/m": ["p2/m2", …]}} lists the models
 * tried, in order, when one fails with a retriable error.
 */
public final class Providers {
    /** The offline responder's id. */
    public static final ModelId OFFLINE = new ModelId(BuiltinOfflineModel.PROVIDER, BuiltinOfflineModel.MODEL);

    private Providers() {
    }

    /**
     * Builds the catalog.
     *
     * @param config the gateway config
     * @return the catalog; its default model is {@code models.default}, or the first configured provider's first
     *     model, or {@code builtin/offline}
     * @throws IllegalArgumentException if {@code models.default} names an unconfigured provider
     */
    public static ModelCatalog catalog(GatewayConfig config) {
        return catalog(config, Pauser.PARK, Clock.systemUTC());
    }

    /**
     * Builds the catalog with the given retry pauser and clock (tests).
     *
     * @throws IllegalArgumentException if {@code models.default} names an unconfigured provider
     */
    public static ModelCatalog catalog(GatewayConfig config, Pauser pauser, Clock clock) {
        List<ModelProvider> providers = new ArrayList<>();
        providers.add(new ModelProvider(BuiltinOfflineModel.PROVIDER, "builtin", new BuiltinOfflineModel(),
                List.of(BuiltinOfflineModel.MODEL), true));
        JsonNode models = config.tree().path("models");
        Set<String> withoutTools = new HashSet<>();
        for (ProviderConfig p : config.providers()) {
            if (p.name().equals(BuiltinOfflineModel.PROVIDER)) {
                throw new IllegalArgumentException("config: models.providers.builtin is reserved for builtin/offline");
            }
            JsonNode node = models.path("providers").path(p.name());
            providers.add(new ModelProvider(p.name(), p.api(), chatModel(p, node, pauser, clock), p.models(), false));
            if (!node.path("supportsTools").asBoolean(!p.api().equals(ProviderConfig.LOCAL_GGUF))) {
                withoutTools.add(p.name() + "/*");
            }
            for (JsonNode m : node.path("models")) {
                if (m.isObject() && !m.path("supportsTools").asBoolean(true)) {
                    withoutTools.add(p.name() + "/" + m.path("id").asText());
                }
            }
        }
        ModelId defaultModel;
        if (config.defaultModel() != null) {
            defaultModel = ModelId.parse(config.defaultModel());
            if (providers.stream().noneMatch(p -> p.name().equals(defaultModel.provider()))) {
                throw new IllegalArgumentException("config: models.default '" + config.defaultModel()
                        + "' names provider '" + defaultModel.provider() + "', which is not under models.providers");
            }
        } else if (!config.providers().isEmpty() && !config.providers().get(0).models().isEmpty()) {
            ProviderConfig first = config.providers().get(0);
            defaultModel = new ModelId(first.name(), first.models().get(0));
        } else {
            defaultModel = OFFLINE;
        }
        Map<String, List<String>> fallbacks = new LinkedHashMap<>();
        JsonNode fb = models.path("fallbacks");
        if (fb.isObject()) {
            fb.fields().forEachRemaining(e -> {
                List<String> chain = new ArrayList<>();
                e.getValue().forEach(n -> chain.add(n.asText()));
                fallbacks.put(e.getKey(), chain);
            });
        } else if (fb.isArray()) {
            List<String> chain = new ArrayList<>();
            fb.forEach(n -> chain.add(n.asText()));
            fallbacks.put(defaultModel.toString(), chain);
        }
        return new ModelCatalog(defaultModel, providers, fallbacks, withoutTools);
    }

    /**
     * A {@link ChatModel} for one configured provider.
     *
     * @throws IllegalArgumentException for an unknown {@code api}
     */
    public static ChatModel chatModel(ProviderConfig p) {
        return chatModel(p, com.fasterxml.jackson.databind.node.MissingNode.getInstance(), Pauser.PARK,
                Clock.systemUTC());
    }

    private static ChatModel chatModel(ProviderConfig p, JsonNode node, Pauser pauser, Clock clock) {
        RetryPolicy d = RetryPolicy.DEFAULTS;
        RetryPolicy retry = new RetryPolicy(node.path("retries").asInt(d.maxRetries()),
                Duration.ofMillis(node.path("retryBackoffMs").asLong(d.initialBackoff().toMillis())), d.maxBackoff(),
                d.maxRetryAfter());
        UpstreamHttp http = new UpstreamHttp(p.name(), retry, pauser, clock, p.timeout());
        switch (p.api()) {
            case ProviderConfig.OPENAI_COMPLETIONS:
                return new OpenAiCompletionsModel(p.name(), p.baseUrl() == null ? "https://api.openai.com/v1"
                        : p.baseUrl(), p.apiKey(), p.headers(), http);
            case ProviderConfig.ANTHROPIC_MESSAGES:
                return new AnthropicMessagesModel(p.name(), p.baseUrl() == null ? "https://api.anthropic.com/v1"
                        : p.baseUrl(), p.apiKey(), p.headers(), http, node.path("maxTokens").asInt(4096));
            case ProviderConfig.LOCAL_GGUF:
                return new LocalGgufChatModel(p.name(), java.nio.file.Path.of(p.baseUrl()), p.timeout(), 2048);
            default:
                throw new IllegalArgumentException("unknown provider api '" + p.api() + "'");
        }
    }
}
