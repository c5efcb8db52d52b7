package ai.openclaw.server.api.openai;

import ai.openclaw.auth.Principal;
import ai.openclaw.auth.Scopes;
import ai.openclaw.error.OpenClawException;
import ai.openclaw.llm.ChatMessage;
import ai.openclaw.llm.ModelCatalog;
import ai.openclaw.llm.StreamListener;
import ai.openclaw.llm.ToolCall;
import ai.openclaw.llm.Usage;
import ai.openclaw.server.GatewayServices;
import ai.openclaw.server.http.ErrorMapper;
import ai.openclaw.server.http.Http;
import ai.openclaw.server.http.Json;
import ai.openclaw.server.http.JsonBody;
import ai.openclaw.server.http.Origins;
import ai.openclaw.server.http.SseStream;
import ai.openclaw.session.Message;
import ai.openclaw.session.NewSession;
import ai.openclaw.session.ToolMessages;
import ai.openclaw.session.TurnOptions;
import ai.openclaw.session.TurnRequest;
import ai.openclaw.session.TurnResult;
import ai.openclaw.util.Ids;
import ai.openclaw.util.Page;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * OpenAI's Responses API over the conversation core: {@code POST /v1/responses} (whole, or streamed as its
 * semantic events {@code response.created} … {@code response.output_text.delta} …
 * {@code response.function_call_arguments.delta} … {@code response.completed}) and {@code GET /v1/responses/{id}}.
 * Every response is a turn of a stored session: {@code previous_response_id} continues that session. A response id
 * names its session and reply message ({@code resp_<hex of "session|message">}), so it survives restarts. Models and
 * agents are chosen as on {@code /v1/chat/completions}; function tools are the client's ({@code function_call}
 * output items, never run here).
 */
public final class ResponsesRoutes {
    private final GatewayServices services;

    private ResponsesRoutes(GatewayServices services) {
        this.services = services;
    }

    /** Registers the routes. */
    public static void register(RoutesConfig routes, GatewayServices services) {
        ResponsesRoutes r = new ResponsesRoutes(services);
        routes.post("/v1/responses", r::create);
        routes.get("/v1/responses/<id>", r::get);
    }

    private void create(Context ctx) {
        Principal p = Http.require(ctx, Scopes.CHAT);
        ResponsesInput req = ResponsesInput.read(JsonBody.read(ctx, services.maxBodyBytes()).node());
        String model = req.model();
        String agent = model.startsWith("openclaw/") ? model.substring(9) : model.startsWith("agent:")
                ? model.substring(6) : null;
        String header = ctx.header(ChatCompletionRoutes.AGENT_HEADER);
        if (header != null && !header.isBlank()) {
            agent = header.strip();
        }
        boolean agentTurn = agent != null || model.equals("openclaw");
        ModelCatalog catalog = services.conversations().models();
        String override = ctx.header(ChatCompletionRoutes.MODEL_HEADER);
        String modelRef = agentTurn ? (override == null || override.isBlank() ? null
                : catalog.resolveKnown(override.strip()).id().toString())
                : catalog.resolveKnown(model).id().toString();
        List<ChatMessage> input = new ArrayList<>();
        if (req.instructions() != null) {
            input.add(ChatMessage.system(req.instructions()));
        }
        input.addAll(req.input());
        String sessionId;
        boolean create;
        if (req.previousResponseId() != null) {
            sessionId = decode(req.previousResponseId())[0];
            services.conversations().getSession(sessionId, p.ownerFilter());
            create = false;
        } else {
            sessionId = Ids.newId("resp");
            create = true;
        }
        NewSession template = create ? new NewSession(sessionId, null, agent, null, p.ownerId(), null, null) : null;
        TurnOptions options = new TurnOptions(req.options(), req.tools(), !agentTurn);
        TurnRequest turn = new TurnRequest(sessionId, p.ownerFilter(), create, template, modelRef, input,
                req.temperature(), req.maxTokens(), null, options).from(Origins.of("api", p));
        long created = services.clock().instant().getEpochSecond();
        if (req.stream()) {
            stream(ctx, turn, options, req, created);
            return;
        }
        TurnResult r = services.conversations().runTurn(turn);
        Http.addProviderTime(ctx, r.providerNanos());
        Http.json(ctx, 200, response(encode(sessionId, r.reply().id()), created, req.model(), "completed",
                answer(r), r.usage(), req.echo()));
    }

