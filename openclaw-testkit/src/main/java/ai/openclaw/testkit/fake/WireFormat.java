package ai.openclaw.testkit.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** A provider's wire format: how its requests are read and its answers, streams and errors rendered. */
interface WireFormat {

    /** Returns the prefix of response ids, e.g. {@code chatcmpl-}. */
    String idPrefix();

    /** Returns the text of the last user message of a chat request, or "" when there is none. */
    default String lastUserText(JsonNode request) {
        JsonNode messages = request.path("messages");
        for (int i = messages.size() - 1; i >= 0; i--) {
            JsonNode message = messages.get(i);
            if ("user".equals(message.path("role").asText())) {
                StringBuilder out = new StringBuilder();
                appendText(message.get("content"), out);
                return out.toString();
            }
        }
        return "";
    }

    /** Returns all message text of a chat request (system prompt included), for the token estimate. */
    String promptText(JsonNode request);

    /** Returns the problem with a parsed chat request body, or null when it is acceptable. */
    String validate(JsonNode request);

    /** Returns the provider's error body for the given status and message. */
    ObjectNode error(int status, String message);

    /** Returns the non-streamed response body. */
    ObjectNode completion(Answer answer);

    /** Returns the complete SSE frames of a streamed response, each ending with a blank line. */
    List<String> streamFrames(Answer answer, JsonNode request);

    /** Extracts text from a message content: a string, or an array of text / nested-content blocks. */
    static void appendText(JsonNode content, StringBuilder out) {
        if (content == null || content.isNull() || content.isMissingNode()) {
            return;
        }
        if (content.isTextual()) {
            separate(out).append(content.asText());
        } else if (content.isArray()) {
            for (JsonNode part : content) {
                appendText(part, out);
            }
        } else if (content.isObject()) {
            JsonNode text = content.get("text");
            if (text != null && text.isTextual()) {
                separate(out).append(text.asText());
            }
            appendText(content.get("content"), out);
        }
    }

    private static StringBuilder separate(StringBuilder out) {
        return out.isEmpty() ? out : out.append('\n');
    }
}
