package ai.openclaw.server.access;

import ai.openclaw.auth.AuthService;
import ai.openclaw.auth.Principal;
import ai.openclaw.auth.RateLimitPolicy;
import ai.openclaw.auth.RateLimiter;
import ai.openclaw.auth.RequestPermit;
import ai.openclaw.error.OpenClawException;
import ai.openclaw.error.RateLimitException;
import ai.openclaw.server.http.Http;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.Set;

/**
 * The gateway's front door, run before every route: CORS, credentials ({@code Authorization: Bearer} with the gateway
 * token or an API key, or {@code X-API-Key}), failed-authentication limits per client address, and per-key rate
 * limits with {@code X-RateLimit-Limit/Remaining/Reset} headers. {@link #after} gives back the in-flight and stream
 * slots. The authenticated caller is also available to core decorators on the request's thread ({@link #current()}).
 */
public final class AccessControl {
    /** Context attribute: the request's {@link RequestPermit}. */
    static final String PERMIT = "openclaw.permit";
    /** Context attribute: the open SSE stream slot, if any. */
    static final String STREAM = "openclaw.streamSlot";
    private static final ThreadLocal<Principal> CURRENT = new ThreadLocal<>();
    /**
     * The header that marks one operation of a {@code POST /v2/batch} sent by the gateway to itself; its value is
     * {@link #batchOperationToken()}. Such a request is authenticated as usual but takes no request permit: the batch
     * counts as one request against the per-minute limits (seed 003), while each operation still spends the key's
     * token budget.
     */
    public static final String BATCH_OPERATION_HEADER = "X-OpenClaw-Batch-Operation";
    private final String batchToken = ai.openclaw.util.Ids.newSecret(32);

    private final AuthService auth;
    private final RateLimiter limits;
    private volatile Cors cors;
    private final Set<String> publicPaths;
    private final Set<String> trustedProxies;
    private final java.util.function.Predicate<Context> publicRequests;

    /**
     * Creates the filter.
     *
     * @param auth credential checks
     * @param limits rate limits
     * @param cors CORS settings
     * @param publicPaths exact paths served without credentials (the health routes)
     * @param trustedProxies addresses of reverse proxies whose {@code X-Forwarded-For} names the client
     *     ({@code gateway.trusted_proxies}); from any other peer the header is ignored, so it cannot be spoofed
     */
    public AccessControl(AuthService auth, RateLimiter limits, Cors cors, Set<String> publicPaths,
                         Set<String> trustedProxies) {
        this(auth, limits, cors, publicPaths, trustedProxies, ctx -> false);
    }

    /**
     * Creates the filter with requests served without credentials beyond the public paths.
     *
     * @param publicRequests requests that need no credential (e.g. the GraphiQL page a browser loads from
     *     {@code GET /graphql}); everything else still authenticates
     */
    public AccessControl(AuthService auth, RateLimiter limits, Cors cors, Set<String> publicPaths,
                         Set<String> trustedProxies, java.util.function.Predicate<Context> publicRequests) {
        this.publicRequests = publicRequests;
        this.auth = auth;
        this.limits = limits;
        this.cors = cors;
        this.publicPaths = Set.copyOf(publicPaths);
        this.trustedProxies = Set.copyOf(trustedProxies);
    }

