package ai.openclaw.server;

import ai.openclaw.error.ErrorCode;
import ai.openclaw.error.OpenClawException;
import ai.openclaw.server.api.gateway.GatewayMemoryRoutes;
import ai.openclaw.server.access.AccessControl;
import ai.openclaw.server.access.ConnectionLimits;
import ai.openclaw.server.access.Cors;
import ai.openclaw.server.api.gateway.GatewayMessageRoutes;
import ai.openclaw.server.api.gateway.GatewaySessionRoutes;
import ai.openclaw.server.api.gateway.GatewayStatusRoutes;
import ai.openclaw.server.api.keys.KeyRoutes;
import ai.openclaw.server.api.openai.ChatCompletionRoutes;
import ai.openclaw.server.api.system.HealthRoutes;
import ai.openclaw.server.api.tasks.TasksSessionRoutes;
import ai.openclaw.server.api.v2.ConversationRoutes;
import ai.openclaw.server.api.v2.MemoryRoutes;
import ai.openclaw.server.http.ErrorMapper;
import ai.openclaw.server.http.Http;
import ai.openclaw.util.Ids;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Assembles the Javalin server: cross-cutting filters (request id, then {@link AccessControl}: CORS, auth, rate
 * limits), connection limits, every dialect's routes, errors.
 */
final class GatewayHttp {
    private final GatewayServices services;
    private final AtomicBoolean ready = new AtomicBoolean();
    private AccessControl access;
    private volatile boolean loopbackBind;
    private final java.util.Set<String> proxies = new java.util.HashSet<>();
    private final ai.openclaw.server.metrics.GatewayMetrics metrics;
    private final ai.openclaw.server.ws.WsGateway ws;
    private Javalin app;
    private AutoCloseable graphql;

    GatewayHttp(GatewayServices services, ai.openclaw.server.ws.WsGateway ws,
                ai.openclaw.server.metrics.GatewayMetrics metrics) {
        this.services = services;
        this.ws = ws;
        this.metrics = metrics;
        services.config().tree().path("gateway").path("trusted_proxies").forEach(n -> proxies.add(n.asText()));
    }

    /**
     * Loads and initialises the HTTP stack's classes without listening, to overlap start-up work: Javalin, Jetty's
     * server (its MIME table asks the JDK for every locale: ~0.15 s), the JDK's HttpClient (the skills' and
     * webhooks' outbound client: ~0.1 s).
     */
    static void warmUp() {
        try {
            Javalin.create(cfg -> {
                cfg.startup.showJavalinBanner = false;
                cfg.concurrency.useVirtualThreads = true;
                cfg.routes.get("/", ctx -> ctx.result(""));
            });
            new org.eclipse.jetty.server.Server();
            try (java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                    .version(java.net.http.HttpClient.Version.HTTP_1_1).build()) {
                client.executor(); // nothing sent: only its classes are wanted
            }
        } catch (RuntimeException e) {
            // only an optimisation
        }
    }

