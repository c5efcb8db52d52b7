package ai.openclaw.server.api.v2;

import ai.openclaw.auth.Principal;
import ai.openclaw.auth.Scopes;
import ai.openclaw.server.GatewayServices;
import ai.openclaw.server.http.Http;
import ai.openclaw.server.http.Json;
import ai.openclaw.server.http.JsonBody;
import ai.openclaw.util.Page;
import ai.openclaw.webhook.WebhookDelivery;
import ai.openclaw.webhook.WebhookEndpoint;
import ai.openclaw.webhook.WebhookService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;

/**
 * Seed 003 webhooks, camelCase: {@code POST /v2/webhooks} ({@code url}, {@code events}, {@code secret}), list, get,
 * delete, and {@code GET /v2/webhooks/{id}/deliveries} (the delivery log). The secret is shown only on creation.
 */
public final class WebhookRoutes {
    private final GatewayServices services;

    private WebhookRoutes(GatewayServices services) {
        this.services = services;
    }

    /** Registers the routes. */
    public static void register(RoutesConfig routes, GatewayServices services) {
        WebhookRoutes r = new WebhookRoutes(services);
        routes.post("/v2/webhooks", r::create);
        routes.get("/v2/webhooks", r::list);
        routes.get("/v2/webhooks/{id}", r::get);
        routes.delete("/v2/webhooks/{id}", r::delete);
        routes.get("/v2/webhooks/{id}/deliveries", r::deliveries);
    }

    private WebhookService webhooks() {
        return services.background().webhooks();
    }

    private void create(Context ctx) {
        Principal p = Http.require(ctx, Scopes.TASKS);
        JsonBody body = JsonBody.read(ctx, services.maxBodyBytes());
        String url = body.requireText("url");
        ArrayNode events = body.optArray("events");
        if (events == null) {
            throw ai.openclaw.error.OpenClawException.invalid("field 'events' is required");
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            if (!events.get(i).isTextual()) {
                throw ai.openclaw.error.OpenClawException.invalid("field 'events[" + i + "]' must be a string");
            }
            names.add(events.get(i).asText());
        }
        WebhookEndpoint e = webhooks().create(url, names, body.optText("secret"), p.ownerId());
        ObjectNode out = view(e);
        out.put("secret", e.secret());
        Http.json(ctx, 201, out);
    }

    private void list(Context ctx) {
        Principal p = Http.require(ctx, Scopes.TASKS);
        ArrayNode items = Json.arr();
        webhooks().list(p.ownerFilter()).forEach(e -> items.add(view(e)));
        Http.json(ctx, 200, Json.obj().set("webhooks", items));
    }

    private void get(Context ctx) {
        Principal p = Http.require(ctx, Scopes.TASKS);
        Http.json(ctx, 200, view(webhooks().get(ctx.pathParam("id"), p.ownerFilter())));
    }

    private void delete(Context ctx) {
        Principal p = Http.require(ctx, Scopes.TASKS);
        String id = ctx.pathParam("id");
        webhooks().delete(id, p.ownerFilter());
        Http.json(ctx, 200, Json.obj().put("id", id).put("deleted", true));
    }

    private void deliveries(Context ctx) {
        Principal p = Http.require(ctx, Scopes.TASKS);
        Http.Paging paging = Http.paging(ctx);
        Page<WebhookDelivery> page = webhooks().deliveries(ctx.pathParam("id"), p.ownerFilter(), paging.offset(),
                paging.limit());
        ArrayNode items = Json.arr();
        page.items().forEach(d -> items.add(delivery(d)));
        ObjectNode out = Json.obj();
        out.set("deliveries", items);
        out.set("pagination", Json.obj().put("total", page.total()).put("offset", page.offset())
                .put("limit", page.limit()).put("hasMore", page.hasMore()));
        Http.json(ctx, 200, out);
    }

    static ObjectNode view(WebhookEndpoint e) {
        ObjectNode o = Json.obj();
        o.put("id", e.id());
        o.put("url", e.url());
        ArrayNode ev = o.putArray("events");
        e.events().stream().sorted().forEach(ev::add);
        o.put("enabled", e.enabled());
        o.put("source", e.fromConfig() ? "config" : "api");
        if (e.disabledReason() != null) {
            o.put("disabledReason", e.disabledReason());
        }
        o.put("createdAt", e.fromConfig() ? null : Json.time(e.createdAt()));
        return o;
    }

    static ObjectNode delivery(WebhookDelivery d) {
        ObjectNode o = Json.obj();
        o.put("id", d.id());
        o.put("event", d.event());
        o.put("status", d.status());
        o.put("attempts", d.attempts());
        if (d.lastStatus() != null) {
            o.put("lastStatus", d.lastStatus());
        } else {
            o.putNull("lastStatus");
        }
        o.put("lastError", d.lastError());
        o.put("nextAttemptAt", WebhookDelivery.PENDING.equals(d.status()) ? Json.time(d.nextAttemptAt()) : null);
        o.put("createdAt", Json.time(d.createdAt()));
        o.put("deliveredAt", Json.time(d.deliveredAt()));
        JsonNode payload;
        try {
            payload = Json.MAPPER.readTree(d.body());
        } catch (java.io.IOException ex) {
            payload = Json.MAPPER.getNodeFactory().textNode(d.body());
        }
        o.set("payload", payload);
        return o;
    }
}
