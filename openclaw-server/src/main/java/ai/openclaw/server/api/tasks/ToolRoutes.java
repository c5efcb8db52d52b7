package ai.openclaw.server.api.tasks;

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
 * Seed 000 tools: {@code GET /v1/tools} (a bare array of {@code name, description, version, input_schema,
 * output_schema}) and {@code POST /v1/tools/{name}/execute} ({@code parameters}) →
 * {@code {result, metadata:{execution_time, memory_used}}}; also OpenClaw's {@code POST /tools/invoke}
 * ({@code tool}, {@code args}, {@code sessionKey}) → {@code {ok, result}} (errors {@code {ok:false, error}}).
 */
public final class ToolRoutes {
    private final GatewayServices services;

    private ToolRoutes(GatewayServices services) {
        this.services = services;
    }

    /** Registers the routes. */
    public static void register(RoutesConfig routes, GatewayServices services) {
        ToolRoutes r = new ToolRoutes(services);
        routes.get("/v1/tools", r::list);
        routes.post("/v1/tools/{name}/execute", r::execute);
        routes.post("/tools/invoke", r::invoke);
    }

    private void list(Context ctx) {
        ai.openclaw.auth.Principal caller = Http.require(ctx, Scopes.CHAT);
        ArrayNode out = Json.arr();
        for (ToolDescriptor d : ToolCalls.visible(services, caller)) {
            ObjectNode o = out.addObject();
            o.put("name", d.name());
            o.put("description", d.description());
            o.put("version", d.version());
            o.set("input_schema", d.inputSchema());
            o.set("output_schema", d.outputSchema());
            o.put("type", d.kind());
            o.put("category", d.category());
        }
        Http.json(ctx, 200, out);
    }

    private void execute(Context ctx) {
        Principal p = Http.require(ctx, Scopes.CHAT);
        JsonBody body = JsonBody.readOptional(ctx, services.maxBodyBytes());
        JsonNode params = body.node().get("parameters");
        if (params != null && !params.isNull() && !params.isObject()) {
            throw OpenClawException.invalid("field 'parameters' must be an object");
        }
        ToolExecution r = ToolCalls.run(services, p, ctx.pathParam("name"), params == null ? Json.obj() : params,
                Http.sessionId(ctx, body.optText("session_id")), "parameters.");
        ObjectNode out = Json.obj();
        out.set("result", r.result());
        ObjectNode meta = out.putObject("metadata");
        meta.put("execution_time", r.millis());
        meta.put("memory_used", r.memoryUsed());
        Http.json(ctx, 200, out);
    }

    private void invoke(Context ctx) {
        Principal p = Http.require(ctx, Scopes.CHAT);
        try {
            JsonBody body = JsonBody.read(ctx, services.maxBodyBytes());
            String tool = body.requireText("tool");
            JsonNode args = body.node().get("args");
            if (args != null && !args.isNull() && !args.isObject()) {
                throw OpenClawException.invalid("field 'args' must be an object");
            }
            ToolExecution r = ToolCalls.run(services, p, tool, args == null ? Json.obj() : args,
                    Http.sessionId(ctx, body.optText("sessionKey")), "args.");
            ObjectNode out = Json.obj();
            out.put("ok", true);
            out.set("result", r.result());
            Http.json(ctx, 200, out);
        } catch (OpenClawException e) {
            ObjectNode out = Json.obj();
            out.put("ok", false);
            ObjectNode error = out.putObject("error");
            error.put("type", e.code().name());
            error.put("code", e.code().name());
            error.put("message", ai.openclaw.server.http.ClientText.clean(e.getMessage()));
            if (e.details() != null) {
                error.put("details", ai.openclaw.server.http.ClientText.clean(e.details()));
            }
            Http.json(ctx, e.code().httpStatus(), out);
        }
    }
}
