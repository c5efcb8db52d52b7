package ai.openclaw.server.api.tasks;

import ai.openclaw.auth.Principal;
import ai.openclaw.auth.Scopes;
import ai.openclaw.llm.ChatMessage;
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
import ai.openclaw.util.Page;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.List;

/**
 * Seed 000 sessions, snake_case and bare objects: {@code POST /v1/sessions} ({@code agent_id}, {@code context},
 * {@code ttl} seconds) and {@code POST /v1/sessions/{id}/messages} ({@code content}, {@code type}), plus list,
 * get, delete and message history.
 */
public final class TasksSessionRoutes {
    private final GatewayServices services;

    private TasksSessionRoutes(GatewayServices services) {
        this.services = services;
    }

    /** Registers the routes. */
    public static void register(RoutesConfig routes, GatewayServices services) {
        TasksSessionRoutes r = new TasksSessionRoutes(services);
        routes.post("/v1/sessions", r::create);
        routes.get("/v1/sessions", r::list);
        routes.get("/v1/sessions/{id}", r::get);
        routes.delete("/v1/sessions/{id}", r::delete);
        routes.post("/v1/sessions/{id}/messages", r::send);
        routes.get("/v1/sessions/{id}/messages", r::messages);
    }

    private void create(Context ctx) {
        Principal p = Http.require(ctx, Scopes.CHAT);
        JsonBody body = JsonBody.readOptional(ctx, services.maxBodyBytes());
        Long ttl = body.optLong("ttl", 1, 10L * 365 * 24 * 3600);
        JsonBody context = body.object("context");
        Session s = services.conversations().createSession(new NewSession(Http.sessionId(ctx, body.optText("session_id")),
                body.optText("label"), body.optText("agent_id"), body.optText("model"), p.ownerId(),
                ttl == null ? null : Duration.ofSeconds(ttl), context.toMap()));
        Http.json(ctx, 201, view(s));
    }

    private void list(Context ctx) {
        Principal p = Http.require(ctx, Scopes.CHAT);
        Http.Paging paging = Http.paging(ctx);
        Page<Session> page = services.conversations().listSessions(p.ownerFilter(), paging.offset(), paging.limit());
        ArrayNode items = Json.arr();
        page.items().forEach(s -> items.add(view(s)));
        ObjectNode out = Json.obj();
        out.set("sessions", items);
        out.put("total", page.total());
        out.put("limit", page.limit());
        out.put("offset", page.offset());
        out.put("has_more", page.hasMore());
        Http.json(ctx, 200, out);
    }

    private void get(Context ctx) {
        Principal p = Http.require(ctx, Scopes.CHAT);
        Http.json(ctx, 200, view(services.conversations().getSession(Http.sessionPathId(ctx), p.ownerFilter())));
    }

    private void delete(Context ctx) {
        Principal p = Http.require(ctx, Scopes.CHAT);
        String id = Http.sessionPathId(ctx);
        services.conversations().deleteSession(id, p.ownerFilter());
        Http.json(ctx, 200, Json.obj().put("session_id", id).put("deleted", true));
    }

    private void send(Context ctx) {
        Principal p = Http.require(ctx, Scopes.CHAT);
        JsonBody body = JsonBody.read(ctx, services.maxBodyBytes());
        String content = body.requireText("content");
        String type = body.optText("type");
        if (type != null && (type.isBlank() || type.length() > 32)) {
            throw ai.openclaw.error.OpenClawException.invalid("field 'type' must be 1-32 characters");
        }
        TurnRequest turn = new TurnRequest(Http.sessionPathId(ctx), p.ownerFilter(), false, null, body.optText("model"),
                List.of(ChatMessage.user(content)), body.optDouble("temperature", 0, 2),
                body.optInt("max_tokens", 1, 1_000_000), type).from(Origins.of("api", p));
        TurnResult r = services.conversations().runTurn(turn);
        Http.addProviderTime(ctx, r.providerNanos());
        ObjectNode out = Json.obj();
        out.put("message_id", r.reply().id());
        out.put("session_id", r.session().id());
        out.put("content", r.reply().content());
        out.put("role", "assistant");
        out.put("timestamp", Json.time(r.reply().createdAt()));
        out.put("model", r.model().toString());
        ObjectNode usage = out.putObject("usage");
        usage.put("input_tokens", r.usage().inputTokens());
        usage.put("output_tokens", r.usage().outputTokens());
        Http.json(ctx, 200, out);
    }

    private void messages(Context ctx) {
        Principal p = Http.require(ctx, Scopes.CHAT);
        Http.Paging paging = Http.paging(ctx);
        Page<Message> page = services.conversations().messages(Http.sessionPathId(ctx), p.ownerFilter(), paging.offset(),
                paging.limit());
        ArrayNode items = Json.arr();
        for (Message m : page.items()) {
            ObjectNode o = Json.obj();
            o.put("message_id", m.id());
            o.put("role", m.role().wireName());
            o.put("content", ai.openclaw.session.Attachments.of(m).text());
            o.put("type", m.type());
            o.put("timestamp", Json.time(m.createdAt()));
            items.add(o);
        }
        ObjectNode out = Json.obj();
        out.set("messages", items);
        out.put("total", page.total());
        out.put("limit", page.limit());
        out.put("offset", page.offset());
        out.put("has_more", page.hasMore());
        Http.json(ctx, 200, out);
    }

    private static ObjectNode view(Session s) {
        ObjectNode o = Json.obj();
        o.put("session_id", s.id());
        o.put("agent_id", s.agentId());
        o.put("label", s.label());
        o.put("model", s.model());
        o.set("context", Json.MAPPER.valueToTree(s.context()));
        o.put("message_count", s.messageCount());
        o.put("created_at", Json.time(s.createdAt()));
        o.put("updated_at", Json.time(s.updatedAt()));
        o.put("expires_at", Json.time(s.expiresAt()));
        return o;
    }
}