    /**
     * The client's address: the peer, or — when the peer is a trusted proxy — the rightmost
     * {@code X-Forwarded-For} entry that is not itself a trusted proxy.
     */
    public String clientAddress(Context ctx) {
        String peer = ctx.req().getRemoteAddr();
        String forwarded = ctx.header("X-Forwarded-For");
        if (forwarded == null || !trustedProxies.contains(peer)) {
            return peer;
        }
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!hop.isEmpty() && !trustedProxies.contains(hop)) {
                return hop.length() > 64 ? hop.substring(0, 64) : hop;
            }
        }
        return peer;
    }

    /**
     * Runs {@code work} as {@code principal} (for dialects that do not go through the HTTP filter, e.g. WebSocket
     * requests), so core decorators such as the token budgets see the caller.
     */
    public static <T> T callAs(Principal principal, java.util.function.Supplier<T> work) {
        Principal before = CURRENT.get();
        CURRENT.set(principal);
        try {
            return work.get();
        } finally {
            if (before == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(before);
            }
        }
    }

    /** The caller of the request running on this thread, or null outside a request. */
    public static Principal current() {
        return CURRENT.get();
    }

    /**
     * The before-filter: answers preflights, authenticates and admits the request.
     *
     * @throws OpenClawException UNAUTHORIZED for missing, unknown, revoked or expired credentials
     * @throws RateLimitException when the caller or its address is over a limit
     */
    public void before(Context ctx) {
        CURRENT.remove();
        if (cors.apply(ctx) || publicPaths.contains(ctx.path()) || publicRequests.test(ctx)) {
            return;
        }
        String credential = credential(ctx);
        if (credential == null) {
            throw OpenClawException.unauthorized("missing credentials: send 'Authorization: Bearer <token or API key>' "
                    + "or 'X-API-Key: <API key>'");
        }
        String address = clientAddress(ctx);
        limits.checkAuthAllowed(address);
        Principal principal = auth.authenticate(credential).orElse(null);
        if (principal == null) {
            limits.authFailed(address);
            throw OpenClawException.unauthorized("invalid, revoked or expired credentials");
        }
        ctx.attribute(Http.PRINCIPAL, principal);
        if (batchOperation(ctx)) {
            streamGuard(ctx, principal);
            CURRENT.set(principal);
            return;
        }
        RequestPermit permit;
        try {
            permit = limits.acquire(principal);
        } catch (RateLimitException e) {
            RateLimitPolicy p = limits.policyFor(principal);
            long limit = p.requestsPerMinute() > 0 ? p.requestsPerMinute() : p.requestsPerHour();
            if (limit > 0) {
                headers(ctx, limit, 0, e.retryAfterSeconds());
            }
            throw e;
        }
        ctx.attribute(PERMIT, permit);
        if (permit.limited()) {
            headers(ctx, permit.limit(), permit.remaining(), permit.resetSeconds());
        }
        streamGuard(ctx, principal);
        CURRENT.set(principal);
    }

    /**
     * Replaces the CORS settings while running (a changed {@code gateway.cors} in config.yaml); applies from the next
     * request.
     */
    public void setCors(Cors next) {
        this.cors = java.util.Objects.requireNonNull(next, "cors");
    }

    /**
     * The secret value of {@link #BATCH_OPERATION_HEADER} for this gateway's run (random, never sent to clients), so
     * that no client can mark its own requests as batch operations.
     */
    public String batchOperationToken() {
        return batchToken;
    }

    private boolean batchOperation(Context ctx) {
        String v = ctx.header(BATCH_OPERATION_HEADER);
        return v != null && java.security.MessageDigest.isEqual(v.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                batchToken.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private void streamGuard(Context ctx, Principal principal) {
        ctx.attribute(Http.STREAM_GUARD, (Runnable) () -> {
            if (ctx.attribute(STREAM) == null) {
                ctx.attribute(STREAM, limits.openStream(principal));
            }
        });
    }

    /** The after-filter: releases the request's in-flight and stream slots. */
    public void after(Context ctx) {
        CURRENT.remove();
        RequestPermit permit = ctx.attribute(PERMIT);
        if (permit != null) {
            ctx.attribute(PERMIT, null);
            permit.close();
        }
        AutoCloseable stream = ctx.attribute(STREAM);
        if (stream != null) {
            ctx.attribute(STREAM, null);
            try {
                stream.close();
            } catch (Exception e) {
                // releasing a semaphore cannot fail
            }
        }
    }

    private static void headers(Context ctx, long limit, long remaining, long reset) {
        ctx.header("X-RateLimit-Limit", Long.toString(limit));
        ctx.header("X-RateLimit-Remaining", Long.toString(remaining));
        ctx.header("X-RateLimit-Reset", Long.toString(reset));
    }

    /** The credential presented, or null: {@code Authorization: Bearer …}, else {@code X-API-Key}. */
    static String credential(Context ctx) {
        return credential(ctx.header("Authorization"), ctx.header("X-API-Key"));
    }

    /**
     * The credential presented in an {@code Authorization} value ({@code Bearer …}) or else an {@code X-API-Key}
     * value, or null — the same rule for every transport (HTTP headers, a WebSocket's {@code connection_init}).
     *
     * @param header the {@code Authorization} value, or null
     * @param key the {@code X-API-Key} value, or null
     */
    public static String credential(String header, String key) {
        if (header != null) {
            String trimmed = header.strip();
            if (trimmed.length() > 7 && trimmed.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
                String c = trimmed.substring(7).strip();
                return c.isEmpty() ? null : c;
            }
            return null;
        }
        return key == null || key.isBlank() ? null : key.strip();
    }
}
