package ai.openclaw.provider;

import ai.openclaw.llm.ChatModel;
import ai.openclaw.llm.ChatRequest;
import ai.openclaw.llm.ChatResponse;
import ai.openclaw.llm.StreamListener;
import ai.openclaw.llm.ToolCall;
import ai.openclaw.llm.Usage;
import ai.openclaw.provider.wire.OpenAiChatJson;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code anthropic-messages} adapter: Anthropic's Messages wire, native, over {@link UpstreamHttp}; the mapping
 * both ways is {@link AnthropicWireMapping}. Streams are read event by event ({@code text_delta},
 * {@code input_json_delta} as tool-call fragments, {@code thinking_delta} as reasoning, usage from
 * {@code message_start} and {@code message_delta}, {@code error} events as failures).
 */
final class AnthropicMessagesModel implements ChatModel {
    static final String VERSION = "2023-06-01";
    private final String provider;
    private final URI endpoint;
    private final Map<String, String> headers;
    private final UpstreamHttp http;
    private final int defaultMaxTokens;

    AnthropicMessagesModel(String provider, String baseUrl, String apiKey, Map<String, String> extraHeaders,
                           UpstreamHttp http, int defaultMaxTokens) {
        this.provider = provider;
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.endpoint = URI.create(base + "/messages");
        Map<String, String> h = new HashMap<>();
        h.put("anthropic-version", VERSION);
        if (apiKey != null && !apiKey.isBlank()) {
            h.put("x-api-key", apiKey);
        }
        h.putAll(extraHeaders);
        this.headers = Map.copyOf(h);
        this.http = http;
        this.defaultMaxTokens = defaultMaxTokens;
    }

    /** True: {@link UpstreamHttp} bounds the whole exchange by the request's timeout. */
    @Override
    public boolean honoursTimeout() {
        return true;
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        byte[] body = bytes(request, false);
        JsonNode json = http.postForJson(endpoint, headers, body, request.timeout());
        if ("error".equals(json.path("type").asText())) {
            throw ProviderErrors.streamError(provider, json.path("error"));
        }
        return AnthropicWireMapping.response(json, request.model());
    }

    @Override
    public ChatResponse stream(ChatRequest request, StreamListener listener) {
        byte[] body = bytes(request, true);
        try (UpstreamHttp.Answer answer = http.post(endpoint, headers, body, request.timeout())) {
            SseReader sse = new SseReader(answer.body);
            StringBuilder text = new StringBuilder();
            StringBuilder thinking = new StringBuilder();
            TreeMap<Integer, String[]> tools = new TreeMap<>();
            Map<Integer, Integer> toolIndex = new HashMap<>();
            Usage usage = Usage.ZERO;
            String model = request.model();
            String stop = null;
            boolean stopped = false;
            try {
                String data;
                while ((data = sse.next()) != null) {
                    JsonNode e;
                    try {
                        e = OpenAiChatJson.MAPPER.readTree(data);
                    } catch (IOException ex) {
                        throw ProviderErrors.malformed(provider, "a stream event is not JSON", ex);
                    }
                    switch (e.path("type").asText()) {
                        case "message_start" -> {
                            model = e.path("message").path("model").asText(model);
                            usage = AnthropicWireMapping.usage(e.path("message").path("usage"), usage);
                        }
                        case "content_block_start" -> {
                            JsonNode b = e.path("content_block");
                            if ("tool_use".equals(b.path("type").asText())) {
                                int ordinal = tools.size();
                                toolIndex.put(e.path("index").asInt(), ordinal);
                                String id = b.path("id").asText("");
                                String name = b.path("name").asText("");
                                tools.put(ordinal, new String[] {id, name, ""});
                                listener.onToolCallDelta(ordinal, id, name, "");
                            }
                        }
                        case "content_block_delta" -> {
                            JsonNode d = e.path("delta");
                            switch (d.path("type").asText()) {
                                case "text_delta" -> {
                                    String t = d.path("text").asText("");
                                    if (!t.isEmpty()) {
                                        text.append(t);
                                        listener.onText(t);
                                    }
                                }
                                case "input_json_delta" -> {
                                    Integer ordinal = toolIndex.get(e.path("index").asInt());
                                    String part = d.path("partial_json").asText("");
                                    if (ordinal != null) {
                                        tools.get(ordinal)[2] += part;
                                        if (!part.isEmpty()) {
                                            listener.onToolCallDelta(ordinal, null, null, part);
                                        }
                                    }
                                }
                                case "thinking_delta" -> {
                                    String t = d.path("thinking").asText("");
                                    if (!t.isEmpty()) {
                                        thinking.append(t);
                                        listener.onReasoning(t);
                                    }
                                }
                                default -> { }
                            }
                        }
                        case "message_delta" -> {
                            if (e.path("delta").path("stop_reason").isTextual()) {
                                stop = e.path("delta").path("stop_reason").textValue();
                            }
                            usage = AnthropicWireMapping.usage(e.path("usage"), usage);
                        }
                        case "message_stop" -> stopped = true;
                        case "error" -> throw ProviderErrors.streamError(provider, e.path("error"));
                        default -> { }
                    }
                    if (stopped) {
                        break;
                    }
                }
            } catch (IOException ex) {
                throw ProviderErrors.io(provider, ex, answer.deadlinePassed());
            }
            if (!stopped) {
                throw ProviderErrors.malformed(provider, "the stream ended before message_stop", null);
            }
            answer.finish();
            List<ToolCall> calls = new ArrayList<>();
            for (String[] t : tools.values()) {
                calls.add(new ToolCall(t[0], t[1], t[2].isBlank() ? "{}" : t[2]));
            }
            String finish = AnthropicWireMapping.finish(stop);
            return new ChatResponse(text.toString(), model, usage, finish, calls,
                    "refusal".equals(stop) ? text.toString() : null, null,
                    thinking.isEmpty() ? null : thinking.toString(), ChatResponse.ResponseExtras.NONE, List.of());
        }
    }

    private byte[] bytes(ChatRequest request, boolean stream) {
        try {
            return OpenAiChatJson.MAPPER.writeValueAsBytes(AnthropicWireMapping.request(provider, request,
                    defaultMaxTokens, stream));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
