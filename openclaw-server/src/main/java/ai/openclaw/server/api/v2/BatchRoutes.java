package ai.openclaw.server.api.v2;

import ai.openclaw.error.OpenClawException;
import ai.openclaw.server.GatewayServices;
import ai.openclaw.server.access.AccessControl;
import ai.openclaw.server.http.Http;
import ai.openclaw.server.http.Json;
import ai.openclaw.server.http.JsonBody;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntSupplier;

/**
 * Seed 003 {@code POST /v2/batch}: {@code operations[]} of {@code {method, path, body}} run in order through the
 * gateway's own router (an HTTP call to its own port carrying the caller's {@code Authorization} or
 * {@code X-API-Key}), so each operation gets exactly the auth, scopes, limits and validation of a direct call.
 * Answers {@code {results: [{index, method, path, status, body}], succeeded, failed}}; a failing operation does not
 * stop the rest. Paths without a version prefix are under {@code /v2} ({@code /conversations} →
 * {@code /v2/conversations}).
 *
 * <p>Sizes and limits as seed 003's plan table: a batch holds at most the key's plan's {@code batch_size} operations
 * (Free 10, Pro 50, Enterprise 100; a key's {@code --limit batch_size=N} overrides), and never more than
 * {@code batch.maxOperations} (default 100) for anyone; more is INVALID_REQUEST naming {@code operations}. The batch
 * counts as one request against the per-minute and per-hour limits: its operations carry
 * {@link AccessControl#BATCH_OPERATION_HEADER} with the gateway's secret and take no request permit of their own,
 * while each operation that runs a model turn still spends the key's token budget.
 */
public final class BatchRoutes {
    /** The default upper bound on operations for every caller (the largest plan's batch size, seed 003). */
    public static final int DEFAULT_MAX_OPERATIONS = 100;
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
    private final GatewayServices services;
    private final IntSupplier port;
    private final String operationToken;

    private BatchRoutes(GatewayServices services, IntSupplier port, String operationToken) {
        this.services = services;
        this.port = port;
        this.operationToken = operationToken;
    }

    /**
     * Registers the route.
     *
     * @param port the gateway's bound port (known once it listens)
     * @param operationToken the value of {@link AccessControl#BATCH_OPERATION_HEADER} the gateway's access control
     *     accepts ({@link AccessControl#batchOperationToken()})
     */
    public static void register(RoutesConfig routes, GatewayServices services, IntSupplier port,
                                String operationToken) {
        BatchRoutes r = new BatchRoutes(services, port, operationToken);
        routes.post("/v2/batch", r::batch);
    }

    private int maxOperations() {
        JsonNode b = services.config().tree().path("batch");
        return b.path("maxOperations").asInt(b.path("max_operations").asInt(DEFAULT_MAX_OPERATIONS));
    }

    private void batch(Context ctx) {
        var principal = Http.principal(ctx);
        JsonBody body = JsonBody.read(ctx, services.maxBodyBytes());
        ArrayNode ops = body.optArray("operations");
        if (ops == null) {
            throw OpenClawException.invalid("field 'operations' is required");
        }
        if (ops.isEmpty()) {
            throw OpenClawException.invalid("field 'operations' must not be empty");
        }
        services.limits().checkBatch(principal, ops.size()); // the key's plan (seed 003: free 10, pro 50, …)
        int max = maxOperations();
        if (max > 0 && ops.size() > max) {
            throw OpenClawException.invalid("field 'operations' has " + ops.size() + " entries; at most " + max
                    + " are allowed per batch", "raise batch.maxOperations in config.yaml");
        }
        for (int i = 0; i < ops.size(); i++) {
            check(ops.get(i), i);
        }
        ArrayNode results = Json.arr();
        int ok = 0;
        for (int i = 0; i < ops.size(); i++) {
            ObjectNode r = run(ctx, ops.get(i), i);
            if (r.path("status").asInt() / 100 == 2) {
                ok++;
            }
            results.add(r);
        }
        ObjectNode out = Json.obj();
        out.set("results", results);
        out.put("succeeded", ok);
        out.put("failed", ops.size() - ok);
        Http.json(ctx, 200, out);
    }

    private static void check(JsonNode op, int i) {
        String where = "operations[" + i + "]";
        if (!op.isObject()) {
            throw OpenClawException.invalid("field '" + where + "' must be an object with method, path, body");
        }
        String method = op.path("method").asText("").toUpperCase(Locale.ROOT);
        if (!METHODS.contains(method)) {
            throw OpenClawException.invalid("field '" + where + ".method' must be one of GET, POST, PUT, PATCH, "
                    + "DELETE");
        }
        String path = op.path("path").asText("");
        if (!path.startsWith("/") || path.contains("://") || path.contains("..") || path.contains("#")) {
            throw OpenClawException.invalid("field '" + where + ".path' must be an absolute path such as "
                    + "/conversations");
        }
        if (resolve(path).startsWith("/v2/batch")) {
            throw OpenClawException.invalid("field '" + where + ".path' must not be a batch");
        }
    }

    static String resolve(String path) {
        return path.startsWith("/v1/") || path.startsWith("/v2/") || path.startsWith("/api/")
                || path.equals("/health") ? path : "/v2" + path;
    }

    private ObjectNode run(Context ctx, JsonNode op, int i) {
        String method = op.path("method").asText().toUpperCase(Locale.ROOT);
        String path = resolve(op.path("path").asText());
        JsonNode opBody = op.get("body");
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port.getAsInt() + path))
                .timeout(Duration.ofMinutes(5))
                .method(method, opBody == null || opBody.isNull() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(opBody.toString(), StandardCharsets.UTF_8));
        for (String h : new String[] {"Authorization", "X-API-Key"}) {
            String v = ctx.header(h);
            if (v != null) {
                b.header(h, v);
            }
        }
        b.header(AccessControl.BATCH_OPERATION_HEADER, operationToken);
        String parent = ctx.res().getHeader("X-Request-ID");
        if (parent != null) {
            b.header("X-Request-ID", parent + "-" + i);
        }
        if (opBody != null && !opBody.isNull()) {
            b.header("Content-Type", "application/json");
        }
        ObjectNode r = Json.obj();
        r.put("index", i);
        r.put("method", method);
        r.put("path", path);
        try {
            HttpResponse<String> res = services.background().http().send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            r.put("status", res.statusCode());
            String text = res.body();
            JsonNode parsed;
            try {
                parsed = text.isEmpty() ? Json.MAPPER.nullNode() : Json.MAPPER.readTree(text);
            } catch (IOException e) {
                parsed = Json.MAPPER.getNodeFactory().textNode(text);
            }
            r.set("body", parsed);
        } catch (IOException e) {
            r.put("status", 502);
            r.set("body", Json.obj().set("error", Json.obj().put("code", "UPSTREAM_ERROR")
                    .put("message", "the operation could not be run: " + e.getMessage())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw OpenClawException.internal("interrupted while running the batch", e);
        }
        return r;
    }
}
