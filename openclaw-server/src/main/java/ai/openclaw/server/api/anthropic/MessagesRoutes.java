package ai.openclaw.server.api.anthropic;

import ai.openclaw.auth.Principal;
import ai.openclaw.auth.Scopes;
import ai.openclaw.error.OpenClawException;
import ai.openclaw.llm.ChatResponse;
import ai.openclaw.llm.ModelCatalog;
import ai.openclaw.llm.StreamListener;
import ai.openclaw.llm.ToolCall;
import ai.openclaw.llm.Usage;
import ai.openclaw.server.GatewayServices;
import ai.openclaw.server.http.Dialect;
import ai.openclaw.server.http.ErrorMapper;
import ai.openclaw.server.http.Http;
import ai.openclaw.server.http.Json;
import ai.openclaw.server.http.JsonBody;
import ai.openclaw.server.http.Origins;
import ai.openclaw.server.http.SseStream;
import ai.openclaw.session.NewSession;
import ai.openclaw.session.TurnOptions;
import ai.openclaw.session.TurnRequest;
import ai.openclaw.session.TurnResult;
import ai.openclaw.util.Ids;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The Anthropic-compatible surface: {@code POST /v1/messages} in Anthropic's Messages wire (whole, or streamed as
 * its SSE events), so the official Anthropic SDKs and tools built on them can use any configured model. The model
 * is chosen as on {@code /v1/chat/completions}: {@code provider/model} directly, {@code openclaw/<agent>} (or the
 * header {@code x-openclaw-agent-id}) for an agent's turn. Tools the client declares come back as {@code tool_use}
 * blocks ({@code stop_reason: "tool_use"}) and are never run here.
 */
public final class MessagesRoutes {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final GatewayServices services;

    private MessagesRoutes(GatewayServices services) {
        this.services = services;
    }

    /** Registers {@code POST /v1/messages}. */
    public static void register(RoutesConfig routes, GatewayServices services) {
        routes.post("/v1/messages", new MessagesRoutes(services)::messages);
    }

    private void messages(Context ctx) {
        Principal p = Http.require(ctx, Scopes.CHAT);
        JsonBody body = JsonBody.read(ctx, services.maxBodyBytes());
        AnthropicRequest req = AnthropicRequest.read(body.node());
        String model = req.model();
        String agent = model.startsWith("openclaw/") ? model.substring(9) : null;
        String header = ctx.header("x-openclaw-agent-id");
        if (header != null && !header.isBlank()) {
            agent = header.strip();
        }
        boolean agentTurn = agent != null || model.equals("openclaw");
        ModelCatalog catalog = services.conversations().models();
        String override = ctx.header("x-openclaw-model");
        String modelRef = agentTurn ? (override == null || override.isBlank() ? null
                : catalog.resolveKnown(override.strip()).id().toString())
                : catalog.resolveKnown(model).id().toString();
        String sessionId = Ids.newId("msgs");
        NewSession template = new NewSession(sessionId, null, agent, null, p.ownerId(), null, null);
        TurnOptions options = new TurnOptions(req.options(), req.tools(), !agentTurn);
        TurnRequest turn = new TurnRequest(sessionId, p.ownerFilter(), true, template, modelRef, req.messages(),
                req.temperature(), req.maxTokens(), null, options).from(Origins.of("api", p));
        String id = "msg_" + Ids.newId("m").substring(2);
        if (req.stream()) {
            stream(ctx, turn, options, id, model);
            return;
        }
        TurnResult r = services.conversations().runTurn(turn);
        Http.addProviderTime(ctx, r.providerNanos());
        ChatResponse answer = r.response() != null ? r.response()
                : new ChatResponse(r.reply().content(), model, r.usage(), r.finishReason());
        ObjectNode out = message(id, model);
        ArrayNode content = out.putArray("content");
        if (answer.reasoning() != null) {
            content.addObject().put("type", "thinking").put("thinking", answer.reasoning()).put("signature", "");
        }
        if (!answer.text().isEmpty() || !answer.hasToolCalls()) {
            content.addObject().put("type", "text").put("text", answer.text());
        }
        for (ToolCall c : answer.toolCalls()) {
            content.add(toolUse(c, input(c.argumentsJson())));
        }
        out.put("stop_reason", stopReason(r.finishReason()));
        out.putNull("stop_sequence");
        out.set("usage", usage(r.usage()));
        Http.json(ctx, 200, out);
    }

    private void stream(Context ctx, TurnRequest turn, TurnOptions options, String id, String model) {
        SseStream sse = new SseStream(ctx);
        Blocks blocks = new Blocks(sse, options, id, model);
        TurnResult r;
        try {
            r = services.conversations().streamTurn(turn, blocks);
            Http.addProviderTime(ctx, r.providerNanos());
        } catch (RuntimeException e) {
            if (!sse.started()) {
                throw e;
            }
            OpenClawException error = ErrorMapper.toOpenClaw(e, ctx);
            send(sse, "error", ErrorMapper.body(Dialect.ANTHROPIC, error));
            return;
        }
        blocks.open(id, model);
        ChatResponse answer = r.response();
        if (answer != null) {
            for (ToolCall c : answer.toolCalls()) {
                if (!blocks.streamed.contains(c.id())) {
                    blocks.startTool(c.id(), c.name());
                    blocks.delta(Json.obj().put("type", "input_json_delta").put("partial_json", c.argumentsJson()));
                }
            }
        }
        blocks.close();
        ObjectNode delta = Json.obj().put("type", "message_delta");
        delta.putObject("delta").put("stop_reason", stopReason(r.finishReason())).putNull("stop_sequence");
        delta.set("usage", usage(r.usage()));
        send(sse, "message_delta", delta);
        send(sse, "message_stop", Json.obj().put("type", "message_stop"));
    }

