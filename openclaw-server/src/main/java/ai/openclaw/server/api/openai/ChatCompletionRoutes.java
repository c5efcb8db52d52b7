package ai.openclaw.server.api.openai;

import ai.openclaw.auth.Principal;
import ai.openclaw.auth.Scopes;
import ai.openclaw.error.OpenClawException;
import ai.openclaw.llm.ChatMessage;
import ai.openclaw.llm.ModelId;
import ai.openclaw.llm.Role;
import ai.openclaw.llm.StreamListener;
import ai.openclaw.server.GatewayServices;
import ai.openclaw.server.http.Dialect;
import ai.openclaw.server.http.ErrorMapper;
import ai.openclaw.server.http.Http;
import ai.openclaw.server.http.Json;
import ai.openclaw.server.http.JsonBody;
import ai.openclaw.server.http.SseStream;
import ai.openclaw.server.http.TurnStreaming;
import ai.openclaw.session.NewSession;
import ai.openclaw.session.TurnRequest;
import ai.openclaw.session.TurnResult;
import ai.openclaw.util.Ids;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;

/**
 * The OpenAI-compatible surface: {@code POST /v1/chat/completions} (whole or streamed, OpenAI's exact shapes,
 * {@code stream_options.include_usage}) and {@code GET /v1/models}. Without a session key every call is a new
 * session holding the request's messages; the {@code user} field or the {@code x-openclaw-session-key} header
 * names a session whose stored history is used, and then only the messages after the request's last assistant
 * message are new input.
 */
