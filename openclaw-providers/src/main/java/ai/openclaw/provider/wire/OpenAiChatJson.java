package ai.openclaw.provider.wire;

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
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * OpenAI Chat Completions JSON ⇄ the model port, both ways and without loss: a client's request is read into
 * {@link OpenAiChatRequest}, a {@link ChatRequest} is written back as the upstream body (unknown fields as they
 * came), an upstream answer is read into {@link ChatResponse} and the pieces of a client answer are written.
 */
public final class OpenAiChatJson {
    /** The shared mapper. */
    public static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> KNOWN = Set.of("model", "messages", "tools", "tool_choice",
            "parallel_tool_calls", "response_format", "temperature", "top_p", "stop", "seed", "n",
            "presence_penalty", "frequency_penalty", "logit_bias", "logprobs", "top_logprobs", "max_tokens",
            "max_completion_tokens", "reasoning_effort", "user", "metadata", "store", "stream", "stream_options");
    private static final Set<String> MESSAGE_KNOWN = Set.of("role", "content", "tool_calls", "tool_call_id", "name");
    private static final Set<String> RESPONSE_KNOWN = Set.of("id", "object", "created", "model", "choices", "usage");
    private static final Set<String> CHOICE_KNOWN = Set.of("index", "message", "delta", "finish_reason", "logprobs");
    private static final Set<String> ANSWER_KNOWN = Set.of("role", "content", "refusal", "tool_calls",
            "reasoning_content");

    private OpenAiChatJson() {
    }

    // ------------------------------------------------------------------ client request → port

