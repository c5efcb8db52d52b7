package ai.openclaw.provider;

import ai.openclaw.llm.ChatMessage;
import ai.openclaw.llm.ChatModel;
import ai.openclaw.llm.ChatRequest;
import ai.openclaw.llm.ChatResponse;
import ai.openclaw.llm.StreamListener;
import ai.openclaw.llm.ToolCall;
import ai.openclaw.llm.Usage;
import ai.openclaw.provider.wire.OpenAiChatJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code openai-completions} adapter: OpenAI's Chat Completions wire, native, over {@link UpstreamHttp}. The
 * request is the port written back in OpenAI's form ({@link OpenAiChatJson#writeRequest}): what the client sent,
 * with only {@code model} (and what the gateway adds: history, agent prompt and tools) changed; unknown fields go
 * through unchanged. Streams are parsed chunk by chunk (text, tool-call fragments, refusal, reasoning, log
 * probabilities, the final usage chunk).
 */
final class OpenAiCompletionsModel implements ChatModel {
    private final String provider;
    private final URI endpoint;
    private final URI embeddingsEndpoint;
    private final Map<String, String> headers;
    private final UpstreamHttp http;

    OpenAiCompletionsModel(String provider, String baseUrl, String apiKey, Map<String, String> extraHeaders,
                           UpstreamHttp http) {
        this.provider = provider;
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.endpoint = URI.create(base + "/chat/completions");
        this.embeddingsEndpoint = URI.create(base + "/embeddings");
        Map<String, String> h = new HashMap<>(extraHeaders);
        if (apiKey != null && !apiKey.isBlank()) {
            h.put("Authorization", "Bearer " + apiKey);
        }
        this.headers = Map.copyOf(h);
        this.http = http;
    }

    /** True: {@link UpstreamHttp} bounds the whole exchange by the request's timeout. */
    @Override
    public boolean honoursTimeout() {
        return true;
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        byte[] body = bytes(OpenAiChatJson.writeRequest(request, false));
        JsonNode json = http.postForJson(endpoint, headers, body, request.timeout());
        if (json.has("error") && !json.has("choices")) {
            throw ProviderErrors.streamError(provider, json.get("error"));
        }
        ChatResponse r = OpenAiChatJson.readResponse(json, request.model());
        return estimated(request, r);
    }

    @Override
    public ChatResponse stream(ChatRequest request, StreamListener listener) {
        byte[] body = bytes(OpenAiChatJson.writeRequest(request, true));
        try (UpstreamHttp.Answer answer = http.post(endpoint, headers, body, request.timeout())) {
            StreamState s = new StreamState(request.model());
            SseReader sse = new SseReader(answer.body);
            try {
                String data;
                while ((data = sse.next()) != null) {
                    if (data.equals("[DONE]")) {
                        s.done = true;
                        break;
                    }
                    JsonNode chunk;
                    try {
                        chunk = OpenAiChatJson.MAPPER.readTree(data);
                    } catch (IOException e) {
                        throw ProviderErrors.malformed(provider, "a stream chunk is not JSON", e);
                    }
                    s.accept(chunk, listener, provider);
                }
            } catch (IOException e) {
                throw ProviderErrors.io(provider, e, answer.deadlinePassed());
            }
            if (!s.done && s.finish == null) {
                throw ProviderErrors.malformed(provider, "the stream ended before its last chunk", null);
            }
            answer.finish();
            return estimated(request, s.response());
        }
    }

    /** The provider's {@code POST /embeddings}, the body forwarded as given and the answer returned as read. */
    @Override
    public JsonNode embeddings(ObjectNode request, java.time.Duration timeout) {
        JsonNode json = http.postForJson(embeddingsEndpoint, headers, bytes(request), timeout);
        if (!json.path("data").isArray()) {
            throw ProviderErrors.malformed(provider, "the embeddings answer has no 'data' array", null);
        }
        return json;
    }

    private static ChatResponse estimated(ChatRequest request, ChatResponse r) {
        if (r.usage().inputTokens() != 0 || r.usage().outputTokens() != 0) {
            return r;
        }
        int in = 0;
        for (ChatMessage m : request.messages()) {
            in += Usage.estimateTokens(m.content());
        }
        return r.withUsage(new Usage(in, Usage.estimateTokens(r.text())));
    }

