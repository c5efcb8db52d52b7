package ai.openclaw.server.api.tasks;

import ai.openclaw.auth.Principal;
import ai.openclaw.auth.Scopes;
import ai.openclaw.server.GatewayServices;
import ai.openclaw.server.http.Http;
import ai.openclaw.server.http.Json;
import ai.openclaw.server.http.JsonBody;
import ai.openclaw.task.Task;
import ai.openclaw.task.TaskService;
import ai.openclaw.util.Page;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * Seed 000 tasks, snake_case: {@code POST /v1/tasks} → {@code {id, name, status:"pending", created_at,
 * updated_at}}, {@code GET /v1/tasks/{id}} (+ {@code progress}, {@code result}, {@code error}),
 * {@code DELETE /v1/tasks/{id}} (cancel), {@code GET /v1/tasks?status=&limit=&offset=}.
 */
public final class TaskRoutes {
    private final GatewayServices services;

    private TaskRoutes(GatewayServices services) {
        this.services = services;
    }

    /** Registers the routes. */
    public static void register(RoutesConfig routes, GatewayServices services) {
        TaskRoutes r = new TaskRoutes(services);
        routes.post("/v1/tasks", r::create);
        routes.get("/v1/tasks", r::list);
        routes.get("/v1/tasks/{id}", r::get);
        routes.delete("/v1/tasks/{id}", r::cancel);
    }

    private TaskService tasks() {
        return services.background().tasks();
    }

    private void create(Context ctx) {
        Principal p = Http.require(ctx, Scopes.TASKS);
        Task t = tasks().submit(TaskRequests.parse(ctx, JsonBody.read(ctx, services.maxBodyBytes()), services));
        ObjectNode out = TaskRequests.snake(t);
        TaskRequests.addCallbackSecret(out, t, "secret");
        Http.json(ctx, 201, out);
    }

    private void list(Context ctx) {
        Principal p = Http.require(ctx, Scopes.TASKS);
        Http.Paging paging = Http.paging(ctx);
        Page<Task> page = tasks().list(p.ownerFilter(), TaskRequests.status(ctx.queryParam("status")),
                paging.offset(), paging.limit());
        ArrayNode items = Json.arr();
        page.items().forEach(t -> items.add(TaskRequests.snake(t)));
        ObjectNode out = Json.obj();
        out.set("tasks", items);
        out.put("total", page.total());
        out.put("limit", page.limit());
        out.put("offset", page.offset());
        out.put("has_more", page.hasMore());
        Http.json(ctx, 200, out);
    }

    private void get(Context ctx) {
        Principal p = Http.require(ctx, Scopes.TASKS);
        Http.json(ctx, 200, TaskRequests.snake(tasks().get(ctx.pathParam("id"), p.ownerFilter())));
    }

    private void cancel(Context ctx) {
        Principal p = Http.require(ctx, Scopes.TASKS);
        Http.json(ctx, 200, TaskRequests.snake(tasks().cancel(ctx.pathParam("id"), p.ownerFilter())));
    }
}
