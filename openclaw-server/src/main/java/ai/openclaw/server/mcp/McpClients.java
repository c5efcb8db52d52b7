package ai.openclaw.server.mcp;

import ai.openclaw.error.OpenClawException;
import ai.openclaw.tool.ToolDescriptor;
import ai.openclaw.tool.ToolRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway as an MCP client (issue 16): for each server in {@code mcp.servers}, its tools join the tool registry
 * under {@code <server>__<tool>} — listed by {@code GET /v1/tools} and {@code /v2/skills}, callable by
 * {@code /tools/invoke} and offered to agents by the same tool policy as built-in tools. Servers are started in the
 * background once the gateway runs (start-up never waits on them); a server that is down is retried with backoff at
 * its next call, and its failures are tool errors.
 */
public final class McpClients implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("openclaw.mcp");
    private final List<McpConnection> connections;
    private final java.util.concurrent.ScheduledExecutorService starter;

    private McpClients(List<McpConnection> connections, java.util.concurrent.ScheduledExecutorService starter) {
        this.connections = connections;
        this.starter = starter;
    }

    /**
     * Reads {@code mcp.servers} and starts connecting to each server in the background.
     *
     * @param config the whole config tree
     * @param registry where the servers' tools are registered once listed
     * @param clock the time source for restart backoff
     * @return the clients (none when no server is configured)
     * @throws IllegalArgumentException for a malformed {@code mcp.servers} entry (the message names its path)
     */
    public static McpClients start(JsonNode config, ToolRegistry registry, Clock clock) {
        List<McpConnection> connections = new ArrayList<>();
        for (McpServerSpec spec : McpServerSpec.fromConfig(config)) {
            connections.add(new McpConnection(spec, clock));
        }
        java.util.concurrent.ScheduledExecutorService starter = Executors.newScheduledThreadPool(
                Math.max(1, connections.size()), Thread.ofVirtual().name("openclaw-mcp-start-", 0).factory());
        for (McpConnection c : connections) {
            starter.execute(() -> register(c, registry, starter, 1));
        }
        if (!connections.isEmpty()) {
            LOG.info("MCP servers configured: {}", connections.stream().map(McpConnection::name).toList());
        }
        return new McpClients(connections, starter);
    }

    /** Lists a server's tools and registers them; a failed listing is retried later (up to 8 times, backing off). */
    private static void register(McpConnection c, ToolRegistry registry,
                                 java.util.concurrent.ScheduledExecutorService starter, int attempt) {
        try {
            List<ToolDescriptor> tools = c.listTools();
            for (ToolDescriptor d : tools) {
                registry.register(new McpTool(d, c, d.name().substring(c.name().length() + 2)));
            }
            LOG.info("MCP server '{}': {} tools registered", c.name(), tools.size());
        } catch (OpenClawException e) {
            LOG.warn("MCP server '{}' could not be listed (attempt {}): {}", c.name(), attempt, e.getMessage());
            if (attempt < 8 && !starter.isShutdown()) {
                starter.schedule(() -> register(c, registry, starter, attempt + 1), Math.min(60, 2L << attempt),
                        java.util.concurrent.TimeUnit.SECONDS);
            }
        }
    }

    /** Stops every server process and closes every connection. */
    @Override
    public void close() {
        starter.shutdownNow();
        connections.forEach(McpConnection::close);
    }
}
