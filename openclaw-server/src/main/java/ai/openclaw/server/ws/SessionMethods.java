package ai.openclaw.server.ws;

import ai.openclaw.auth.Scopes;
import ai.openclaw.error.OpenClawException;
import ai.openclaw.server.GatewayServices;
import ai.openclaw.server.http.Json;
import ai.openclaw.session.NewSession;
import ai.openclaw.session.Session;
import ai.openclaw.util.Page;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Sessions over the gateway protocol: {@code sessions.list|describe|delete|reset|compact} and the live
 * {@code sessions.messages.subscribe|unsubscribe}. Session keys are taken in the caller's per-key namespace, exactly
 * as over HTTP; another owner's session is NOT_FOUND.
 */
final class SessionMethods {
    private final GatewayServices services;
    private final LiveHub hub;

    SessionMethods(GatewayServices services, LiveHub hub) {
        this.services = services;
        this.hub = hub;
    }

    void register(WsMethods m) {
        m.add("sessions.list", Scopes.CHAT, WsMethods.Access.READ, this::list);
        m.add("sessions.describe", Scopes.CHAT, WsMethods.Access.READ, this::describe);
        m.add("sessions.patch", Scopes.CHAT, WsMethods.Access.WRITE, this::patch);
        m.add("sessions.delete", Scopes.CHAT, WsMethods.Access.WRITE, this::delete);
        m.add("sessions.reset", Scopes.CHAT, WsMethods.Access.WRITE, this::reset);
        m.add("sessions.compact", Scopes.CHAT, WsMethods.Access.WRITE, this::compact);
        m.add("sessions.messages.subscribe", Scopes.CHAT, WsMethods.Access.READ, this::subscribe);
        m.add("sessions.messages.unsubscribe", Scopes.CHAT, WsMethods.Access.READ, this::unsubscribe);
    }

    private JsonNode list(WsCall call) {
        Integer limit = call.params().optInt("limit", 1, 1000);
        Integer offset = call.params().optInt("offset", 0, Integer.MAX_VALUE);
        Page<Session> page = services.conversations().listSessions(call.principal().ownerFilter(),
                offset == null ? 0 : offset, limit == null ? 200 : limit);
        ObjectNode out = Json.obj().put("ts", services.clock().millis()).put("count", page.items().size())
                .put("total", page.total());
        out.putObject("defaults").put("model", services.conversations().models().defaultModel().toString());
        ArrayNode sessions = out.putArray("sessions");
        page.items().forEach(s -> sessions.add(view(s)));
        return out;
    }

    static ObjectNode view(Session s) {
        ObjectNode o = Json.obj().put("key", s.id()).put("sessionId", s.id()).put("kind", "direct");
        o.put("label", s.label());
        o.put("displayName", s.label() != null ? s.label() : s.id());
        o.put("agentId", s.agentId());
        o.put("model", s.model());
        o.put("messageCount", s.messageCount());
        o.put("createdAt", s.createdAt().toEpochMilli());
        o.put("updatedAt", s.updatedAt().toEpochMilli());
        return o;
    }

    private Session session(WsCall call) {
        String key = call.params().has("key") ? call.params().requireText("key") : call.params().requireText("sessionKey");
        return services.conversations().getSession(call.sessionId(key), call.principal().ownerFilter());
    }

    private JsonNode describe(WsCall call) {
        Session s = session(call);
        ObjectNode out = Json.obj().put("key", s.id());
        out.set("session", view(s));
        return out;
    }

    private JsonNode patch(WsCall call) {
        Session s = session(call);
        if (!call.params().node().has("label")) {
            throw OpenClawException.invalid("field 'label' is required (a string, or null to clear it)");
        }
        Session after = services.conversations().relabelSession(s.id(), call.principal().ownerFilter(),
                call.params().optText("label"));
        ObjectNode out = Json.obj().put("ok", true).put("key", after.id());
        out.set("entry", view(after));
        return out;
    }

    private JsonNode delete(WsCall call) {
        Session s = session(call);
        services.conversations().deleteSession(s.id(), call.principal().ownerFilter());
        return Json.obj().put("ok", true).put("key", s.id()).put("deleted", true);
    }

    private JsonNode reset(WsCall call) {
        Session s = session(call);
        services.conversations().deleteSession(s.id(), call.principal().ownerFilter());
        Session fresh = services.conversations().createSession(new NewSession(s.id(), s.label(), s.agentId(),
                s.model(), s.owner(), null, s.context()));
        ObjectNode out = Json.obj().put("ok", true).put("key", fresh.id());
        out.set("entry", view(fresh));
        return out;
    }

    private JsonNode compact(WsCall call) {
        Session s = session(call);
        return Json.obj().put("ok", true).put("key", s.id()).put("compacted", false)
                .put("reason", "transcripts are kept whole; the model is sent only the most recent messages of a "
                        + "session, so there is nothing to compact");
    }

    private JsonNode subscribe(WsCall call) {
        String key = call.params().has("key") ? call.params().requireText("key") : call.params().requireText("sessionKey");
        String id = call.sessionId(key);
        try {
            services.conversations().getSession(id, call.principal().ownerFilter());
        } catch (OpenClawException e) {
            // a key the caller may still create (its own namespace) can be watched before its first turn; an id in
            // another owner's namespace cannot
            if (!call.principal().isAdmin() && !id.startsWith(call.principal().ownerId() + ":")) {
                throw e;
            }
        }
        hub.subscribe(id, call.client());
        return Json.obj().put("subscribed", true).put("key", id);
    }

    private JsonNode unsubscribe(WsCall call) {
        String key = call.params().has("key") ? call.params().requireText("key") : call.params().requireText("sessionKey");
        String id = call.sessionId(key);
        hub.unsubscribe(id, call.client());
        return Json.obj().put("subscribed", false).put("key", id);
    }
}
