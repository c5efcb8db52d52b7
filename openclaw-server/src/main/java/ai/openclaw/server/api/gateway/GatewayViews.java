package ai.openclaw.server.api.gateway;

import ai.openclaw.llm.Usage;
import ai.openclaw.server.http.Json;
import ai.openclaw.session.Message;
import ai.openclaw.session.Session;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** How the gateway v1 dialect (seeds 001, 002, 004) renders sessions and messages: camelCase fields. */
final class GatewayViews {
    private GatewayViews() {
    }

    /** Seed 001's session shape plus seed 004's {@code sessionId}/{@code status}. */
    static ObjectNode session(Session s) {
        ObjectNode o = Json.obj();
        o.put("id", s.id());
        o.put("sessionId", s.id());
        o.put("label", s.label());
        o.put("agentId", s.agentId());
        o.put("model", s.model());
        o.put("status", "active");
        o.put("createdAt", Json.time(s.createdAt()));
        o.put("updatedAt", Json.time(s.updatedAt()));
        o.put("expiresAt", Json.time(s.expiresAt()));
        o.put("messageCount", s.messageCount());
        return o;
    }

    /** A stored message. */
    static ObjectNode message(Message m) {
        ObjectNode o = Json.obj();
        o.put("id", m.id());
        o.put("role", m.role().wireName());
        o.put("content", ai.openclaw.session.Attachments.of(m).text());
        o.put("type", m.type());
        o.put("createdAt", Json.time(m.createdAt()));
        if (m.model() != null) {
            o.put("model", m.model());
            o.set("usage", usage(m.usage()));
        }
        return o;
    }

    /** Seed 001's {@code usage}: {@code inputTokens}/{@code outputTokens}, plus seed 004's names. */
    static ObjectNode usage(Usage u) {
        ObjectNode o = Json.obj();
        o.put("inputTokens", u.inputTokens());
        o.put("outputTokens", u.outputTokens());
        o.put("promptTokens", u.inputTokens());
        o.put("completionTokens", u.outputTokens());
        o.put("totalTokens", u.totalTokens());
        return o;
    }

    /** Seed 002's {@code usage}: {@code input_tokens}/{@code output_tokens}. */
    static ObjectNode snakeUsage(Usage u) {
        ObjectNode o = Json.obj();
        o.put("input_tokens", u.inputTokens());
        o.put("output_tokens", u.outputTokens());
        return o;
    }
}
