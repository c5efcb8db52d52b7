package ai.openclaw.server.api.openai;

import ai.openclaw.agent.Agent;
import ai.openclaw.auth.Principal;
import ai.openclaw.auth.Scopes;
import ai.openclaw.error.OpenClawException;
import ai.openclaw.llm.ChatMessage;
import ai.openclaw.llm.ChatResponse;
import ai.openclaw.llm.ModelCatalog;
import ai.openclaw.llm.ModelId;
import ai.openclaw.llm.ResolvedModel;
import ai.openclaw.llm.Role;
import ai.openclaw.provider.wire.OpenAiChatJson;
import ai.openclaw.provider.wire.OpenAiChatRequest;
import ai.openclaw.server.GatewayServices;
import ai.openclaw.server.http.Dialect;
import ai.openclaw.server.http.ErrorMapper;
import ai.openclaw.server.http.Http;
import ai.openclaw.server.http.Json;
import ai.openclaw.server.http.JsonBody;
import ai.openclaw.server.http.Origins;
import ai.openclaw.server.http.SseStream;
import ai.openclaw.server.http.TurnStreaming;
import ai.openclaw.session.NewSession;
import ai.openclaw.session.TurnOptions;
import ai.openclaw.session.TurnRequest;
import ai.openclaw.session.TurnResult;
import ai.openclaw.util.Ids;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;

/**
 * The OpenAI-compatible surface: {@code POST /v1/chat/completions} (whole or streamed, OpenAI's exact shapes, every
 * field through) and {@code GET /v1/models}, {@code GET /v1/models/{id}}.
 *
 * <p>The model names what answers: {@code provider/model} (or a model name some provider lists) calls that model
 * directly with the request as sent; {@code openclaw}, {@code openclaw/<agent>}, {@code openclaw:<agent>},
 * {@code agent:<agent>} or the header {@code x-openclaw-agent-id} run the agent's turn (its prompt, tools, memory),
 * with {@code x-openclaw-model} overriding its model. An unknown model is 404 {@code model_not_found}. Tools the
 * client declares are the client's: the model's calls of them come back as {@code tool_calls} and are never run
 * here; the agent's tools run server-side and are never shown. Without a session key every call is a new session
 * holding the request's messages; {@code user} or {@code x-openclaw-session-key} names a session whose stored
 * history is used, and then only the messages after the request's last assistant message are new input.
 */
public final class ChatCompletionRoutes {
    /** The request header that names a session. */
    public static final String SESSION_HEADER = "x-openclaw-session-key";
    /** The request header that selects an agent. */
    public static final String AGENT_HEADER = "x-openclaw-agent-id";
    /** The request header that overrides the model. */
    public static final String MODEL_HEADER = "x-openclaw-model";
    private final GatewayServices services;

    private ChatCompletionRoutes(GatewayServices services) {
        this.services = services;
    }

    /** Registers the routes. */
    public static void register(RoutesConfig routes, GatewayServices services) {
        ChatCompletionRoutes r = new ChatCompletionRoutes(services);
        routes.post("/v1/chat/completions", r::completions);
        routes.get("/v1/models", r::models);
        routes.get("/v1/models/<id>", r::model);
        EmbeddingRoutes.register(routes, services);
        ResponsesRoutes.register(routes, services);
        ai.openclaw.server.api.anthropic.MessagesRoutes.register(routes, services);
    }