    /**
     * Reads a client's request body.
     *
     * @throws OpenClawException INVALID_REQUEST naming the offending field
     */
    public static OpenAiChatRequest readRequest(ObjectNode body) {
        ArrayNode messagesNode = body.get("messages") instanceof ArrayNode a ? a : null;
        if (messagesNode == null) {
            throw OpenClawException.invalid(body.has("messages") ? "field 'messages' must be an array"
                    : "field 'messages' is required");
        }
        if (messagesNode.isEmpty()) {
            throw OpenClawException.invalid("field 'messages' must not be empty");
        }
        List<ChatMessage> messages = new ArrayList<>(messagesNode.size());
        for (int i = 0; i < messagesNode.size(); i++) {
            messages.add(readMessage(messagesNode.get(i), "messages[" + i + "]"));
        }
        List<ToolSpec> tools = readTools(body.get("tools"));
        ObjectNode extra = MAPPER.createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!KNOWN.contains(e.getKey())) {
                extra.set(e.getKey(), e.getValue());
            }
        }
        Integer n = optInt(body, "n", 1, 128);
        ChatOptions options = new ChatOptions(optDouble(body, "top_p", 0, 1), stop(body.get("stop")),
                optLong(body, "seed"), n, optDouble(body, "presence_penalty", -2, 2),
                optDouble(body, "frequency_penalty", -2, 2), optObject(body, "logit_bias"), optBool(body, "logprobs"),
                optInt(body, "top_logprobs", 0, 20), optInt(body, "max_completion_tokens", 1, 100_000_000),
                optText(body, "reasoning_effort"), optText(body, "user"), optObject(body, "metadata"),
                optBool(body, "store"), responseFormat(body.get("response_format")), toolChoice(body.get("tool_choice")),
                optBool(body, "parallel_tool_calls"), extra);
        Boolean stream = optBool(body, "stream");
        JsonNode so = body.get("stream_options");
        if (so != null && !so.isNull() && !so.isObject()) {
            throw OpenClawException.invalid("field 'stream_options' must be an object");
        }
        return new OpenAiChatRequest(optText(body, "model"), messages, tools, optDouble(body, "temperature", 0, 2),
                optInt(body, "max_tokens", 1, 100_000_000), options, Boolean.TRUE.equals(stream),
                so != null && so.path("include_usage").asBoolean(false));
    }

    /**
     * Reads one OpenAI message.
     *
     * @param at the field path for errors, e.g. {@code messages[2]}
     * @throws OpenClawException INVALID_REQUEST naming the offending field
     */
    public static ChatMessage readMessage(JsonNode m, String at) {
        if (m == null || !m.isObject()) {
            throw OpenClawException.invalid("field '" + at + "' must be an object");
        }
        JsonNode roleNode = m.get("role");
        if (roleNode == null || !roleNode.isTextual()) {
            throw OpenClawException.invalid("field '" + at + ".role' is required");
        }
        Role role = Role.parse(at + ".role", roleNode.textValue());
        ObjectNode extra = MAPPER.createObjectNode();
        m.fields().forEachRemaining(e -> {
            if (!MESSAGE_KNOWN.contains(e.getKey())) {
                extra.set(e.getKey(), e.getValue());
            }
        });
        if (!roleNode.textValue().equals(role.wireName())) {
            extra.set("role", roleNode); // e.g. "developer": sent upstream as written
        }
        JsonNode c = m.get("content");
        String text;
        List<ContentPart> parts = List.of();
        if (c == null || c.isNull()) {
            text = "";
        } else if (c.isTextual()) {
            text = c.textValue();
        } else if (c.isArray()) {
            List<ContentPart> list = new ArrayList<>(c.size());
            for (int i = 0; i < c.size(); i++) {
                JsonNode part = c.get(i);
                String pat = at + ".content[" + i + "]";
                if (!part.isObject() || !part.path("type").isTextual()) {
                    throw OpenClawException.invalid("field '" + pat + "' must be an object with a type");
                }
                String type = part.path("type").textValue();
                if (type.equals("text") && !part.path("text").isTextual()) {
                    throw OpenClawException.invalid("field '" + pat + ".text' must be a string");
                }
                if (type.equals("image_url") && !part.path("image_url").path("url").isTextual()) {
                    throw OpenClawException.invalid("field '" + pat + ".image_url.url' must be a string");
                }
                list.add(ContentPart.of((ObjectNode) part));
            }
            parts = list;
            text = ChatMessage.joinText(parts);
        } else {
            throw OpenClawException.invalid("field '" + at + ".content' must be a string or an array of content "
                    + "parts");
        }
        List<ToolCall> calls = List.of();
        JsonNode tc = m.get("tool_calls");
        if (tc != null && !tc.isNull()) {
            if (role != Role.ASSISTANT || !tc.isArray()) {
                throw OpenClawException.invalid("field '" + at + ".tool_calls' must be an array on an assistant "
                        + "message");
            }
            List<ToolCall> list = new ArrayList<>();
            for (int i = 0; i < tc.size(); i++) {
                JsonNode call = tc.get(i);
                String cat = at + ".tool_calls[" + i + "]";
                JsonNode fn = call.path("function");
                if (!call.path("id").isTextual() || !fn.path("name").isTextual()) {
                    throw OpenClawException.invalid("field '" + cat + "' needs 'id' and 'function.name'");
                }
                JsonNode args = fn.get("arguments");
                if (args != null && !args.isTextual() && !args.isNull()) {
                    throw OpenClawException.invalid("field '" + cat + ".function.arguments' must be a string");
                }
                list.add(new ToolCall(call.path("id").textValue(), fn.path("name").textValue(),
                        args == null || args.isNull() ? "{}" : args.textValue()));
            }
            calls = list;
        }
        String toolCallId = null;
        if (role == Role.TOOL) {
            if (!m.path("tool_call_id").isTextual()) {
                throw OpenClawException.invalid("field '" + at + ".tool_call_id' is required on a tool message");
            }
            toolCallId = m.path("tool_call_id").textValue();
        }
        String name = m.path("name").isTextual() ? m.path("name").textValue() : null;
        return new ChatMessage(role, text, calls, toolCallId, null, parts, name, extra);
    }

    private static List<ToolSpec> readTools(JsonNode tools) {
        if (tools == null || tools.isNull()) {
            return List.of();
        }
        if (!tools.isArray()) {
            throw OpenClawException.invalid("field 'tools' must be an array");
        }
        List<ToolSpec> out = new ArrayList<>();
        for (int i = 0; i < tools.size(); i++) {
            JsonNode t = tools.get(i);
            String at = "tools[" + i + "]";
            if (!"function".equals(t.path("type").asText())) {
                throw OpenClawException.invalid("field '" + at + ".type' must be 'function'");
            }
            JsonNode fn = t.path("function");
            String name = fn.path("name").asText("");
            if (!name.matches("[A-Za-z0-9_.-]{1,64}")) {
                throw OpenClawException.invalid("field '" + at + ".function.name' must be 1-64 letters, digits, _, . "
                        + "or -");
            }
            JsonNode params = fn.get("parameters");
            if (params != null && !params.isNull() && !params.isObject()) {
                throw OpenClawException.invalid("field '" + at + ".function.parameters' must be a JSON Schema object");
            }
            Boolean strict = fn.path("strict").isBoolean() ? fn.path("strict").booleanValue() : null;
            out.add(new ToolSpec(name, fn.path("description").asText(""),
                    params == null || params.isNull() ? null : params.toString(), strict));
        }
        return out;
    }

    /**
     * Reads {@code tool_choice}.
     *
     * @throws OpenClawException INVALID_REQUEST naming {@code tool_choice}
     */
    public static ToolChoice toolChoice(JsonNode c) {
        if (c == null || c.isNull()) {
            return null;
        }
        if (c.isTextual()) {
            return new ToolChoice(c.textValue(), null);
        }
        if (c.isObject() && "function".equals(c.path("type").asText()) && c.path("function").path("name")
                .isTextual()) {
            return ToolChoice.function(c.path("function").path("name").textValue());
        }
        throw OpenClawException.invalid("field 'tool_choice' must be auto, none, required or "
                + "{\"type\":\"function\",\"function\":{\"name\":…}}");
    }

    private static ObjectNode responseFormat(JsonNode f) {
        if (f == null || f.isNull()) {
            return null;
        }
        String type = f.path("type").asText("");
        if (!f.isObject() || !(type.equals("text") || type.equals("json_object") || type.equals("json_schema"))) {
            throw OpenClawException.invalid("field 'response_format.type' must be text, json_object or json_schema");
        }
        if (type.equals("json_schema") && !f.path("json_schema").isObject()) {
            throw OpenClawException.invalid("field 'response_format.json_schema' is required for type json_schema");
        }
        return (ObjectNode) f;
    }

    private static List<String> stop(JsonNode s) {
        if (s == null || s.isNull()) {
            return List.of();
        }
        if (s.isTextual()) {
            return List.of(s.textValue());
        }
        if (s.isArray() && s.size() <= 4) {
            List<String> out = new ArrayList<>();
            for (JsonNode n : s) {
                if (!n.isTextual()) {
                    throw OpenClawException.invalid("field 'stop' must be a string or up to 4 strings");
                }
                out.add(n.textValue());
            }
            return out;
        }
        throw OpenClawException.invalid("field 'stop' must be a string or up to 4 strings");
    }

    // ------------------------------------------------------------------ port → upstream request

    /**
     * Writes the upstream body for a call: the port's fields in OpenAI's spelling, then the unknown fields as they
     * came.
     *
     * @param request the call
     * @param stream whether to ask for a stream (then {@code stream_options.include_usage} is set)
     */
    public static ObjectNode writeRequest(ChatRequest request, boolean stream) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("model", request.model());
        ArrayNode messages = o.putArray("messages");
        for (ChatMessage m : request.messages()) {
            messages.add(writeMessage(m));
        }
        if (!request.tools().isEmpty()) {
            ArrayNode tools = o.putArray("tools");
            for (ToolSpec t : request.tools()) {
                tools.add(writeTool(t));
            }
        }
        ChatOptions x = request.options();
        if (x.toolChoice() != null && !request.tools().isEmpty()) {
            o.set("tool_choice", writeToolChoice(x.toolChoice()));
        }
        if (x.parallelToolCalls() != null && !request.tools().isEmpty()) {
            o.put("parallel_tool_calls", x.parallelToolCalls());
        }
        if (x.responseFormat() != null) {
            o.set("response_format", x.responseFormat());
        }
        if (request.temperature() != null) {
            o.put("temperature", request.temperature());
        }
        if (x.topP() != null) {
            o.put("top_p", x.topP());
        }
        if (!x.stop().isEmpty()) {
            ArrayNode stop = o.putArray("stop");
            x.stop().forEach(stop::add);
        }
        if (x.seed() != null) {
            o.put("seed", x.seed());
        }
        if (x.n() != null) {
            o.put("n", x.n());
        }
        if (x.presencePenalty() != null) {
            o.put("presence_penalty", x.presencePenalty());
        }
        if (x.frequencyPenalty() != null) {
            o.put("frequency_penalty", x.frequencyPenalty());
        }
        if (x.logitBias() != null) {
            o.set("logit_bias", x.logitBias());
        }
        if (x.logprobs() != null) {
            o.put("logprobs", x.logprobs());
        }
        if (x.topLogprobs() != null) {
            o.put("top_logprobs", x.topLogprobs());
        }
        if (request.maxTokens() != null) {
            o.put("max_tokens", request.maxTokens());
        }
        if (x.maxCompletionTokens() != null) {
            o.put("max_completion_tokens", x.maxCompletionTokens());
        }
        if (x.reasoningEffort() != null) {
            o.put("reasoning_effort", x.reasoningEffort());
        }
        if (x.user() != null) {
            o.put("user", x.user());
        }
        if (x.metadata() != null) {
            o.set("metadata", x.metadata());
        }
        if (x.store() != null) {
            o.put("store", x.store());
        }
        if (x.extra() != null) {
            x.extra().fields().forEachRemaining(e -> o.set(e.getKey(), e.getValue()));
        }
        if (stream) {
            o.put("stream", true);
            o.putObject("stream_options").put("include_usage", true);
        }
        return o;
    }

    /** One message in OpenAI's form; its extra fields overlay the rest. */
    public static ObjectNode writeMessage(ChatMessage m) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("role", m.role().wireName());
        if (!m.parts().isEmpty()) {
            ArrayNode parts = o.putArray("content");
            m.parts().forEach(p -> parts.add(p.body()));
        } else if (m.role() == Role.ASSISTANT && m.hasToolCalls() && m.content().isEmpty()) {
            o.putNull("content");
        } else {
            o.put("content", m.content());
        }
        if (m.name() != null) {
            o.put("name", m.name());
        }
        if (m.hasToolCalls()) {
            o.set("tool_calls", writeToolCalls(m.toolCalls()));
        }
        if (m.role() == Role.TOOL && m.toolCallId() != null) {
            o.put("tool_call_id", m.toolCallId());
        }
        if (m.extra() != null) {
            m.extra().fields().forEachRemaining(e -> o.set(e.getKey(), e.getValue()));
        }
        return o;
    }

    /** A tool in OpenAI's {@code tools[]} form. */
    public static ObjectNode writeTool(ToolSpec t) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("type", "function");
        ObjectNode fn = o.putObject("function");
        fn.put("name", t.name());
        if (!t.description().isEmpty()) {
            fn.put("description", t.description());
        }
        fn.set("parameters", parse(t.parametersJson()));
        if (t.strict() != null) {
            fn.put("strict", t.strict());
        }
        return o;
    }

    /** {@code tool_choice} in OpenAI's form. */
    public static JsonNode writeToolChoice(ToolChoice c) {
        if (c.mode().equals("function")) {
            ObjectNode o = MAPPER.createObjectNode();
            o.put("type", "function");
            o.putObject("function").put("name", c.name());
            return o;
        }
        return MAPPER.getNodeFactory().textNode(c.mode());
    }

    /** Tool calls in OpenAI's {@code tool_calls[]} form. */
    public static ArrayNode writeToolCalls(List<ToolCall> calls) {
        ArrayNode a = MAPPER.createArrayNode();
        for (ToolCall c : calls) {
            ObjectNode o = a.addObject();
            o.put("id", c.id());
            o.put("type", "function");
            o.putObject("function").put("name", c.name()).put("arguments", c.argumentsJson());
        }
        return a;
    }

    // ------------------------------------------------------------------ upstream answer → port

    /** Reads an upstream's whole answer. */
    public static ChatResponse readResponse(JsonNode body, String requestedModel) {
        JsonNode choices = body.path("choices");
        ObjectNode top = rest(body, RESPONSE_KNOWN);
        Usage usage = readUsage(body.path("usage"));
        ObjectNode rawUsage = body.path("usage").isObject() ? (ObjectNode) body.get("usage") : null;
        String model = body.path("model").asText(requestedModel);
        List<ChatResponse> out = new ArrayList<>();
        for (JsonNode choice : choices) {
            JsonNode msg = choice.path("message");
            String text = msg.path("content").isTextual() ? msg.path("content").textValue() : "";
            List<ToolCall> calls = new ArrayList<>();
            for (JsonNode c : msg.path("tool_calls")) {
                calls.add(new ToolCall(c.path("id").asText(""), c.path("function").path("name").asText(""),
                        c.path("function").path("arguments").asText("{}")));
            }
            String finish = choice.path("finish_reason").isTextual() ? choice.path("finish_reason").textValue()
                    : calls.isEmpty() ? "stop" : "tool_calls";
            out.add(new ChatResponse(text, model, usage, finish, calls, textOrNull(msg.path("refusal")),
                    choice.path("logprobs").isNull() || choice.path("logprobs").isMissingNode() ? null
                            : choice.get("logprobs"), textOrNull(msg.path("reasoning_content")),
                    new ChatResponse.ResponseExtras(top, rest(choice, CHOICE_KNOWN), rest(msg, ANSWER_KNOWN),
                            rawUsage), List.of()));
        }
        if (out.isEmpty()) {
            return new ChatResponse("", model, usage, "stop", List.of(), null, null, null,
                    new ChatResponse.ResponseExtras(top, null, null, rawUsage), List.of());
        }
        ChatResponse first = out.get(0);
        return new ChatResponse(first.text(), first.model(), first.usage(), first.finishReason(), first.toolCalls(),
                first.refusal(), first.logprobs(), first.reasoning(), first.extras(), out.subList(1, out.size()));
    }

    /** Reads OpenAI's {@code usage} object (missing → zero). */
    public static Usage readUsage(JsonNode u) {
        if (u == null || !u.isObject()) {
            return Usage.ZERO;
        }
        return new Usage(u.path("prompt_tokens").asInt(0), u.path("completion_tokens").asInt(0),
                u.path("prompt_tokens_details").path("cached_tokens").asInt(0), 0,
                u.path("completion_tokens_details").path("reasoning_tokens").asInt(0));
    }

    // ------------------------------------------------------------------ port → client answer

    /**
     * The {@code usage} object for a client: the upstream's own (all its details) when given, with the counts of
     * {@code usage} (the whole turn's) written over it.
     */
    public static ObjectNode writeUsage(Usage usage, ObjectNode upstream) {
        ObjectNode u = upstream == null ? MAPPER.createObjectNode() : upstream.deepCopy();
        u.put("prompt_tokens", usage.inputTokens());
        u.put("completion_tokens", usage.outputTokens());
        u.put("total_tokens", usage.totalTokens());
        if (usage.cachedTokens() > 0 || u.has("prompt_tokens_details")) {
            ObjectNode d = u.has("prompt_tokens_details") && u.get("prompt_tokens_details").isObject()
                    ? (ObjectNode) u.get("prompt_tokens_details") : u.putObject("prompt_tokens_details");
            d.put("cached_tokens", usage.cachedTokens());
        }
        if (usage.reasoningTokens() > 0 || u.has("completion_tokens_details")) {
            ObjectNode d = u.has("completion_tokens_details") && u.get("completion_tokens_details").isObject()
                    ? (ObjectNode) u.get("completion_tokens_details") : u.putObject("completion_tokens_details");
            d.put("reasoning_tokens", usage.reasoningTokens());
        }
        return u;
    }

    /** A choice of a whole client answer: {@code index}, {@code message}, {@code logprobs}, {@code finish_reason}. */
    public static ObjectNode writeChoice(int index, ChatResponse r) {
        ObjectNode choice = MAPPER.createObjectNode();
        choice.put("index", index);
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        if (r.text().isEmpty() && r.hasToolCalls()) {
            message.putNull("content");
        } else {
            message.put("content", r.text());
        }
        if (r.refusal() == null) {
            message.putNull("refusal");
        } else {
            message.put("refusal", r.refusal());
        }
        if (r.hasToolCalls()) {
            message.set("tool_calls", writeToolCalls(r.toolCalls()));
        }
        if (r.reasoning() != null) {
            message.put("reasoning_content", r.reasoning());
        }
        if (r.extras().message() != null) {
            r.extras().message().fields().forEachRemaining(e -> message.set(e.getKey(), e.getValue()));
        }
        choice.set("logprobs", r.logprobs() == null ? MAPPER.nullNode() : r.logprobs());
        choice.put("finish_reason", r.finishReason());
        if (r.extras().choice() != null) {
            r.extras().choice().fields().forEachRemaining(e -> choice.set(e.getKey(), e.getValue()));
        }
        return choice;
    }

    private static ObjectNode rest(JsonNode node, Set<String> known) {
        if (node == null || !node.isObject()) {
            return null;
        }
        ObjectNode out = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!known.contains(e.getKey())) {
                if (out == null) {
                    out = MAPPER.createObjectNode();
                }
                out.set(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    private static String textOrNull(JsonNode n) {
        return n != null && n.isTextual() ? n.textValue() : null;
    }

    /** Parses JSON text (a tool schema); invalid text becomes an empty object schema. */
    public static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            return MAPPER.createObjectNode().put("type", "object");
        }
    }

    private static Double optDouble(JsonNode body, String field, double min, double max) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isNumber() || n.doubleValue() < min || n.doubleValue() > max) {
            throw OpenClawException.invalid("field '" + field + "' must be a number in [" + fmt(min) + ", "
                    + fmt(max) + "]");
        }
        return n.doubleValue();
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    private static Integer optInt(JsonNode body, String field, int min, int max) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isIntegralNumber() || n.longValue() < min || n.longValue() > max) {
            throw OpenClawException.invalid("field '" + field + "' must be an integer in [" + min + ", " + max + "]");
        }
        return n.intValue();
    }

    private static Long optLong(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isIntegralNumber()) {
            throw OpenClawException.invalid("field '" + field + "' must be an integer");
        }
        return n.longValue();
    }

    private static Boolean optBool(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isBoolean()) {
            throw OpenClawException.invalid("field '" + field + "' must be a boolean");
        }
        return n.booleanValue();
    }

    private static String optText(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw OpenClawException.invalid("field '" + field + "' must be a string");
        }
        return n.textValue();
    }

    private static ObjectNode optObject(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isObject()) {
            throw OpenClawException.invalid("field '" + field + "' must be an object");
        }
        return (ObjectNode) n;
    }
}
