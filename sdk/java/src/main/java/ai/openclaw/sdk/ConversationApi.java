package ai.openclaw.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

/** Seed 003 conversations ({@code /v2/conversations}) and gateway v1 sessions ({@code /api/v1/sessions}). */
public final class ConversationApi {
    private final Transport t;

    ConversationApi(Transport t) {
        this.t = t;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * Creates a conversation.
     *
     * @param agentId the agent (null: the default agent)
     * @param model a model for it (may be null)
     * @return the conversation ({@code id}, {@code agentId}, {@code createdAt}, {@code status})
     */
    public JsonNode create(String agentId, String model) {
        ObjectNode b = Transport.JSON.createObjectNode();
        if (agentId != null) {
            b.put("agentId", agentId);
        }
        if (model != null) {
            b.putObject("settings").put("model", model);
        }
        return t.request("POST", "/v2/conversations", b);
    }

    /** One page of conversations (limit 1–200). */
    public Page list(int limit, int offset) {
        return Page.of(t, "/v2/conversations", "conversations", limit, offset);
    }

    /** A conversation with its latest messages. */
    public JsonNode get(String id) {
        return t.request("GET", "/v2/conversations/" + enc(id), null);
    }

    /** Deletes a conversation. */
    public void delete(String id) {
        t.request("DELETE", "/v2/conversations/" + enc(id), null);
    }

    /** Sends a message to a conversation; the stored reply. */
    public MessageReply send(String conversationId, String content) {
        return MessageReply.of(t.request("POST", "/v2/conversations/" + enc(conversationId) + "/messages",
                Transport.JSON.createObjectNode().put("content", content)));
    }

    /** Sends a message and streams the reply's delta pieces. */
    public Stream<String> stream(String conversationId, String content) {
        return t.events("POST", "/v2/conversations/" + enc(conversationId) + "/messages",
                Transport.JSON.createObjectNode().put("content", content).put("stream", true))
                .filter(e -> "delta".equals(e.path("type").asText())).map(e -> e.path("content").asText());
    }

    /** One page of a conversation's messages. */
    public Page messages(String conversationId, int limit, int offset) {
        return Page.of(t, "/v2/conversations/" + enc(conversationId) + "/messages", "messages", limit, offset);
    }

    /** One page of gateway v1 sessions. */
    public Page sessions(int limit, int offset) {
        return Page.of(t, "/api/v1/sessions", "sessions", limit, offset);
    }

    /** A gateway v1 session. */
    public JsonNode session(String id) {
        return t.request("GET", "/api/v1/sessions/" + enc(id), null);
    }

    /** Deletes a gateway v1 session. */
    public void deleteSession(String id) {
        t.request("DELETE", "/api/v1/sessions/" + enc(id), null);
    }
}
