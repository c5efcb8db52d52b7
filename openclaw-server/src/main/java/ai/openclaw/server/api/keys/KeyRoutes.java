package ai.openclaw.server.api.keys;

import ai.openclaw.auth.ApiKey;
import ai.openclaw.auth.GeneratedKey;
import ai.openclaw.auth.KeyLimits;
import ai.openclaw.auth.Principal;
import ai.openclaw.auth.RateLimitPolicy;
import ai.openclaw.auth.Scopes;
import ai.openclaw.error.OpenClawException;
import ai.openclaw.server.GatewayServices;
import ai.openclaw.server.http.Http;
import ai.openclaw.server.http.Json;
import ai.openclaw.server.http.JsonBody;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * API key management over gateway v1 (admin scope; seed 002 keys, issue "Access control"):
 * {@code POST /api/v1/keys} (the secret is in the answer once), {@code GET /api/v1/keys},
 * {@code GET /api/v1/keys/{idOrName}}, {@code PATCH /api/v1/keys/{idOrName}} (plan and limit overrides) and
 * {@code DELETE /api/v1/keys/{idOrName}} (revoke; the key stops working at once).
 */
public final class KeyRoutes {
    private static final Pattern DURATION = Pattern.compile("(\\d{1,6})([dhms])");
    private final GatewayServices services;

    private KeyRoutes(GatewayServices services) {
        this.services = services;
    }

    /** Registers the routes. */
    public static void register(RoutesConfig routes, GatewayServices services) {
        KeyRoutes r = new KeyRoutes(services);
        routes.post("/api/v1/keys", r::create);
        routes.get("/api/v1/keys", r::list);
        routes.get("/api/v1/keys/{key}", r::get);
        routes.patch("/api/v1/keys/{key}", r::update);
        routes.delete("/api/v1/keys/{key}", r::revoke);
    }

    private void create(Context ctx) {
        Http.require(ctx, Scopes.ADMIN);
        JsonBody body = JsonBody.read(ctx, services.maxBodyBytes());
        String name = body.requireText("name");
        Set<String> scopes = scopes(body);
        Duration ttl = expiry(body);
        KeyLimits limits = KeyLimits.fromJson(body.node().get("limits"), "limits");
        GeneratedKey g = services.auth().generate(name, scopes, body.optText("plan"), ttl, limits,
                body.optText("tenant"));
        ObjectNode view = view(g.key());
        view.put("key", g.secret());
        Http.envelope(ctx, 201, view);
    }

    private void list(Context ctx) {
        Http.require(ctx, Scopes.ADMIN);
        List<ApiKey> keys = services.auth().list();
        ArrayNode items = Json.arr();
        keys.forEach(k -> items.add(view(k)));
        ObjectNode data = Json.obj();
        data.set("keys", items);
        data.put("total", keys.size());
        Http.envelope(ctx, 200, data);
    }

    private void get(Context ctx) {
        Http.require(ctx, Scopes.ADMIN);
        Http.envelope(ctx, 200, view(services.auth().find(ctx.pathParam("key"))));
    }

    private void update(Context ctx) {
        Http.require(ctx, Scopes.ADMIN);
        JsonBody body = JsonBody.read(ctx, services.maxBodyBytes());
        String plan = body.optText("plan");
        KeyLimits limits = body.node().has("limits")
                ? KeyLimits.fromJson(body.node().get("limits"), "limits") : null;
        Http.envelope(ctx, 200, view(services.auth().update(ctx.pathParam("key"), plan, limits)));
    }

    private void revoke(Context ctx) {
        Principal p = Http.require(ctx, Scopes.ADMIN);
        ApiKey k = services.auth().find(ctx.pathParam("key"));
        if (k.id().equals(p.id())) {
            throw OpenClawException.conflict("a key cannot revoke itself; use another admin credential");
        }
        Http.envelope(ctx, 200, view(services.auth().revoke(k.id())));
    }

    private ObjectNode view(ApiKey k) {
        ObjectNode o = Json.obj();
        Instant now = services.clock().instant();
        o.put("id", k.id());
        o.put("name", k.name());
        o.put("prefix", k.prefix());
        ArrayNode scopes = o.putArray("scopes");
        k.scopes().stream().sorted().forEach(scopes::add);
        o.put("plan", k.plan());
        o.put("tenant", k.tenant());
        o.put("status", k.statusAt(now));
        o.put("createdAt", Json.time(k.createdAt()));
        o.put("lastUsedAt", Json.time(k.lastUsedAt()));
        o.put("expiresAt", Json.time(k.expiresAt()));
        o.put("revokedAt", Json.time(k.revokedAt()));
        ObjectNode limits = o.putObject("limits");
        k.limits().toMap(true).forEach(limits::put);
        RateLimitPolicy policy = services.limits().policyFor(k.principal());
        ObjectNode effective = o.putObject("effectiveLimits");
        long[] values = policy.values();
        for (int i = 0; i < values.length; i++) {
            effective.put(KeyLimits.CAMEL_NAMES[i], values[i]);
        }
        return o;
    }

    private static Set<String> scopes(JsonBody body) {
        JsonNode v = body.node().get("scopes");
        Set<String> out = new LinkedHashSet<>();
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isTextual()) {
            for (String s : v.textValue().split(",")) {
                if (!s.isBlank()) {
                    out.add(s.strip());
                }
            }
            return out;
        }
        if (!v.isArray()) {
            throw OpenClawException.invalid("field 'scopes' must be an array of strings");
        }
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isTextual()) {
                throw OpenClawException.invalid("field 'scopes[" + i + "]' must be a string");
            }
            out.add(v.get(i).textValue());
        }
        return out;
    }

    private static Duration expiry(JsonBody body) {
        Long seconds = body.optLong("expiresIn", 1, 100L * 365 * 24 * 3600);
        if (seconds != null) {
            return Duration.ofSeconds(seconds);
        }
        String text = body.optText("expires");
        if (text == null) {
            return null;
        }
        Matcher m = DURATION.matcher(text.strip());
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw OpenClawException.invalid("field 'expires' must look like 90d, 12h, 30m or 45s; got '" + text + "'");
        }
        long n = Long.parseLong(m.group(1));
        return Map.of("d", Duration.ofDays(n), "h", Duration.ofHours(n), "m", Duration.ofMinutes(n),
                "s", Duration.ofSeconds(n)).get(m.group(2));
    }
}
