package ai.openclaw.server.api.gateway;

import ai.openclaw.auth.Principal;
import ai.openclaw.auth.Scopes;
import ai.openclaw.memory.MemoryItem;
import ai.openclaw.memory.SearchHit;
import ai.openclaw.server.GatewayServices;
import ai.openclaw.server.http.Http;
import ai.openclaw.server.http.Json;
import ai.openclaw.server.http.JsonBody;
import ai.openclaw.server.http.MemoryParams;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;

/**
 * Seed 001 memory, in the gateway envelope: {@code GET /api/v1/memory/search} (query string or JSON body; also
 * {@code POST}) → {@code {results:[{content, score, source, keywordScore, vectorScore, id, tags, …}]}};
 * {@code POST /api/v1/memory} ({@code content}, {@code tags}, {@code type}) → {@code {memoryId, createdAt}};
 * {@code GET}/{@code DELETE /api/v1/memory/{id}}. Scopes: {@code memory:read}, {@code memory:write}.
 */
public final class GatewayMemoryRoutes {
    private final GatewayServices services;

    private GatewayMemoryRoutes(GatewayServices services) {
        this.services = services;
    }

    /** Registers the routes. */
    public static void register(RoutesConfig routes, GatewayServices services) {
        GatewayMemoryRoutes r = new GatewayMemoryRoutes(services);
        routes.get("/api/v1/memory/search", r::search);
        routes.post("/api/v1/memory/search", r::search);
        routes.post("/api/v1/memory", r::add);
        routes.get("/api/v1/memory/{id}", r::get);
        routes.delete("/api/v1/memory/{id}", r::delete);
    }

    private void search(Context ctx) {
        Principal p = Http.require(ctx, Scopes.MEMORY_READ);
        List<SearchHit> hits = services.memory().search(MemoryParams.search(ctx, p, services.maxBodyBytes()));
        ArrayNode results = Json.arr();
        hits.forEach(h -> results.add(MemoryParams.hit(h)));
        ObjectNode data = Json.obj();
        data.set("results", results);
        Http.envelope(ctx, 200, data);
    }

    private void add(Context ctx) {
        Principal p = Http.require(ctx, Scopes.MEMORY_WRITE);
        JsonBody body = JsonBody.read(ctx, services.maxBodyBytes());
        MemoryItem m = services.memory().add(MemoryParams.newMemory(body, p, services.clock().instant()));
        ObjectNode data = Json.obj();
        data.put("memoryId", m.id());
        data.put("createdAt", Json.time(m.createdAt()));
        data.put("type", m.type().wireName());
        Http.envelope(ctx, 200, data);
    }

    private void get(Context ctx) {
        Principal p = Http.require(ctx, Scopes.MEMORY_READ);
        Http.envelope(ctx, 200, MemoryParams.item(services.memory().get(ctx.pathParam("id"), p.ownerFilter())));
    }

    private void delete(Context ctx) {
        Principal p = Http.require(ctx, Scopes.MEMORY_WRITE);
        String id = ctx.pathParam("id");
        services.memory().delete(id, p.ownerFilter());
        Http.envelope(ctx, 200, Json.obj().put("memoryId", id).put("deleted", true));
    }
}
