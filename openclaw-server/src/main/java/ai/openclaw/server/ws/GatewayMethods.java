package ai.openclaw.server.ws;

import ai.openclaw.agent.Agent;
import ai.openclaw.auth.Scopes;
import ai.openclaw.cron.CronJob;
import ai.openclaw.cron.CronJobSpec;
import ai.openclaw.cron.CronJson;
import ai.openclaw.cron.CronPayload;
import ai.openclaw.cron.CronRun;
import ai.openclaw.cron.CronSchedule;
import ai.openclaw.cron.CronService;
import ai.openclaw.memory.MemoryFilter;
import ai.openclaw.memory.MemoryQuery;
import ai.openclaw.server.GatewayServices;
import ai.openclaw.server.http.Json;
import ai.openclaw.server.http.JsonBody;
import ai.openclaw.server.http.MemoryParams;
import ai.openclaw.tool.skill.Skill;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The gateway's other services over the protocol: {@code health}, {@code agents.list}, {@code skills.list},
 * {@code memory.search}, {@code channels.status} and {@code cron.list|add|update|remove|run|runs} — each over the
 * same core service as its HTTP route, with the same scopes and owner filter.
 */
final class GatewayMethods {
    private final GatewayServices services;
    private final java.util.function.IntSupplier connections;

    GatewayMethods(GatewayServices services, java.util.function.IntSupplier connections) {
        this.services = services;
        this.connections = connections;
    }

    void register(WsMethods m) {
        m.add("health", null, WsMethods.Access.READ, this::health);
        m.add("agents.list", Scopes.CHAT, WsMethods.Access.READ, this::agents);
        m.add("skills.list", Scopes.CHAT, WsMethods.Access.READ, this::skills);
        m.add("memory.search", Scopes.MEMORY_READ, WsMethods.Access.READ, this::memorySearch);
        m.add("channels.status", null, WsMethods.Access.READ, this::channels);
        m.add("cron.list", Scopes.TASKS, WsMethods.Access.READ, this::cronList);
        m.add("cron.add", Scopes.TASKS, WsMethods.Access.WRITE, this::cronAdd);
        m.add("cron.update", Scopes.TASKS, WsMethods.Access.WRITE, this::cronUpdate);
        m.add("cron.remove", Scopes.TASKS, WsMethods.Access.WRITE, this::cronRemove);
        m.add("cron.run", Scopes.TASKS, WsMethods.Access.WRITE, this::cronRun);
        m.add("cron.runs", Scopes.TASKS, WsMethods.Access.READ, this::cronRuns);
    }

    private JsonNode health(WsCall call) {
        long t0 = System.nanoTime();
        ObjectNode out = Json.obj().put("ok", true).put("ts", services.clock().millis());
        out.put("version", services.version());
        out.put("uptimeMs", services.clock().millis() - services.startedAt().toEpochMilli());
        out.put("defaultModel", services.conversations().models().defaultModel().toString());
        out.put("connections", connections.getAsInt());
        out.putObject("channels");
        out.put("durationMs", (System.nanoTime() - t0) / 1_000_000);
        return out;
    }

    private JsonNode agents(WsCall call) {
        ObjectNode out = Json.obj().put("defaultId", Agent.MAIN).put("mainKey", ChatMethods.MAIN)
                .put("scope", "per-sender");
        ArrayNode list = out.putArray("agents");
        for (Agent a : services.agents().agents().list(0, 1000, call.principal().ownerId()).items()) {
            ObjectNode o = list.addObject().put("id", a.id()).put("name", a.name());
            o.putObject("identity").put("name", a.name());
            o.put("description", a.description()).put("model", a.model()).put("memoryEnabled", a.memoryEnabled());
            ArrayNode skills = o.putArray("skills");
            a.skills().forEach(s -> skills.add(s.id()));
        }
        return out;
    }

    private JsonNode skills(WsCall call) {
        ObjectNode out = Json.obj();
        ArrayNode list = out.putArray("skills");
        for (Skill s : services.agents().skills().list()) {
            list.addObject().put("name", s.name()).put("description", s.description()).put("version", s.version())
                    .put("category", s.category()).put("source", s.source());
        }
        return out;
    }

