package ai.openclaw.server.api.mcp;

import ai.openclaw.auth.Principal;
import ai.openclaw.auth.Scopes;
import ai.openclaw.server.GatewayServices;
import ai.openclaw.server.http.Http;
import ai.openclaw.tool.ToolDescriptor;
import ai.openclaw.util.Deferred;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

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
     * Registers {@code POST}, {@code GET} and {@code DELETE /mcp}. The tool list is taken now; the MCP server is
     * built on {@code prepare} (start-up does not wait for it; the first request does if it comes first).
     *
     * @param routes the router
     * @param services the gateway
     * @param prepare where to build the MCP server
     */
    public static void register(RoutesConfig routes, GatewayServices services, Executor prepare) {
        List<ToolDescriptor> registered = services.agents().tools().list();
        Deferred<Served> served = Deferred.of("the MCP server", () -> {
            JacksonMcpJsonMapper json = new JacksonMcpJsonMapper(new com.fasterxml.jackson.databind.ObjectMapper());
            HttpServletStreamableServerTransportProvider transport = transport(services, json);
            return new Served(server(transport, services, new McpFeatures(services, json), registered), transport);
        }).prepareOn(prepare);
        io.javalin.http.Handler handler = ctx -> serve(ctx, served.get().transport());
        routes.post(PATH, handler);
        routes.get(PATH, handler);
        routes.delete(PATH, handler);
    }

    /** The MCP server and the transport that hands it the requests. */
    private record Served(McpSyncServer server, HttpServletStreamableServerTransportProvider transport) {
        Served {
            java.util.Objects.requireNonNull(server, "server");
            java.util.Objects.requireNonNull(transport, "transport");
        }
    }

    private static HttpServletStreamableServerTransportProvider transport(GatewayServices services,
                                                                          JacksonMcpJsonMapper json) {
        return HttpServletStreamableServerTransportProvider.builder()
                .jsonMapper(json)
                .mcpEndpoint(PATH)
                .keepAliveInterval(Duration.ofSeconds(25))
                .maxRequestSize((int) Math.min(Integer.MAX_VALUE, services.maxBodyBytes()))
                .contextExtractor(req -> McpTransportContext.create(Map.of(PRINCIPAL,
                        req.getAttribute(PRINCIPAL))))
                .build();
    }

    private static McpSyncServer server(HttpServletStreamableServerTransportProvider transport,
                                        GatewayServices services, McpFeatures features,
                                        List<ToolDescriptor> registered) {
        return McpServer.sync(transport)
                .serverInfo(new McpSchema.Implementation("openclaw-gateway", services.version()))
                .instructions("The OpenClaw gateway: its tools and skills, long-term memory, chat with an agent "
                        + "(tool 'chat'), sessions as resources and agents' system prompts as prompts.")
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).resources(false, false)
                        .prompts(false).logging().build())
                .requestTimeout(services.agents().limits().turnTimeout().plusSeconds(30))
                .tools(features.tools(registered))
                .resources(features.resources())
                .resourceTemplates(features.resourceTemplates())
                .prompts(features.prompts())
                .build();
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
