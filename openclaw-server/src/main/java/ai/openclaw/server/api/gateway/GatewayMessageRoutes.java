package ai.openclaw.server.api.gateway;

import ai.openclaw.auth.Principal;
import ai.openclaw.auth.Scopes;
import ai.openclaw.error.OpenClawException;
import ai.openclaw.llm.ChatMessage;
import ai.openclaw.server.GatewayServices;
import ai.openclaw.server.http.ErrorMapper;
import ai.openclaw.server.http.Http;
import ai.openclaw.server.http.Json;
import ai.openclaw.server.http.JsonBody;
import ai.openclaw.server.http.Origins;
import ai.openclaw.server.http.SseStream;
import ai.openclaw.server.http.TurnStreaming;
import ai.openclaw.session.NewSession;
import ai.openclaw.session.TurnRequest;
import ai.openclaw.session.TurnResult;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;

/**
 * Gateway v1 messaging: seed 001 {@code POST /api/v1/message} and {@code /message/stream}, seed 002
 * {@code POST /api/v1/chat}. Session ids here are session keys: an unknown one is created on first use.
 */
public final class GatewayMessageRoutes {
    /** The session used when a request names none (seed 001). */
    static final String DEFAULT_SESSION = "default";
    private final GatewayServices services;

    private GatewayMessageRoutes(GatewayServices services) {
        this.services = services;
    }

    /** Registers the routes. */
    public static void register(RoutesConfig routes, GatewayServices services) {
        GatewayMessageRoutes r = new GatewayMessageRoutes(services);
        routes.post("/api/v1/message", ctx -> r.message(ctx, false));
        routes.post("/api/v1/message/stream", ctx -> r.message(ctx, true));
        routes.post("/api/v1/chat", r::chat);
    }

    private void message(Context ctx, boolean streamPath) {
        Principal p = Http.require(ctx, Scopes.CHAT);
        JsonBody body = JsonBody.read(ctx, services.maxBodyBytes());
        String text = body.has("text") || !body.has("message") ? body.requireText("text") : body.requireText("message");
        String session = Http.sessionId(ctx, body.optText("session"));
        boolean stream = body.optBool("stream", streamPath);
        TurnRequest turn = turn(p, session == null ? Http.sessionId(ctx, DEFAULT_SESSION) : session, text, agentOf(body))
                .withOptions(body.optText("model"), body.optDouble("temperature", 0, 2),
                        body.optInt("maxTokens", 1, 1_000_000));
        if (stream) {
            SseStream sse = new SseStream(ctx);
            TurnResult r = TurnStreaming.run(ctx, sse, services.conversations(), turn,
                    delta -> Json.obj().put("chunk", delta), GatewayMessageRoutes::errorEvent);
            if (r != null) {
                sse.data("[DONE]");
            }
            return;
        }
        TurnResult r = services.conversations().runTurn(turn);
        Http.addProviderTime(ctx, r.providerNanos());
        ObjectNode data = Json.obj();
        data.put("messageId", r.reply().id());
        data.put("text", r.reply().content());
        data.put("sessionId", r.session().id());
        data.put("model", r.model().toString());
        data.set("usage", GatewayViews.usage(r.usage()));
        if (r.offline()) {
            data.put("offline", true);
        }
        Http.envelope(ctx, 200, data);
    }

    private void chat(Context ctx) {
        Principal p = Http.require(ctx, Scopes.CHAT);
        JsonBody body = JsonBody.read(ctx, services.maxBodyBytes());
        String message = body.requireText("message");
        String session = body.optText("session_id");
        if (session == null) {
            session = body.optText("sessionId");
        }
        session = Http.sessionId(ctx, session);
        JsonBody context = body.object("context");
        TurnRequest turn = turn(p, session == null ? Http.sessionId(ctx, DEFAULT_SESSION) : session, message, agentOf(body))
                .withOptions(context.optText("model"), context.optDouble("temperature", 0, 2),
                        context.optInt("max_tokens", 1, 1_000_000));
        if (body.optBool("stream", false)) {
            SseStream sse = new SseStream(ctx);
            TurnResult r = TurnStreaming.run(ctx, sse, services.conversations(), turn,
                    delta -> Json.obj().put("content", delta), GatewayMessageRoutes::errorEvent);
            if (r != null) {
                sse.data("[DONE]");
            }
            return;
        }
        TurnResult r = services.conversations().runTurn(turn);
        Http.addProviderTime(ctx, r.providerNanos());
        ObjectNode data = Json.obj();
        data.put("id", r.reply().id());
        data.put("content", r.reply().content());
        data.put("model", r.providerModel() == null ? r.model().toString() : r.providerModel());
        data.set("usage", GatewayViews.snakeUsage(r.usage()));
        data.put("timestamp", Json.time(r.reply().createdAt()));
        data.put("session_id", r.session().id());
        // Seed 002 shows these fields bare; the gateway envelope wraps them. Send both (DESIGN.md §1: union).
        ObjectNode out = Json.obj();
        out.put("success", true);
        out.set("data", data);
        out.put("timestamp", Http.now());
        data.fields().forEachRemaining(e -> {
            if (!out.has(e.getKey())) {
                out.set(e.getKey(), e.getValue());
            }
        });
        Http.json(ctx, 200, out);
    }

    /** The agent a new session gets: {@code agentId} or {@code agent_id} (issue 3), else the default. */
    private static String agentOf(JsonBody body) {
        String agent = body.optText("agentId");
        return agent != null ? agent : body.optText("agent_id");
    }

    private static TurnRequest turn(Principal p, String sessionId, String text, String agentId) {
        NewSession template = new NewSession(null, null, agentId, null, p.ownerId(), null, null);
        return new TurnRequest(sessionId, p.ownerFilter(), false, null, null, List.of(ChatMessage.user(text)), null,
                null, null).creatingWith(template).from(Origins.of("api", p));
    }

    static Object errorEvent(OpenClawException e) {
        return ErrorMapper.body(ai.openclaw.server.http.Dialect.PLAIN, e);
    }
}
