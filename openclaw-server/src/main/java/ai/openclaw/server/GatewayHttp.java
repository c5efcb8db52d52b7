package ai.openclaw.server;

import ai.openclaw.error.ErrorCode;
import ai.openclaw.error.OpenClawException;
import ai.openclaw.server.api.gateway.GatewayMessageRoutes;
import ai.openclaw.server.api.gateway.GatewaySessionRoutes;
import ai.openclaw.server.api.gateway.GatewayStatusRoutes;
import ai.openclaw.server.api.openai.ChatCompletionRoutes;
import ai.openclaw.server.api.system.HealthRoutes;
import ai.openclaw.server.api.tasks.TasksSessionRoutes;
import ai.openclaw.server.api.v2.ConversationRoutes;
import ai.openclaw.server.http.ErrorMapper;
import ai.openclaw.server.http.Http;
import ai.openclaw.util.Ids;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

/** Assembles the Javalin server: cross-cutting filters (request id, auth, CORS), every dialect's routes, errors. */
final class GatewayHttp {
    private final GatewayServices services;
    private final AtomicBoolean ready = new AtomicBoolean();
    private Javalin app;

    GatewayHttp(GatewayServices services) {
        this.services = services;
    }

    /** Starts listening; returns the bound port. */
    int start(String host, int port) {
        app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.concurrency.useVirtualThreads = true;
            cfg.http.maxRequestSize = services.maxBodyBytes();
            cfg.router.ignoreTrailingSlashes = true;
            cfg.routes.before(this::before);
            HealthRoutes.register(cfg.routes, services.version(), ready::get);
            GatewayMessageRoutes.register(cfg.routes, services);
            GatewaySessionRoutes.register(cfg.routes, services);
            GatewayStatusRoutes.register(cfg.routes, services, this::port);
            TasksSessionRoutes.register(cfg.routes, services);
            ConversationRoutes.register(cfg.routes, services);
            ChatCompletionRoutes.register(cfg.routes, services);
            ai.openclaw.server.api.v2.AgentRoutes.register(cfg.routes, services);
            ai.openclaw.server.api.gateway.SkillRoutes.register(cfg.routes, services);
            ai.openclaw.server.api.gateway.SpawnRoutes.register(cfg.routes, services);
            ai.openclaw.server.api.tasks.ToolRoutes.register(cfg.routes, services);
            cfg.routes.exception(Exception.class, ErrorMapper::handle);
            cfg.routes.error(404, ctx -> unmatched(ctx, ErrorCode.NOT_FOUND));
            cfg.routes.error(405, ctx -> unmatched(ctx, ErrorCode.NOT_FOUND));
        });
        app.start(host, port);
        ready.set(true);
        return app.port();
    }

    int port() {
        return app == null ? 0 : app.port();
    }

    void stop() {
        ready.set(false);
        if (app != null) {
            app.stop();
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
        if (cors(ctx)) {
            return;
        }
        if (HealthRoutes.PUBLIC_PATHS.contains(ctx.path())) {
            return;
        }
        String credential = credential(ctx);
        if (credential == null) {
            throw OpenClawException.unauthorized("missing credentials: send 'Authorization: Bearer <token or API key>' "
                    + "or 'X-API-Key: <API key>'");
        }
        ctx.attribute(Http.PRINCIPAL, services.auth().authenticate(credential)
                .orElseThrow(() -> OpenClawException.unauthorized("invalid, revoked or expired credentials")));
    }

    /** Answers CORS preflights and sets CORS headers for allowed origins; true when the request is done. */
    private boolean cors(Context ctx) {
        String origin = ctx.header("Origin");
        boolean preflight = ctx.method().name().equals("OPTIONS");
        if (!services.config().corsEnabled() || origin == null) {
            return false;
        }
        boolean allowed = services.config().corsOrigins().contains(origin) || services.config().corsOrigins()
                .contains("*");
        if (allowed) {
            boolean wildcard = services.config().corsOrigins().contains("*");
            ctx.header("Access-Control-Allow-Origin", wildcard ? "*" : origin);
            ctx.header("Vary", "Origin");
            ctx.header("Access-Control-Expose-Headers", "X-Request-ID, OpenClaw-Version, Retry-After, "
                    + "X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset, " + Http.OVERHEAD_HEADER);
            if (!wildcard) {
                ctx.header("Access-Control-Allow-Credentials", "true");
            }
        }
        if (preflight && ctx.header("Access-Control-Request-Method") != null) {
            if (allowed) {
                ctx.header("Access-Control-Allow-Methods", "GET, POST, PUT, PATCH, DELETE, OPTIONS");
                ctx.header("Access-Control-Allow-Headers", "Authorization, Content-Type, X-API-Key, X-Request-ID, "
                        + "OpenClaw-Version, " + ChatCompletionRoutes.SESSION_HEADER);
                ctx.header("Access-Control-Max-Age", "600");
            }
            ctx.status(allowed ? 204 : 403);
            ctx.attribute(Http.RENDERED, Boolean.TRUE);
            ctx.skipRemainingHandlers();
            return true;
        }
        return false;
    }

    private static String credential(Context ctx) {
        String auth = ctx.header("Authorization");
        if (auth != null) {
            String trimmed = auth.strip();
            if (trimmed.length() > 7 && trimmed.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
                return trimmed.substring(7).strip();
            }
            return null;
        }
        String key = ctx.header("X-API-Key");
        return key == null || key.isBlank() ? null : key.strip();
    }

    private static void unmatched(Context ctx, ErrorCode code) {
        if (Boolean.TRUE.equals(ctx.attribute(Http.RENDERED))) {
            return;
        }
        ErrorMapper.render(ctx, new OpenClawException(code, "no route for " + ctx.method().name() + " " + ctx.path(),
                null, false, null));
    }
}
