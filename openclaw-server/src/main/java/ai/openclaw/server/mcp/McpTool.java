package ai.openclaw.server.mcp;

import ai.openclaw.tool.Tool;
import ai.openclaw.tool.ToolContext;
import ai.openclaw.tool.ToolDescriptor;
import com.fasterxml.jackson.databind.JsonNode;

/** A tool of an MCP server, registered as {@code <server>__<tool>} (kind {@code mcp}); calls go to its connection. */
final class McpTool implements Tool {
    private final ToolDescriptor descriptor;
    private final McpConnection connection;
    private final String remoteName;

    McpTool(ToolDescriptor descriptor, McpConnection connection, String remoteName) {
        this.descriptor = descriptor;
        this.connection = connection;
        this.remoteName = remoteName;
    }

    @Override
    public ToolDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public JsonNode execute(JsonNode args, ToolContext context) {
        return connection.call(remoteName, args);
    }
}
