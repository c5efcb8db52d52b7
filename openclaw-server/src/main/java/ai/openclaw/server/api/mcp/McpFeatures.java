package ai.openclaw.server.api.mcp;

import ai.openclaw.agent.Agent;
import ai.openclaw.auth.Principal;
import ai.openclaw.auth.Scopes;
import ai.openclaw.error.OpenClawException;
import ai.openclaw.llm.ChatMessage;
import ai.openclaw.llm.StreamListener;
import ai.openclaw.llm.ToolCall;
import ai.openclaw.server.GatewayServices;
import ai.openclaw.server.http.Http;
import ai.openclaw.server.http.Origins;
import ai.openclaw.server.http.ToolCalls;
import ai.openclaw.session.Message;
import ai.openclaw.session.NewSession;
import ai.openclaw.session.Session;
import ai.openclaw.session.TurnRequest;
import ai.openclaw.session.TurnResult;
import ai.openclaw.tool.ToolDescriptor;
import ai.openclaw.tool.ToolExecution;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServerFeatures.SyncPromptSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the MCP server offers (issue 16), each over the same core services and owner rules as REST: the gateway's
 * tools and skills as MCP tools (run as {@code POST /tools/invoke} runs them), {@code chat} with an agent (streamed
 * as progress notifications when the client sends a {@code progressToken}), the caller's sessions as resources
 * ({@code openclaw://sessions} and {@code openclaw://sessions/{sessionId}}), and an agent's system prompt as the prompt
 * {@code agent}. Failures of a call are MCP tool errors ({@code isError: true}) naming the problem, never protocol
 * errors with internal detail.
 */
final class McpFeatures {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final GatewayServices services;
    private final McpJsonMapper mapper;

    McpFeatures(GatewayServices services, McpJsonMapper mapper) {
        this.services = services;
        this.mapper = mapper;
    }

    /** The gateway's registered tools and skills ({@code registered}: as listed at start), plus {@code chat}. */
    List<SyncToolSpecification> tools(List<ToolDescriptor> registered) {
        List<SyncToolSpecification> out = new ArrayList<>();
        for (ToolDescriptor d : registered) {
            McpSchema.Tool tool = McpSchema.Tool.builder().name(d.name()).description(d.description())
                    .inputSchema(mapper, d.inputSchema().toString()).build();
            out.add(SyncToolSpecification.builder().tool(tool)
                    .callHandler((ex, req) -> guarded(() -> runTool(ex, d.name(), req))).build());
        }
        McpSchema.Tool chat = McpSchema.Tool.builder().name("chat")
                .description("Send a message to an OpenClaw agent and get its reply (one agent turn, tools included). "
                        + "The reply streams as progress notifications when the request carries a progressToken.")
                .inputSchema(mapper, """
                        {"type":"object","properties":{
                          "message":{"type":"string","description":"the user message"},
                          "agentId":{"type":"string","description":"the agent for a new session (default main)"},
                          "sessionId":{"type":"string","description":"continue this session (default: mcp)"}},
                         "required":["message"]}""").build();
        out.add(SyncToolSpecification.builder().tool(chat).callHandler((ex, req) -> guarded(() -> chat(ex, req)))
                .build());
        return out;
    }

    /** {@code openclaw://sessions}: the caller's sessions. */
    List<SyncResourceSpecification> resources() {
        McpSchema.Resource list = new McpSchema.Resource("openclaw://sessions", "sessions", "Sessions",
                "The caller's sessions (newest first, up to 200)", "application/json", null, null, null);
        return List.of(new SyncResourceSpecification(list, (ex, req) -> {
            Principal p = caller(ex, Scopes.CHAT);
            var page = services.conversations().listSessions(p.ownerFilter(), 0, 200);
            var arr = JSON.createArrayNode();
            for (Session s : page.items()) {
                arr.addObject().put("id", s.id()).put("agentId", s.agentId()).put("messageCount", s.messageCount())
                        .put("updatedAt", s.updatedAt().toString()).put("uri", "openclaw://sessions/" + s.id());
            }
            return new McpSchema.ReadResourceResult(List.of(new McpSchema.TextResourceContents(req.uri(),
                    "application/json", arr.toString())));
        }));
    }

    /** {@code openclaw://sessions/{sessionId}}: one session's messages. */
    List<SyncResourceTemplateSpecification> resourceTemplates() {
        McpSchema.ResourceTemplate t = new McpSchema.ResourceTemplate("openclaw://sessions/{sessionId}", "session",
                "Session", "A session's messages, oldest first (up to 200)", "application/json", null);
        return List.of(new SyncResourceTemplateSpecification(t, (ex, req) -> {
            Principal p = caller(ex, Scopes.CHAT);
            String id = req.uri().substring("openclaw://sessions/".length());
            String stored = Http.sessionId(p, services.conversations(), java.net.URLDecoder.decode(id, java.nio.charset.StandardCharsets.UTF_8));
            var page = services.conversations().messages(stored, p.ownerFilter(), 0, 200);
            var arr = JSON.createArrayNode();
            for (Message m : page.items()) {
                arr.addObject().put("id", m.id()).put("role", m.role().name().toLowerCase(java.util.Locale.ROOT))
                        .put("type", m.type()).put("content", m.content()).put("createdAt", m.createdAt().toString());
            }
            return new McpSchema.ReadResourceResult(List.of(new McpSchema.TextResourceContents(req.uri(),
                    "application/json", arr.toString())));
        }));
    }

    /** {@code agent}: an agent's system prompt, as a system-style user message. */
    List<SyncPromptSpecification> prompts() {
        McpSchema.Prompt prompt = new McpSchema.Prompt("agent", "Agent system prompt",
                "The system prompt of an OpenClaw agent", List.of(new McpSchema.PromptArgument("agentId",
                "the agent's id (default main)", false)));
        return List.of(new SyncPromptSpecification(prompt, (ex, req) -> {
            Principal p = caller(ex, Scopes.CHAT);
            Object id = req.arguments() == null ? null : req.arguments().get("agentId");
            Agent a = services.agents().agents().get(id == null ? Agent.MAIN : id.toString(), p.ownerId());
            String text = a.systemPrompt() == null ? "" : a.systemPrompt();
            return new McpSchema.GetPromptResult("System prompt of agent " + a.id() + " (for " + p.name() + ")",
                    List.of(new McpSchema.PromptMessage(McpSchema.Role.USER, new McpSchema.TextContent(text))));
        }));
    }

    private McpSchema.CallToolResult runTool(McpSyncServerExchange ex, String name, McpSchema.CallToolRequest req) {
        Principal p = caller(ex, Scopes.CHAT);
        if (name.equals("memory_search")) {
            Http.requireScope(p, Scopes.MEMORY_READ);
        } else if (name.equals("memory_add")) {
            Http.requireScope(p, Scopes.MEMORY_WRITE);
        }
        JsonNode args = JSON.valueToTree(req.arguments() == null ? Map.of() : req.arguments());
        ToolExecution r = ToolCalls.run(services, p, name, args, null, "arguments.");
        String text = r.result().isTextual() ? r.result().asText() : r.result().toString();
        McpSchema.CallToolResult.Builder b = McpSchema.CallToolResult.builder().addTextContent(text);
        if (r.result().isObject()) {
            b.structuredContent(JSON.convertValue(r.result(), Map.class));
        }
        return b.build();
    }

    private McpSchema.CallToolResult chat(McpSyncServerExchange ex, McpSchema.CallToolRequest req) {
        Principal p = caller(ex, Scopes.CHAT);
        Map<String, Object> a = req.arguments() == null ? Map.of() : req.arguments();
        Object message = a.get("message");
        if (!(message instanceof String text) || text.isBlank()) {
            throw OpenClawException.invalid("field 'message' is required and must be a non-empty string");
        }
        String session = Http.sessionId(p, services.conversations(), a.get("sessionId") instanceof String s && !s.isBlank() ? s : "mcp");
        String agentId = a.get("agentId") instanceof String s && !s.isBlank() ? s : null;
        NewSession template = new NewSession(null, null, agentId, null, p.ownerId(), null, null);
        TurnRequest turn = new TurnRequest(session, p.ownerFilter(), false, null, null,
                List.of(ChatMessage.user(text)), null, null, null).creatingWith(template).from(Origins.of("mcp", p));
        Object token = req.meta() == null ? null : req.meta().get("progressToken");
        TurnResult r;
        if (token == null) {
            r = services.conversations().runTurn(turn);
        } else {
            AtomicInteger n = new AtomicInteger();
            r = services.conversations().streamTurn(turn, new StreamListener() {
                @Override
                public void onText(String delta) {
                    ex.progressNotification(new McpSchema.ProgressNotification(token, n.incrementAndGet(), null,
                            delta));
                }

                @Override
                public void onToolCall(ToolCall call) {
                    ex.progressNotification(new McpSchema.ProgressNotification(token, n.incrementAndGet(), null,
                            "[tool call] " + call.name()));
                }
            });
        }
        ObjectNode structured = JSON.createObjectNode().put("reply", r.reply().content())
                .put("sessionId", r.session().id()).put("messageId", r.reply().id()).put("model", r.model().toString());
        return McpSchema.CallToolResult.builder().addTextContent(r.reply().content())
                .structuredContent(JSON.convertValue(structured, Map.class)).build();
    }

    private static Principal caller(McpSyncServerExchange ex, String scope) {
        Object p = ex.transportContext().get(McpRoutes.PRINCIPAL);
        if (!(p instanceof Principal principal)) {
            throw OpenClawException.unauthorized("no credentials on this MCP session");
        }
        Http.requireScope(principal, scope);
        return principal;
    }

    /** Runs a call; an {@link OpenClawException} becomes a tool error result naming the problem. */
    private static McpSchema.CallToolResult guarded(java.util.function.Supplier<McpSchema.CallToolResult> call) {
        try {
            return call.get();
        } catch (OpenClawException e) {
            String details = e.details() == null ? "" : " (" + e.details() + ")";
            return McpSchema.CallToolResult.builder().addTextContent(e.code().name() + ": " + e.getMessage() + details)
                    .isError(true).build();
        }
    }
}
