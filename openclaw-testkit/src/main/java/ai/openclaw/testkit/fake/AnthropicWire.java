package ai.openclaw.testkit.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** The Anthropic Messages wire format ({@code POST /v1/messages}). */
final class AnthropicWire implements WireFormat {

    static final AnthropicWire INSTANCE = new AnthropicWire();

    private AnthropicWire() {}

    @Override
    public String idPrefix() {
        return "msg_";
    }

    @Override
    public String validate(JsonNode request) {
        if (!request.isObject()) {
            return "The request body must be a JSON object.";
        }
        JsonNode messages = request.get("messages");
        if (messages == null || !messages.isArray()) {
            return "messages: Field required";
        }
        return null;
    }

    @Override
    public String promptText(JsonNode request) {
        StringBuilder out = new StringBuilder();
        WireFormat.appendText(request.get("system"), out);
        for (JsonNode message : request.path("messages")) {
            WireFormat.appendText(message.get("content"), out);
            for (JsonNode block : message.path("content")) {
                if ("tool_use".equals(block.path("type").asText())) {
                    out.append(block.path("name").asText()).append(block.path("input").toString());
                }
            }
        }
        return out.toString();
    }

    @Override
    public ObjectNode error(int status, String message) {
        String type = switch (status) {
            case 400 -> "invalid_request_error";
            case 401 -> "authentication_error";
            case 402 -> "billing_error";
            case 403 -> "permission_error";
            case 404 -> "not_found_error";
            case 413 -> "request_too_large";
            case 429 -> "rate_limit_error";
            case 504 -> "timeout_error";
            case 503, 529 -> "overloaded_error";
            default -> status >= 500 ? "api_error" : "invalid_request_error";
        };
        ObjectNode root = Json.object();
        root.put("type", "error");
        ObjectNode error = root.putObject("error");
        error.put("type", type);
        error.put("message", message);
        return root;
    }

    @Override
    public ObjectNode completion(Answer answer) {
        ObjectNode root = message(answer);
        var content = root.putArray("content");
        if (!answer.text().isEmpty() || answer.toolCalls().isEmpty()) {
            ObjectNode text = content.addObject();
            text.put("type", "text");
            text.put("text", answer.text());
        }
        for (FakeToolCall call : answer.toolCalls()) {
            content.add(toolUse(call, call.arguments()));
        }
        root.put("stop_reason", stopReason(answer));
        root.putNull("stop_sequence");
        root.set("usage", usage(answer.promptTokens(), answer.completionTokens()));
        return root;
    }

    @Override
    public List<String> streamFrames(Answer answer, JsonNode request) {
        List<String> frames = new ArrayList<>();

        ObjectNode message = message(answer);
        message.putArray("content");
        message.putNull("stop_reason");
        message.putNull("stop_sequence");
        message.set("usage", usage(answer.promptTokens(), 0));
        ObjectNode start = event("message_start");
        start.set("message", message);
        frames.add(frame(start));
        frames.add(frame(event("ping")));

        int index = 0;
        if (!answer.text().isEmpty() || answer.toolCalls().isEmpty()) {
            ObjectNode blockStart = event("content_block_start");
            blockStart.put("index", index);
            ObjectNode block = blockStart.putObject("content_block");
            block.put("type", "text");
            block.put("text", "");
            frames.add(frame(blockStart));
            for (String piece : Chunking.chunks(answer.text(), answer.streamChunks())) {
                ObjectNode delta = event("content_block_delta");
                delta.put("index", index);
                ObjectNode body = delta.putObject("delta");
                body.put("type", "text_delta");
                body.put("text", piece);
                frames.add(frame(delta));
            }
            if (answer.truncated()) {
                return frames;
            }
            frames.add(frame(blockStop(index)));
            index++;
        }

        for (FakeToolCall call : answer.toolCalls()) {
            ObjectNode blockStart = event("content_block_start");
            blockStart.put("index", index);
            blockStart.set("content_block", toolUse(call, Json.object()));
            frames.add(frame(blockStart));
            for (String fragment : Chunking.fragments(call.argumentsJson())) {
                ObjectNode delta = event("content_block_delta");
                delta.put("index", index);
                ObjectNode body = delta.putObject("delta");
                body.put("type", "input_json_delta");
                body.put("partial_json", fragment);
                frames.add(frame(delta));
            }
            frames.add(frame(blockStop(index)));
            index++;
        }

        ObjectNode messageDelta = event("message_delta");
        ObjectNode delta = messageDelta.putObject("delta");
        delta.put("stop_reason", stopReason(answer));
        delta.putNull("stop_sequence");
        messageDelta.putObject("usage").put("output_tokens", answer.completionTokens());
        frames.add(frame(messageDelta));
        frames.add(frame(event("message_stop")));
        return frames;
    }

    private static ObjectNode message(Answer answer) {
        ObjectNode root = Json.object();
        root.put("id", answer.id());
        root.put("type", "message");
        root.put("role", "assistant");
        root.put("model", answer.model());
        return root;
    }

    private static ObjectNode toolUse(FakeToolCall call, JsonNode input) {
        ObjectNode node = Json.object();
        node.put("type", "tool_use");
        node.put("id", call.id());
        node.put("name", call.name());
        node.set("input", input);
        return node;
    }

    private static ObjectNode usage(int input, int output) {
        ObjectNode usage = Json.object();
        usage.put("input_tokens", input);
        usage.put("cache_creation_input_tokens", 0);
        usage.put("cache_read_input_tokens", 0);
        usage.put("output_tokens", output);
        return usage;
    }

    private static ObjectNode event(String type) {
        ObjectNode node = Json.object();
        node.put("type", type);
        return node;
    }

    private static ObjectNode blockStop(int index) {
        ObjectNode stop = event("content_block_stop");
        stop.put("index", index);
        return stop;
    }

    private static String stopReason(Answer answer) {
        return answer.toolCalls().isEmpty() ? "end_turn" : "tool_use";
    }

    private static String frame(ObjectNode json) {
        return "event: " + json.get("type").asText() + "\ndata: " + Json.string(json) + "\n\n";
    }
}