    /**
     * Starts listening; returns the bound port.
     *
     * @param prepare where to build what only some requests need (GraphQL schema, OpenAPI JSON, MCP server) while
     *     start-up goes on; a request that needs it before it is ready waits for it
     */
    int start(String host, int port, java.util.concurrent.Executor prepare) {
        boolean loopback = host.startsWith("127.") || host.equals("::1") || host.equals("localhost");
        this.loopbackBind = loopback;
        this.access = new AccessControl(services.auth(), services.limits(), new Cors(services.config(), loopback),
                publicPaths(), proxies, ai.openclaw.server.api.graphql.GraphqlRoutes::isPageRequest);
        app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.concurrency.useVirtualThreads = true;
            cfg.http.maxRequestSize = services.maxBodyBytes();
            cfg.router.ignoreTrailingSlashes = true;
            ConnectionLimits.from(services.config()).apply(cfg);
            cfg.routes.before(this::before);
            cfg.routes.after(access::after);
            cfg.requestLogger.http(this::finished);
            HealthRoutes.register(cfg.routes, services.version(), ready::get);
            ai.openclaw.server.api.system.OpenApiRoutes.register(cfg.routes, prepare);
            GatewayMessageRoutes.register(cfg.routes, services);
            GatewaySessionRoutes.register(cfg.routes, services);
            GatewayStatusRoutes.register(cfg.routes, services, this::port);
            TasksSessionRoutes.register(cfg.routes, services);
            ConversationRoutes.register(cfg.routes, services);
            ai.openclaw.server.api.v2.MessageRoutes.register(cfg.routes, services);
            ai.openclaw.server.api.v2.FileRoutes.register(cfg.routes, services);
            ai.openclaw.server.api.v2.WebhookRoutes.register(cfg.routes, services);
            ai.openclaw.server.api.tasks.TaskRoutes.register(cfg.routes, services);
            ai.openclaw.server.api.v2.AsyncTaskRoutes.register(cfg.routes, services);
            ai.openclaw.server.api.gateway.CronRoutes.register(cfg.routes, services);
            ai.openclaw.server.api.v2.BatchRoutes.register(cfg.routes, services, this::port,
                    access.batchOperationToken());
            ChatCompletionRoutes.register(cfg.routes, services);
            GatewayMemoryRoutes.register(cfg.routes, services);
            MemoryRoutes.register(cfg.routes, services);
            ai.openclaw.server.api.v2.AgentRoutes.register(cfg.routes, services);
            ai.openclaw.server.api.gateway.SkillRoutes.register(cfg.routes, services);
            ai.openclaw.server.api.gateway.SpawnRoutes.register(cfg.routes, services);
            ai.openclaw.server.api.tasks.ToolRoutes.register(cfg.routes, services);
            KeyRoutes.register(cfg.routes, services);
            ai.openclaw.server.api.ui.ControlUiRoutes.register(cfg.routes);
            graphql = ai.openclaw.server.api.graphql.GraphqlRoutes.register(cfg.routes, services, prepare);
            if (services.config().tree().path("gateway").path("metrics").path("enabled").asBoolean(true)) {
                ai.openclaw.server.metrics.MetricsRoutes.register(cfg.routes, metrics);
            }
            ws.register(cfg, access);
            ai.openclaw.server.api.mcp.McpRoutes.register(cfg.routes, services, prepare);
            cfg.routes.exception(Exception.class, ErrorMapper::handle);
            cfg.routes.error(404, ctx -> unmatched(ctx, ErrorCode.NOT_FOUND));
            cfg.routes.error(405, ctx -> unmatched(ctx, ErrorCode.NOT_FOUND));
        });
        app.start(host, port);
        ready.set(true);
        return app.port();
    }

    private static java.util.Set<String> publicPaths() {
        java.util.Set<String> paths = new java.util.HashSet<>(HealthRoutes.PUBLIC_PATHS);
        paths.addAll(ai.openclaw.server.api.ui.ControlUiRoutes.PUBLIC_PATHS);
        paths.addAll(ai.openclaw.server.api.system.OpenApiRoutes.PUBLIC_PATHS);
        return paths;
    }

    /** Applies a changed config's CORS settings (live reload); the next request sees them. */
    void reconfigure(ai.openclaw.config.GatewayConfig config) {
        access.setCors(new Cors(config, loopbackBind));
    }

    int port() {
        return app == null ? 0 : app.port();
    }

    void stop() {
        ready.set(false);
        ws.close();
        if (app != null) {
            app.stop();
        }
        if (graphql != null) {
            try {
                graphql.close();
            } catch (Exception e) {
                // only stops worker threads
            }
        }
    }

    private void before(Context ctx) {
        ctx.attribute(Http.START_NANOS, System.nanoTime());
        String requestId = ctx.header("X-Request-ID");
        if (requestId == null || !Ids.isSafeId(requestId)) {
            requestId = Ids.newId("req");
        }
        ctx.header("X-Request-ID", requestId);
        ctx.header("OpenClaw-Version", Http.API_VERSION);
        ctx.attribute(Http.SESSIONS, services.conversations());
        access.before(ctx);
        Runnable guard = ctx.attribute(Http.STREAM_GUARD);
        if (guard != null) {
            ctx.attribute(Http.STREAM_GUARD, (Runnable) () -> {
                guard.run();
                if (ctx.attribute(SSE_COUNTED) == null) {
                    ctx.attribute(SSE_COUNTED, Boolean.TRUE);
                    metrics.streamOpened();
                }
            });
        }
    }

    private static final String SSE_COUNTED = "openclaw.sseCounted";

    /** Javalin's request logger: runs once per finished request (streams included), for the HTTP metrics. */
    private void finished(Context ctx, Float ms) {
        if (ctx.attribute(SSE_COUNTED) != null) {
            metrics.streamClosed();
        }
        io.javalin.router.Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        Long start = ctx.attribute(Http.START_NANOS);
        java.time.Duration took = start != null ? java.time.Duration.ofNanos(System.nanoTime() - start)
                : java.time.Duration.ofNanos((long) (ms * 1_000_000L));
        ai.openclaw.auth.Principal principal = ctx.attribute(Http.PRINCIPAL);
        String route = endpoint == null ? null : endpoint.path;
        metrics.recordHttp(route, ctx.method().name(), ctx.statusCode(), took, principal);
        if (ACCESS.isInfoEnabled()) {
            accessLog(ctx, route, principal, took);
        }
    }

    private static final org.slf4j.Logger ACCESS = org.slf4j.LoggerFactory.getLogger("openclaw.access");

    /** One access-log line; its MDC carries the fields a JSON log needs (issue 16: request id, route, principal). */
    private static void accessLog(Context ctx, String route, ai.openclaw.auth.Principal principal,
                                  java.time.Duration took) {
        String ms = String.format(java.util.Locale.ROOT, "%.3f", took.toNanos() / 1e6);
        try (var a = org.slf4j.MDC.putCloseable("requestId", ctx.res().getHeader("X-Request-ID"));
             var b = org.slf4j.MDC.putCloseable("route", route == null ? "unmatched" : route);
             var c = org.slf4j.MDC.putCloseable("method", ctx.method().name());
             var d = org.slf4j.MDC.putCloseable("status", Integer.toString(ctx.statusCode()));
             var e = org.slf4j.MDC.putCloseable("principal", principal == null ? "-" : principal.name());
             var f = org.slf4j.MDC.putCloseable("durationMs", ms)) {
            ACCESS.info("{} {} {} {} ms", ctx.method().name(), ctx.path(), ctx.statusCode(), ms);
        }
    }

    /** Every registered route as {@code METHOD path}. */
    java.util.List<String> routes() {
        java.util.Set<String> methods = java.util.Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .filter(e -> methods.contains(e.endpoint.method.name()))
                .map(e -> e.endpoint.method.name() + " " + e.endpoint.path).toList();
    }

    private static void unmatched(Context ctx, ErrorCode code) {
        if (Boolean.TRUE.equals(ctx.attribute(Http.RENDERED))) {
            return;
        }
        ErrorMapper.render(ctx, new OpenClawException(code, "no route for " + ctx.method().name() + " " + ctx.path(),
                null, false, null));
    }
}
