package ai.openclaw.server.access;

import ai.openclaw.config.GatewayConfig;
import ai.openclaw.server.http.Http;
import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * CORS from config ({@code gateway.cors.enabled}, {@code origins}; seed 002). Allowed origins are echoed with
 * {@code Access-Control-Allow-Credentials: true}; {@code "*"} in the list answers {@code *} and never allows
 * credentials (browsers refuse that combination, and it would expose every key-holder's data to any site).
 * Preflights ({@code OPTIONS} with {@code Access-Control-Request-Method}) are always answered here, before
 * authentication: 204 with the allowed methods and headers for an allowed origin, 403 without CORS headers for any
 * other. With no {@code gateway.cors} section and the default loopback bind, pages on the same machine
 * ({@code http://localhost:*}, {@code http://127.0.0.1:*}, {@code http://[::1]:*}) are allowed, so a local page such
 * as seed 001's chat page works out of the box; {@code Origin: null} (a page opened from disk) only when
 * {@code "null"} is listed.
 */
public final class Cors {
    /** Response headers scripts may read. */
    static final String EXPOSED = "X-Request-ID, OpenClaw-Version, Retry-After, X-RateLimit-Limit, "
            + "X-RateLimit-Remaining, X-RateLimit-Reset, " + Http.OVERHEAD_HEADER + ", x-openclaw-session-key";
    /** Methods a preflight may ask for. */
    static final String METHODS = "GET, POST, PUT, PATCH, DELETE, OPTIONS";
    /** Request headers allowed when the preflight lists none or lists something unusual. */
    static final String HEADERS = "Authorization, Content-Type, X-API-Key, X-Request-ID, OpenClaw-Version, "
            + "x-openclaw-session-key, Idempotency-Key";
    private static final Pattern HEADER_LIST = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]{1,64}"
            + "(\\s*,\\s*[A-Za-z0-9!#$%&'*+.^_`|~-]{1,64}){0,31}");

    private static final Pattern LOOPBACK_ORIGIN = Pattern.compile(
            "https?://(localhost|127\\.0\\.0\\.1|\\[::1])(:\\d{1,5})?");
    private final boolean enabled;
    private final List<String> origins;
    private final boolean wildcard;
    private final boolean loopbackOrigins;

    /** CORS as the config says (as for a non-loopback bind: no default origins). */
    public Cors(GatewayConfig config) {
        this(config, false);
    }

    /**
     * CORS as the config says.
     *
     * @param config the config
     * @param loopbackBind whether the gateway listens on loopback only (then, without a {@code gateway.cors}
     *     section, loopback origins are allowed)
     */
    public Cors(GatewayConfig config, boolean loopbackBind) {
        com.fasterxml.jackson.databind.JsonNode section = config.tree().path("gateway").path("cors");
        boolean configured = section.has("enabled") || section.has("origins");
        this.enabled = config.corsEnabled();
        this.origins = config.corsOrigins();
        this.wildcard = origins.contains("*");
        this.loopbackOrigins = !configured && loopbackBind;
    }

    private boolean allowed(String origin) {
        if (loopbackOrigins) {
            return LOOPBACK_ORIGIN.matcher(origin).matches();
        }
        if (!enabled) {
            return false;
        }
        return origins.contains(origin) || (wildcard && !origin.equals("null"));
    }

    /**
     * Adds CORS headers and answers preflights.
     *
     * @return true when the request was a preflight and has been answered
     */
    public boolean apply(Context ctx) {
        String origin = ctx.header("Origin");
        if (enabled || loopbackOrigins) {
            ctx.header("Vary", "Origin");
        }
        if (origin == null) {
            return false;
        }
        boolean allowed = allowed(origin);
        boolean exact = allowed && (loopbackOrigins || origins.contains(origin));
        if (allowed) {
            if (exact) {
                ctx.header("Access-Control-Allow-Origin", origin);
                ctx.header("Access-Control-Allow-Credentials", "true");
            } else {
                ctx.header("Access-Control-Allow-Origin", "*");
            }
            ctx.header("Access-Control-Expose-Headers", EXPOSED);
        }
        boolean preflight = ctx.method().name().equals("OPTIONS")
                && ctx.header("Access-Control-Request-Method") != null;
        if (!preflight) {
            return false;
        }
        if (allowed) {
            String requested = ctx.header("Access-Control-Request-Headers");
            ctx.header("Access-Control-Allow-Methods", METHODS);
            ctx.header("Access-Control-Allow-Headers", requested != null && HEADER_LIST.matcher(requested.strip())
                    .matches() ? requested.strip().toLowerCase(Locale.ROOT) : HEADERS);
            ctx.header("Access-Control-Max-Age", "600");
            ctx.header("Vary", "Origin, Access-Control-Request-Method, Access-Control-Request-Headers");
        }
        ctx.status(allowed ? 204 : 403);
        ctx.attribute(Http.RENDERED, Boolean.TRUE);
        ctx.skipRemainingHandlers();
        return true;
    }
}
