package ai.openclaw.server.api.v2;

import ai.openclaw.auth.Principal;
import ai.openclaw.llm.ChatMessage;
import ai.openclaw.server.GatewayServices;
import ai.openclaw.server.http.Dialect;
import ai.openclaw.server.http.ErrorMapper;
import ai.openclaw.server.http.Http;
import ai.openclaw.server.http.Json;
import ai.openclaw.server.http.JsonBody;
import ai.openclaw.server.http.Origins;
import ai.openclaw.server.http.SseStream;
import ai.openclaw.server.http.TurnStreaming;
import ai.openclaw.session.Attachment;
import ai.openclaw.session.Attachments;
import ai.openclaw.session.Session;
import ai.openclaw.session.TurnRequest;
import ai.openclaw.session.TurnResult;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.List;

/**
 * Sending a message in seed 003's v2 shape ({@code content}, {@code attachments}, {@code stream}, optional {@code
 * model}/{@code temperature}/{@code maxTokens}), for {@code POST /v2/conversations/{id}/messages} and {@code POST
 * /v2/messages}: 201 with the reply, or with {@code "stream": true} SSE ({@code {"type":"delta","content":…}} …
 * {@code {"type":"done",…}}, then {@code [DONE]}).
 */
final class V2Turns {
    private V2Turns() {
    }

    static void send(Context ctx, GatewayServices services, Principal p, String sessionId, JsonBody body) {
        String content = body.requireText("content");
        Session session = services.conversations().getSession(sessionId, p.ownerFilter());
        AttachmentResolver.Resolved attached = AttachmentResolver.resolve(services.files(), p,
                body.optArray("attachments"));
        boolean stored = false;
        try {
            stored = run(ctx, services, p, sessionId, body, content, session, attached.attachments());
        } finally {
            if (!stored) {
                attached.discardFetched(services.files(), p);
            }
        }
    }

    /** Runs the turn; false when it failed on a stream (the error event was sent, nothing stored). */
    private static boolean run(Context ctx, GatewayServices services, Principal p, String sessionId, JsonBody body,
                            String content, Session session, List<Attachment> attachments) {
        JsonNode settings = Json.MAPPER.valueToTree(session.context()).path("settings");
        Double temperature = body.optDouble("temperature", 0, 2);
        Integer maxTokens = body.optInt("maxTokens", 1, 1_000_000);
        TurnRequest turn = new TurnRequest(sessionId, p.ownerFilter(), false, null, body.optText("model"),
                List.of(ChatMessage.user(attachments.isEmpty() ? content : Attachments.encode(content, attachments))),
                temperature != null ? temperature : settings.has("temperature") ? settings.get("temperature").asDouble()
                        : null,
                maxTokens != null ? maxTokens : settings.has("maxTokens") ? settings.get("maxTokens").asInt() : null,
                attachments.isEmpty() ? null : Attachments.TYPE).from(Origins.of("api", p));
        if (body.optBool("stream", false)) {
            SseStream sse = new SseStream(ctx);
            TurnResult r = TurnStreaming.run(ctx, sse, services.conversations(), turn,
                    delta -> Json.obj().put("type", "delta").put("content", delta),
                    e -> ErrorMapper.body(Dialect.PLAIN, e).put("type", "error"));
            if (r != null) {
                ObjectNode done = Json.obj().put("type", "done");
                done.set("message", reply(r));
                done.set("usage", usage(r));
                sse.json(done);
                sse.data("[DONE]");
            }
            return r != null;
        }
        TurnResult r = services.conversations().runTurn(turn);
        Http.addProviderTime(ctx, r.providerNanos());
        ObjectNode out = reply(r);
        out.set("usage", usage(r));
        Http.json(ctx, 201, out);
        return true;
    }

    private static ObjectNode reply(TurnResult r) {
        ObjectNode o = V2Views.message(r.reply());
        o.put("model", r.model().toString());
        return o;
    }

    private static ObjectNode usage(TurnResult r) {
        ObjectNode u = Json.obj();
        u.put("promptTokens", r.usage().inputTokens());
        u.put("completionTokens", r.usage().outputTokens());
        u.put("totalTokens", r.usage().totalTokens());
        return u;
    }
}
