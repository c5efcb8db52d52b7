package ai.openclaw.server.api.v2;

import ai.openclaw.server.http.Json;
import ai.openclaw.session.Attachment;
import ai.openclaw.session.Attachments;
import ai.openclaw.session.Message;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
        Attachments.Parsed parsed = Attachments.of(m);
        o.put("content", parsed.text());
        if (!"text".equals(m.type()) && !Attachments.TYPE.equals(m.type())) {
            o.put("type", m.type());
        }
        if (!parsed.attachments().isEmpty()) {
            ArrayNode arr = o.putArray("attachments");
            for (Attachment a : parsed.attachments()) {
                ObjectNode n = arr.addObject().put("type", a.type()).put("fileId", a.fileId()).put("name", a.name())
                        .put("contentType", a.contentType()).put("size", a.size());
                n.put("url", a.url() != null ? a.url() : "/v2/files/" + a.fileId() + "/content");
            }
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