    private void completions(Context ctx) {
        Principal p = Http.require(ctx, Scopes.CHAT);
        JsonBody body = JsonBody.read(ctx, services.maxBodyBytes());
        OpenAiChatRequest req = OpenAiChatJson.readRequest(body.node());
        String requestedModel = req.model();
        String agentId = agentFrom(requestedModel);
        String headerAgent = blankToNull(ctx.header(AGENT_HEADER));
        if (headerAgent != null) {
            agentId = headerAgent;
        }
        boolean agentTurn = agentId != null || requestedModel == null || requestedModel.equals("openclaw");
        ModelCatalog catalog = services.conversations().models();
        String override = blankToNull(ctx.header(MODEL_HEADER));
        String modelRef;
        if (agentTurn) {
            if (agentId != null && !agentId.equals(Agent.MAIN) && !agentExists(agentId, p)) {
                throw ModelCatalog.modelNotFound(requestedModel == null ? "openclaw/" + agentId : requestedModel);
            }
            modelRef = override == null ? null : catalog.resolveKnown(override).id().toString();
        } else {
            ResolvedModel resolved = catalog.resolveKnown(override != null ? override : requestedModel);
            modelRef = resolved.id().toString();
        }
        List<ChatMessage> messages = req.messages();
        String key = ctx.header(SESSION_HEADER);
        String user = req.options().user();
        String sessionId;
        List<ChatMessage> input;
        boolean generated = false;
        if (key != null && !key.isBlank()) {
            sessionId = Http.sessionId(ctx, key.strip());
            input = trailingInput(messages);
        } else if (user != null && !user.isBlank()) {
            sessionId = Http.sessionId(ctx, "user:" + user.strip());
            input = trailingInput(messages);
        } else {
            sessionId = Ids.newId("chat");
            input = messages;
            generated = true;
        }
        if (!Ids.isSafeId(sessionId)) {
            throw OpenClawException.invalid("session key (header '" + SESSION_HEADER + "' or field 'user') must be "
                    + "1-128 characters of letters, digits and . _ : @ -");
        }
        NewSession template = new NewSession(generated ? sessionId : null, null, agentId, null, p.ownerId(), null,
                null);
        TurnOptions options = new TurnOptions(req.options(), req.tools(), !agentTurn,
                generated ? List.of() : messages.subList(0, messages.size() - input.size()));
        TurnRequest turn = new TurnRequest(sessionId, p.ownerFilter(), true, template, modelRef, input,
                req.temperature(), req.maxTokens(), null, options).from(Origins.of("api", p));
        String id = "chatcmpl-" + Ids.newId("c").substring(2);
        long created = services.clock().instant().getEpochSecond();
        String shownModel = requestedModel == null ? catalog.defaultModel().toString() : requestedModel;
        ctx.header(SESSION_HEADER, sessionId);
        if (req.stream()) {
            stream(ctx, turn, options, id, created, shownModel, req.includeUsage());
            return;
        }
        TurnResult r = services.conversations().runTurn(turn);
        Http.addProviderTime(ctx, r.providerNanos());
        ChatResponse answer = answer(r);
        ObjectNode out = Json.obj();
        out.put("id", id);
        out.put("object", "chat.completion");
        out.put("created", created);
        out.put("model", shownModel);
        ArrayNode choices = out.putArray("choices");
        choices.add(OpenAiChatJson.writeChoice(0, answer));
        for (int i = 0; i < answer.alternatives().size(); i++) {
            choices.add(OpenAiChatJson.writeChoice(i + 1, answer.alternatives().get(i)));
        }
        out.set("usage", OpenAiChatJson.writeUsage(r.usage(), answer.extras().usage()));
        out.putNull("system_fingerprint");
        if (answer.extras().response() != null) {
            answer.extras().response().fields().forEachRemaining(e -> out.set(e.getKey(), e.getValue()));
        }
        Http.json(ctx, 200, out);
    }

    private void stream(Context ctx, TurnRequest turn, TurnOptions options, String id, long created,
                        String shownModel, boolean includeUsage) {
        SseStream sse = new SseStream(ctx);
        boolean[] first = {true};
        Runnable opening = () -> {
            if (first[0]) {
                first[0] = false;
                // held: the delta that opened the stream follows at once, in the same write
                sse.jsonHeld(chunk(id, created, shownModel, Json.obj().put("role", "assistant").put("content", ""),
                        null, null));
            }
        };
        ClientStream listener = new ClientStream(options, opening,
                (delta, logprobs) -> sse.json(chunk(id, created, shownModel, delta, null, logprobs)),
                choice -> {
                    ObjectNode other = base(id, created, shownModel);
                    other.putArray("choices").add(choice);
                    sse.json(other);
                });
        TurnResult r = TurnStreaming.runWith(ctx, sse, services.conversations(), turn, listener,
                e -> ErrorMapper.body(Dialect.OPENAI, e));
        if (r == null) {
            return;
        }
        ChatResponse answer = answer(r);
        listener.finish(answer.toolCalls());
        opening.run();
        ObjectNode last = chunk(id, created, shownModel, Json.obj(), r.finishReason(), null);
        if (answer.extras().response() != null) {
            answer.extras().response().fields().forEachRemaining(e -> last.set(e.getKey(), e.getValue()));
        }
        // the last chunks leave together with the end of the response: one write
        sse.jsonHeld(last);
        if (includeUsage) {
            ObjectNode usage = base(id, created, shownModel);
            usage.set("choices", Json.arr());
            usage.set("usage", OpenAiChatJson.writeUsage(r.usage(), answer.extras().usage()));
            sse.jsonHeld(usage);
        }
        sse.dataHeld("[DONE]");
    }

