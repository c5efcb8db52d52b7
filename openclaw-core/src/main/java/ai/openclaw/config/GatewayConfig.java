package ai.openclaw.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The typed view of config.yaml that the gateway needs at start (DESIGN.md §4), with seed 002's spellings
 * ({@code gateway.api.port}, {@code gateway.api.host}, {@code gateway.auth.secret}) accepted as aliases.
 *
 * @param port the HTTP port; 0 picks a free one
 * @param bind {@code loopback}, {@code lan}, or an IP address
 * @param token the gateway token, or null when none is configured
 * @param corsEnabled whether CORS headers are sent
 * @param corsOrigins allowed origins
 * @param requestsPerMinute the per-key request rate
 * @param burst extra requests allowed in a burst
 * @param maxBodyBytes the largest request body accepted, in bytes
 * @param defaultModel the default {@code provider/model}, or null for {@code builtin/offline}
 * @param providers the configured model providers
 * @param tree the whole resolved config, for sections read by other modules
 */
public record GatewayConfig(int port, String bind, String token, boolean corsEnabled, List<String> corsOrigins,
                            int requestsPerMinute, int burst, long maxBodyBytes, String defaultModel,
                            List<ProviderConfig> providers, ObjectNode tree) {
    /** The default port (DESIGN.md §4). */
    public static final int DEFAULT_PORT = 18789;
    /** The default request body limit: 2 MiB. */
    public static final long DEFAULT_MAX_BODY_BYTES = 2L * 1024 * 1024;

    /** Validates the fields and copies the collections. */
    public GatewayConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("config: gateway.port must be 0-65535, got " + port);
        }
        Objects.requireNonNull(bind, "bind");
        corsOrigins = List.copyOf(corsOrigins);
        providers = List.copyOf(providers);
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("config: gateway.max_body_bytes must be > 0");
        }
        Objects.requireNonNull(tree, "tree");
    }

    /**
     * Reads the typed config from a document.
     *
     * @throws IllegalArgumentException naming the config path when a value has the wrong type or range
     */
    public static GatewayConfig from(ConfigDocument doc) {
        ObjectNode root = doc.resolved();
        JsonNode gw = root.path("gateway");
        int port = intAt(gw, "port", intAt(gw.path("api"), "port", DEFAULT_PORT, "gateway.api.port"), "gateway.port");
        String bind = text(gw, "bind", text(gw.path("api"), "host", "loopback"));
        String token = text(gw.path("auth"), "token", text(gw.path("auth"), "secret",
                text(root.path("auth"), "token", text(root.path("auth"), "secret", null))));
        JsonNode cors = gw.path("cors");
        boolean corsEnabled = cors.path("enabled").asBoolean(false);
        List<String> origins = new ArrayList<>();
        cors.path("origins").forEach(n -> origins.add(n.asText()));
        JsonNode rl = gw.path("rate_limit").isMissingNode() ? gw.path("rateLimit") : gw.path("rate_limit");
        int rpm = intAt(rl, "requests_per_minute", intAt(rl, "requestsPerMinute", 60, "gateway.rate_limit"),
                "gateway.rate_limit.requests_per_minute");
        int burst = intAt(rl, "burst", 10, "gateway.rate_limit.burst");
        long maxBody = longAt(gw, "max_body_bytes", DEFAULT_MAX_BODY_BYTES, "gateway.max_body_bytes");
        JsonNode models = root.path("models");
        String defaultModel = text(models, "default", null);
        List<ProviderConfig> providers = new ArrayList<>();
        JsonNode ps = models.path("providers");
        if (ps.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = ps.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                providers.add(provider(e.getKey(), e.getValue()));
            }
        }
        return new GatewayConfig(port, bind, token, corsEnabled, origins, rpm, burst, maxBody, defaultModel,
                providers, root);
    }

    private static ProviderConfig provider(String name, JsonNode p) {
        String path = "models.providers." + name;
        if (!p.isObject()) {
            throw new IllegalArgumentException("config: " + path + " must be a mapping");
        }
        String api = text(p, "api", ProviderConfig.OPENAI_COMPLETIONS);
        String baseUrl = text(p, "baseUrl", text(p, "base_url", text(p, "path", null)));
        String apiKey = text(p, "apiKey", text(p, "api_key", null));
        List<String> models = new ArrayList<>();
        p.path("models").forEach(m -> models.add(m.isObject() ? m.path("id").asText() : m.asText()));
        long timeoutMs = longAt(p, "timeoutMs", 120_000, path + ".timeoutMs");
        Map<String, String> headers = new LinkedHashMap<>();
        if (p.path("headers").isObject()) {
            p.path("headers").fields().forEachRemaining(h -> headers.put(h.getKey(), h.getValue().asText()));
        }
        return new ProviderConfig(name, api, baseUrl, apiKey, models, Duration.ofMillis(timeoutMs), headers);
    }

    private static String text(JsonNode node, String field, String fallback) {
        JsonNode v = node.path(field);
        if (v.isMissingNode() || v.isNull() || v.isContainerNode()) {
            return fallback;
        }
        String s = v.asText();
        return s.isBlank() ? fallback : s;
    }

    private static int intAt(JsonNode node, String field, int fallback, String path) {
        long v = longAt(node, field, fallback, path);
        if (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
            throw new IllegalArgumentException("config: " + path + " is out of range: " + v);
        }
        return (int) v;
    }

    private static long longAt(JsonNode node, String field, long fallback, String path) {
        JsonNode v = node.path(field);
        if (v.isMissingNode() || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
            return fallback;
        }
        if (v.isIntegralNumber()) {
            return v.asLong();
        }
        if (v.isTextual()) {
            try {
                return Long.parseLong(v.asText().trim());
            } catch (NumberFormatException e) {
                // fall through
            }
        }
        throw new IllegalArgumentException("config: " + path + " must be an integer, got '" + v.asText() + "'");
    }
}