    /** Turns the listener's calls into Anthropic content blocks, one open at a time. */
    private static final class Blocks implements StreamListener {
        private final SseStream sse;
        private final TurnOptions options;
        private final Set<String> streamed = new HashSet<>();
        private final Map<Integer, Boolean> clientIndex = new HashMap<>();
        private String openType;
        private int index = -1;
        private boolean started;
        private final String id;
        private final String model;

        Blocks(SseStream sse, TurnOptions options, String id, String model) {
            this.sse = sse;
            this.options = options;
            this.id = id;
            this.model = model;
        }

        void open(String messageId, String messageModel) {
            if (started) {
                return;
            }
            started = true;
            ObjectNode start = Json.obj().put("type", "message_start");
            ObjectNode m = message(messageId, messageModel);
            m.putArray("content");
            m.putNull("stop_reason");
            m.putNull("stop_sequence");
            m.set("usage", usage(Usage.ZERO));
            start.set("message", m);
            send(sse, "message_start", start);
        }

        void ensureOpen() {
            open(id, model);
        }

        void begin(String type, ObjectNode block) {
            ensureOpen();
            close();
            index++;
            openType = type;
            ObjectNode e = Json.obj().put("type", "content_block_start").put("index", index);
            e.set("content_block", block);
            send(sse, "content_block_start", e);
        }

        void startTool(String callId, String name) {
            streamed.add(callId);
            begin("tool_use", toolUse(new ToolCall(callId, name, "{}"), Json.obj()));
        }

        void delta(ObjectNode d) {
            ObjectNode e = Json.obj().put("type", "content_block_delta").put("index", index);
            e.set("delta", d);
            send(sse, "content_block_delta", e);
        }

        void close() {
            if (openType != null) {
                send(sse, "content_block_stop", Json.obj().put("type", "content_block_stop").put("index", index));
                openType = null;
            }
        }

        @Override
        public void onText(String text) {
            if (!"text".equals(openType)) {
                begin("text", Json.obj().put("type", "text").put("text", ""));
            }
            delta(Json.obj().put("type", "text_delta").put("text", text));
        }

        @Override
        public void onReasoning(String text) {
            if (!"thinking".equals(openType)) {
                begin("thinking", Json.obj().put("type", "thinking").put("thinking", ""));
            }
            delta(Json.obj().put("type", "thinking_delta").put("thinking", text));
        }

        @Override
        public void onToolCallDelta(int i, String callId, String name, String args) {
            Boolean mine = clientIndex.get(i);
            if (mine == null) {
                if (name == null) {
                    return;
                }
                mine = options.isClientTool(name);
                clientIndex.put(i, mine);
                if (mine) {
                    startTool(callId == null ? "toolu_" + Ids.newId("t").substring(2) : callId, name);
                }
            }
            if (mine && !args.isEmpty()) {
                delta(Json.obj().put("type", "input_json_delta").put("partial_json", args));
            }
        }

        @Override
        public void onToolResult(ToolCall call, String result, boolean error, long millis) {
            clientIndex.clear();
        }
    }

    private static void send(SseStream sse, String event, ObjectNode data) {
        sse.event(event, data.toString());
    }

    private static ObjectNode message(String id, String model) {
        ObjectNode o = Json.obj();
        o.put("id", id);
        o.put("type", "message");
        o.put("role", "assistant");
        o.put("model", model);
        return o;
    }

    private static ObjectNode toolUse(ToolCall c, JsonNode input) {
        ObjectNode o = Json.obj();
        o.put("type", "tool_use");
        o.put("id", c.id());
        o.put("name", c.name());
        o.set("input", input);
        return o;
    }

    private static JsonNode input(String json) {
        try {
            JsonNode n = MAPPER.readTree(json);
            return n != null && n.isObject() ? n : Json.obj();
        } catch (java.io.IOException e) {
            return Json.obj();
        }
    }

    private static String stopReason(String finish) {
        return switch (finish == null ? "stop" : finish) {
            case "length" -> "max_tokens";
            case "tool_calls" -> "tool_use";
            case "content_filter" -> "refusal";
            default -> "end_turn";
        };
    }

    private static ObjectNode usage(Usage u) {
        ObjectNode o = Json.obj();
        o.put("input_tokens", Math.max(0, u.inputTokens() - u.cachedTokens() - u.cacheCreationTokens()));
        o.put("cache_creation_input_tokens", u.cacheCreationTokens());
        o.put("cache_read_input_tokens", u.cachedTokens());
        o.put("output_tokens", u.outputTokens());
        return o;
    }
}
