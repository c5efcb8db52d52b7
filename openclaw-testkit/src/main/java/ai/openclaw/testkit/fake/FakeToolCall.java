package ai.openclaw.testkit.fake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * A tool call that a {@link FakeReply} asks the client to make.
 *
 * <p>The same call is rendered as an OpenAI {@code tool_calls[]} entry (with {@code arguments}
 * as a JSON string) and as an Anthropic {@code tool_use} block (with {@code input} as a JSON
 * object), so the arguments must be a JSON object.
 *
 * @param id the tool call id echoed back by the client with the tool result; a blank id is
 *     replaced by a random {@code call_…} id
 * @param name the tool (function) name, not blank
 * @param argumentsJson the arguments as JSON object text; blank means {@code {}}
 */
public record FakeToolCall(String id, String name, String argumentsJson) {

    /** Validates the call: non-blank name, arguments that parse as a JSON object. */
    public FakeToolCall {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("tool call name must not be blank");
        }
        if (id == null || id.isBlank()) {
            id = Json.randomId("call_");
        }
        if (argumentsJson == null || argumentsJson.isBlank()) {
            argumentsJson = "{}";
        }
        JsonNode parsed;
        try {
            parsed = Json.MAPPER.readTree(argumentsJson);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "argumentsJson of tool call '" + name + "' is not valid JSON: " + argumentsJson, e);
        }
        if (parsed == null || !parsed.isObject()) {
            throw new IllegalArgumentException(
                    "argumentsJson of tool call '" + name + "' must be a JSON object: " + argumentsJson);
        }
    }

    /** Creates a tool call with a random {@code call_…} id. */
    public static FakeToolCall of(String name, String argumentsJson) {
        return new FakeToolCall(null, name, argumentsJson);
    }

    /** Returns the arguments parsed as a JSON object node. */
    public JsonNode arguments() {
        try {
            return Json.MAPPER.readTree(argumentsJson);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("validated arguments no longer parse", e);
        }
    }
}
