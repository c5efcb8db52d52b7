package ai.openclaw.server.api.gateway;

import ai.openclaw.auth.Principal;
import ai.openclaw.auth.Scopes;
import ai.openclaw.error.OpenClawException;
import ai.openclaw.llm.ChatMessage;
import ai.openclaw.llm.Role;
import ai.openclaw.server.GatewayServices;
import ai.openclaw.server.http.Http;
import ai.openclaw.server.http.Json;
import ai.openclaw.server.http.JsonBody;
import ai.openclaw.server.http.Origins;
import ai.openclaw.session.Message;
import ai.openclaw.session.NewSession;
import ai.openclaw.session.Session;
import ai.openclaw.session.TurnRequest;
import ai.openclaw.session.TurnResult;
import ai.openclaw.util.Ids;
import ai.openclaw.util.Page;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Gateway v1 sessions: seed 001 list/create/delete, seed 002 {@code GET /api/v1/sessions/{id}} with messages,
 * seed 004 create-with-messages and {@code POST /api/v1/sessions/{id}/messages}.
 */
public final class GatewaySessionRoutes {
    private static final int MAX_MESSAGES = 100;
    private final GatewayServices services;

    private GatewaySessionRoutes(GatewayServices services) {
        this.services = services;
    }

    /** Registers the routes. */
    public static void register(RoutesConfig routes, GatewayServices services) {
        GatewaySessionRoutes r = new GatewaySessionRoutes(services);
        routes.get("/api/v1/sessions", r::list);
        routes.post("/api/v1/sessions", r::create);
        routes.get("/api/v1/sessions/{id}", r::get);
        routes.delete("/api/v1/sessions/{id}", r::delete);
        routes.get("/api/v1/sessions/{id}/messages", r::messages);
        routes.post("/api/v1/sessions/{id}/messages", r::send);
    }

    private void list(Context ctx) {
        Principal p = Http.require(ctx, Scopes.CHAT);
        Http.Paging paging = Http.paging(ctx);
        Page<Session> page = services.conversations().listSessions(p.ownerFilter(), paging.offset(), paging.limit());
        ArrayNode items = Json.arr();
        page.items().forEach(s -> items.add(GatewayViews.session(s)));
        ObjectNode data = Json.obj();
        data.set("sessions", items);
        data.set("pagination", pagination(page));
        Http.envelope(ctx, 200, data);
    }

    private void create(Context ctx) {
        Principal p = Http.require(ctx, Scopes.CHAT);
        JsonBody body = JsonBody.readOptional(ctx, services.maxBodyBytes());
        JsonBody context = body.object("context");
        String id = context.optText("sessionId");
        if (id == null) {
            id = body.optText("sessionId");
        }
        id = Http.sessionId(ctx, id);
        String model = body.optText("model");
        Long ttl = body.optLong("ttl", 1, 10L * 365 * 24 * 3600);
        String agent = body.optText("agentId");
        List<ChatMessage> messages = chatMessages(body.optArray("messages"));
        NewSession spec = new NewSession(id, body.optText("label"), agent, model, p.ownerId(),
                ttl == null ? null : Duration.ofSeconds(ttl), context.toMap());
        if (messages.isEmpty()) {
            Session s = services.conversations().createSession(spec);
            Http.envelope(ctx, 201, GatewayViews.session(s));
            return;
        }
        // Seed 004: create and run in one step; with context.sessionId naming an existing session, continue it.
        String sessionId = id == null ? Ids.newId("session") : id;
        TurnRequest turn = new TurnRequest(sessionId, p.ownerFilter(), true, spec.withId(null), null, messages,
                body.optDouble("temperature", 0, 2), body.optInt("maxTokens", 1, 1_000_000), null)
                        .from(Origins.of("api", p));
        TurnResult r = services.conversations().runTurn(turn);
        Http.addProviderTime(ctx, r.providerNanos());
        ObjectNode data = GatewayViews.session(r.session());
        data.set("message", reply(r));
        data.set("usage", GatewayViews.usage(r.usage()));
        Http.envelope(ctx, 201, data);
    }

    private void get(Context ctx) {
        Principal p = Http.require(ctx, Scopes.CHAT);
        Session s = services.conversations().getSession(Http.sessionPathId(ctx), p.ownerFilter());
        int limit = Http.queryInt(ctx, "limit", MAX_MESSAGES, 1, 1000);
        int offset = Http.queryInt(ctx, "offset", 0, 0, Integer.MAX_VALUE);
        Page<Message> page = services.conversations().messages(s.id(), p.ownerFilter(), offset, limit);
        ObjectNode data = GatewayViews.session(s);
        ArrayNode items = Json.arr();
        page.items().forEach(m -> items.add(GatewayViews.message(m)));
        data.set("messages", items);
        data.set("pagination", pagination(page));
        Http.envelope(ctx, 200, data);
    }

