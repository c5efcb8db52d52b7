package ai.openclaw.server.api.openai;

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
 * An OpenAI Responses request ({@code POST /v1/responses}) read into the model port: {@code input} (a string, or
 * message / {@code function_call} / {@code function_call_output} items with {@code input_text},
 * {@code input_image}, {@code input_file} and {@code output_text} parts), {@code instructions}, function
 * {@code tools}, {@code tool_choice}, {@code text.format} ({@code json_schema} / {@code json_object}),
 * {@code reasoning.effort}, sampling and limits.
 *
 * @param model the model
 * @param instructions the system instructions, or null
 * @param input the new messages
 * @param tools the client's function tools
 * @param temperature {@code temperature}, or null
 * @param maxTokens {@code max_output_tokens}, or null
 * @param options the other options (response_format from {@code text.format})
 * @param stream whether to stream semantic events
 * @param previousResponseId the response this one continues, or null
 * @param echo the request's fields echoed in the response object
 */
record ResponsesInput(String model, String instructions, List<ChatMessage> input, List<ToolSpec> tools,
                      Double temperature, Integer maxTokens, ChatOptions options, boolean stream,
                      String previousResponseId, ObjectNode echo) {
    private static final Set<String> KNOWN = Set.of("model", "input", "instructions", "tools", "tool_choice",
            "parallel_tool_calls", "temperature", "top_p", "max_output_tokens", "text", "reasoning", "user",
            "metadata", "store", "stream", "previous_response_id", "include", "truncation", "service_tier",
            "stream_options");

    static ResponsesInput read(ObjectNode body) {
        for (var it = body.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!KNOWN.contains(f)) {
                throw OpenClawException.invalid("field '" + f + "' is not supported");
            }
        }
        if (!body.path("model").isTextual()) {
            throw OpenClawException.invalid("field 'model' is required");
        }
        List<ChatMessage> input = new ArrayList<>();
        JsonNode in = body.get("input");
        if (in == null || in.isNull()) {
            throw OpenClawException.invalid("field 'input' is required");
        } else if (in.isTextual()) {
            input.add(ChatMessage.user(in.textValue()));
        } else if (in.isArray()) {
            List<ToolCall> pending = new ArrayList<>();
            for (int i = 0; i < in.size(); i++) {
                JsonNode item = in.get(i);
                String at = "input[" + i + "]";
                String type = item.path("type").asText("message");
                if (type.equals("function_call")) {
                    pending.add(new ToolCall(item.path("call_id").asText(""), item.path("name").asText(""),
                            item.path("arguments").asText("{}")));
                    continue;
                }
                if (!pending.isEmpty()) {
                    input.add(ChatMessage.assistantToolCalls("", pending));
                    pending = new ArrayList<>();
                }
                switch (type) {
                    case "function_call_output" -> input.add(ChatMessage.toolResult(item.path("call_id").asText(""),
                            null, item.path("output").isTextual() ? item.path("output").textValue()
                                    : item.path("output").toString()));
                    case "message" -> input.add(message(item, at));
                    case "reasoning" -> { }
                    default -> throw OpenClawException.invalid("field '" + at + ".type' '" + type
                            + "' is not supported");
                }
            }
            if (!pending.isEmpty()) {
                input.add(ChatMessage.assistantToolCalls("", pending));
            }
        } else {
            throw OpenClawException.invalid("field 'input' must be a string or an array of items");
        }
        if (input.isEmpty()) {
            throw OpenClawException.invalid("field 'input' must not be empty");
        }
        List<ToolSpec> tools = new ArrayList<>();
        JsonNode ts = body.path("tools");
        for (int i = 0; i < ts.size(); i++) {
            JsonNode t = ts.get(i);
            if (!"function".equals(t.path("type").asText())) {
                throw OpenClawException.invalid("field 'tools[" + i + "].type' must be 'function'");
            }
            tools.add(new ToolSpec(t.path("name").asText(""), t.path("description").asText(""),
                    t.has("parameters") ? t.get("parameters").toString() : null,
                    t.path("strict").isBoolean() ? t.get("strict").booleanValue() : null));
        }
        ToolChoice choice = null;
        JsonNode tc = body.get("tool_choice");
        if (tc != null && tc.isTextual()) {
            choice = new ToolChoice(tc.textValue(), null);
        } else if (tc != null && tc.isObject()) {
            choice = ToolChoice.function(tc.path("name").asText());
        }
        ObjectNode format = null;
        JsonNode f = body.path("text").path("format");
        if (f.isObject()) {
            switch (f.path("type").asText("text")) {
                case "json_schema" -> {
                    format = Json.obj().put("type", "json_schema");
                    ObjectNode js = format.putObject("json_schema");
                    js.put("name", f.path("name").asText("response"));
                    if (f.has("schema")) {
                        js.set("schema", f.get("schema"));
                    }
                    if (f.has("strict")) {
                        js.set("strict", f.get("strict"));
                    }
                    if (f.has("description")) {
                        js.set("description", f.get("description"));
                    }
                }
                case "json_object" -> format = Json.obj().put("type", "json_object");
                case "text" -> { }
                default -> throw OpenClawException.invalid("field 'text.format.type' must be text, json_object or "
                        + "json_schema");
            }
        }
        ChatOptions options = new ChatOptions(num(body, "top_p"), List.of(), null, null, null, null, null, null,
                null, null, body.path("reasoning").path("effort").isTextual()
                ? body.path("reasoning").path("effort").textValue() : null,
                body.path("user").isTextual() ? body.get("user").textValue() : null, null, null, format, choice,
                body.path("parallel_tool_calls").isBoolean() ? body.get("parallel_tool_calls").booleanValue() : null,
                null);
        ObjectNode echo = Json.obj();
        for (String k : List.of("instructions", "tools", "tool_choice", "temperature", "top_p", "parallel_tool_calls",
                "max_output_tokens", "previous_response_id", "text", "reasoning", "metadata", "user", "store")) {
            if (body.has(k)) {
                echo.set(k, body.get(k));
            }
        }
        Integer max = body.path("max_output_tokens").isIntegralNumber() ? body.get("max_output_tokens").intValue()
                : null;
        return new ResponsesInput(body.path("model").textValue(), body.path("instructions").isTextual()
                ? body.get("instructions").textValue() : null, input, tools, num(body, "temperature"), max, options,
                body.path("stream").asBoolean(false), body.path("previous_response_id").isTextual()
                ? body.get("previous_response_id").textValue() : null, echo);
    }

    private static ChatMessage message(JsonNode item, String at) {
        String roleName = item.path("role").asText("user");
        Role role = Role.parse(at + ".role", roleName);
        JsonNode c = item.get("content");
        if (c != null && c.isTextual()) {
            return new ChatMessage(role, c.textValue());
        }
        if (c == null || !c.isArray()) {
            throw OpenClawException.invalid("field '" + at + ".content' must be a string or an array of parts");
        }
        List<ContentPart> parts = new ArrayList<>();
        for (int j = 0; j < c.size(); j++) {
            JsonNode p = c.get(j);
            switch (p.path("type").asText()) {
                case "input_text", "output_text", "text" -> parts.add(ContentPart.text(p.path("text").asText("")));
                case "refusal" -> parts.add(ContentPart.text(p.path("refusal").asText("")));
                case "input_image" -> parts.add(ContentPart.imageUrl(p.path("image_url").asText(""),
                        p.path("detail").isTextual() ? p.get("detail").textValue() : null));
                case "input_file" -> {
                    ObjectNode file = Json.obj().put("type", "file");
                    ObjectNode fo = file.putObject("file");
                    if (p.has("file_data")) {
                        fo.set("file_data", p.get("file_data"));
                    }
                    if (p.has("file_id")) {
                        fo.set("file_id", p.get("file_id"));
                    }
                    if (p.has("filename")) {
                        fo.set("filename", p.get("filename"));
                    }
                    parts.add(ContentPart.of(file));
                }
                default -> throw OpenClawException.invalid("field '" + at + ".content[" + j + "].type' '"
                        + p.path("type").asText() + "' is not supported");
            }
        }
        boolean onlyText = parts.stream().allMatch(ContentPart::isText);
        String text = ChatMessage.joinText(parts);
        return onlyText ? new ChatMessage(role, text) : new ChatMessage(role, text, List.of(), null, null, parts, null,
                null);
    }

    private static Double num(JsonNode body, String field) {
        return body.path(field).isNumber() ? body.get(field).doubleValue() : null;
    }
}
