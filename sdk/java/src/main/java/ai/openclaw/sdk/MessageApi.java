package ai.openclaw.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.stream.Stream;

/** Seed 001 {@code POST /api/v1/message} (+ {@code /stream}) and seed 002 {@code POST /api/v1/chat}. */
public final class MessageApi {
    private final Transport t;

    MessageApi(Transport t) {
        this.t = t;
    }

    /**
     * Sends a message (seed 001).
     *
     * @param text the message
     * @param session the session id or key (null: {@code default})
     * @param model {@code provider/model} for this message (may be null)
     * @throws OpenClawApiException on an error answer
     */
    public MessageReply send(String text, String session, String model) {
        return MessageReply.of(t.request("POST", "/api/v1/message", body(text, session, model)));
    }

    /** {@link #send(String, String, String)} with the session's model. */
    public MessageReply send(String text, String session) {
        return send(text, session, null);
    }

    /**
     * Sends a message and streams the reply's text pieces as they arrive; close the stream to stop early.
     *
     * @param text the message
     * @param session the session (null: {@code default})
     * @param model {@code provider/model} (may be null)
     * @throws OpenClawApiException on an error answer (also from the stream's terminal operation for an error event)
     */
    public Stream<String> stream(String text, String session, String model) {
        return t.events("POST", "/api/v1/message/stream", body(text, session, model))
                .filter(e -> e.path("chunk").isTextual()).map(e -> e.path("chunk").asText());
    }

    /** {@link #stream(String, String, String)} with the session's model. */
    public Stream<String> stream(String text, String session) {
        return stream(text, session, null);
    }

    /**
     * Seed 002 chat: sends {@code message} in {@code sessionId}; the reply's {@code content()}.
     *
     * @param sessionId the session (null: {@code default})
     * @param message the message
     * @param model the model name (e.g. {@code claude-3-5-sonnet}; may be null)
     */
    public MessageReply chat(String sessionId, String message, String model) {
        return MessageReply.of(t.request("POST", "/api/v1/chat", chatBody(sessionId, message, model, false)));
    }

    /** Seed 002 streamed chat: the reply's text pieces. */
    public Stream<String> chatStream(String sessionId, String message, String model) {
        return t.events("POST", "/api/v1/chat", chatBody(sessionId, message, model, true))
                .filter(e -> e.path("content").isTextual() && !e.has("type")).map(e -> e.path("content").asText());
    }

    private static ObjectNode body(String text, String session, String model) {
        ObjectNode b = Transport.JSON.createObjectNode().put("text", text);
        if (session != null) {
            b.put("session", session);
        }
        if (model != null) {
            b.put("model", model);
        }
        return b;
    }

    private static JsonNode chatBody(String sessionId, String message, String model, boolean stream) {
        ObjectNode b = Transport.JSON.createObjectNode().put("message", message);
        if (sessionId != null) {
            b.put("session_id", sessionId);
        }
        if (model != null) {
            b.putObject("context").put("model", model);
        }
        if (stream) {
            b.put("stream", true);
        }
        return b;
    }
}
