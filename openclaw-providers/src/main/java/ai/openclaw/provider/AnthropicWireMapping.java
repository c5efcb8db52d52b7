package ai.openclaw.provider;

import ai.openclaw.error.OpenClawException;
import ai.openclaw.llm.ChatMessage;
import ai.openclaw.llm.ChatOptions;
import ai.openclaw.llm.ChatRequest;
import ai.openclaw.llm.ChatResponse;
import ai.openclaw.llm.ContentPart;
import ai.openclaw.llm.Role;
import ai.openclaw.llm.ToolCall;
import ai.openclaw.llm.ToolChoice;
import ai.openclaw.llm.ToolSpec;
import ai.openclaw.llm.Usage;
import ai.openclaw.provider.wire.OpenAiChatJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The model port ⇄ Anthropic's Messages wire: system messages → {@code system}; text, images ({@code image_url}
 * data URLs → base64 sources, http URLs → url sources) and PDF files → content blocks; assistant tool calls →
 * {@code tool_use}; tool messages → {@code tool_result} blocks in a user turn (consecutive turns of one role
 * merged); tools → {@code input_schema}; {@code tool_choice} auto/required/function/none → auto/any/tool/none,
 * {@code parallel_tool_calls: false} → {@code disable_parallel_tool_use}; {@code stop} → {@code stop_sequences};
 * {@code user} → {@code metadata.user_id}; {@code reasoning_effort} → {@code thinking} budgets. Back: text,
 * {@code tool_use} → tool calls, {@code thinking} → reasoning, stop reasons in OpenAI's words, usage with cache
 * tokens. What Anthropic cannot do is a 400 naming the field.
 */
final class AnthropicWireMapping {
    /** Options Anthropic can honour (OpenAI spelling); any other set option is a 400. */
    private static final List<String> SUPPORTED = List.of("top_p", "stop", "reasoning_effort", "top_k", "thinking",
            "service_tier", "metadata");

    private AnthropicWireMapping() {
    }

    static ObjectNode request(String provider, ChatRequest r, int defaultMaxTokens, boolean stream) {
        ChatOptions x = r.options();
        List<String> unsupported = x.setFieldsExcept(SUPPORTED);
        if (!unsupported.isEmpty()) {
            throw OpenClawException.invalid("field '" + unsupported.get(0) + "' is not supported by provider '"
                    + provider + "' (anthropic-messages)");
        }
        if (x.metadata() != null) {
            throw OpenClawException.invalid("field 'metadata' is not supported by provider '" + provider
                    + "' (anthropic-messages); use 'user' for metadata.user_id");
        }
        if (r.temperature() != null && r.temperature() > 1) {
            throw OpenClawException.invalid("field 'temperature' must be in [0, 1] for provider '" + provider
                    + "' (anthropic-messages)");
        }
        ObjectNode o = OpenAiChatJson.MAPPER.createObjectNode();
        o.put("model", r.model());
        int maxTokens = r.maxTokens() != null ? r.maxTokens()
                : x.maxCompletionTokens() != null ? x.maxCompletionTokens() : defaultMaxTokens;
        if (x.reasoningEffort() != null) {
            int budget = switch (x.reasoningEffort()) {
                case "minimal", "low" -> 1024;
                case "medium" -> 4096;
                case "high" -> 16384;
                default -> throw OpenClawException.invalid("field 'reasoning_effort' must be minimal, low, medium or "
                        + "high");
            };
            o.putObject("thinking").put("type", "enabled").put("budget_tokens", budget);
            maxTokens = Math.max(maxTokens, budget + 1024);
        }
        o.put("max_tokens", maxTokens);
        StringBuilder system = new StringBuilder();
        ArrayNode messages = o.putArray("messages");
        for (int i = 0; i < r.messages().size(); i++) {
            ChatMessage m = r.messages().get(i);
            if (m.role() == Role.SYSTEM) {
                system.append(system.isEmpty() ? "" : "\n\n").append(m.content());
                continue;
            }
            String role = m.role() == Role.ASSISTANT ? "assistant" : "user";
            ArrayNode blocks = OpenAiChatJson.MAPPER.createArrayNode();
            String at = "messages[" + i + "]";
            switch (m.role()) {
                case TOOL -> {
                    ObjectNode b = blocks.addObject();
                    b.put("type", "tool_result");
                    b.put("tool_use_id", m.toolCallId());
                    b.put("content", m.content());
                }
                case ASSISTANT -> {
                    if (!m.content().isEmpty()) {
                        blocks.addObject().put("type", "text").put("text", m.content());
                    }
                    for (ToolCall c : m.toolCalls()) {
                        ObjectNode b = blocks.addObject();
                        b.put("type", "tool_use");
                        b.put("id", c.id());
                        b.put("name", c.name());
                        JsonNode input = OpenAiChatJson.parse(c.argumentsJson());
                        b.set("input", input.isObject() ? input : OpenAiChatJson.MAPPER.createObjectNode());
                    }
                }
                default -> {
                    if (m.parts().isEmpty()) {
                        blocks.addObject().put("type", "text").put("text", m.content());
                    } else {
                        for (int j = 0; j < m.parts().size(); j++) {
                            blocks.add(part(provider, m.parts().get(j), at + ".content[" + j + "]"));
                        }
                    }
                }
            }
            if (blocks.isEmpty()) {
                continue;
            }
            JsonNode last = messages.isEmpty() ? null : messages.get(messages.size() - 1);
            if (last != null && last.path("role").asText().equals(role)) {
                ((ArrayNode) last.get("content")).addAll(blocks);
            } else {
                ObjectNode msg = messages.addObject();
                msg.put("role", role);
                msg.set("content", blocks);
            }
        }
        if (!system.isEmpty()) {
            o.put("system", system.toString());
        }
        if (!r.tools().isEmpty()) {
            ArrayNode tools = o.putArray("tools");
            for (ToolSpec t : r.tools()) {
                ObjectNode tool = tools.addObject();
                tool.put("name", t.name());
                if (!t.description().isEmpty()) {
                    tool.put("description", t.description());
                }
                tool.set("input_schema", OpenAiChatJson.parse(t.parametersJson()));
            }
            ToolChoice c = x.toolChoice();
            ObjectNode choice = null;
            if (c != null) {
                choice = OpenAiChatJson.MAPPER.createObjectNode();
                switch (c.mode()) {
                    case "auto" -> choice.put("type", "auto");
                    case "required" -> choice.put("type", "any");
                    case "none" -> choice.put("type", "none");
                    default -> choice.put("type", "tool").put("name", c.name());
                }
            }
            if (Boolean.FALSE.equals(x.parallelToolCalls())) {
                if (choice == null) {
                    choice = OpenAiChatJson.MAPPER.createObjectNode().put("type", "auto");
                }
                if (!"none".equals(choice.path("type").asText())) {
                    choice.put("disable_parallel_tool_use", true);
                }
            }
            if (choice != null) {
                o.set("tool_choice", choice);
            }
        }
        if (r.temperature() != null) {
            o.put("temperature", r.temperature());
        }
        if (x.topP() != null) {
            o.put("top_p", x.topP());
        }
        if (!x.stop().isEmpty()) {
            ArrayNode stop = o.putArray("stop_sequences");
            x.stop().forEach(stop::add);
        }
        if (x.user() != null) {
            o.putObject("metadata").put("user_id", x.user());
        }
        if (x.extra() != null) {
            x.extra().fields().forEachRemaining(e -> o.set(e.getKey(), e.getValue()));
        }
        if (stream) {
            o.put("stream", true);
        }
        return o;
    }

