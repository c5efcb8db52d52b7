package ai.openclaw.server.api.mcp;

import ai.openclaw.auth.Principal;
import ai.openclaw.auth.Scopes;
import ai.openclaw.server.GatewayServices;
import ai.openclaw.server.http.Http;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.Map;

/**
 * The MCP server at {@code /mcp} (issue 16): Model Context Protocol over Streamable HTTP (spec 2025-06-18), on the
 * official MCP Java SDK. The request passes the gateway's own front door first (credentials, scopes, rate limits:
 * the same {@code AccessControl} as every REST route), then the SDK's transport answers it; the caller travels to
 * the tool, resource and prompt handlers in the MCP transport context, so every call runs with the caller's scopes
 * and owner (see {@link McpFeatures}).
 */
public final class McpRoutes {
    /** The transport-context key holding the authenticated {@link Principal}. */
    static final String PRINCIPAL = "openclaw.principal";
    private static final String PATH = "/mcp";

    private McpRoutes() {
    }

    /**
     * Registers {@code POST}, {@code GET} and {@code DELETE /mcp}.
     *
     * @param routes the router
     * @param services the gateway
     * @return the MCP server, to close with the gateway
     */
    public static McpSyncServer register(RoutesConfig routes, GatewayServices services) {
        JacksonMcpJsonMapper json = new JacksonMcpJsonMapper(new com.fasterxml.jackson.databind.ObjectMapper());
        HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder()
                .jsonMapper(json)
                .mcpEndpoint(PATH)
                .keepAliveInterval(Duration.ofSeconds(25))
                .maxRequestSize((int) Math.min(Integer.MAX_VALUE, services.maxBodyBytes()))
                .contextExtractor(req -> McpTransportContext.create(Map.of(PRINCIPAL,
                        req.getAttribute(PRINCIPAL))))
                .build();
        McpFeatures features = new McpFeatures(services, json);
        McpSyncServer server = McpServer.sync(transport)
                .serverInfo(new McpSchema.Implementation("openclaw-gateway", services.version()))
                .instructions("The OpenClaw gateway: its tools and skills, long-term memory, chat with an agent "
                        + "(tool 'chat'), sessions as resources and agents' system prompts as prompts.")
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).resources(false, false)
                        .prompts(false).logging().build())
                .requestTimeout(services.agents().limits().turnTimeout().plusSeconds(30))
                .tools(features.tools())
                .resources(features.resources())
                .resourceTemplates(features.resourceTemplates())
                .prompts(features.prompts())
                .build();
        io.javalin.http.Handler handler = ctx -> serve(ctx, transport);
        routes.post(PATH, handler);
        routes.get(PATH, handler);
        routes.delete(PATH, handler);
        return server;
    }

    private static void serve(Context ctx, HttpServletStreamableServerTransportProvider transport) throws Exception {
        Principal p = Http.require(ctx, Scopes.CHAT);
        ctx.req().setAttribute(PRINCIPAL, p);
        ctx.attribute(Http.RENDERED, Boolean.TRUE);
        JsonRpcErrorResponse res = new JsonRpcErrorResponse(ctx.res());
        transport.service(ctx.req(), res);
        res.finish();
    }
}
