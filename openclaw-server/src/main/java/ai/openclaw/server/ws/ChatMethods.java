package ai.openclaw.server.ws;

import ai.openclaw.auth.Principal;
import ai.openclaw.auth.Scopes;
import ai.openclaw.error.OpenClawException;
import ai.openclaw.llm.ChatMessage;
import ai.openclaw.llm.StreamListener;
import ai.openclaw.server.GatewayServices;
import ai.openclaw.server.access.AccessControl;
import ai.openclaw.server.http.Json;
import ai.openclaw.server.http.JsonBody;
import ai.openclaw.server.http.Origins;
import ai.openclaw.session.Message;
import ai.openclaw.session.NewSession;
import ai.openclaw.session.TurnRequest;
import ai.openclaw.session.TurnResult;
import ai.openclaw.util.Ids;
import ai.openclaw.util.Page;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;

/**
 * Turns over the gateway protocol: {@code agent} (answered {@code accepted} with the run id, then {@code agent}
 * events, then the final {@code res}), {@code agent.wait}, {@code chat.send} (answered {@code started}, then
 * {@code chat} events), {@code chat.history} and {@code chat.abort}. Turns run on the same conversation service as
 * HTTP, as the connection's principal (same budgets, same owner isolation).
 */
final class ChatMethods {
    /** The session a request naming none uses (OpenClaw's main session). */
    static final String MAIN = "main";
    private static final Set<String> AGENT_PARAMS = Set.of("message", "sessionKey", "agentId", "idempotencyKey",
            "model", "label", "thinking", "deliver", "channel", "timeout");
    private final GatewayServices services;
    private final Runs runs;
    private final LiveHub hub;
    private final ExecutorService executor;

    ChatMethods(GatewayServices services, Runs runs, LiveHub hub, ExecutorService executor) {
        this.services = services;
        this.runs = runs;
        this.hub = hub;
        this.executor = executor;
    }

    void register(WsMethods m) {
        m.add("agent", Scopes.CHAT, WsMethods.Access.WRITE, this::agent);
        m.add("agent.wait", Scopes.CHAT, WsMethods.Access.READ, this::agentWait);
        m.add("chat.send", Scopes.CHAT, WsMethods.Access.WRITE, this::chatSend);
        m.add("chat.history", Scopes.CHAT, WsMethods.Access.READ, this::chatHistory);
        m.add("chat.abort", Scopes.CHAT, WsMethods.Access.WRITE, this::chatAbort);
    }

