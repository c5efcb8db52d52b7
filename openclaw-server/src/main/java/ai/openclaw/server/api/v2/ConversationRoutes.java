package ai.openclaw.server.api.v2;

import ai.openclaw.auth.Principal;
import ai.openclaw.auth.Scopes;
import ai.openclaw.error.OpenClawException;
import ai.openclaw.llm.ChatMessage;
import ai.openclaw.server.GatewayServices;
import ai.openclaw.server.http.Dialect;
import ai.openclaw.server.http.ErrorMapper;
import ai.openclaw.server.http.Http;
import ai.openclaw.server.http.Json;
import ai.openclaw.server.http.JsonBody;
import ai.openclaw.server.http.SseStream;
import ai.openclaw.server.http.TurnStreaming;
import ai.openclaw.session.Message;
import ai.openclaw.session.NewSession;
import ai.openclaw.session.Session;
import ai.openclaw.session.TurnRequest;
import ai.openclaw.session.TurnResult;
import ai.openclaw.util.Page;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Seed 003 conversations, camelCase and bare objects: create, list, get, delete, messages; sending with
 * {@code "stream": true} answers as SSE ({@code {"type":"delta","content":…}} … {@code {"type":"done",…}},
 * then {@code [DONE]}).
 */
public final class ConversationRoutes {
    private final GatewayServices services;

    private ConversationRoutes(GatewayServices services) {
        this.services = services;
    }

    /** Registers the routes. */
    public static void register(RoutesConfig routes, GatewayServices services) {
        ConversationRoutes r = new ConversationRoutes(services);
        routes.post("/v2/conversations", r::create);
        routes.get("/v2/conversations", r::list);
        routes.get("/v2/conversations/{id}", r::get);
        routes.delete("/v2/conversations/{id}", r::delete);
        routes.post("/v2/conversations/{id}/messages", r::send);
        routes.get("/v2/conversations/{id}/messages", r::messages);
    }

    private void create(Context ctx) {
        Principal p = Http.require(ctx, Scopes.CHAT);
        JsonBody body = JsonBody.readOptional(ctx, services.maxBodyBytes());
        JsonBody settings = body.object("settings");
        String model = settings.optText("model");
        Double temperature = settings.optDouble("temperature", 0, 2);
        Integer maxTokens = settings.optInt("maxTokens", 1, 1_000_000);
        Map<String, Object> context = new LinkedHashMap<>(body.object("context").toMap());
        Map<String, Object> stored = new LinkedHashMap<>();
        stored.put("context", context);
        Map<String, Object> s = new LinkedHashMap<>();
        if (temperature != null) {
            s.put("temperature", temperature);
        }
        if (maxTokens != null) {
            s.put("maxTokens", maxTokens);
        }
        stored.put("settings", s);
        Session session = services.conversations().createSession(new NewSession(Http.sessionId(ctx, body.optText("id")),
                body.optText("title"), body.optText("agentId"), model, p.ownerId(), null, stored));
        Http.json(ctx, 201, view(session));
    }

    private void list(Context ctx) {
        Principal p = Http.require(ctx, Scopes.CHAT);
        Http.Paging paging = Http.paging(ctx);
        Page<Session> page = services.conversations().listSessions(p.ownerFilter(), paging.offset(), paging.limit());
        ArrayNode items = Json.arr();
        page.items().forEach(s -> items.add(view(s)));
        ObjectNode out = Json.obj();
        out.set("conversations", items);
        out.set("pagination", V2Views.pagination(page));
        Http.json(ctx, 200, out);
    }

    private void get(Context ctx) {
        Principal p = Http.require(ctx, Scopes.CHAT);
        Session s = services.conversations().getSession(Http.sessionPathId(ctx), p.ownerFilter());
        ObjectNode out = view(s);
        int limit = Http.queryInt(ctx, "limit", 100, 1, 1000);
        Page<Message> page = services.conversations().messages(s.id(), p.ownerFilter(), 0, limit);
        ArrayNode items = Json.arr();
        page.items().forEach(m -> items.add(V2Views.message(m)));
        out.set("messages", items);
        Http.json(ctx, 200, out);
    }

    private void delete(Context ctx) {
        Principal p = Http.require(ctx, Scopes.CHAT);
        String id = Http.sessionPathId(ctx);
        services.conversations().deleteSession(id, p.ownerFilter());
        Http.json(ctx, 200, Json.obj().put("id", id).put("deleted", true));
    }

    private void messages(Context ctx) {
        Principal p = Http.require(ctx, Scopes.CHAT);
        Http.Paging paging = Http.paging(ctx);
        Page<Message> page = services.conversations().messages(Http.sessionPathId(ctx), p.ownerFilter(), paging.offset(),
                paging.limit());
        ArrayNode items = Json.arr();
        page.items().forEach(m -> items.add(V2Views.message(m)));
        ObjectNode out = Json.obj();
        out.set("messages", items);
        out.set("pagination", V2Views.pagination(page));
        Http.json(ctx, 200, out);
    }

    private void send(Context ctx) {
        Principal p = Http.require(ctx, Scopes.CHAT);
        JsonBody body = JsonBody.read(ctx, services.maxBodyBytes());
        V2Turns.send(ctx, services, p, Http.sessionPathId(ctx), body);
    }

    private static ObjectNode view(Session s) {
        ObjectNode o = Json.obj();
        o.put("id", s.id());
        o.put("agentId", s.agentId());
        o.put("title", s.label());
        o.put("status", "active");
        JsonNode stored = Json.MAPPER.valueToTree(s.context());
        o.set("context", stored.has("context") ? stored.get("context") : stored);
        ObjectNode settings = stored.has("settings") && stored.get("settings").isObject()
                ? ((ObjectNode) stored.get("settings")).deepCopy() : Json.obj();
        settings.put("model", s.model());
        o.set("settings", settings);
        o.put("messageCount", s.messageCount());
        o.put("createdAt", Json.time(s.createdAt()));
        o.put("updatedAt", Json.time(s.updatedAt()));
        return o;
    }
}
