package ai.openclaw.server.api.v2;

import ai.openclaw.auth.Principal;
import ai.openclaw.auth.Scopes;
import ai.openclaw.llm.Role;
import ai.openclaw.server.GatewayServices;
import ai.openclaw.server.http.Http;
import ai.openclaw.server.http.Json;
import ai.openclaw.server.http.JsonBody;
import ai.openclaw.session.Message;
import ai.openclaw.session.MessageQuery;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;

/**
 * Seed 003's message operations (消息操作) under {@code /v2/messages}: get one, list with {@code conversationId},
 * {@code role}, {@code after} (a message id cursor) and {@code limit}, delete one, and send one ({@code
 * conversationId}, {@code content}, {@code attachments}, {@code stream}) as {@code POST
 * /v2/conversations/{id}/messages} does. Another owner's messages are NOT_FOUND.
 */
public final class MessageRoutes {
    private final GatewayServices services;

    private MessageRoutes(GatewayServices services) {
        this.services = services;
    }

    /** Registers the routes. */
    public static void register(RoutesConfig routes, GatewayServices services) {
        MessageRoutes r = new MessageRoutes(services);
        routes.get("/v2/messages", r::list);
        routes.post("/v2/messages", r::send);
        routes.get("/v2/messages/{id}", r::get);
        routes.delete("/v2/messages/{id}", r::delete);
    }

    private void get(Context ctx) {
        Principal p = Http.require(ctx, Scopes.CHAT);
        Http.json(ctx, 200, V2Views.message(services.conversations().message(ctx.pathParam("id"), p.ownerFilter())));
    }

    private void delete(Context ctx) {
        Principal p = Http.require(ctx, Scopes.CHAT);
        Message m = services.conversations().deleteMessage(ctx.pathParam("id"), p.ownerFilter());
        Http.json(ctx, 200, Json.obj().put("id", m.id()).put("conversationId", m.sessionId()).put("deleted", true));
    }

    private void list(Context ctx) {
        Principal p = Http.require(ctx, Scopes.CHAT);
        String conversation = first(ctx, "conversationId", "conversation_id", "session_id");
        String role = ctx.queryParam("role");
        String after = ctx.queryParam("after");
        int limit = Http.queryInt(ctx, "limit", 50, 1, 200);
        MessageQuery q = new MessageQuery(conversation == null || conversation.isBlank() ? null
                : Http.sessionId(ctx, conversation), role == null || role.isBlank() ? null : Role.parse("role", role),
                after == null || after.isBlank() ? null : after, limit + 1);
        List<Message> found = services.conversations().findMessages(q, p.ownerFilter());
        boolean more = found.size() > limit;
        List<Message> page = more ? found.subList(0, limit) : found;
        ArrayNode items = Json.arr();
        page.forEach(m -> items.add(V2Views.message(m)));
        ObjectNode out = Json.obj();
        out.set("messages", items);
        ObjectNode pagination = Json.obj();
        pagination.put("limit", limit);
        pagination.put("hasMore", more);
        if (more) {
            pagination.put("nextCursor", page.get(page.size() - 1).id());
        } else {
            pagination.putNull("nextCursor");
        }
        out.set("pagination", pagination);
        Http.json(ctx, 200, out);
    }

    private void send(Context ctx) {
        Principal p = Http.require(ctx, Scopes.CHAT);
        JsonBody body = JsonBody.read(ctx, services.maxBodyBytes());
        String conversation = body.optText("conversationId");
        if (conversation == null) {
            conversation = body.optText("conversation_id");
        }
        if (conversation == null) {
            conversation = body.requireText("conversationId");
        }
        V2Turns.send(ctx, services, p, Http.sessionId(ctx, conversation), body);
    }

    private static String first(Context ctx, String... names) {
        for (String n : names) {
            String v = ctx.queryParam(n);
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
