package ai.openclaw.provider;

import ai.openclaw.config.GatewayConfig;
import ai.openclaw.config.ProviderConfig;
import ai.openclaw.llm.ChatModel;
import ai.openclaw.llm.ModelCatalog;
import ai.openclaw.llm.ModelId;
import ai.openclaw.llm.ModelProvider;
import dev.langchain4j.http.client.jdk.JdkHttpClientBuilder;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;

/**
 * Builds the {@link ModelCatalog} from config: one {@link ModelProvider} per {@code models.providers} entry,
 * plus {@code builtin/offline}, which is the default model when none is configured.
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
        List<ModelProvider> providers = new ArrayList<>();
        providers.add(new ModelProvider(BuiltinOfflineModel.PROVIDER, "builtin", new BuiltinOfflineModel(),
                List.of(BuiltinOfflineModel.MODEL), true));
        for (ProviderConfig p : config.providers()) {
            if (p.name().equals(BuiltinOfflineModel.PROVIDER)) {
                throw new IllegalArgumentException("config: models.providers.builtin is reserved for builtin/offline");
            }
            providers.add(new ModelProvider(p.name(), p.api(), chatModel(p), p.models(), false));
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
        return new ModelCatalog(defaultModel, providers);
    }

    /**
     * A {@link ChatModel} for one configured provider.
     *
     * @throws IllegalArgumentException for an unknown {@code api}
     */
    public static ChatModel chatModel(ProviderConfig p) {
        Duration timeout = p.timeout();
        String key = p.apiKey() == null ? "not-needed" : p.apiKey();
        switch (p.api()) {
            case ProviderConfig.OPENAI_COMPLETIONS: {
                String base = p.baseUrl() == null ? "https://api.openai.com/v1" : p.baseUrl();
                var sync = OpenAiChatModel.builder().httpClientBuilder(http(timeout)).baseUrl(base).apiKey(key)
                        .modelName("default").timeout(timeout).maxRetries(0).customHeaders(p.headers()).build();
                var stream = OpenAiStreamingChatModel.builder().httpClientBuilder(http(timeout)).baseUrl(base)
                        .apiKey(key).modelName("default").timeout(timeout).customHeaders(p.headers()).build();
                return new LangChainChatModel(p.name(), sync, stream, timeout);
            }
            case ProviderConfig.ANTHROPIC_MESSAGES: {
                String base = p.baseUrl() == null ? "https://api.anthropic.com/v1" : p.baseUrl();
                var sync = AnthropicChatModel.builder().httpClientBuilder(http(timeout)).baseUrl(base).apiKey(key)
                        .modelName("default").maxTokens(4096).timeout(timeout).maxRetries(0)
                        .customHeaders(p.headers()).build();
                var stream = AnthropicStreamingChatModel.builder().httpClientBuilder(http(timeout)).baseUrl(base)
                        .apiKey(key).modelName("default").maxTokens(4096).timeout(timeout)
                        .customHeaders(p.headers()).build();
                return new LangChainChatModel(p.name(), sync, stream, timeout);
            }
            case ProviderConfig.LOCAL_GGUF:
                return new LocalGgufChatModel(p.name(), java.nio.file.Path.of(p.baseUrl()), timeout, 2048);
            default:
                throw new IllegalArgumentException("unknown provider api '" + p.api() + "'");
        }
    }

    private static JdkHttpClientBuilder http(Duration timeout) {
        return new JdkHttpClientBuilder()
                .httpClientBuilder(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .executor(Executors.newVirtualThreadPerTaskExecutor()))
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(timeout);
    }
}
