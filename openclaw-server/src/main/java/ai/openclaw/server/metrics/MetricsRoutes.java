package ai.openclaw.server.metrics;

import ai.openclaw.auth.Scopes;
import ai.openclaw.server.http.Http;
import io.javalin.config.RoutesConfig;

/**
 * {@code GET /metrics} on the gateway's own port (issue 16): the Prometheus text exposition, for a credential holding
 * the {@code metrics} scope (the gateway token and admin keys hold it; give Prometheus a key made with
 * {@code --scopes metrics}). A separate unauthenticated or token-guarded listener is {@link MetricsListener}.
 */
public final class MetricsRoutes {
    /** The Prometheus text format's content type. */
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private MetricsRoutes() {
    }

    /**
     * Registers {@code GET /metrics}.
     *
     * @param routes the router
     * @param metrics the gateway's metrics
     */
    public static void register(RoutesConfig routes, GatewayMetrics metrics) {
        routes.get("/metrics", ctx -> {
            Http.require(ctx, Scopes.METRICS);
            ctx.contentType(CONTENT_TYPE).result(metrics.scrape());
        });
    }
}