    private static ChatResponse answer(TurnResult r) {
        return r.response() != null ? r.response() : new ChatResponse(r.reply().content(),
                r.providerModel() == null ? r.model().model() : r.providerModel(), r.usage(), r.finishReason());
    }

    /** Whether the caller may use the agent (its own or the operator's; another owner's is "not found"). */
    private boolean agentExists(String agentId, Principal caller) {
        try {
            services.agents().agents().get(agentId, caller.ownerId());
            return true;
        } catch (OpenClawException e) {
            return false;
        }
    }

    private void models(Context ctx) {
        Principal p = Http.require(ctx, Scopes.CHAT);
        ObjectNode out = Json.obj();
        out.put("object", "list");
        ArrayNode data = out.putArray("data");
        long created = services.startedAt().getEpochSecond();
        data.add(model("openclaw", created, "openclaw"));
        for (Agent a : services.agents().agents().list(0, 200, p.ownerId()).items()) {
            data.add(model("openclaw/" + a.id(), created, "openclaw"));
        }
        for (ModelId id : services.conversations().models().knownModels()) {
            data.add(model(id.toString(), created, id.provider()));
        }
        for (String m : EmbeddingRoutes.MODELS) {
            data.add(model(m, created, "openclaw"));
        }
        Http.json(ctx, 200, out);
    }

    private void model(Context ctx) {
        Principal p = Http.require(ctx, Scopes.CHAT);
        String id = ctx.pathParam("id");
        long created = services.startedAt().getEpochSecond();
        String agent = agentFrom(id);
        if (id.equals("openclaw") || (agent != null && (agent.equals(Agent.MAIN) || agentExists(agent, p)))) {
            Http.json(ctx, 200, model(id, created, "openclaw"));
            return;
        }
        if (EmbeddingRoutes.MODELS.contains(id)) {
            Http.json(ctx, 200, model(id, created, "openclaw"));
            return;
        }
        for (ModelId m : services.conversations().models().knownModels()) {
            if (m.toString().equals(id)) {
                Http.json(ctx, 200, model(id, created, m.provider()));
                return;
            }
        }
        throw ModelCatalog.modelNotFound(id);
    }

    private static ObjectNode model(String id, long created, String owner) {
        return Json.obj().put("id", id).put("object", "model").put("created", created).put("owned_by", owner);
    }

    /** The agent id in {@code openclaw/<id>}, {@code openclaw:<id>} or {@code agent:<id>}, else null. */
    private static String agentFrom(String model) {
        if (model == null) {
            return null;
        }
        for (String prefix : List.of("openclaw/", "openclaw:", "agent:")) {
            if (model.startsWith(prefix)) {
                String agent = model.substring(prefix.length());
                return agent.isBlank() ? null : agent;
            }
        }
        return null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The messages after the last assistant message: what is new to a session that holds the history. */
    private static List<ChatMessage> trailingInput(List<ChatMessage> messages) {
        int last = -1;
        for (int i = 0; i < messages.size(); i++) {
            if (messages.get(i).role() == Role.ASSISTANT) {
                last = i;
            }
        }
        List<ChatMessage> tail = messages.subList(last + 1, messages.size());
        if (tail.isEmpty()) {
            throw OpenClawException.invalid("field 'messages' must end with at least one non-assistant message");
        }
        return tail;
    }

    private static ObjectNode base(String id, long created, String model) {
        ObjectNode o = Json.obj();
        o.put("id", id);
        o.put("object", "chat.completion.chunk");
        o.put("created", created);
        o.put("model", model);
        o.putNull("system_fingerprint");
        return o;
    }

    private static ObjectNode chunk(String id, long created, String model, ObjectNode delta, String finishReason,
                                    com.fasterxml.jackson.databind.JsonNode logprobs) {
        ObjectNode o = base(id, created, model);
        ObjectNode choice = o.putArray("choices").addObject();
        choice.put("index", 0);
        choice.set("delta", delta);
        if (logprobs == null) {
            choice.putNull("logprobs");
        } else {
            choice.set("logprobs", logprobs);
        }
        if (finishReason == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finishReason);
        }
        return o;
    }
}