public final class ChatCompletionRoutes {
    /** The request header that names a session. */
    public static final String SESSION_HEADER = "x-openclaw-session-key";
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
    }

    private void completions(Context ctx) {
        Principal p = Http.require(ctx, Scopes.CHAT);
        JsonBody body = JsonBody.read(ctx, services.maxBodyBytes());
        String requestedModel = body.optText("model");
        String modelRef = modelRef(requestedModel);
        List<ChatMessage> messages = messages(body.optArray("messages"));
        boolean stream = body.optBool("stream", false);
        boolean includeUsage = body.object("stream_options").optBool("include_usage", false);
        Double temperature = body.optDouble("temperature", 0, 2);
        Integer maxTokens = body.optInt("max_completion_tokens", 1, 10_000_000);
        if (maxTokens == null) {
            maxTokens = body.optInt("max_tokens", 1, 10_000_000);
        }
        body.optInt("n", 1, 1);
        String key = ctx.header(SESSION_HEADER);
        String user = body.optText("user");
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
        NewSession template = new NewSession(generated ? sessionId : null, null, agentFrom(requestedModel), null,
                p.ownerId(), null, null);
        TurnRequest turn = new TurnRequest(sessionId, p.ownerFilter(), true, template, modelRef, input, temperature,
                maxTokens, null);
        String id = "chatcmpl-" + Ids.newId("c").substring(2);
        long created = services.clock().instant().getEpochSecond();
        String shownModel = requestedModel == null ? services.conversations().models().defaultModel().toString()
                : requestedModel;
        ctx.header(SESSION_HEADER, sessionId);
        if (stream) {
            SseStream sse = new SseStream(ctx);
            boolean[] first = {true};
            Runnable opening = () -> {
                if (first[0]) {
                    first[0] = false;
                    sse.json(chunk(id, created, shownModel, Json.obj().put("role", "assistant").put("content", ""),
                            null));
                }
            };
            boolean clientTools = body.has("tools");
            StreamListener listener = new ToolCallDeltas(clientTools, opening,
                    delta -> sse.json(chunk(id, created, shownModel, delta, null)));
            TurnResult r = TurnStreaming.runWith(ctx, sse, services.conversations(), turn, listener,
                    e -> ErrorMapper.body(Dialect.OPENAI, e));
            if (r == null) {
                return;
            }
            if (first[0]) {
                sse.json(chunk(id, created, shownModel, Json.obj().put("role", "assistant").put("content", ""), null));
            }
            sse.json(chunk(id, created, shownModel, Json.obj(), r.finishReason()));
            if (includeUsage) {
                ObjectNode last = base(id, created, shownModel);
                last.set("choices", Json.arr());
                last.set("usage", usage(r));
                sse.json(last);
            }
            sse.data("[DONE]");
            return;
        }
        TurnResult r = services.conversations().runTurn(turn);
        Http.addProviderTime(ctx, r.providerNanos());
        ObjectNode out = Json.obj();
        out.put("id", id);
        out.put("object", "chat.completion");
        out.put("created", created);
        out.put("model", shownModel);
        ArrayNode choices = out.putArray("choices");
        ObjectNode choice = choices.addObject();
        choice.put("index", 0);
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        message.put("content", r.reply().content());
        message.putNull("refusal");
        choice.putNull("logprobs");
        choice.put("finish_reason", r.finishReason());
        out.set("usage", usage(r));
        out.putNull("system_fingerprint");
        Http.json(ctx, 200, out);
    }

    private void models(Context ctx) {
        Http.require(ctx, Scopes.CHAT);
        ObjectNode out = Json.obj();
        out.put("object", "list");
        ArrayNode data = out.putArray("data");
        long created = services.startedAt().getEpochSecond();
        data.add(model("openclaw", created, "openclaw"));
        for (ModelId id : services.conversations().models().knownModels()) {
            data.add(model(id.toString(), created, id.provider()));
        }
        Http.json(ctx, 200, out);
    }

    private void model(Context ctx) {
        Http.require(ctx, Scopes.CHAT);
        String id = ctx.pathParam("id");
        long created = services.startedAt().getEpochSecond();
        if (id.equals("openclaw")) {
            Http.json(ctx, 200, model(id, created, "openclaw"));
            return;
        }
        for (ModelId m : services.conversations().models().knownModels()) {
            if (m.toString().equals(id)) {
                Http.json(ctx, 200, model(id, created, m.provider()));
                return;
            }
        }
        throw OpenClawException.notFound("model", id);
    }

    private static ObjectNode model(String id, long created, String owner) {
        return Json.obj().put("id", id).put("object", "model").put("created", created).put("owned_by", owner);
    }

    /** "openclaw", "openclaw/AGENT" and "openclaw:AGENT" mean the agent's (default) model. */
    private static String modelRef(String model) {
        if (model == null || model.equals("openclaw") || model.startsWith("openclaw/") || model.startsWith("openclaw:")) {
            return null;
        }
        return model;
    }

    private static String agentFrom(String model) {
        if (model != null && (model.startsWith("openclaw/") || model.startsWith("openclaw:"))) {
            String agent = model.substring("openclaw/".length());
            return agent.isBlank() ? null : agent;
        }
        return null;
    }

    private static List<ChatMessage> messages(ArrayNode array) {
        if (array == null) {
            throw OpenClawException.invalid("field 'messages' is required");
        }
        if (array.isEmpty()) {
            throw OpenClawException.invalid("field 'messages' must not be empty");
        }
        List<ChatMessage> out = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonNode m = array.get(i);
            String at = "messages[" + i + "]";
            if (!m.isObject()) {
                throw OpenClawException.invalid("field '" + at + "' must be an object");
            }
            JsonNode role = m.get("role");
            if (role == null || !role.isTextual()) {
                throw OpenClawException.invalid("field '" + at + ".role' is required");
            }
            out.add(new ChatMessage(Role.parse(at + ".role", role.textValue()), content(m.get("content"), at)));
        }
        return out;
    }

    /** OpenAI content: a string, null (assistant tool calls), or an array of parts whose text parts are joined. */
    private static String content(JsonNode c, String at) {
        if (c == null || c.isNull()) {
            return "";
        }
        if (c.isTextual()) {
            return c.textValue();
        }
        if (c.isArray()) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < c.size(); i++) {
                JsonNode part = c.get(i);
                if (!part.isObject() || !part.path("type").isTextual()) {
                    throw OpenClawException.invalid("field '" + at + ".content[" + i + "]' must be an object with a type");
                }
                if (part.path("type").textValue().equals("text")) {
                    if (!part.path("text").isTextual()) {
                        throw OpenClawException.invalid("field '" + at + ".content[" + i + "].text' must be a string");
                    }
                    sb.append(part.path("text").textValue());
                }
            }
            return sb.toString();
        }
        throw OpenClawException.invalid("field '" + at + ".content' must be a string or an array of content parts");
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

    /** A streamed chunk with the given delta (for {@link ToolCallDeltas}). */
    static ObjectNode chunk(String id, long created, String model, ObjectNode delta) {
        return chunk(id, created, model, delta, null);
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

    private static ObjectNode chunk(String id, long created, String model, ObjectNode delta, String finishReason) {
        ObjectNode o = base(id, created, model);
        ObjectNode choice = o.putArray("choices").addObject();
        choice.put("index", 0);
        choice.set("delta", delta);
        choice.putNull("logprobs");
        if (finishReason == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finishReason);
        }
        return o;
    }

    private static ObjectNode usage(TurnResult r) {
        ObjectNode u = Json.obj();
        u.put("prompt_tokens", r.usage().inputTokens());
        u.put("completion_tokens", r.usage().outputTokens());
        u.put("total_tokens", r.usage().totalTokens());
        return u;
    }
}
