package ai.openclaw.server.api.v2;

import ai.openclaw.agent.Agent;
import ai.openclaw.agent.AgentSkill;
import ai.openclaw.agent.AgentSpec;
import ai.openclaw.auth.Principal;
import ai.openclaw.auth.Scopes;
import ai.openclaw.error.OpenClawException;
import ai.openclaw.llm.ModelCatalog;
import ai.openclaw.llm.ResolvedModel;
import ai.openclaw.server.GatewayServices;
import ai.openclaw.server.http.Http;
import ai.openclaw.server.http.Json;
import ai.openclaw.server.http.ToolCalls;
import ai.openclaw.server.http.JsonBody;
import ai.openclaw.tool.ToolDescriptor;
import ai.openclaw.util.Page;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Seed 003 agents and skills: {@code POST/GET /v2/agents}, {@code GET/PATCH/DELETE /v2/agents/{id}} in the
 * "Agent 配置" shape, {@code POST /v2/agents/{id}/skills} (install a skill), {@code GET /v2/skills} (category
 * filter, {@code pagination}).
 */
public final class AgentRoutes {
    private final GatewayServices services;

    private AgentRoutes(GatewayServices services) {
        this.services = services;
    }

    /** Registers the routes. */
    public static void register(RoutesConfig routes, GatewayServices services) {
        AgentRoutes r = new AgentRoutes(services);
        routes.post("/v2/agents", r::create);
        routes.get("/v2/agents", r::list);
        routes.get("/v2/agents/{id}", r::get);
        routes.patch("/v2/agents/{id}", r::update);
        routes.put("/v2/agents/{id}", r::update);
        routes.delete("/v2/agents/{id}", r::delete);
        routes.post("/v2/agents/{id}/skills", r::installSkill);
        routes.get("/v2/skills", r::skills);
    }

    private void create(Context ctx) {
        Principal caller = Http.require(ctx, Scopes.CHAT);
        Agent a = services.agents().agents().create(spec(caller, JsonBody.read(ctx, services.maxBodyBytes()), true),
                caller.ownerId());
        Http.json(ctx, 201, view(a));
    }

    private void list(Context ctx) {
        Principal caller = Http.require(ctx, Scopes.CHAT);
        Http.Paging paging = Http.paging(ctx);
        Page<Agent> page = services.agents().agents().list(paging.offset(), paging.limit(), caller.ownerId());
        ArrayNode items = Json.arr();
        page.items().forEach(a -> items.add(view(a)));
        ObjectNode out = Json.obj();
        out.set("agents", items);
        out.set("pagination", pagination(page.total(), paging));
        Http.json(ctx, 200, out);
    }

    private void get(Context ctx) {
        Principal caller = Http.require(ctx, Scopes.CHAT);
        Http.json(ctx, 200, view(services.agents().agents().get(ctx.pathParam("id"), caller.ownerId())));
    }

    private void update(Context ctx) {
        Principal caller = Http.require(ctx, Scopes.CHAT);
        Agent a = services.agents().agents().update(ctx.pathParam("id"),
                spec(caller, JsonBody.read(ctx, services.maxBodyBytes()), false), caller.ownerId());
        Http.json(ctx, 200, view(a));
    }

    private void delete(Context ctx) {
        Principal caller = Http.require(ctx, Scopes.CHAT);
        String id = ctx.pathParam("id");
        services.agents().agents().delete(id, caller.ownerId());
        Http.json(ctx, 200, Json.obj().put("id", id).put("deleted", true));
    }

    private void installSkill(Context ctx) {
        Principal caller = Http.require(ctx, Scopes.CHAT);
        JsonBody body = JsonBody.read(ctx, services.maxBodyBytes());
        String skillId = body.has("skillId") ? body.requireText("skillId") : body.requireText("id");
        AgentSkill skill = new AgentSkill(checkSkillId(skillId, "skillId"), true, body.optText("version"),
                body.object("config").toMap());
        Agent a = services.agents().agents().installSkill(ctx.pathParam("id"), skill, caller.ownerId());
        ObjectNode out = view(a);
        out.put("installed", skillId);
        Http.json(ctx, 201, out);
    }

    private void skills(Context ctx) {
        ai.openclaw.auth.Principal caller = Http.require(ctx, Scopes.CHAT);
        Http.Paging paging = Http.paging(ctx);
        String category = ctx.queryParam("category");
        List<ToolDescriptor> all = new ArrayList<>();
        for (ToolDescriptor d : ToolCalls.visible(services, caller)) {
            if (category == null || category.isBlank() || category.equalsIgnoreCase(d.category())) {
                all.add(d);
            }
        }
        ArrayNode items = Json.arr();
        for (ToolDescriptor d : all.subList(Math.min(paging.offset(), all.size()),
                Math.min(all.size(), paging.offset() + paging.limit()))) {
            ObjectNode o = items.addObject();
            o.put("id", d.name());
            o.put("name", d.name());
            o.put("version", d.version());
            o.put("category", d.category());
            o.put("description", d.description());
            o.put("author", d.author());
            o.put("type", d.kind());
            o.put("downloads", 0);
            o.putNull("rating");
            o.set("inputSchema", d.inputSchema());
        }
        ObjectNode out = Json.obj();
        out.set("skills", items);
        out.set("pagination", pagination(all.size(), paging));
        Http.json(ctx, 200, out);
    }