    private static byte[] bytes(ObjectNode body) {
        try {
            return OpenAiChatJson.MAPPER.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a stream has said so far. */
    private static final class StreamState {
        final StringBuilder text = new StringBuilder();
        final StringBuilder reasoning = new StringBuilder();
        StringBuilder refusal;
        final TreeMap<Integer, String[]> calls = new TreeMap<>();
        final List<JsonNode> logprobContent = new ArrayList<>();
        String model;
        String finish;
        Usage usage = Usage.ZERO;
        ObjectNode rawUsage;
        ObjectNode top;
        boolean done;

        StreamState(String model) {
            this.model = model;
        }

        void accept(JsonNode chunk, StreamListener listener, String provider) {
            if (chunk.has("error")) {
                throw ProviderErrors.streamError(provider, chunk.get("error"));
            }
            if (chunk.path("model").isTextual()) {
                model = chunk.path("model").textValue();
            }
            chunk.fields().forEachRemaining(e -> {
                switch (e.getKey()) {
                    case "id", "object", "created", "model", "choices", "usage" -> { }
                    default -> {
                        if (!e.getValue().isNull()) {
                            if (top == null) {
                                top = OpenAiChatJson.MAPPER.createObjectNode();
                            }
                            top.set(e.getKey(), e.getValue());
                        }
                    }
                }
            });
            if (chunk.path("usage").isObject()) {
                rawUsage = (ObjectNode) chunk.get("usage");
                usage = OpenAiChatJson.readUsage(rawUsage);
            }
            for (JsonNode choice : chunk.path("choices")) {
                if (choice.path("index").asInt(0) != 0) {
                    listener.onChoice(choice);
                    continue;
                }
                JsonNode delta = choice.path("delta");
                String content = delta.path("content").isTextual() ? delta.path("content").textValue() : null;
                if (content != null && !content.isEmpty()) {
                    text.append(content);
                    listener.onText(content);
                }
                String think = delta.path("reasoning_content").isTextual()
                        ? delta.path("reasoning_content").textValue() : null;
                if (think != null && !think.isEmpty()) {
                    reasoning.append(think);
                    listener.onReasoning(think);
                }
                String refused = delta.path("refusal").isTextual() ? delta.path("refusal").textValue() : null;
                if (refused != null && !refused.isEmpty()) {
                    if (refusal == null) {
                        refusal = new StringBuilder();
                    }
                    refusal.append(refused);
                    listener.onRefusal(refused);
                }
                for (JsonNode tc : delta.path("tool_calls")) {
                    int index = tc.path("index").asInt(calls.size());
                    String id = tc.path("id").isTextual() ? tc.path("id").textValue() : null;
                    String name = tc.path("function").path("name").isTextual()
                            ? tc.path("function").path("name").textValue() : null;
                    String args = tc.path("function").path("arguments").asText("");
                    String[] call = calls.computeIfAbsent(index, k -> new String[] {null, null, ""});
                    if (id != null) {
                        call[0] = id;
                    }
                    if (name != null) {
                        call[1] = call[1] == null ? name : call[1] + name;
                    }
                    call[2] = call[2] + args;
                    listener.onToolCallDelta(index, id, name, args);
                }
                JsonNode lp = choice.get("logprobs");
                if (lp != null && lp.isObject()) {
                    listener.onLogprobs(lp);
                    lp.path("content").forEach(logprobContent::add);
                }
                if (choice.path("finish_reason").isTextual()) {
                    finish = choice.path("finish_reason").textValue();
                }
            }
        }

        ChatResponse response() {
            List<ToolCall> out = new ArrayList<>();
            for (String[] c : calls.values()) {
                out.add(new ToolCall(c[0] == null ? "call_" + out.size() : c[0], c[1] == null ? "" : c[1], c[2]));
            }
            ObjectNode logprobs = null;
            if (!logprobContent.isEmpty()) {
                logprobs = OpenAiChatJson.MAPPER.createObjectNode();
                ArrayNode content = logprobs.putArray("content");
                logprobContent.forEach(content::add);
            }
            String f = finish != null ? finish : out.isEmpty() ? "stop" : "tool_calls";
            return new ChatResponse(text.toString(), model, usage, f, out,
                    refusal == null ? null : refusal.toString(), logprobs,
                    reasoning.isEmpty() ? null : reasoning.toString(),
                    new ChatResponse.ResponseExtras(top, null, null, rawUsage), List.of());
        }
    }

}