    private JsonNode memorySearch(WsCall call) {
        JsonBody p = call.params();
        MemoryQuery q = new MemoryQuery(p.requireText("query"), p.optInt("limit", 1, 50),
                p.optDouble("minScore", 0, 1), MemoryFilter.visibleTo(call.principal().ownerFilter()), null);
        ObjectNode out = Json.obj();
        ArrayNode results = out.putArray("results");
        services.memory().search(q).forEach(h -> results.add(MemoryParams.hit(h)));
        return out;
    }

    private JsonNode channels(WsCall call) {
        ObjectNode out = Json.obj().put("ts", services.clock().millis());
        out.putArray("channelOrder");
        out.putObject("channels");
        out.putObject("channelAccounts");
        out.put("note", "this gateway has no messaging channels; clients talk to it over HTTP and this protocol");
        return out;
    }

    private CronService cron() {
        return services.background().cron();
    }

    private CronJobSpec spec(WsCall call, JsonBody body) {
        CronSchedule schedule = body.has("schedule") ? CronJson.schedule(body.node().get("schedule")) : null;
        CronPayload payload = body.has("payload") ? CronJson.payload(body.node().get("payload")) : null;
        Boolean enabled = body.has("enabled") ? body.optBool("enabled", true) : null;
        String target = body.optText("sessionTarget");
        if (target != null && !target.isBlank() && !target.equals("isolated")) {
            target = call.sessionId(target);
        }
        return new CronJobSpec(body.optText("name"), schedule, payload, target, enabled);
    }

    private String jobId(JsonBody p) {
        return p.has("id") ? p.requireText("id") : p.requireText("jobId");
    }

    private JsonNode cronList(WsCall call) {
        ObjectNode out = Json.obj();
        ArrayNode jobs = out.putArray("jobs");
        boolean all = call.params().optBool("includeDisabled", true);
        cron().list(call.principal().ownerFilter()).stream().filter(j -> all || j.enabled())
                .forEach(j -> jobs.add(view(j)));
        return out;
    }

    private JsonNode cronAdd(WsCall call) {
        return view(cron().create(spec(call, call.params()), call.principal().ownerId()));
    }

    private JsonNode cronUpdate(WsCall call) {
        JsonBody p = call.params();
        JsonBody patch = p.has("patch") ? p.object("patch") : p;
        return view(cron().update(jobId(p), spec(call, patch), call.principal().ownerFilter()));
    }

    private JsonNode cronRemove(WsCall call) {
        String id = jobId(call.params());
        cron().delete(id, call.principal().ownerFilter());
        return Json.obj().put("ok", true).put("id", id).put("removed", true);
    }

    private JsonNode cronRun(WsCall call) {
        return run(cron().runNow(jobId(call.params()), call.principal().ownerFilter()));
    }

    private JsonNode cronRuns(WsCall call) {
        Integer limit = call.params().optInt("limit", 1, 200);
        var page = cron().runs(jobId(call.params()), call.principal().ownerFilter(), 0, limit == null ? 50 : limit);
        ObjectNode out = Json.obj().put("total", page.total());
        ArrayNode entries = out.putArray("entries");
        page.items().forEach(r -> entries.add(run(r)));
        return out;
    }

    private ObjectNode view(CronJob j) {
        ObjectNode o = Json.obj().put("id", j.id()).put("name", j.name()).put("enabled", j.enabled());
        o.set("schedule", CronJson.toJson(j.schedule()));
        o.set("payload", CronJson.toJson(j.payload()));
        o.put("sessionTarget", j.sessionTarget() == null ? "isolated" : j.sessionTarget());
        o.put("nextRun", cron().nextRun(j).map(Json::time).orElse(null));
        o.put("nextRunAtMs", cron().nextRun(j).map(java.time.Instant::toEpochMilli).orElse(null));
        o.put("createdAtMs", j.createdAt().toEpochMilli()).put("updatedAtMs", j.updatedAt().toEpochMilli());
        return o;
    }

    private static ObjectNode run(CronRun r) {
        return Json.obj().put("id", r.id()).put("jobId", r.jobId()).put("trigger", r.trigger())
                .put("scheduledFor", Json.time(r.scheduledFor())).put("startedAt", Json.time(r.startedAt()))
                .put("endedAt", Json.time(r.endedAt())).put("status", r.status()).put("output", r.output())
                .put("error", r.error());
    }
}