    private JsonNode agent(WsCall call) {
        JsonBody p = call.params();
        for (var it = p.node().fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!AGENT_PARAMS.contains(f)) {
                throw OpenClawException.invalid("parameter '" + f + "' is not supported by this gateway (supported: "
                        + String.join(", ", AGENT_PARAMS.stream().sorted().toList()) + ")");
            }
        }
        String message = p.requireText("message");
        String key = p.optText("sessionKey") == null ? MAIN : p.optText("sessionKey");
        String runId = runId(p.optText("idempotencyKey"));
        TurnRequest turn = turn(call.principal(), call.sessionId(key), message, p.optText("agentId"), p.optText("label"))
                .withOptions(p.optText("model"), null, null);
        boolean[] fresh = new boolean[1];
        Runs.Run run = runs.start(runId, turn.sessionId(), call.principal().ownerId(), fresh);
        call.ok(Json.obj().put("runId", runId).put("status", "accepted").put("acceptedAt", run.startedAt));
        if (!fresh[0]) {
            call.client().ok(call.id(), finalPayload(run, Runs.await(run, 600_000), null));
            return null;
        }
        hub.originate(run.key, call.client());
        TurnResult result = execute(run, call.principal(), turn, null);
        if (result == null && !run.aborted && run.failure != null) {
            call.client().error(call.id(), run.failure);
        } else {
            call.client().ok(call.id(), finalPayload(run, run.status(), result));
        }
        return null;
    }

    /** Runs the turn on this thread as the principal; records the outcome on the run; never throws. */
    private TurnResult execute(Runs.Run run, Principal principal, TurnRequest turn, StreamListener extra) {
        run.thread = Thread.currentThread();
        StreamListener listener = new StreamListener() {
            @Override
            public void onText(String delta) {
                run.check();
                if (extra != null) {
                    extra.onText(delta);
                }
            }
        };
        try {
            TurnResult r = AccessControl.callAs(principal, () -> LiveTurns.withRun(run.runId, run.key,
                    () -> services.conversations().streamTurn(turn, listener)));
            runs.finish(run, "ok", null);
            return r;
        } catch (RuntimeException e) {
            boolean aborted = run.aborted;
            run.failure = e instanceof OpenClawException oe ? oe
                    : OpenClawException.internal("the turn failed; the gateway log has the details", e);
            runs.finish(run, aborted ? "aborted" : "error", aborted ? "aborted" : message(e));
            return null;
        } finally {
            Thread.interrupted();
            hub.finished(run.key);
        }
    }

    private ObjectNode finalPayload(Runs.Run run, String status, TurnResult r) {
        ObjectNode out = Json.obj().put("runId", run.runId).put("status", status);
        if (r != null) {
            out.put("summary", "completed");
            ObjectNode result = out.putObject("result");
            result.putArray("payloads").addObject().put("text", r.reply().content());
            ObjectNode meta = result.putObject("meta");
            meta.put("durationMs", run.endedAt - run.startedAt).put("sessionKey", r.session().id())
                    .put("messageId", r.reply().id()).put("model", r.model().toString());
            meta.putObject("usage").put("input", r.usage().inputTokens()).put("output", r.usage().outputTokens());
        } else if (run.error != null) {
            out.put("summary", run.error);
            out.put("error", run.error);
        }
        return out;
    }

    private JsonNode agentWait(WsCall call) {
        String runId = call.params().requireText("runId");
        Integer timeoutMs = call.params().optInt("timeoutMs", 0, 600_000);
        Runs.Run run = runs.find(runId, call.principal().ownerFilter());
        if (run == null) {
            throw OpenClawException.notFound("run", runId);
        }
        String status = Runs.await(run, timeoutMs == null ? 30_000 : timeoutMs);
        ObjectNode out = Json.obj().put("runId", runId).put("status", status).put("startedAt", run.startedAt);
        if (!status.equals("timeout")) {
            out.put("endedAt", run.endedAt).put("stopReason", status.equals("ok") ? "stop" : status);
        }
        if (run.error != null) {
            out.put("error", run.error);
        }
        return out;
    }

    private JsonNode chatSend(WsCall call) {
        JsonBody p = call.params();
        if (p.has("attachments")) {
            throw OpenClawException.invalid("parameter 'attachments' is not supported by this gateway");
        }
        String key = p.requireText("sessionKey");
        String message = p.requireText("message");
        String runId = runId(p.optText("idempotencyKey"));
        Principal principal = call.principal();
        TurnRequest turn = turn(principal, call.sessionId(key), message, null, null);
        boolean[] fresh = new boolean[1];
        Runs.Run run = runs.start(runId, turn.sessionId(), principal.ownerId(), fresh);
        ObjectNode started = Json.obj().put("runId", runId).put("status", fresh[0] ? "started" : "in_flight");
        if (!fresh[0]) {
            return started;
        }
        hub.originate(run.key, call.client());
        WsClient client = call.client();
        executor.execute(() -> {
            StringBuilder text = new StringBuilder();
            long[] seq = new long[1];
            TurnResult r = execute(run, principal, turn, delta -> {
                text.append(delta);
                client.event("chat", chatEvent(runId, turn.sessionId(), ++seq[0], "delta", text.toString()));
            });
            String state = r != null ? "final" : run.aborted ? "aborted" : "error";
            ObjectNode e = chatEvent(runId, turn.sessionId(), ++seq[0], state, r != null ? r.reply().content()
                    : text.toString());
            if (r == null && run.error != null) {
                e.put("errorMessage", run.error);
            }
            client.event("chat", e);
        });
        return started;
    }

    private ObjectNode chatEvent(String runId, String session, long seq, String state, String text) {
        ObjectNode e = Json.obj().put("runId", runId).put("sessionKey", session).put("seq", seq).put("state", state);
        ObjectNode m = e.putObject("message").put("role", "assistant");
        m.putArray("content").addObject().put("type", "text").put("text", text);
        m.put("timestamp", services.clock().millis());
        return e;
    }

    private JsonNode chatHistory(WsCall call) {
        String key = call.params().requireText("sessionKey");
        Integer limit = call.params().optInt("limit", 1, 1000);
        String id = call.sessionId(key);
        String owner = call.principal().ownerFilter();
        ObjectNode out = Json.obj().put("sessionKey", id).put("sessionId", id);
        ArrayNode messages = out.putArray("messages");
        Page<Message> head;
        try {
            head = services.conversations().messages(id, owner, 0, 1);
        } catch (OpenClawException e) {
            return out;
        }
        int n = limit == null ? 200 : limit;
        long offset = Math.max(0, head.total() - n);
        for (Message msg : services.conversations().messages(id, owner, (int) offset, n).items()) {
            messages.add(message(msg));
        }
        return out;
    }

    /** A stored message as the protocol shows it: {@code role, content:[{type:"text", text}], timestamp}. */
    static ObjectNode message(Message m) {
        ObjectNode o = Json.obj().put("id", m.id()).put("role", m.role().name().toLowerCase(java.util.Locale.ROOT));
        ChatMessage decoded = m.toChatMessage();
        ArrayNode content = o.putArray("content");
        if (decoded.content() != null && !decoded.content().isEmpty()) {
            content.addObject().put("type", "text").put("text", decoded.content());
        }
        if (decoded.toolCalls() != null) {
            decoded.toolCalls().forEach(tc -> content.addObject().put("type", "toolCall").put("id", tc.id())
                    .put("name", tc.name()).put("arguments", tc.argumentsJson()));
        }
        if (decoded.toolCallId() != null) {
            o.put("toolCallId", decoded.toolCallId()).put("toolName", decoded.toolName());
        }
        o.put("type", m.type());
        o.put("text", decoded.content());
        o.put("timestamp", m.createdAt().toEpochMilli());
        if (m.model() != null) {
            o.put("model", m.model());
        }
        return o;
    }

    private JsonNode chatAbort(WsCall call) {
        String key = call.params().requireText("sessionKey");
        String runId = call.params().optText("runId");
        List<String> aborted = runs.abort(call.sessionId(key), runId, call.principal().ownerFilter());
        ObjectNode out = Json.obj().put("ok", true).put("aborted", !aborted.isEmpty());
        ArrayNode ids = out.putArray("runIds");
        aborted.forEach(ids::add);
        return out;
    }

    private static String runId(String idempotencyKey) {
        if (idempotencyKey == null) {
            return Ids.newId("run");
        }
        if (!Ids.isSafeId(idempotencyKey)) {
            throw OpenClawException.invalid("idempotencyKey must be 1-128 characters of letters, digits and . _ : @ -");
        }
        return idempotencyKey;
    }

    static TurnRequest turn(Principal p, String sessionId, String text, String agentId, String label) {
        NewSession template = new NewSession(null, label, agentId, null, p.ownerId(), null, null);
        return new TurnRequest(sessionId, p.ownerFilter(), false, null, null, List.of(ChatMessage.user(text)), null,
                null, null).creatingWith(template).from(Origins.of("ws", p));
    }

    private static String message(RuntimeException e) {
        return e instanceof OpenClawException oe ? oe.getMessage() : "internal error";
    }
}
