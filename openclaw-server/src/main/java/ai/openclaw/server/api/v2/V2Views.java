package ai.openclaw.server.api.v2;

import ai.openclaw.server.http.Json;
import ai.openclaw.session.Message;
import ai.openclaw.util.Page;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The seed 003 (v2, camelCase) views shared by the conversation and message routes. */
final class V2Views {
    private V2Views() {
    }

    /** A stored message: {@code id, conversationId, role, content, type, createdAt}, plus {@code attachments}. */
    static ObjectNode message(Message m) {
        ObjectNode o = Json.obj();
        o.put("id", m.id());
        o.put("conversationId", m.sessionId());
        o.put("role", m.role().wireName());
        o.put("content", m.content());
        if (!"text".equals(m.type())) {
            o.put("type", m.type());
        }
        if (m.model() != null) {
            o.put("model", m.model());
        }
        o.put("createdAt", Json.time(m.createdAt()));
        return o;
    }

    /** {@code {total, page, limit, hasMore}} of a page. */
    static ObjectNode pagination(Page<?> page) {
        ObjectNode o = Json.obj();
        o.put("total", page.total());
        o.put("page", page.offset() / page.limit() + 1);
        o.put("limit", page.limit());
        o.put("hasMore", page.hasMore());
        return o;
    }
}
