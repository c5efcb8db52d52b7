package ai.openclaw.server.api.gateway;

import ai.openclaw.agent.SpawnRequest;
import ai.openclaw.agent.SpawnedAgent;
import ai.openclaw.auth.Principal;
import ai.openclaw.auth.Scopes;
import ai.openclaw.error.OpenClawException;
import ai.openclaw.server.GatewayServices;
import ai.openclaw.server.http.Http;
import ai.openclaw.server.http.Json;
import ai.openclaw.server.http.JsonBody;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Seed 002 sub-agents: {@code POST /api/v1/agents/spawn} ({@code task}, {@code model}, {@code timeout} seconds,
 * {@code skills}) answers 202 at once with the child's id; {@code GET /api/v1/agents/spawn/{id}} its state, and with
 * {@code ?wait=N} waits up to N seconds (at most 300) for it to finish.
 */
public final class SpawnRoutes {
    private final GatewayServices services;

    private SpawnRoutes(GatewayServices services) {
        this.services = services;
    }

    /** Registers the routes. */
    public static void register(RoutesConfig routes, GatewayServices services) {
        SpawnRoutes r = new SpawnRoutes(services);
        routes.post("/api/v1/agents/spawn", r::spawn);
        routes.get("/api/v1/agents/spawn/{id}", r::get);
    }

    private void spawn(Context ctx) {
        Principal p = Http.require(ctx, Scopes.CHAT);
        JsonBody body = JsonBody.read(ctx, services.maxBodyBytes());
        String task = body.requireText("task");
        Long timeout = body.optLong("timeout", 1, 86_400);
        List<String> skills = new ArrayList<>();
        ArrayNode arr = body.optArray("skills");
        if (arr != null) {
            for (int i = 0; i < arr.size(); i++) {
                if (!arr.get(i).isTextual() || arr.get(i).textValue().isBlank()) {
                    throw OpenClawException.invalid("field 'skills[" + i + "]' must be a skill or tool name");
                }
                skills.add(arr.get(i).textValue());
            }
        }
        Duration t = timeout == null ? services.agents().limits().defaultChildTimeout() : Duration.ofSeconds(timeout);
        SpawnedAgent a = services.agents().subAgents().spawn(new SpawnRequest(task, body.optText("model"), t, skills,
                p.ownerId(), body.optText("parentSessionId"), 1));
        Http.envelope(ctx, 202, view(a));
    }

    private void get(Context ctx) {
        Principal p = Http.require(ctx, Scopes.CHAT);
        int wait = Http.queryInt(ctx, "wait", 0, 0, 300);
        SpawnedAgent a = services.agents().subAgents().await(ctx.pathParam("id"), p.ownerFilter(),
                Duration.ofSeconds(wait));
        Http.envelope(ctx, 200, view(a));
    }

    /** The seed-002 view of a spawned agent. */
    static ObjectNode view(SpawnedAgent a) {
        ObjectNode o = Json.obj();
        o.put("id", a.id());
        o.put("agentId", a.id());
        o.put("status", a.status());
        o.put("task", a.task());
        o.put("model", a.model());
        ArrayNode skills = o.putArray("skills");
        a.skills().forEach(skills::add);
        o.put("sessionId", a.id());
        o.put("parentSessionId", a.parentSessionId());
        o.put("result", a.result());
        o.put("error", a.error());
        o.put("timeout", a.timeoutMillis() / 1000.0);
        o.put("createdAt", Json.time(a.createdAt()));
        o.put("completedAt", a.completedAt() == null ? null : Json.time(a.completedAt()));
        return o;
    }
}