    private static ObjectNode part(String provider, ContentPart p, String at) {
        ObjectNode b = OpenAiChatJson.MAPPER.createObjectNode();
        switch (p.type()) {
            case "text" -> b.put("type", "text").put("text", p.text() == null ? "" : p.text());
            case "image_url" -> {
                b.put("type", "image");
                b.set("source", source(p.imageUrl()));
            }
            case "file" -> {
                String data = p.body().path("file").path("file_data").asText("");
                if (!data.startsWith("data:")) {
                    throw OpenClawException.invalid("field '" + at + ".file' needs file_data as a data: URL for "
                            + "provider '" + provider + "' (anthropic-messages)");
                }
                b.put("type", "document");
                b.set("source", source(data));
            }
            default -> throw OpenClawException.invalid("field '" + at + "' (type '" + p.type() + "') is not "
                    + "supported by provider '" + provider + "' (anthropic-messages)");
        }
        return b;
    }

    private static ObjectNode source(String url) {
        ObjectNode s = OpenAiChatJson.MAPPER.createObjectNode();
        if (url.startsWith("data:")) {
            int semi = url.indexOf(';');
            int comma = url.indexOf(',');
            s.put("type", "base64");
            s.put("media_type", url.substring(5, semi > 0 && semi < comma ? semi : comma));
            s.put("data", url.substring(comma + 1));
        } else {
            s.put("type", "url");
            s.put("url", url);
        }
        return s;
    }

    static String finish(String stopReason) {
        if (stopReason == null) {
            return "stop";
        }
        return switch (stopReason) {
            case "max_tokens", "model_context_window_exceeded" -> "length";
            case "tool_use" -> "tool_calls";
            case "refusal" -> "content_filter";
            default -> "stop";
        };
    }

    static Usage usage(JsonNode u, Usage base) {
        if (u == null || !u.isObject()) {
            return base;
        }
        int cacheRead = u.path("cache_read_input_tokens").asInt(base.cachedTokens());
        int cacheWrite = u.path("cache_creation_input_tokens").asInt(base.cacheCreationTokens());
        int input = u.has("input_tokens") ? u.path("input_tokens").asInt() + cacheRead + cacheWrite
                : base.inputTokens();
        int output = u.path("output_tokens").asInt(base.outputTokens());
        return new Usage(input, output, cacheRead, cacheWrite, 0);
    }

    static ChatResponse response(JsonNode body, String requestedModel) {
        StringBuilder text = new StringBuilder();
        StringBuilder thinking = new StringBuilder();
        List<ToolCall> calls = new ArrayList<>();
        for (JsonNode b : body.path("content")) {
            switch (b.path("type").asText()) {
                case "text" -> text.append(b.path("text").asText(""));
                case "thinking" -> thinking.append(b.path("thinking").asText(""));
                case "tool_use" -> calls.add(new ToolCall(b.path("id").asText(""), b.path("name").asText(""),
                        b.path("input").toString()));
                default -> { }
            }
        }
        String stop = body.path("stop_reason").asText(null);
        return new ChatResponse(text.toString(), body.path("model").asText(requestedModel),
                usage(body.path("usage"), Usage.ZERO), calls.isEmpty() || !"tool_use".equals(stop) ? finish(stop)
                : "tool_calls", calls, "refusal".equals(stop) ? text.toString() : null, null,
                thinking.isEmpty() ? null : thinking.toString(), ChatResponse.ResponseExtras.NONE, List.of());
    }
}
