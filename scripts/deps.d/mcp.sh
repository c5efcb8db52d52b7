# MCP (issue 16): the official TypeScript SDK's client drives the gateway's /mcp server (McpServerTest), and two
# reference MCP servers are configured as the gateway's MCP servers (McpClientTest).
NPM_PACKAGES+=(@modelcontextprotocol/sdk@1.32.2 @modelcontextprotocol/server-filesystem@2026.8.31 @modelcontextprotocol/server-everything@2026.8.31)