    private void delete(Context ctx) {
        Principal p = Http.require(ctx, Scopes.CHAT);
        String id = Http.sessionPathId(ctx);
        services.conversations().deleteSession(id, p.ownerFilter());
        Http.envelope(ctx, 200, Json.obj().put("deleted", true).put("id", id));
    }

    private void messages(Context ctx) {
        Principal p = Http.require(ctx, Scopes.CHAT);
        Http.Paging paging = Http.paging(ctx);
        Page<Message> page = services.conversations().messages(Http.sessionPathId(ctx), p.ownerFilter(), paging.offset(),
                paging.limit());
        ArrayNode items = Json.arr();
        page.items().forEach(m -> items.add(GatewayViews.message(m)));
        ObjectNode data = Json.obj();
        data.set("messages", items);
        data.set("pagination", pagination(page));
        Http.envelope(ctx, 200, data);
    }

    private void send(Context ctx) {
        Principal p = Http.require(ctx, Scopes.CHAT);
        JsonBody body = JsonBody.read(ctx, services.maxBodyBytes());
        List<ChatMessage> input;
        if (body.has("message")) {
            JsonBody m = body.object("message");
            Role role = m.has("role") ? Role.parse("message.role", m.optText("role")) : Role.USER;
            input = List.of(new ChatMessage(role, m.requireText("content")));
        } else if (body.has("messages")) {
            input = chatMessages(body.optArray("messages"));
            if (input.isEmpty()) {
                throw OpenClawException.invalid("field 'messages' must not be empty");
            }
        } else {
            String text = body.has("content") ? body.requireText("content") : body.optText("text");
            if (text == null) {
                throw OpenClawException.invalid("field 'message' is required",
                        "send {\"message\":{\"role\":\"user\",\"content\":\"…\"}}");
            }
            input = List.of(ChatMessage.user(text));
        }
        String id = Http.sessionPathId(ctx);
        TurnRequest turn = new TurnRequest(id, p.ownerFilter(), false, null, body.optText("model"), input,
                body.optDouble("temperature", 0, 2), body.optInt("maxTokens", 1, 1_000_000), null)
                        .from(Origins.of("api", p));
        if (GatewayMessageRoutes.DEFAULT_SESSION.equals(ctx.pathParam("id"))) {
            turn = turn.creatingWith(NewSession.forOwner(p.ownerId()));
        }
        TurnResult r = services.conversations().runTurn(turn);
        Http.addProviderTime(ctx, r.providerNanos());
        ObjectNode data = Json.obj();
        data.set("message", reply(r));
        data.set("usage", GatewayViews.usage(r.usage()));
        data.put("sessionId", r.session().id());
        data.put("model", r.model().toString());
        Http.envelope(ctx, 200, data);
    }

    private static ObjectNode reply(TurnResult r) {
        ObjectNode m = Json.obj();
        m.put("id", r.reply().id());
        m.put("role", "assistant");
        m.put("content", r.reply().content());
        m.put("createdAt", Json.time(r.reply().createdAt()));
        return m;
    }

    /** Parses seed 004's {@code messages: [{role, content}]}; null means none. */
    static List<ChatMessage> chatMessages(ArrayNode array) {
        List<ChatMessage> out = new ArrayList<>();
        if (array == null) {
            return out;
        }
        for (int i = 0; i < array.size(); i++) {
            JsonNode m = array.get(i);
            String at = "messages[" + i + "]";
            if (!m.isObject()) {
                throw OpenClawException.invalid("field '" + at + "' must be an object with role and content");
            }
            JsonNode content = m.get("content");
            if (content == null || !content.isTextual()) {
                throw OpenClawException.invalid("field '" + at + ".content' must be a string");
            }
            JsonNode role = m.get("role");
            out.add(new ChatMessage(Role.parse(at + ".role", role == null || !role.isTextual() ? null
                    : role.textValue()), content.textValue()));
        }
        return out;
    }

    static ObjectNode pagination(Page<?> page) {
        ObjectNode o = Json.obj();
        o.put("total", page.total());
        o.put("limit", page.limit());
        o.put("offset", page.offset());
        o.put("page", page.offset() / page.limit() + 1);
        o.put("hasMore", page.hasMore());
        return o;
    }
}
