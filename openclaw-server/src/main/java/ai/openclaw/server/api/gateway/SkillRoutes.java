package ai.openclaw.server.api.gateway;

import ai.openclaw.auth.Principal;
import ai.openclaw.auth.Scopes;
import ai.openclaw.error.OpenClawException;
import ai.openclaw.server.GatewayServices;
import ai.openclaw.server.http.Http;
import ai.openclaw.server.http.Json;
import ai.openclaw.server.http.JsonBody;
import ai.openclaw.server.http.ToolCalls;
import ai.openclaw.tool.ToolDescriptor;
import ai.openclaw.tool.ToolExecution;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * Seed 001 skills: {@code GET /api/v1/skills} and {@code POST /api/v1/skills/:name/execute} ({@code args},
 * {@code session}) → {@code {result, executionTime}} (seconds).
 */
public final class SkillRoutes {
    private final GatewayServices services;

    private SkillRoutes(GatewayServices services) {
        this.services = services;
    }

    /** Registers the routes. */
    public static void register(RoutesConfig routes, GatewayServices services) {
        SkillRoutes r = new SkillRoutes(services);
        routes.get("/api/v1/skills", r::list);
        routes.post("/api/v1/skills/{name}/execute", r::execute);
    }

    private void list(Context ctx) {
        ai.openclaw.auth.Principal caller = Http.require(ctx, Scopes.CHAT);
        ArrayNode items = Json.arr();
        for (ToolDescriptor d : ToolCalls.visible(services, caller)) {
            ObjectNode o = items.addObject();
            o.put("name", d.name());
            o.put("description", d.description());
            o.put("enabled", true);
            o.put("version", d.version());
            o.put("type", d.kind());
            o.put("category", d.category());
        }
        ObjectNode data = Json.obj();
        data.set("skills", items);
        Http.envelope(ctx, 200, data);
    }

    private void execute(Context ctx) {
        Principal p = Http.require(ctx, Scopes.CHAT);
        JsonBody body = JsonBody.readOptional(ctx, services.maxBodyBytes());
        JsonNode args = body.node().get("args");
        JsonNode toolArgs;
        if (args == null || args.isNull()) {
            toolArgs = Json.obj();
        } else if (args.isArray()) {
            ObjectNode o = Json.obj();
            o.set("args", args);
            toolArgs = o;
        } else if (args.isObject()) {
            toolArgs = args;
        } else if (args.isTextual()) {
            ObjectNode o = Json.obj();
            o.putArray("args").add(args.textValue());
            toolArgs = o;
        } else {
            throw OpenClawException.invalid("field 'args' must be an array of strings or an object");
        }
        String prefix = args != null && args.isObject() ? "args." : "";
        ToolExecution r = ToolCalls.run(services, p, ctx.pathParam("name"), toolArgs,
                Http.sessionId(ctx, body.optText("session")), prefix);
        ObjectNode data = Json.obj();
        data.set("result", r.result());
        data.put("executionTime", r.millis() / 1000.0);
        Http.envelope(ctx, 200, data);
    }
}
