package ai.openclaw.server.api.system;

import ai.openclaw.server.http.Http;
import ai.openclaw.server.http.Json;
import io.javalin.config.RoutesConfig;
import java.util.Set;
import java.util.function.BooleanSupplier;

/** {@code GET /health}, {@code /healthz} and {@code /ready}: the only routes that need no credentials. */
public final class HealthRoutes {
    /** The paths served without authentication. */
    public static final Set<String> PUBLIC_PATHS = Set.of("/health", "/healthz", "/ready");

    private HealthRoutes() {
    }

    /**
     * Registers the routes.
     *
     * @param version the gateway version reported
     * @param ready whether the gateway accepts work ({@code /ready} answers 503 otherwise)
     */
    public static void register(RoutesConfig routes, String version, BooleanSupplier ready) {
        routes.get("/health", ctx -> Http.json(ctx, 200, Json.obj().put("status", "ok").put("version", version)));
        routes.get("/healthz", ctx -> Http.json(ctx, 200, Json.obj().put("status", "ok")));
        routes.get("/ready", ctx -> {
            boolean ok = ready.getAsBoolean();
            Http.json(ctx, ok ? 200 : 503, Json.obj().put("status", ok ? "ready" : "starting"));
        });
    }
}
