package ai.openclaw.sdk;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A reply to a message: seed 001 ({@code text}, {@code messageId}), seed 002 ({@code content}, {@code id}) or seed 003
 * (a stored message).
 *
 * @param id the reply's message id
 * @param text the reply's text
 * @param sessionId the session or conversation it is in
 * @param model the model that answered
 * @param raw the whole answer
 */
public record MessageReply(String id, String text, String sessionId, String model, JsonNode raw) {
    static MessageReply of(JsonNode n) {
        String id = n.hasNonNull("messageId") ? n.path("messageId").asText() : n.path("id").asText(null);
        String text = n.hasNonNull("text") ? n.path("text").asText() : n.path("content").asText(null);
        String session = n.hasNonNull("sessionId") ? n.path("sessionId").asText()
                : n.hasNonNull("session_id") ? n.path("session_id").asText() : n.path("conversationId").asText(null);
        return new MessageReply(id, text, session, n.path("model").asText(null), n);
    }

    /** Seed 002's name for the text. */
    public String content() {
        return text;
    }
}
