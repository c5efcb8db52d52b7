package ai.openclaw.testkit.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** The OpenAI Chat Completions wire format ({@code POST /v1/chat/completions}). */
final class OpenAiWire implements WireFormat {

    static final OpenAiWire INSTANCE = new OpenAiWire();

    private OpenAiWire() {}

    @Override
    public String idPrefix() {
        return "chatcmpl-";
    }

    @Override
    public String validate(JsonNode request) {
        if (!request.isObject()) {
            return "The request body must be a JSON object.";
        }
        JsonNode messages = request.get("messages");
        if (messages == null || !messages.isArray()) {
            return "'messages' is a required property and must be an array.";
        }
        return null;
    }

    @Override
    public String promptText(JsonNode request) {
        StringBuilder out = new StringBuilder();
        for (JsonNode message : request.path("messages")) {
            WireFormat.appendText(message.get("content"), out);
            for (JsonNode call : message.path("tool_calls")) {
                out.append(call.path("function").path("name").asText())
                        .append(call.path("function").path("arguments").asText());
            }
        }
        return out.toString();
    }

    @Override
    public ObjectNode error(int status, String message) {
        String type;
        String code;
        switch (status) {
            case 400 -> { type = "invalid_request_error"; code = "invalid_request"; }
            case 401 -> { type = "invalid_request_error"; code = "invalid_api_key"; }
            case 403 -> { type = "invalid_request_error"; code = "permission_denied"; }
            case 404 -> { type = "invalid_request_error"; code = "not_found"; }
            case 405 -> { type = "invalid_request_error"; code = "method_not_allowed"; }
            case 413 -> { type = "invalid_request_error"; code = "request_too_large"; }
            case 429 -> { type = "rate_limit_error"; code = "rate_limit_exceeded"; }
            case 503 -> { type = "server_error"; code = "service_unavailable"; }
            default -> {
                type = status >= 500 ? "server_error" : "invalid_request_error";
                code = status >= 500 ? "server_error" : "invalid_request";
            }
        }
        ObjectNode root = Json.object();
        ObjectNode error = root.putObject("error");
        error.put("message", message);
        error.put("type", type);
        error.putNull("param");
        error.put("code", code);
        return root;
    }

    @Override
    public ObjectNode completion(Answer answer) {
        ObjectNode root = header(answer, "chat.completion");
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        if (answer.toolCalls().isEmpty() || !answer.text().isEmpty()) {
            message.put("content", answer.text());
        } else {
            message.putNull("content");
        }
        message.putNull("refusal");
        if (!answer.toolCalls().isEmpty()) {
            ArrayNode calls = message.putArray("tool_calls");
            for (FakeToolCall call : answer.toolCalls()) {
                ObjectNode node = calls.addObject();
                node.put("id", call.id());
                node.put("type", "function");
                ObjectNode function = node.putObject("function");
                function.put("name", call.name());
                function.put("arguments", call.argumentsJson());
            }
        }
        choice.putNull("logprobs");
        choice.put("finish_reason", finishReason(answer));
        root.set("usage", usage(answer));
        return root;
    }

    @Override
    public List<String> streamFrames(Answer answer, JsonNode request) {
        boolean includeUsage = request.path("stream_options").path("include_usage").asBoolean(false);
        List<String> frames = new ArrayList<>();

        ObjectNode first = Json.object();
        first.put("role", "assistant");
        first.put("content", "");
        frames.add(frame(chunk(answer, first, null, includeUsage)));

        for (String piece : Chunking.chunks(answer.text(), answer.streamChunks())) {
            ObjectNode delta = Json.object();
            delta.put("content", piece);
            frames.add(frame(chunk(answer, delta, null, includeUsage)));
        }
        if (answer.truncated()) {
            return frames;
        }

        List<FakeToolCall> calls = answer.toolCalls();
        for (int i = 0; i < calls.size(); i++) {
            FakeToolCall call = calls.get(i);
            ObjectNode start = Json.object();
            ObjectNode entry = start.putArray("tool_calls").addObject();
            entry.put("index", i);
            entry.put("id", call.id());
            entry.put("type", "function");
            ObjectNode function = entry.putObject("function");
            function.put("name", call.name());
            function.put("arguments", "");
            frames.add(frame(chunk(answer, start, null, includeUsage)));
            for (String fragment : Chunking.fragments(call.argumentsJson())) {
                ObjectNode delta = Json.object();
                ObjectNode part = delta.putArray("tool_calls").addObject();
                part.put("index", i);
                part.putObject("function").put("arguments", fragment);
                frames.add(frame(chunk(answer, delta, null, includeUsage)));
            }
        }

        frames.add(frame(chunk(answer, Json.object(), finishReason(answer), includeUsage)));
        if (includeUsage) {
            ObjectNode last = header(answer, "chat.completion.chunk");
            last.putArray("choices");
            last.set("usage", usage(answer));
            frames.add(frame(last));
        }
        frames.add("data: [DONE]\n\n");
        return frames;
    }

    private static ObjectNode header(Answer answer, String object) {
        ObjectNode root = Json.object();
        root.put("id", answer.id());
        root.put("object", object);
        root.put("created", answer.created());
        root.put("model", answer.model());
        return root;
    }

    private static ObjectNode chunk(Answer answer, ObjectNode delta, String finishReason, boolean includeUsage) {
        ObjectNode root = header(answer, "chat.completion.chunk");
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        choice.set("delta", delta);
        choice.putNull("logprobs");
        if (finishReason == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finishReason);
        }
        if (includeUsage) {
            root.putNull("usage");
        }
        return root;
    }

    private static ObjectNode usage(Answer answer) {
        ObjectNode usage = Json.object();
        usage.put("prompt_tokens", answer.promptTokens());
        usage.put("completion_tokens", answer.completionTokens());
        usage.put("total_tokens", answer.promptTokens() + answer.completionTokens());
        return usage;
    }

    private static String finishReason(Answer answer) {
        return answer.toolCalls().isEmpty() ? "stop" : "tool_calls";
    }

    private static String frame(ObjectNode json) {
        return "data: " + Json.string(json) + "\n\n";
    }
}
