package ai.openclaw.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code webhooks:} section of config.yaml.
 *
 * @param enabled whether events are delivered at all ({@code webhooks.enabled}, default true)
 * @param allowPrivateTargets whether loopback/private URLs are allowed ({@code webhooks.allowPrivateTargets})
 * @param timeout the per-attempt timeout ({@code webhooks.timeoutMs}, default 10 s)
 * @param maxAttempts attempts before giving up ({@code webhooks.maxAttempts}, default 8)
 * @param baseBackoff the first retry delay, doubled per attempt ({@code webhooks.backoffMs}, default 1 s)
 * @param maxBackoff the longest retry delay ({@code webhooks.maxBackoffMs}, default 1 h)
 * @param pollInterval how often the outbox is scanned for due deliveries ({@code webhooks.pollMs}, default 1 s)
 * @param endpoints the endpoints of {@code webhooks.endpoints[]}
 * @param retention how long delivered and failed deliveries stay in the log ({@code webhooks.retentionDays},
 *     default 30 days)
 * @param concurrency how many endpoints are sent to at once ({@code webhooks.concurrency}, default 16); each
 *     endpoint's deliveries go one after another, in order
 */
public record WebhookSettings(boolean enabled, boolean allowPrivateTargets, Duration timeout, int maxAttempts,
                              Duration baseBackoff, Duration maxBackoff, Duration pollInterval,
                              List<WebhookEndpoint> endpoints, Duration retention, int concurrency) {
    /** Validates and copies. */
    public WebhookSettings {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("config: webhooks.maxAttempts must be >= 1");
        }
        endpoints = List.copyOf(endpoints);
        if (concurrency < 1) {
            throw new IllegalArgumentException("config: webhooks.concurrency must be >= 1");
        }
    }

    /**
     * Reads the section from the resolved config tree.
     *
     * @throws IllegalArgumentException naming the config path for an endpoint without url or secret
     */
    public static WebhookSettings from(JsonNode root) {
        JsonNode w = root.path("webhooks");
        List<WebhookEndpoint> endpoints = new ArrayList<>();
        JsonNode list = w.path("endpoints");
        for (int i = 0; i < list.size(); i++) {
            JsonNode e = list.get(i);
            String path = "webhooks.endpoints[" + i + "]";
            String url = e.path("url").asText("");
            String secret = e.path("secret").asText("");
            if (url.isBlank() || secret.isBlank()) {
                throw new IllegalArgumentException("config: " + path + " needs a url and a secret");
            }
            Set<String> events = new LinkedHashSet<>();
            JsonNode ev = e.path("events");
            if (ev.isTextual()) {
                events.add(ev.asText());
            } else {
                ev.forEach(n -> events.add(n.asText()));
            }
            if (events.isEmpty()) {
                throw new IllegalArgumentException("config: " + path + ".events must list at least one event "
                        + "(or \"*\" for all)");
            }
            for (String name : events) {
                if (!WebhookEvents.ALL.contains(name)) {
                    throw new IllegalArgumentException("config: " + path + ".events names an unknown event '" + name
                            + "'");
                }
            }
            String id = "cfg_" + stableId(i + ":" + url);
            endpoints.add(new WebhookEndpoint(id, url, events, secret, "gateway", true, null, true, Instant.EPOCH));
        }
        return new WebhookSettings(w.path("enabled").asBoolean(true), w.path("allowPrivateTargets").asBoolean(
                w.path("allow_private_targets").asBoolean(false)),
                Duration.ofMillis(w.path("timeoutMs").asLong(10_000)), w.path("maxAttempts").asInt(8),
                Duration.ofMillis(w.path("backoffMs").asLong(1_000)),
                Duration.ofMillis(w.path("maxBackoffMs").asLong(3_600_000)),
                Duration.ofMillis(w.path("pollMs").asLong(1_000)), endpoints,
                Duration.ofDays(w.path("retentionDays").asLong(30)), w.path("concurrency").asInt(16));
    }

    private static String stableId(String text) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(
                    text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
