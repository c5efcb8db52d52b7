package ai.openclaw.server.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One MCP server the gateway uses as a tool source (config {@code mcp.servers.<name>}, issue 16): either a local
 * process speaking MCP over stdio ({@code command}, {@code args}, {@code env}) or a remote Streamable HTTP endpoint
 * ({@code url}, {@code headers}). Its tools join the registry as {@code <name>__<tool>}.
 *
 * @param name the server's name, 1–32 letters, digits, {@code _} or {@code -} (not containing {@code __})
 * @param command the executable for stdio, or null for HTTP
 * @param args its arguments; never null
 * @param env extra environment variables for the process; never null
 * @param url the Streamable HTTP endpoint (e.g. {@code https://host/mcp}), or null for stdio
 * @param headers HTTP headers sent with every request (e.g. {@code Authorization}); never null
 * @param timeout how long one request to the server may take
 */
public record McpServerSpec(String name, String command, List<String> args, Map<String, String> env, String url,
                            Map<String, String> headers, Duration timeout) {
    /** Validates the fields: a name, and exactly one of {@code command} and {@code url}. */
    public McpServerSpec {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[A-Za-z0-9_-]{1,32}") || name.contains("__")) {
            throw new IllegalArgumentException("mcp.servers: server name '" + name
                    + "' must be 1-32 letters, digits, _ or - (without '__')");
        }
        if ((command == null) == (url == null)) {
            throw new IllegalArgumentException("mcp.servers." + name + ": give either 'command' (stdio) or 'url' "
                    + "(Streamable HTTP), not " + (command == null ? "neither" : "both"));
        }
        args = List.copyOf(args);
        env = Map.copyOf(env);
        headers = Map.copyOf(headers);
        Objects.requireNonNull(timeout, "timeout");
    }

    /**
     * The servers a config names under {@code mcp.servers} (or the common {@code mcpServers} spelling), in order.
     *
     * @param config the whole config tree
     * @return the servers; empty when none are configured
     * @throws IllegalArgumentException naming the config path of a malformed entry
     */
    public static List<McpServerSpec> fromConfig(JsonNode config) {
        JsonNode servers = config.path("mcp").path("servers");
        if (servers.isMissingNode() || servers.isNull()) {
            servers = config.path("mcpServers");
        }
        List<McpServerSpec> out = new ArrayList<>();
        if (servers.isMissingNode() || servers.isNull()) {
            return out;
        }
        if (!servers.isObject()) {
            throw new IllegalArgumentException("mcp.servers must be a map of server name to {command, args, env} or "
                    + "{url, headers}");
        }
        servers.fields().forEachRemaining(e -> {
            JsonNode s = e.getValue();
            String path = "mcp.servers." + e.getKey();
            if (!s.isObject()) {
                throw new IllegalArgumentException(path + " must be an object");
            }
            List<String> args = new ArrayList<>();
            s.path("args").forEach(a -> args.add(a.asText()));
            int seconds = s.path("timeoutSeconds").asInt(60);
            if (seconds < 1) {
                throw new IllegalArgumentException(path + ".timeoutSeconds must be at least 1");
            }
            out.add(new McpServerSpec(e.getKey(), text(s, "command"), args, strings(s.path("env")), text(s, "url"),
                    strings(s.path("headers")), Duration.ofSeconds(seconds)));
        });
        return out;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
    }

    private static Map<String, String> strings(JsonNode n) {
        Map<String, String> out = new LinkedHashMap<>();
        n.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }
}
