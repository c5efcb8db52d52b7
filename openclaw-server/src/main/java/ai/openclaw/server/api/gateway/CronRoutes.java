package ai.openclaw.server.api.gateway;

import ai.openclaw.auth.Principal;
import ai.openclaw.auth.Scopes;
import ai.openclaw.cron.CronJob;
import ai.openclaw.cron.CronJobSpec;
import ai.openclaw.cron.CronJson;
import ai.openclaw.cron.CronPayload;
import ai.openclaw.cron.CronRun;
import ai.openclaw.cron.CronSchedule;
import ai.openclaw.cron.CronService;
import ai.openclaw.server.GatewayServices;
import ai.openclaw.server.http.Http;
import ai.openclaw.server.http.Json;
import ai.openclaw.server.http.JsonBody;
import ai.openclaw.util.Page;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * Seed 004 cron jobs in the gateway v1 envelope: {@code POST/GET /api/v1/cron/jobs} (list with {@code nextRun}),
 * {@code GET/PUT/PATCH/DELETE /api/v1/cron/jobs/{id}}, {@code POST /api/v1/cron/jobs/{id}/run} (run now) and
 * {@code GET /api/v1/cron/jobs/{id}/runs} (history: start, end, status, output or error).
 */
public final class CronRoutes {
    private final GatewayServices services;

    private CronRoutes(GatewayServices services) {
        this.services = services;
    }

    /** Registers the routes. */
    public static void register(RoutesConfig routes, GatewayServices services) {
        CronRoutes r = new CronRoutes(services);
        routes.post("/api/v1/cron/jobs", r::create);
        routes.get("/api/v1/cron/jobs", r::list);
        routes.get("/api/v1/cron/jobs/{id}", r::get);
        routes.put("/api/v1/cron/jobs/{id}", r::update);
        routes.patch("/api/v1/cron/jobs/{id}", r::update);
        routes.delete("/api/v1/cron/jobs/{id}", r::delete);
        routes.post("/api/v1/cron/jobs/{id}/run", r::run);
        routes.get("/api/v1/cron/jobs/{id}/runs", r::runs);
    }

    private CronService cron() {
        return services.background().cron();
    }

    /**
     * The job spec of a request body. A {@code sessionTarget} naming a session ({@code main} or a session id) is
     * taken in the caller's per-key session namespace, like a session key on every other route: a non-admin key's
     * {@code main} is its own main session, not the gateway's.
     */
    private static CronJobSpec spec(Context ctx, JsonBody body) {
        CronSchedule schedule = body.has("schedule") ? CronJson.schedule(body.node().get("schedule")) : null;
        CronPayload payload = body.has("payload") ? CronJson.payload(body.node().get("payload")) : null;
        Boolean enabled = body.has("enabled") ? body.optBool("enabled", true) : null;
        String target = body.optText("sessionTarget");
        if (target != null && !target.isBlank() && !target.equals("isolated")) {
            target = Http.sessionId(ctx, target);
        }
        return new CronJobSpec(body.optText("name"), schedule, payload, target, enabled);
    }

    private void create(Context ctx) {
        Principal p = Http.require(ctx, Scopes.TASKS);
        CronJob job = cron().create(spec(ctx, JsonBody.read(ctx, services.maxBodyBytes())), p.ownerId());
        Http.envelope(ctx, 201, view(job));
    }

    private void list(Context ctx) {
        Principal p = Http.require(ctx, Scopes.TASKS);
        ArrayNode jobs = Json.arr();
        cron().list(p.ownerFilter()).forEach(j -> jobs.add(view(j)));
        Http.envelope(ctx, 200, Json.obj().set("jobs", jobs));
    }

    private void get(Context ctx) {
        Principal p = Http.require(ctx, Scopes.TASKS);
        Http.envelope(ctx, 200, view(cron().get(ctx.pathParam("id"), p.ownerFilter())));
    }

    private void update(Context ctx) {
        Principal p = Http.require(ctx, Scopes.TASKS);
        CronJob job = cron().update(ctx.pathParam("id"), spec(ctx, JsonBody.read(ctx, services.maxBodyBytes())),
                p.ownerFilter());
        Http.envelope(ctx, 200, view(job));
    }

    private void delete(Context ctx) {
        Principal p = Http.require(ctx, Scopes.TASKS);
        String id = ctx.pathParam("id");
        cron().delete(id, p.ownerFilter());
        Http.envelope(ctx, 200, Json.obj().put("id", id).put("deleted", true));
    }

    private void run(Context ctx) {
        Principal p = Http.require(ctx, Scopes.TASKS);
        Http.envelope(ctx, 200, run(cron().runNow(ctx.pathParam("id"), p.ownerFilter())));
    }

    private void runs(Context ctx) {
        Principal p = Http.require(ctx, Scopes.TASKS);
        Http.Paging paging = Http.paging(ctx);
        Page<CronRun> page = cron().runs(ctx.pathParam("id"), p.ownerFilter(), paging.offset(), paging.limit());
        ArrayNode items = Json.arr();
        page.items().forEach(r -> items.add(run(r)));
        ObjectNode out = Json.obj();
        out.set("runs", items);
        out.put("total", page.total());
        out.put("limit", page.limit());
        out.put("offset", page.offset());
        out.put("hasMore", page.hasMore());
        Http.envelope(ctx, 200, out);
    }

    private ObjectNode view(CronJob j) {
        ObjectNode o = Json.obj();
        o.put("id", j.id());
        o.put("name", j.name());
        o.put("status", j.enabled() ? "enabled" : "disabled");
        o.put("enabled", j.enabled());
        o.set("schedule", CronJson.toJson(j.schedule()));
        o.set("payload", CronJson.toJson(j.payload()));
        o.put("sessionTarget", j.sessionTarget() == null ? "isolated" : j.sessionTarget());
        o.put("nextRun", cron().nextRun(j).map(Json::time).orElse(null));
        o.put("createdAt", Json.time(j.createdAt()));
        o.put("updatedAt", Json.time(j.updatedAt()));
        return o;
    }

    private static ObjectNode run(CronRun r) {
        ObjectNode o = Json.obj();
        o.put("id", r.id());
        o.put("jobId", r.jobId());
        o.put("trigger", r.trigger());
        o.put("scheduledFor", Json.time(r.scheduledFor()));
        o.put("scheduledAt", Json.time(r.scheduledFor()));
        o.put("startedAt", Json.time(r.startedAt()));
        o.put("firedAt", Json.time(r.startedAt()));
        o.put("lagMs", r.lagMillis());
        o.put("endedAt", Json.time(r.endedAt()));
        o.put("status", r.status());
        o.put("output", r.output());
        o.put("error", r.error());
        return o;
    }
}