    private void get(Context ctx) {
        Principal p = Http.require(ctx, Scopes.CHAT);
        String id = ctx.pathParam("id");
        String[] parts = decode(id);
        Message reply = null;
        for (int offset = 0; reply == null; offset += 200) {
            Page<Message> page = services.conversations().messages(parts[0], p.ownerFilter(), offset, 200);
            for (Message m : page.items()) {
                if (m.id().equals(parts[1])) {
                    reply = m;
                }
            }
            if (!page.hasMore()) {
                break;
            }
        }
        if (reply == null) {
            throw OpenClawException.notFound("response", id);
        }
        String model = reply.model() == null ? "openclaw" : reply.model();
        Http.json(ctx, 200, response(id, reply.createdAt().getEpochSecond(), model, "completed",
                ToolMessages.decode(reply), reply.usage(), Json.obj()));
    }

    private void stream(Context ctx, TurnRequest turn, TurnOptions options, ResponsesInput req, long created) {
        SseStream sse = new SseStream(ctx);
        Events events = new Events(sse, options, req, created);
        TurnResult r;
        try {
            events.start();
            r = services.conversations().streamTurn(turn, events);
            Http.addProviderTime(ctx, r.providerNanos());
        } catch (RuntimeException e) {
            OpenClawException error = ErrorMapper.toOpenClaw(e, ctx);
            ObjectNode failed = Json.obj().put("type", "error").put("sequence_number", events.seq++);
            failed.put("code", error.code().name()).put("message", error.getMessage()).putNull("param");
            sse.event("error", failed.toString());
            return;
        }
        ChatMessage answer = answer(r);
        events.finish(answer, response(encode(turn.sessionId(), r.reply().id()), created, req.model(), "completed",
                answer, r.usage(), req.echo()));
    }

    /** The streamed semantic events, one output item open at a time. */
    private final class Events implements StreamListener {
        private final SseStream sse;
        private final TurnOptions options;
        private final ResponsesInput req;
        private final long created;
        private final String pendingId = "resp_" + Ids.newId("p").substring(2);
        int seq;
        private int outputIndex = -1;
        private String itemId;
        private String openType;
        private final StringBuilder buffer = new StringBuilder();
        private ToolCall openCall;
        private final java.util.Map<Integer, Boolean> clientIndex = new java.util.HashMap<>();
        private final java.util.Set<String> streamed = new java.util.HashSet<>();

        Events(SseStream sse, TurnOptions options, ResponsesInput req, long created) {
            this.sse = sse;
            this.options = options;
            this.req = req;
            this.created = created;
        }

        void send(String type, ObjectNode e) {
            e.put("type", type);
            e.put("sequence_number", seq++);
            sse.event(type, e.toString());
        }

        void start() {
            ObjectNode pending = response(pendingId, created, req.model(), "in_progress", null, Usage.ZERO,
                    req.echo());
            send("response.created", Json.obj().set("response", pending));
            send("response.in_progress", Json.obj().set("response", pending));
        }

        private void openMessage() {
            close();
            outputIndex++;
            itemId = "msg_" + Ids.newId("m").substring(2);
            openType = "message";
            ObjectNode item = Json.obj().put("type", "message").put("id", itemId).put("status", "in_progress")
                    .put("role", "assistant");
            item.putArray("content");
            send("response.output_item.added", Json.obj().put("output_index", outputIndex).set("item", item));
            ObjectNode part = Json.obj().put("type", "output_text").put("text", "");
            part.putArray("annotations");
            send("response.content_part.added", Json.obj().put("item_id", itemId).put("output_index", outputIndex)
                    .put("content_index", 0).set("part", part));
        }

        private void openCall(String callId, String name) {
            close();
            outputIndex++;
            itemId = "fc_" + Ids.newId("f").substring(2);
            openType = "function_call";
            openCall = new ToolCall(callId, name, "{}");
            streamed.add(callId);
            ObjectNode item = Json.obj().put("type", "function_call").put("id", itemId).put("call_id", callId)
                    .put("name", name).put("arguments", "").put("status", "in_progress");
            send("response.output_item.added", Json.obj().put("output_index", outputIndex).set("item", item));
        }

        private void close() {
            if (openType == null) {
                return;
            }
            String text = buffer.toString();
            if (openType.equals("message")) {
                send("response.output_text.done", Json.obj().put("item_id", itemId).put("output_index", outputIndex)
                        .put("content_index", 0).put("text", text));
                ObjectNode part = Json.obj().put("type", "output_text").put("text", text);
                part.putArray("annotations");
                send("response.content_part.done", Json.obj().put("item_id", itemId).put("output_index", outputIndex)
                        .put("content_index", 0).set("part", part));
                send("response.output_item.done", Json.obj().put("output_index", outputIndex)
                        .set("item", messageItem(itemId, text)));
            } else {
                send("response.function_call_arguments.done", Json.obj().put("item_id", itemId)
                        .put("output_index", outputIndex).put("arguments", text));
                send("response.output_item.done", Json.obj().put("output_index", outputIndex).set("item",
                        callItem(itemId, new ToolCall(openCall.id(), openCall.name(), text))));
            }
            openType = null;
            buffer.setLength(0);
        }

