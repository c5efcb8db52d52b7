package ai.openclaw.server.api.v2;

import ai.openclaw.auth.Principal;
import ai.openclaw.auth.Scopes;
import ai.openclaw.server.GatewayServices;
import ai.openclaw.server.api.tasks.TaskRequests;
import ai.openclaw.server.http.Http;
import ai.openclaw.server.http.Json;
import ai.openclaw.server.http.JsonBody;
import ai.openclaw.server.http.SseStream;
import ai.openclaw.task.Task;
import ai.openclaw.task.TaskService;
import ai.openclaw.util.Page;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Seed 003 async tasks, camelCase, over the same tasks as {@code /v1/tasks}: {@code POST /v2/tasks} ({@code type},
 * {@code input}, {@code callback.url}/{@code headers}), {@code GET /v2/tasks/{taskId}} (with {@code completedAt}),
 * {@code DELETE} (cancel), a list, and {@code GET /v2/tasks/{taskId}/events}: SSE of the task after every change
 * ({@code event: task}), ending with {@code [DONE]} once it is finished.
 */
public final class AsyncTaskRoutes {
    private final GatewayServices services;

    private AsyncTaskRoutes(GatewayServices services) {
        this.services = services;
    }

    /** Registers the routes. */
    public static void register(RoutesConfig routes, GatewayServices services) {
        AsyncTaskRoutes r = new AsyncTaskRoutes(services);
        routes.post("/v2/tasks", r::create);
        routes.get("/v2/tasks", r::list);
        routes.get("/v2/tasks/{id}", r::get);
        routes.delete("/v2/tasks/{id}", r::cancel);
        routes.get("/v2/tasks/{id}/events", r::events);
    }

    private TaskService tasks() {
        return services.background().tasks();
    }

    private void create(Context ctx) {
        Principal p = Http.require(ctx, Scopes.TASKS);
        Task t = tasks().submit(TaskRequests.parse(ctx, JsonBody.read(ctx, services.maxBodyBytes()), services));
        ObjectNode out = TaskRequests.camel(t);
        TaskRequests.addCallbackSecret(out, t, "secret");
        Http.json(ctx, 201, out);
    }

    private void list(Context ctx) {
        Principal p = Http.require(ctx, Scopes.TASKS);
        Http.Paging paging = Http.paging(ctx);
        Page<Task> page = tasks().list(p.ownerFilter(), TaskRequests.status(ctx.queryParam("status")),
                paging.offset(), paging.limit());
        ArrayNode items = Json.arr();
        page.items().forEach(t -> items.add(TaskRequests.camel(t)));
        ObjectNode out = Json.obj();
        out.set("tasks", items);
        out.set("pagination", Json.obj().put("total", page.total()).put("page", paging.page())
                .put("limit", page.limit()).put("hasMore", page.hasMore()));
        Http.json(ctx, 200, out);
    }

    private void get(Context ctx) {
        Principal p = Http.require(ctx, Scopes.TASKS);
        Http.json(ctx, 200, TaskRequests.camel(tasks().get(ctx.pathParam("id"), p.ownerFilter())));
    }

    private void cancel(Context ctx) {
        Principal p = Http.require(ctx, Scopes.TASKS);
        Http.json(ctx, 200, TaskRequests.camel(tasks().cancel(ctx.pathParam("id"), p.ownerFilter())));
    }

    private void events(Context ctx) throws Exception {
        Principal p = Http.require(ctx, Scopes.TASKS);
        String id = ctx.pathParam("id");
        LinkedBlockingQueue<Task> updates = new LinkedBlockingQueue<>();
        try (AutoCloseable watch = tasks().watch(id, p.ownerFilter(), updates::add)) {
            SseStream sse = new SseStream(ctx);
            Task current = tasks().get(id, p.ownerFilter());
            sse.event("task", Json.MAPPER.writeValueAsString(TaskRequests.camel(current)));
            String last = current.status() + "/" + current.progress();
            while (!current.status().terminal() && !sse.clientGone()) {
                Task next = updates.poll(15, TimeUnit.SECONDS);
                if (next == null) {
                    sse.comment("keep-alive");
                    continue;
                }
                current = next;
                String key = current.status() + "/" + current.progress();
                if (!key.equals(last)) {
                    sse.event("task", Json.MAPPER.writeValueAsString(TaskRequests.camel(current)));
                    last = key;
                }
            }
            sse.data("[DONE]");
        }
    }
}