    private static ObjectNode pagination(long total, Http.Paging paging) {
        return Json.obj().put("total", total).put("page", paging.page()).put("limit", paging.limit())
                .put("hasMore", paging.offset() + paging.limit() < total);
    }

    private AgentSpec spec(Principal caller, JsonBody body, boolean creating) {
        if (body.has("workspace") && !caller.isAdmin()) {
            // a folder on the gateway's disk: only the operator chooses one (the core refuses it too)
            throw OpenClawException.forbidden("field 'workspace' may be set only by the operator (gateway token or "
                    + "an admin key)");
        }
        JsonBody settings = body.object("settings");
        String model = null;
        JsonNode m = body.node().get("model");
        Double temperature = settings.optDouble("temperature", 0, 2);
        Integer maxTokens = settings.optInt("maxTokens", 1, 10_000_000);
        if (m != null && m.isObject()) {
            JsonBody mb = body.object("model");
            String name = mb.optText("name");
            String provider = mb.optText("provider");
            model = name == null ? null : provider == null ? name : provider + "/" + name;
            JsonBody ms = mb.object("settings");
            if (temperature == null) {
                temperature = ms.optDouble("temperature", 0, 2);
            }
            if (maxTokens == null) {
                maxTokens = ms.optInt("maxTokens", 1, 10_000_000);
            }
        } else {
            model = body.optText("model");
        }
        if (temperature == null) {
            temperature = body.optDouble("temperature", 0, 2);
        }
        if (maxTokens == null) {
            maxTokens = body.optInt("maxTokens", 1, 10_000_000);
        }
        Boolean memory = null;
        if (settings.has("memoryEnabled")) {
            memory = settings.optBool("memoryEnabled", true);
        } else if (body.object("memory").has("enabled")) {
            memory = body.object("memory").optBool("enabled", true);
        }
        List<AgentSkill> skills = null;
        ArrayNode arr = body.optArray("skills");
        if (arr != null) {
            skills = new ArrayList<>();
            for (int i = 0; i < arr.size(); i++) {
                JsonNode s = arr.get(i);
                String at = "skills[" + i + "]";
                if (s.isTextual()) {
                    skills.add(AgentSkill.of(checkSkillId(s.textValue(), at)));
                } else if (s.isObject() && s.path("id").isTextual()) {
                    JsonNode cfg = s.path("config");
                    @SuppressWarnings("unchecked")
                    Map<String, Object> config = cfg.isObject() ? Json.MAPPER.convertValue(cfg, Map.class) : Map.of();
                    skills.add(new AgentSkill(checkSkillId(s.path("id").textValue(), at + ".id"),
                            s.path("enabled").asBoolean(true), s.path("version").isTextual()
                            ? s.path("version").textValue() : null, config));
                } else {
                    throw OpenClawException.invalid("field '" + at + "' must be a skill id or an object with 'id'");
                }
            }
        }
        String name = body.optText("name");
        if (creating && (name == null || name.isBlank())) {
            throw OpenClawException.invalid("field 'name' is required");
        }
        return new AgentSpec(creating ? body.optText("id") : null, name, body.optText("description"), model,
                body.optText("systemPrompt"), skills, temperature, maxTokens, memory, body.optText("workspace"));
    }

    private static String checkSkillId(String id, String field) {
        if (id == null || id.isBlank() || id.length() > 64) {
            throw OpenClawException.invalid("field '" + field + "' must be a skill id of 1-64 characters");
        }
        return id;
    }

    private ObjectNode view(Agent a) {
        ModelCatalog catalog = services.conversations().models();
        ObjectNode o = Json.obj();
        o.put("id", a.id());
        o.put("name", a.name());
        o.put("description", a.description());
        ObjectNode model = o.putObject("model");
        ResolvedModel resolved = catalog.resolve(a.model());
        model.put("provider", resolved.id().provider());
        String name = a.model() == null ? resolved.id().model() : a.model().startsWith(resolved.id().provider() + "/")
                ? a.model().substring(resolved.id().provider().length() + 1) : a.model();
        model.put("name", name);
        ObjectNode ms = model.putObject("settings");
        putNullable(ms, "temperature", a.temperature());
        putNullable(ms, "maxTokens", a.maxTokens());
        o.put("systemPrompt", a.systemPrompt());
        ArrayNode skills = o.putArray("skills");
        for (AgentSkill s : a.skills()) {
            ObjectNode so = skills.addObject();
            so.put("id", s.id());
            so.put("enabled", s.enabled());
            if (s.version() != null) {
                so.put("version", s.version());
            }
            so.set("config", Json.MAPPER.valueToTree(s.config()));
            so.put("available", services.agents().tools().find(s.id()).isPresent());
        }
        ObjectNode memory = o.putObject("memory");
        memory.put("enabled", a.memoryEnabled());
        memory.put("type", "conversation");
        memory.put("retention", "30d");
        ObjectNode settings = o.putObject("settings");
        putNullable(settings, "temperature", a.temperature());
        putNullable(settings, "maxTokens", a.maxTokens());
        settings.put("memoryEnabled", a.memoryEnabled());
        o.put("workspace", a.workspace());
        o.put("createdAt", Json.time(a.createdAt()));
        o.put("updatedAt", Json.time(a.updatedAt()));
        return o;
    }

    private static void putNullable(ObjectNode o, String field, Number v) {
        if (v == null) {
            o.putNull(field);
        } else if (v instanceof Double d) {
            o.put(field, d);
        } else {
            o.put(field, v.intValue());
        }
    }
}
