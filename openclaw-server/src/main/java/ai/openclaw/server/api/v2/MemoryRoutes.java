package ai.openclaw.server.api.v2;

import ai.openclaw.auth.Principal;
import ai.openclaw.auth.Scopes;
import ai.openclaw.memory.MemoryFilter;
import ai.openclaw.memory.MemoryItem;
import ai.openclaw.memory.SearchHit;
import ai.openclaw.server.GatewayServices;
import ai.openclaw.server.http.Http;
import ai.openclaw.server.http.Json;
import ai.openclaw.server.http.JsonBody;
import ai.openclaw.server.http.MemoryParams;
import ai.openclaw.util.Page;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;

/**
 * Seed 003 {@code /v2/memories}, bare camelCase objects: create ({@code POST}, 201), list with pagination and
 * filters ({@code limit}, {@code page}/{@code offset}, {@code tags}, {@code type}, {@code agentId}, {@code source}),
 * get, update ({@code PATCH} or {@code PUT}), delete, and search ({@code GET} with query parameters or {@code POST}
 * with a body, {@code /v2/memories/search}).
 */
public final class MemoryRoutes {
    private final GatewayServices services;

    private MemoryRoutes(GatewayServices services) {
        this.services = services;
    }

    /** Registers the routes. */
    public static void register(RoutesConfig routes, GatewayServices services) {
        MemoryRoutes r = new MemoryRoutes(services);
        routes.get("/v2/memories/search", r::search);
        routes.post("/v2/memories/search", r::search);
        routes.post("/v2/memories", r::create);
        routes.get("/v2/memories", r::list);
        routes.get("/v2/memories/{id}", r::get);
        routes.patch("/v2/memories/{id}", r::update);
        routes.put("/v2/memories/{id}", r::update);
        routes.delete("/v2/memories/{id}", r::delete);
    }

    private void create(Context ctx) {
        Principal p = Http.require(ctx, Scopes.MEMORY_WRITE);
        JsonBody body = JsonBody.read(ctx, services.maxBodyBytes());
        MemoryItem m = services.memory().add(MemoryParams.newMemory(body, p, services.clock().instant()));
        Http.json(ctx, 201, MemoryParams.item(m));
    }

    private void list(Context ctx) {
        Principal p = Http.require(ctx, Scopes.MEMORY_READ);
        Http.Paging paging = Http.paging(ctx);
        MemoryFilter filter = MemoryParams.filter(ctx, null, p);
        Page<MemoryItem> page = services.memory().list(filter, paging.offset(), paging.limit());
        ArrayNode items = Json.arr();
        page.items().forEach(m -> items.add(MemoryParams.item(m)));
        ObjectNode out = Json.obj();
        out.set("memories", items);
        ObjectNode pg = out.putObject("pagination");
        pg.put("total", page.total());
        pg.put("page", paging.page());
        pg.put("limit", page.limit());
        pg.put("offset", page.offset());
        pg.put("hasMore", page.hasMore());
        Http.json(ctx, 200, out);
    }

    private void get(Context ctx) {
        Principal p = Http.require(ctx, Scopes.MEMORY_READ);
        Http.json(ctx, 200, MemoryParams.item(services.memory().get(ctx.pathParam("id"), p.ownerFilter())));
    }

    private void update(Context ctx) {
        Principal p = Http.require(ctx, Scopes.MEMORY_WRITE);
        JsonBody body = JsonBody.read(ctx, services.maxBodyBytes());
        MemoryItem m = services.memory().update(ctx.pathParam("id"), p.ownerFilter(),
                MemoryParams.patch(body, services.clock().instant()));
        Http.json(ctx, 200, MemoryParams.item(m));
    }

    private void delete(Context ctx) {
        Principal p = Http.require(ctx, Scopes.MEMORY_WRITE);
        String id = ctx.pathParam("id");
        services.memory().delete(id, p.ownerFilter());
        Http.json(ctx, 200, Json.obj().put("id", id).put("deleted", true));
    }

    private void search(Context ctx) {
        Principal p = Http.require(ctx, Scopes.MEMORY_READ);
        List<SearchHit> hits = services.memory().search(MemoryParams.search(ctx, p, services.maxBodyBytes()));
        ArrayNode results = Json.arr();
        hits.forEach(h -> results.add(MemoryParams.hit(h)));
        ObjectNode out = Json.obj();
        out.set("results", results);
        out.put("total", hits.size());
        Http.json(ctx, 200, out);
    }
}
