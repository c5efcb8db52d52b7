package ai.openclaw.server;

import ai.openclaw.auth.RateLimitConfig;
import ai.openclaw.config.ConfigDocument;
import ai.openclaw.config.GatewayConfig;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows {@code config.yaml} while the gateway runs (issue 13): checks the file every {@code gateway.reload.pollMs}
 * (default 1000; {@code gateway.reload.enabled: false} turns it off) and, when its content changed and is a valid
 * config, applies what can change live — the gateway token ({@code gateway.auth.token}, unless
 * {@code OPENCLAW_GATEWAY_TOKEN} is set), the rate limits and plans ({@code gateway.rate_limit}: keys' new plans and
 * limits apply from their next request), CORS ({@code gateway.cors}) and the config's webhooks ({@code webhooks}:
 * endpoints, events, secrets, retries; the sender count and poll interval stay), the models ({@code models}:
 * providers, the default model, fallbacks; turns already running finish on their model) — and logs every other changed
 * section as needing a restart. An invalid file is logged and ignored: the running config stays.
 */
final class ConfigReloader implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("openclaw.config");
    private static final Set<String> LIVE = Set.of("gateway.auth", "gateway.rate_limit", "gateway.rateLimit",
            "gateway.cors", "gateway.reload", "webhooks", "models");
    private static final JsonNode EMPTY = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    private final Path file;
    private final Map<String, String> env;
    private final GatewayServices services;
    private final GatewayHttp http;
    private final ScheduledExecutorService timer;
    private volatile byte[] seen;
    private volatile JsonNode applied;

    private ConfigReloader(Path file, Map<String, String> env, GatewayServices services, GatewayHttp http) {
        this.file = file;
        this.env = env;
        this.services = services;
        this.http = http;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "openclaw-config-reload");
            t.setDaemon(true);
            return t;
        });
        this.seen = read();
        this.applied = services.config().tree();
    }

    /**
     * Starts following the config file of a running gateway.
     *
     * @return the reloader ({@link #close()} stops it), or null when {@code gateway.reload.enabled} is false
     */
    static ConfigReloader start(Path file, Map<String, String> env, GatewayServices services, GatewayHttp http) {
        JsonNode r = services.config().tree().path("gateway").path("reload");
        if (!r.path("enabled").asBoolean(true)) {
            return null;
        }
        long every = Math.max(100, r.path("pollMs").asLong(1000));
        ConfigReloader c = new ConfigReloader(file, env, services, http);
        c.timer.scheduleWithFixedDelay(c::check, every, every, TimeUnit.MILLISECONDS);
        return c;
    }

    private byte[] read() {
        try {
            return Files.isRegularFile(file) ? Files.readAllBytes(file) : new byte[0];
        } catch (IOException e) {
            return seen;
        }
    }

    private void check() {
        try {
            byte[] now = read();
            if (now == null || Arrays.equals(now, seen)) {
                return;
            }
            seen = now;
            ConfigDocument doc = ConfigDocument.load(file, env);
            GatewayConfig next = GatewayConfig.from(doc);
            RateLimitConfig limits = RateLimitConfig.from(next);
            ai.openclaw.webhook.WebhookSettings hooks = ai.openclaw.webhook.WebhookSettings.from(next.tree());
            JsonNode oldModels = applied.path("models");
            ai.openclaw.llm.ModelCatalog models = oldModels.equals(next.tree().path("models")) ? null
                    : ai.openclaw.provider.Providers.catalog(next);
            apply(next, limits, hooks, models);
        } catch (RuntimeException e) {
            LOG.warn("config change in {} not applied (the running config stays): {}", file, e.getMessage());
        }
    }

    private void apply(GatewayConfig next, RateLimitConfig limits, ai.openclaw.webhook.WebhookSettings hooks,
                       ai.openclaw.llm.ModelCatalog models) {
        JsonNode before = applied;
        JsonNode after = next.tree();
        List<String> changed = changed(before, after);
        if (changed.isEmpty()) {
            return;
        }
        List<String> live = new ArrayList<>();
        List<String> restart = new ArrayList<>();
        for (String c : changed) {
            (LIVE.contains(c) ? live : restart).add(c);
        }
        if (changed.contains("gateway.auth")) {
            String envToken = env.get("OPENCLAW_GATEWAY_TOKEN");
            if (envToken != null && !envToken.isBlank()) {
                LOG.info("config: gateway.auth.token changed but OPENCLAW_GATEWAY_TOKEN is set and takes precedence");
            } else if (next.token() == null || next.token().isBlank()) {
                LOG.warn("config: gateway.auth.token was removed; the gateway keeps its current token");
            } else {
                services.auth().setGatewayToken(next.token());
            }
        }
        services.limits().reconfigure(limits);
        if (changed.contains("webhooks")) {
            services.background().webhooks().reconfigure(hooks);
        }
        if (models != null) {
            services.conversations().models().replaceWith(models);
        }
        http.reconfigure(next);
        services.configDocument().reload();
        applied = after;
        if (!live.isEmpty()) {
            LOG.info("config reloaded from {}: applied {}", file, String.join(", ", live));
        }
        if (!restart.isEmpty()) {
            LOG.warn("config: {} changed in {}; restart the gateway to apply it", String.join(", ", restart), file);
        }
    }

    /** The changed sections: top-level keys, and {@code gateway.*} one level down. */
    static List<String> changed(JsonNode before, JsonNode after) {
        Set<String> keys = new LinkedHashSet<>();
        before.fieldNames().forEachRemaining(keys::add);
        after.fieldNames().forEachRemaining(keys::add);
        List<String> out = new ArrayList<>();
        for (String k : keys) {
            JsonNode a = before.path(k);
            JsonNode b = after.path(k);
            if (a.equals(b)) {
                continue;
            }
            if (k.equals("gateway") && (a.isObject() || a.isMissingNode()) && (b.isObject() || b.isMissingNode())) {
                for (String sub : changed(a.isMissingNode() ? EMPTY : a, b.isMissingNode() ? EMPTY : b)) {
                    out.add("gateway." + sub);
                }
            } else {
                out.add(k);
            }
        }
        return out;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
