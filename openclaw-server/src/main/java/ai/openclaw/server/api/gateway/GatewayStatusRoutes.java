package ai.openclaw.server.api.gateway;

import ai.openclaw.auth.Principal;
import ai.openclaw.auth.Scopes;
import ai.openclaw.config.ConfigDocument;
import ai.openclaw.error.OpenClawException;
import ai.openclaw.server.GatewayServices;
import ai.openclaw.server.http.Http;
import ai.openclaw.server.http.Json;
import ai.openclaw.session.ConversationStats;
import ai.openclaw.session.SessionStats;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.function.IntSupplier;

/**
 * Gateway v1 status and config: seed 001 {@code GET /api/v1/status} and {@code GET /api/v1/config/:path}
 * (secrets redacted), seed 004 {@code GET /api/v1/system/status}. The status counts are instance-wide only for
 * callers with the {@code status} scope (the gateway token and admin keys hold it); other keys see their own.
 */
public final class GatewayStatusRoutes {
    private final GatewayServices services;
    private final IntSupplier port;

    private GatewayStatusRoutes(GatewayServices services, IntSupplier port) {
        this.services = services;
        this.port = port;
    }

    /**
     * Registers the routes.
     *
     * @param port the port the server actually listens on (known only after start)
     */
    public static void register(RoutesConfig routes, GatewayServices services, IntSupplier port) {
        GatewayStatusRoutes r = new GatewayStatusRoutes(services, port);
        routes.get("/api/v1/status", r::status);
        routes.get("/api/v1/system/status", r::systemStatus);
        routes.get("/api/v1/config", ctx -> r.config(ctx, ""));
        routes.get("/api/v1/config/<path>", ctx -> r.config(ctx, ctx.pathParam("path")));
    }

    private void status(Context ctx) {
        Principal p = Http.principal(ctx);
        boolean instance = p.has(Scopes.STATUS);
        SessionStats counts = instance ? services.conversations().stats().sessions()
                : services.conversations().sessionStats(p.ownerId());
        ObjectNode data = Json.obj();
        ObjectNode gateway = data.putObject("gateway");
        gateway.put("status", "running");
        gateway.put("version", services.version());
        gateway.put("uptime", uptime().toSeconds());
        gateway.put("startedAt", Json.time(services.startedAt()));
        gateway.put("port", port.getAsInt());
        data.set("models", models());
        ObjectNode sessions = data.putObject("sessions");
        sessions.put("active", counts.active());
        sessions.put("total", counts.total());
        data.put("countsScope", instance ? "instance" : "owner");
        Http.envelope(ctx, 200, data);
    }

    /**
     * Seed 004's system status. With the {@code status} (or {@code admin}) scope the counts are the whole gateway's;
     * any other key gets its own sessions, messages and tokens only, without the instance-wide {@code queueDepth},
     * {@code turnsInFlight} and {@code contextUsage} ({@code countsScope} says which).
     */
    private void systemStatus(Context ctx) {
        Principal p = Http.principal(ctx);
        boolean instance = p.has(Scopes.STATUS);
        ConversationStats stats = instance ? services.conversations().stats() : null;
        SessionStats counts = instance ? stats.sessions() : services.conversations().sessionStats(p.ownerId());
        ObjectNode data = Json.obj();
        data.put("gateway", "running");
        data.put("version", services.version());
        data.put("uptime", uptime().toSeconds() + "s");
        ObjectNode resources = data.putObject("resources");
        resources.put("tokenUsage", counts.tokenUsage());
        if (instance) {
            resources.put("contextUsage", stats.contextUsage());
            resources.put("queueDepth", stats.queueDepth());
            resources.put("turnsInFlight", stats.turnsInFlight());
        }
        ObjectNode sessions = data.putObject("sessions");
        sessions.put("active", counts.active());
        sessions.put("total", counts.total());
        sessions.put("messages", counts.messages());
        data.set("models", models());
        data.put("countsScope", instance ? "instance" : "owner");
        Http.envelope(ctx, 200, data);
    }

    private void config(Context ctx, String path) {
        Http.require(ctx, Scopes.ADMIN);
        JsonNode node = effectiveConfig();
        boolean secret = false;
        if (!path.isBlank()) {
            for (String part : path.split("[./]")) {
                if (part.isEmpty()) {
                    continue;
                }
                node = node.isObject() ? node.get(part) : null;
                if (node == null) {
                    throw OpenClawException.notFound("config path", path);
                }
                secret |= ConfigDocument.isSecretKey(part);
            }
        }
        if (secret && node.isValueNode() && !node.isNull()) {
            node = com.fasterxml.jackson.databind.node.TextNode.valueOf(ConfigDocument.REDACTED);
        }
        Http.envelope(ctx, 200, ConfigDocument.redact(node));
    }

    /** The config file's values overlaid with the effective settings (so an empty file still answers). */
    private JsonNode effectiveConfig() {
        ObjectNode root = services.configDocument().resolved();
        ObjectNode gateway = root.with("gateway");
        gateway.put("port", port.getAsInt());
        gateway.put("bind", services.config().bind());
        if (!gateway.has("mode")) {
            gateway.put("mode", "local");
        }
        ObjectNode auth = gateway.with("auth");
        if (!auth.has("type")) {
            auth.put("type", "bearer");
        }
        auth.put("token", "set");
        gateway.put("max_body_bytes", services.config().maxBodyBytes());
        ObjectNode models = root.with("models");
        models.put("default", services.conversations().models().defaultModel().toString());
        return root;
    }

    private ObjectNode models() {
        var catalog = services.conversations().models();
        ObjectNode models = Json.obj();
        models.put("available", catalog.knownModels().size());
        models.put("default", catalog.defaultModel().toString());
        models.put("providers", catalog.providers().size());
        if (catalog.defaultIsOffline()) {
            models.put("offline", true);
            models.put("note", "builtin/offline is not a language model: configure a provider under "
                    + "models.providers and set models.default to get real answers");
        } else {
            models.put("offline", false);
        }
        return models;
    }

    private Duration uptime() {
        return Duration.between(services.startedAt(), services.clock().instant());
    }
}
