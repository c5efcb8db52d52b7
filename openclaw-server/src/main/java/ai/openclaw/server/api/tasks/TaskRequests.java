package ai.openclaw.server.api.tasks;

import ai.openclaw.error.OpenClawException;
import ai.openclaw.server.GatewayServices;
import ai.openclaw.server.http.Http;
import ai.openclaw.server.http.Json;
import ai.openclaw.server.http.JsonBody;
import ai.openclaw.task.NewTask;
import ai.openclaw.task.Task;
import ai.openclaw.task.TaskCallback;
import ai.openclaw.task.TaskStatus;
import ai.openclaw.util.OutboundTargets;
import ai.openclaw.webhook.WebhookSigner;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parsing and rendering of tasks shared by seed 000's {@code /v1/tasks} (snake_case) and seed 003's
 * {@code /v2/tasks} (camelCase): one request form accepting both seeds' fields, two views.
 */
public final class TaskRequests {
    private TaskRequests() {
    }

    /**
     * Reads a create-task body: {@code name}, {@code type}, {@code parameters} or {@code input}, {@code priority},
     * {@code timeout} (seconds), {@code callback} ({@code url}, {@code headers}, optional {@code secret}).
     *
     * A session named in the parameters ({@code sessionId}, {@code session_id}, {@code session}) is taken in the
     * caller's per-key namespace, like a session key on every other route.
     *
     * @param ctx the request (its principal owns the task)
     * @throws OpenClawException INVALID_REQUEST naming the field
     */
    public static NewTask parse(Context ctx, JsonBody body, GatewayServices services) {
        return parse(Http.principal(ctx), body, services);
    }

    /**
     * {@link #parse(Context, JsonBody, GatewayServices)} for a caller known outside an HTTP request (GraphQL over
     * WebSocket).
     *
     * @param caller the principal that owns the task
     * @throws OpenClawException INVALID_REQUEST naming the field
     */
    public static NewTask parse(ai.openclaw.auth.Principal caller, JsonBody body, GatewayServices services) {
        String owner = caller.ownerId();
        String type = body.requireText("type");
        Map<String, Object> params = new LinkedHashMap<>();
        if (body.has("parameters")) {
            params.putAll(body.object("parameters").toMap());
        }
        if (body.has("input")) {
            params.putAll(body.object("input").toMap());
        }
        for (String f : java.util.List.of("sessionId", "session_id", "session")) {
            if (params.get(f) instanceof String named && !named.isBlank()) {
                params.put(f, Http.sessionId(caller, services.conversations(), named));
            }
        }
        Integer priority = body.optInt("priority", -1000, 1000);
        Integer timeout = body.optInt("timeout", 1, 7 * 24 * 3600);
        TaskCallback callback = null;
        if (body.has("callback")) {
            JsonBody cb = body.object("callback");
            String url = cb.requireText("url");
            OutboundTargets.check("callback.url", url, services.background().webhookSettings().allowPrivateTargets());
            Map<String, String> headers = new LinkedHashMap<>();
            JsonBody h = cb.object("headers");
            h.node().fields().forEachRemaining(e -> {
                if (!e.getValue().isTextual()) {
                    throw OpenClawException.invalid("field 'callback.headers." + e.getKey() + "' must be a string");
                }
                headers.put(e.getKey(), e.getValue().asText());
            });
            String secret = cb.optText("secret");
            callback = new TaskCallback(url, headers, secret != null && !secret.isBlank() ? secret
                    : WebhookSigner.newSecret());
        }
        return new NewTask(body.optText("name"), type, params, priority == null ? 0 : priority, timeout, callback,
                owner);
    }

    /** The {@code status} query parameter, or null. */
    public static TaskStatus status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return TaskStatus.fromWire(value);
        } catch (IllegalArgumentException e) {
            throw OpenClawException.invalid("query parameter 'status' must be one of pending, running, completed, "
                    + "failed, cancelled; got '" + value + "'");
        }
    }

    /** Seed 000's snake_case view. */
    public static ObjectNode snake(Task t) {
        ObjectNode o = Json.obj();
        o.put("id", t.id());
        o.put("name", t.name());
        o.put("type", t.type());
        o.put("status", t.status().wire());
        o.put("priority", t.priority());
        o.put("progress", t.progress());
        o.set("result", result(t));
        o.put("error", t.error());
        o.put("created_at", Json.time(t.createdAt()));
        o.put("updated_at", Json.time(t.updatedAt()));
        o.put("started_at", Json.time(t.startedAt()));
        o.put("completed_at", Json.time(t.completedAt()));
        if (t.timeoutSeconds() != null) {
            o.put("timeout", t.timeoutSeconds());
        }
        return o;
    }

    /** Seed 003's camelCase view. */
    public static ObjectNode camel(Task t) {
        ObjectNode o = Json.obj();
        o.put("id", t.id());
        o.put("name", t.name());
        o.put("type", t.type());
        o.put("status", t.status().wire());
        o.put("priority", t.priority());
        o.put("progress", t.progress());
        o.set("result", result(t));
        o.put("error", t.error());
        o.put("createdAt", Json.time(t.createdAt()));
        o.put("updatedAt", Json.time(t.updatedAt()));
        o.put("startedAt", Json.time(t.startedAt()));
        o.put("completedAt", Json.time(t.completedAt()));
        return o;
    }

    /** Adds the callback secret to a creation response (shown once, like webhook secrets). */
    public static void addCallbackSecret(ObjectNode view, Task t, String field) {
        if (t.callback() != null) {
            view.set("callback", Json.obj().put("url", t.callback().url()).put(field, t.callback().secret()));
        }
    }

    private static JsonNode result(Task t) {
        return t.result() == null ? Json.MAPPER.nullNode() : Json.MAPPER.valueToTree(t.result());
    }
}
