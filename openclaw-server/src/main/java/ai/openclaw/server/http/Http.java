package ai.openclaw.server.http;

import ai.openclaw.auth.Principal;
import ai.openclaw.error.OpenClawException;
import ai.openclaw.session.ConversationService;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.Locale;

/** Helpers every dialect uses: writing JSON, the gateway envelope, paging parameters, and the caller. */
public final class Http {
    /** Context attribute: the authenticated {@link Principal}. */
    public static final String PRINCIPAL = "openclaw.principal";
    /** Context attribute: the {@link ConversationService} that maps client session keys to stored ids. */
    public static final String SESSIONS = "openclaw.sessions";
    /** Context attribute: {@link System#nanoTime()} at request start. */
    public static final String START_NANOS = "openclaw.start";
    /** Context attribute: nanoseconds spent waiting on a model provider. */
    public static final String PROVIDER_NANOS = "openclaw.providerNanos";
    /** Context attribute: set once a response body was rendered by our code. */
    public static final String RENDERED = "openclaw.rendered";
    /**
     * Context attribute: a {@link Runnable} that claims one of the caller's SSE stream slots, throwing
     * RATE_LIMIT_EXCEEDED when all are taken (run by {@link SseStream}'s constructor; released after the request).
     */
    public static final String STREAM_GUARD = "openclaw.streamGuard";
    /** The API version sent in {@code OpenClaw-Version} (seed 004). */
    public static final String API_VERSION = "1.0";
    /** Response header with the gateway's own time in milliseconds (total minus provider time). */
    public static final String OVERHEAD_HEADER = "X-OpenClaw-Overhead-Ms";

    private static volatile Clock clock = Clock.systemUTC();

    private Http() {
    }

    /** Sets the clock used for envelope timestamps. */
    public static void useClock(Clock c) {
        clock = c;
    }

    /** The authenticated caller; fails if the route skipped authentication. */
    public static Principal principal(Context ctx) {
        Principal p = ctx.attribute(PRINCIPAL);
        if (p == null) {
            throw OpenClawException.unauthorized("missing credentials");
        }
        return p;
    }

    /**
     * Refuses the request unless the caller holds {@code scope}.
     *
     * @throws OpenClawException FORBIDDEN naming the missing scope
     */
    public static Principal require(Context ctx, String scope) {
        return requireScope(principal(ctx), scope);
    }

    /**
     * {@link #require(Context, String)} for a caller known without an HTTP request (MCP, WebSocket).
     *
     * @throws OpenClawException FORBIDDEN when the caller lacks the scope
     */
    public static Principal requireScope(Principal p, String scope) {
        if (!p.has(scope)) {
            throw OpenClawException.forbidden("this credential lacks the '" + scope + "' scope");
        }
        return p;
    }

    /**
     * The stored id for a session id or key a client chose: {@link ConversationService#storedSessionId} with the
     * caller's namespace (a non-admin API key's owner id — the key id, or {@code tenant-<tenant>} shared by a tenant's
     * keys; none for the gateway token and admin keys).
     *
     * @param ctx the request (its principal decides the namespace)
     * @param clientId the id as the client sent it, or null
     * @return the stored id, or null when {@code clientId} is null
     */
    public static String sessionId(Context ctx, String clientId) {
        ConversationService sessions = ctx.attribute(SESSIONS);
        return sessionId(principal(ctx), sessions, clientId);
    }

    /**
     * {@link #sessionId(Context, String)} for a caller known without an HTTP request (e.g. a WebSocket connection).
     *
     * @param p the caller
     * @param sessions the conversation service that maps client keys to stored ids
     * @param clientId the id as the client sent it, or null
     * @return the stored id, or null when {@code clientId} is null
     */
    public static String sessionId(Principal p, ConversationService sessions, String clientId) {
        if (clientId == null || p.isAdmin()) {
            return clientId;
        }
        if (sessions == null) {
            throw new IllegalStateException("no conversation service on the request (" + SESSIONS + ")");
        }
        return sessions.storedSessionId(clientId, p.ownerId(), p.ownerId());
    }

