package ai.openclaw.server.mcp;

import ai.openclaw.error.ErrorCode;
import ai.openclaw.error.OpenClawException;
import ai.openclaw.tool.ToolDescriptor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's connection to one MCP server: started on first need, its tools listed, calls forwarded; when the
 * server dies (process exit, broken stream) the next call starts it again, no more often than an exponential backoff
 * (1 s doubling to 60 s) allows — meanwhile calls fail at once with a tool error, so a turn never waits on a dead
 * server. Thread-safe: connects and reconnects under the object's lock.
 */
final class McpConnection implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("openclaw.mcp");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(60);

    private final McpServerSpec spec;
    private final Clock clock;
    private McpSyncClient client;
    private Duration backoff = FIRST_BACKOFF;
    private Instant nextAttempt = Instant.MIN;
    private String lastError;

    McpConnection(McpServerSpec spec, Clock clock) {
        this.spec = spec;
        this.clock = clock;
    }

    String name() {
        return spec.name();
    }

    /**
     * Connects (if needed) and lists the server's tools as gateway tool descriptors named {@code <server>__<tool>}.
     *
     * @throws OpenClawException UPSTREAM_ERROR when the server cannot be started or listed
     */
    synchronized List<ToolDescriptor> listTools() {
        McpSyncClient c = connected();
        try {
            List<ToolDescriptor> out = new ArrayList<>();
            String cursor = null;
            do {
                McpSchema.ListToolsResult page = cursor == null ? c.listTools() : c.listTools(cursor);
                for (McpSchema.Tool t : page.tools()) {
                    String name = spec.name() + "__" + t.name();
                    if (!name.matches("[A-Za-z0-9_-]{1,64}")) {
                        LOG.warn("MCP server '{}': tool '{}' skipped (its gateway name would not be a valid tool "
                                + "name)", spec.name(), t.name());
                        continue;
                    }
                    JsonNode schema = t.inputSchema() == null ? null : JSON.valueToTree(t.inputSchema());
                    out.add(new ToolDescriptor(name, t.description(), null, schema, null, "mcp:" + spec.name(), "mcp",
                            spec.name()));
                }
                cursor = page.nextCursor();
            } while (cursor != null && !cursor.isBlank());
            return out;
        } catch (RuntimeException e) {
            throw died(e);
        }
    }

    /**
     * Calls a tool of the server.
     *
     * @param tool the server's own tool name
     * @param args the arguments object
     * @return the structured result when the server sends one, else {@code {"content": "<text>"}} (text parts joined)
     * @throws OpenClawException UPSTREAM_ERROR when the tool reports an error, or the server is down
     */
    JsonNode call(String tool, JsonNode args) {
        McpSyncClient c;
        synchronized (this) {
            c = connected();
        }
        McpSchema.CallToolResult r;
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> arguments = args == null ? Map.of() : JSON.convertValue(args, Map.class);
            r = c.callTool(new McpSchema.CallToolRequest(tool, arguments));
        } catch (McpError e) {
            throw new OpenClawException(ErrorCode.UPSTREAM_ERROR, "MCP server '" + spec.name() + "' refused tool '"
                    + tool + "': " + e.getMessage(), null, false, null);
        } catch (RuntimeException e) {
            synchronized (this) {
                throw died(e);
            }
        }
        StringBuilder text = new StringBuilder();
        if (r.content() != null) {
            for (McpSchema.Content part : r.content()) {
                if (part instanceof McpSchema.TextContent t) {
                    text.append(text.isEmpty() ? "" : "\n").append(t.text());
                }
            }
        }
        if (Boolean.TRUE.equals(r.isError())) {
            throw new OpenClawException(ErrorCode.UPSTREAM_ERROR, "MCP tool " + spec.name() + "__" + tool
                    + " failed: " + (text.isEmpty() ? "no message" : text), null, false, null);
        }
        if (r.structuredContent() != null) {
            return JSON.valueToTree(r.structuredContent());
        }
        ObjectNode out = JSON.createObjectNode();
        out.put("content", text.toString());
        return out;
    }

    /** The running client, starting the server when needed and the backoff allows. */
    private McpSyncClient connected() {
        if (client != null) {
            return client;
        }
        Instant now = clock.instant();
        if (now.isBefore(nextAttempt)) {
            throw new OpenClawException(ErrorCode.UPSTREAM_ERROR, "MCP server '" + spec.name() + "' is unavailable ("
                    + lastError + "); next restart attempt in "
                    + Math.max(1, Duration.between(now, nextAttempt).toSeconds()) + " s", null, true, null);
        }
        McpSyncClient c = McpClient.sync(transport()).requestTimeout(spec.timeout())
                .initializationTimeout(spec.timeout())
                .clientInfo(new McpSchema.Implementation("openclaw-gateway", "2026.11.0")).build();
        try {
            c.initialize();
        } catch (RuntimeException e) {
            c.close();
            throw died(e);
        }
        LOG.info("MCP server '{}' connected", spec.name());
        client = c;
        backoff = FIRST_BACKOFF;
        return c;
    }

    private McpClientTransport transport() {
        JacksonMcpJsonMapper mapper = new JacksonMcpJsonMapper(JSON);
        if (spec.command() != null) {
            ServerParameters params = ServerParameters.builder(spec.command()).args(spec.args()).env(spec.env())
                    .build();
            return new StdioClientTransport(params, mapper);
        }
        URI uri = URI.create(spec.url());
        String base = uri.getScheme() + "://" + uri.getRawAuthority();
        String endpoint = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/mcp" : uri.getRawPath();
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder();
        spec.headers().forEach(request::header);
        return HttpClientStreamableHttpTransport.builder(base).endpoint(endpoint).jsonMapper(mapper)
                .connectTimeout(Duration.ofSeconds(10)).requestBuilder(request).build();
    }

    /** Records a dead server: closes the client and schedules the next attempt after the backoff. */
    private OpenClawException died(RuntimeException e) {
        lastError = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (lastError.length() > 300) {
            lastError = lastError.substring(0, 300);
        }
        if (client != null) {
            try {
                client.close();
            } catch (RuntimeException ignored) {
                // already gone
            }
            client = null;
        }
        nextAttempt = clock.instant().plus(backoff);
        LOG.warn("MCP server '{}' is down ({}); next attempt in {} s", spec.name(), lastError, backoff.toSeconds());
        backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        return new OpenClawException(ErrorCode.UPSTREAM_ERROR, "MCP server '" + spec.name() + "' failed: "
                + lastError, null, true, null);
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            try {
                client.closeGracefully();
            } catch (RuntimeException ignored) {
                // shutting down
            }
            client = null;
        }
    }
}