        @Override
        public void onText(String delta) {
            if (!"message".equals(openType)) {
                openMessage();
            }
            buffer.append(delta);
            send("response.output_text.delta", Json.obj().put("item_id", itemId).put("output_index", outputIndex)
                    .put("content_index", 0).put("delta", delta));
        }

        @Override
        public void onToolCallDelta(int index, String id, String name, String args) {
            Boolean mine = clientIndex.get(index);
            if (mine == null) {
                if (name == null) {
                    return;
                }
                mine = options.isClientTool(name);
                clientIndex.put(index, mine);
                if (mine) {
                    openCall(id == null ? "call_" + Ids.newId("c").substring(2) : id, name);
                }
            }
            if (mine && !args.isEmpty()) {
                buffer.append(args);
                send("response.function_call_arguments.delta", Json.obj().put("item_id", itemId)
                        .put("output_index", outputIndex).put("delta", args));
            }
        }

        @Override
        public void onToolResult(ToolCall call, String result, boolean error, long millis) {
            clientIndex.clear();
        }

        void finish(ChatMessage answer, ObjectNode done) {
            for (ToolCall c : answer.toolCalls()) {
                if (!streamed.contains(c.id())) {
                    openCall(c.id(), c.name());
                    buffer.append(c.argumentsJson());
                    send("response.function_call_arguments.delta", Json.obj().put("item_id", itemId)
                            .put("output_index", outputIndex).put("delta", c.argumentsJson()));
                }
            }
            close();
            done.put("id", done.path("id").asText());
            send("response.completed", Json.obj().set("response", done));
        }
    }

    private static ChatMessage answer(TurnResult r) {
        if (r.response() != null && r.response().hasToolCalls()) {
            return ChatMessage.assistantToolCalls(r.response().text(), r.response().toolCalls());
        }
        return ChatMessage.assistant(r.response() != null ? r.response().text() : r.reply().content());
    }

    private static ObjectNode response(String id, long created, String model, String status, ChatMessage answer,
                                       Usage usage, ObjectNode echo) {
        ObjectNode o = Json.obj();
        o.put("id", id);
        o.put("object", "response");
        o.put("created_at", created);
        o.put("status", status);
        o.putNull("error");
        o.putNull("incomplete_details");
        o.put("model", model);
        ArrayNode output = o.putArray("output");
        if (answer != null) {
            if (!answer.content().isEmpty() || !answer.hasToolCalls()) {
                output.add(messageItem("msg_" + Ids.newId("m").substring(2), answer.content()));
            }
            for (ToolCall c : answer.toolCalls()) {
                output.add(callItem("fc_" + Ids.newId("f").substring(2), c));
            }
        }
        o.put("parallel_tool_calls", true);
        o.put("tool_choice", "auto");
        o.putArray("tools");
        o.putObject("metadata");
        o.putNull("previous_response_id");
        echo.fields().forEachRemaining(e -> o.set(e.getKey(), e.getValue()));
        if (answer != null) {
            ObjectNode u = o.putObject("usage");
            u.put("input_tokens", usage.inputTokens());
            u.putObject("input_tokens_details").put("cached_tokens", usage.cachedTokens());
            u.put("output_tokens", usage.outputTokens());
            u.putObject("output_tokens_details").put("reasoning_tokens", usage.reasoningTokens());
            u.put("total_tokens", usage.totalTokens());
        } else {
            o.putNull("usage");
        }
        return o;
    }

    private static ObjectNode messageItem(String id, String text) {
        ObjectNode item = Json.obj().put("type", "message").put("id", id).put("status", "completed")
                .put("role", "assistant");
        ObjectNode part = item.putArray("content").addObject().put("type", "output_text").put("text", text);
        part.putArray("annotations");
        return item;
    }

    private static ObjectNode callItem(String id, ToolCall c) {
        return Json.obj().put("type", "function_call").put("id", id).put("call_id", c.id()).put("name", c.name())
                .put("arguments", c.argumentsJson()).put("status", "completed");
    }

    static String encode(String sessionId, String messageId) {
        return "resp_" + HexFormat.of().formatHex((sessionId + "|" + messageId).getBytes(StandardCharsets.UTF_8));
    }

    static String[] decode(String responseId) {
        try {
            if (responseId.startsWith("resp_")) {
                String s = new String(HexFormat.of().parseHex(responseId.substring(5)), StandardCharsets.UTF_8);
                int bar = s.indexOf('|');
                if (bar > 0 && Ids.isSafeId(s.substring(0, bar))) {
                    return new String[] {s.substring(0, bar), s.substring(bar + 1)};
                }
            }
        } catch (IllegalArgumentException e) {
            // not one of ours
        }
        throw OpenClawException.notFound("response", responseId.length() > 80 ? responseId.substring(0, 80)
                : responseId);
    }

}
