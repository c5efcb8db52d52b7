package ai.openclaw.tool;

import ai.openclaw.session.ConversationService;
import ai.openclaw.session.Session;
import ai.openclaw.util.Page;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Supplier;

/** {@code sessions_list}: the caller's sessions, most recently updated first. */
public final class SessionsListTool implements Tool {
    private static final ToolDescriptor DESCRIPTOR = new ToolDescriptor("sessions_list",
            "List the conversations (sessions) of the current owner, newest first.", "1.0.0", ToolJson.parse("""
            {"type":"object","properties":{"limit":{"type":"integer","minimum":1,"maximum":100}}}"""),
            ToolJson.parse("{\"type\":\"object\"}"), "sessions", "builtin", "openclaw");
    private final Supplier<ConversationService> conversations;

    /** @param conversations the conversation service (supplied late: it is built after the tools) */
    public SessionsListTool(Supplier<ConversationService> conversations) {
        this.conversations = conversations;
    }

    @Override
    public ToolDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public JsonNode execute(JsonNode args, ToolContext context) {
        Page<Session> page = conversations.get().listSessions(context.ownerFilter(), 0, args.path("limit").asInt(20));
        ObjectNode out = ToolJson.obj();
        out.put("total", page.total());
        ArrayNode items = out.putArray("sessions");
        for (Session s : page.items()) {
            ObjectNode o = items.addObject();
            o.put("id", s.id());
            o.put("label", s.label());
            o.put("agentId", s.agentId());
            o.put("messageCount", s.messageCount());
            o.put("updatedAt", s.updatedAt().toString());
        }
        return out;
    }
}