    /** {@link #sessionId(Context, String)} of the path parameter {@code id}. */
    public static String sessionPathId(Context ctx) {
        return sessionId(ctx, ctx.pathParam("id"));
    }

    /** Writes {@code body} as JSON with the given status. */
    public static void json(Context ctx, int status, JsonNode body) {
        byte[] bytes;
        try {
            bytes = Json.MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw OpenClawException.internal("response could not be serialised", e);
        }
        setOverhead(ctx);
        ctx.attribute(RENDERED, Boolean.TRUE);
        ctx.status(status).contentType("application/json; charset=utf-8").result(bytes);
    }

    /** Writes the gateway v1 success envelope {@code {"success":true,"data":…,"timestamp":…}}. */
    public static void envelope(Context ctx, int status, JsonNode data) {
        ObjectNode out = Json.obj();
        out.put("success", true);
        out.set("data", data);
        out.put("timestamp", Json.time(clock.instant()));
        json(ctx, status, out);
    }

    /** The current time as ISO-8601 text. */
    public static String now() {
        return Json.time(clock.instant());
    }

    /** Adds {@code nanos} to the time this request spent waiting on a model provider. */
    public static void addProviderTime(Context ctx, long nanos) {
        Long prev = ctx.attribute(PROVIDER_NANOS);
        ctx.attribute(PROVIDER_NANOS, (prev == null ? 0 : prev) + nanos);
    }

    /** Sets {@link #OVERHEAD_HEADER} from the request's elapsed time minus provider time, if timing is known. */
    public static void setOverhead(Context ctx) {
        Long start = ctx.attribute(START_NANOS);
        Long provider = ctx.attribute(PROVIDER_NANOS);
        if (start == null || provider == null) {
            return;
        }
        long micros = (Math.max(0, System.nanoTime() - start - provider) + 500) / 1_000;
        ctx.header(OVERHEAD_HEADER, millis3(micros));
    }

    /** {@code micros} as milliseconds with three decimals, e.g. 1234 → "1.234" (what {@code %.3f} prints). */
    static String millis3(long micros) {
        long frac = micros % 1_000;
        return (micros / 1_000) + (frac < 10 ? ".00" : frac < 100 ? ".0" : ".") + frac;
    }

    /**
     * An integer query parameter within [min, max], or {@code fallback} when absent.
     *
     * @throws OpenClawException INVALID_REQUEST naming the parameter when it is not an integer in range
     */
    public static int queryInt(Context ctx, String name, int fallback, int min, int max) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            int x = Integer.parseInt(v.trim());
            if (x < min || x > max) {
                throw OpenClawException.invalid("query parameter '" + name + "' must be between " + min + " and " + max
                        + ", got " + x);
            }
            return x;
        } catch (NumberFormatException e) {
            throw OpenClawException.invalid("query parameter '" + name + "' must be an integer, got '" + v + "'");
        }
    }

    /** Paging from {@code limit} (1–200, default 50) and {@code offset} or 1-based {@code page}. */
    public static Paging paging(Context ctx) {
        int limit = queryInt(ctx, "limit", 50, 1, 200);
        int offset;
        if (ctx.queryParam("page") != null && ctx.queryParam("offset") == null) {
            int page = queryInt(ctx, "page", 1, 1, 1_000_000);
            offset = (int) Math.min(Integer.MAX_VALUE, (long) (page - 1) * limit);
        } else {
            offset = queryInt(ctx, "offset", 0, 0, Integer.MAX_VALUE);
        }
        return new Paging(offset, limit);
    }

    /**
     * A page request.
     *
     * @param offset items to skip
     * @param limit page size
     */
    public record Paging(int offset, int limit) {
        /** The 1-based page number this offset falls on. */
        public int page() {
            return offset / limit + 1;
        }
    }
}
