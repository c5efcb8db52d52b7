package ai.openclaw.server.api.anthropic;

import ai.openclaw.error.OpenClawException;
import ai.openclaw.llm.ChatMessage;
import ai.openclaw.llm.ChatOptions;
import ai.openclaw.llm.ContentPart;
import ai.openclaw.llm.Role;
import ai.openclaw.llm.ToolCall;
import ai.openclaw.llm.ToolChoice;
import ai.openclaw.llm.ToolSpec;
import ai.openclaw.server.http.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * An Anthropic Messages request read into the model port: {@code system} → system message; text, image
 * (base64 / url sources → {@code image_url}) and document blocks → content parts; {@code tool_use} → assistant tool
 * calls; {@code tool_result} → tool messages; {@code tools} → tool specs; {@code tool_choice} auto/any/tool/none;
 * {@code stop_sequences}, {@code temperature}, {@code top_p}, {@code top_k}, {@code metadata.user_id},
 * {@code thinking} budgets → {@code reasoning_effort}.
 *
 * @param model the {@code model} field
 * @param messages the conversation
 * @param tools the client's tools
 * @param temperature {@code temperature}, or null
 * @param maxTokens {@code max_tokens}, or null
 * @param options the other options
 * @param stream {@code stream}
 */
record AnthropicRequest(String model, List<ChatMessage> messages, List<ToolSpec> tools, Double temperature,
                        Integer maxTokens, ChatOptions options, boolean stream) {
    private static final Set<String> KNOWN = Set.of("model", "messages", "system", "max_tokens", "tools",
            "tool_choice", "stop_sequences", "temperature", "top_p", "top_k", "metadata", "stream", "thinking",
            "service_tier");

    static AnthropicRequest read(ObjectNode body) {
        if (!body.path("model").isTextual()) {
            throw OpenClawException.invalid("field 'model' is required");
        }
        for (var it = body.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!KNOWN.contains(f)) {
                throw OpenClawException.invalid("field '" + f + "' is not supported");
            }
        }
        List<ChatMessage> messages = new ArrayList<>();
        JsonNode system = body.get("system");
        if (system != null && !system.isNull()) {
            if (system.isTextual()) {
                messages.add(ChatMessage.system(system.textValue()));
            } else if (system.isArray()) {
                StringBuilder sb = new StringBuilder();
                for (JsonNode b : system) {
                    sb.append(sb.isEmpty() ? "" : "\n\n").append(b.path("text").asText(""));
                }
                messages.add(ChatMessage.system(sb.toString()));
            } else {
                throw OpenClawException.invalid("field 'system' must be a string or an array of text blocks");
            }
        }
        JsonNode ms = body.get("messages");
        if (ms == null || !ms.isArray() || ms.isEmpty()) {
            throw OpenClawException.invalid("field 'messages' must be a non-empty array");
        }
        for (int i = 0; i < ms.size(); i++) {
            read(ms.get(i), "messages[" + i + "]", messages);
        }
        List<ToolSpec> tools = new ArrayList<>();
        JsonNode ts = body.get("tools");
        if (ts != null && ts.isArray()) {
            for (int i = 0; i < ts.size(); i++) {
                JsonNode t = ts.get(i);
                if (t.has("type") && !"custom".equals(t.path("type").asText())) {
                    throw OpenClawException.invalid("field 'tools[" + i + "].type' '" + t.path("type").asText()
                            + "' (an Anthropic server tool) is not supported");
                }
                if (!t.path("name").isTextual()) {
                    throw OpenClawException.invalid("field 'tools[" + i + "].name' is required");
                }
                tools.add(new ToolSpec(t.path("name").textValue(), t.path("description").asText(""),
                        t.has("input_schema") ? t.get("input_schema").toString() : null));
            }
        }
        ToolChoice choice = null;
        Boolean parallel = null;
        JsonNode tc = body.get("tool_choice");
        if (tc != null && tc.isObject()) {
            choice = switch (tc.path("type").asText()) {
                case "auto" -> ToolChoice.AUTO;
                case "any" -> ToolChoice.REQUIRED;
                case "none" -> ToolChoice.NONE;
                case "tool" -> ToolChoice.function(tc.path("name").asText());
                default -> throw OpenClawException.invalid("field 'tool_choice.type' must be auto, any, tool or none");
            };
            if (tc.path("disable_parallel_tool_use").asBoolean(false)) {
                parallel = false;
            }
        }
        List<String> stop = new ArrayList<>();
        body.path("stop_sequences").forEach(n -> stop.add(n.asText()));
        String effort = null;
        JsonNode thinking = body.get("thinking");
        if (thinking != null && "enabled".equals(thinking.path("type").asText())) {
            int budget = thinking.path("budget_tokens").asInt(4096);
            effort = budget <= 2048 ? "low" : budget <= 8192 ? "medium" : "high";
        }
        ObjectNode extra = Json.obj();
        if (body.has("top_k")) {
            extra.set("top_k", body.get("top_k"));
        }
        if (body.has("service_tier")) {
            extra.set("service_tier", body.get("service_tier"));
        }
        String user = body.path("metadata").path("user_id").isTextual()
                ? body.path("metadata").path("user_id").textValue() : null;
        ChatOptions options = new ChatOptions(body.path("top_p").isNumber() ? body.get("top_p").doubleValue() : null,
                stop, null, null, null, null, null, null, null, null, effort, user, null, null, null, choice, parallel,
                extra);
        Integer maxTokens = body.path("max_tokens").isIntegralNumber() ? body.get("max_tokens").intValue() : null;
        if (maxTokens != null && maxTokens < 1) {
            throw OpenClawException.invalid("field 'max_tokens' must be >= 1");
        }
        Double temperature = body.path("temperature").isNumber() ? body.get("temperature").doubleValue() : null;
        if (temperature != null && (temperature < 0 || temperature > 1)) {
            throw OpenClawException.invalid("field 'temperature' must be in [0, 1]");
        }
        return new AnthropicRequest(body.path("model").textValue(), messages, tools, temperature, maxTokens, options,
                body.path("stream").asBoolean(false));
    }

    private static void read(JsonNode m, String at, List<ChatMessage> out) {
        String roleName = m.path("role").asText("");
        if (!roleName.equals("user") && !roleName.equals("assistant")) {
            throw OpenClawException.invalid("field '" + at + ".role' must be user or assistant");
        }
        Role role = roleName.equals("user") ? Role.USER : Role.ASSISTANT;
        JsonNode c = m.get("content");
        if (c != null && c.isTextual()) {
            out.add(new ChatMessage(role, c.textValue()));
            return;
        }
        if (c == null || !c.isArray()) {
            throw OpenClawException.invalid("field '" + at + ".content' must be a string or an array of blocks");
        }
        List<ContentPart> parts = new ArrayList<>();
        List<ToolCall> calls = new ArrayList<>();
        for (int j = 0; j < c.size(); j++) {
            JsonNode b = c.get(j);
            String bat = at + ".content[" + j + "]";
            switch (b.path("type").asText()) {
                case "text" -> parts.add(ContentPart.text(b.path("text").asText("")));
                case "image" -> parts.add(ContentPart.imageUrl(url(b.path("source"), bat), null));
                case "document" -> {
                    ObjectNode f = Json.obj().put("type", "file");
                    f.putObject("file").put("file_data", url(b.path("source"), bat))
                            .put("filename", b.path("title").asText("document.pdf"));
                    parts.add(ContentPart.of(f));
                }
                case "tool_use" -> calls.add(new ToolCall(b.path("id").asText(""), b.path("name").asText(""),
                        b.path("input").toString()));
                case "tool_result" -> {
                    JsonNode rc = b.get("content");
                    String text;
                    if (rc == null || rc.isNull()) {
                        text = "";
                    } else if (rc.isTextual()) {
                        text = rc.textValue();
                    } else {
                        StringBuilder sb = new StringBuilder();
                        rc.forEach(x -> sb.append(x.path("text").asText("")));
                        text = sb.toString();
                    }
                    if (b.path("is_error").asBoolean(false)) {
                        text = "[error] " + text;
                    }
                    out.add(ChatMessage.toolResult(b.path("tool_use_id").asText(""), null, text));
                }
                case "thinking", "redacted_thinking" -> { }
                default -> throw OpenClawException.invalid("field '" + bat + ".type' '" + b.path("type").asText()
                        + "' is not supported");
            }
        }
        boolean onlyText = parts.stream().allMatch(ContentPart::isText);
        if (role == Role.ASSISTANT) {
            if (!parts.isEmpty() || !calls.isEmpty()) {
                out.add(ChatMessage.assistantToolCalls(ChatMessage.joinText(parts), calls));
            }
        } else if (!parts.isEmpty()) {
            out.add(onlyText ? ChatMessage.user(ChatMessage.joinText(parts)) : ChatMessage.user(parts));
        }
    }

    private static String url(JsonNode source, String at) {
        switch (source.path("type").asText()) {
            case "base64":
                return "data:" + source.path("media_type").asText("application/octet-stream") + ";base64,"
                        + source.path("data").asText("");
            case "url":
                return source.path("url").asText("");
            default:
                throw OpenClawException.invalid("field '" + at + ".source.type' must be base64 or url");
        }
    }
}
