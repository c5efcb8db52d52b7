package ai.openclaw.auth;

import ai.openclaw.config.GatewayConfig;
import ai.openclaw.error.OpenClawException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The gateway's rate-limit settings ({@code gateway.rate_limit} in config.yaml): per-plan defaults (seed 003's Free /
 * Pro / Enterprise table, seed 000's hourly tiers, seed 004's token budgets), the gateway token's limits (unlimited
 * unless configured, so benchmarks and operators are never throttled) and the failed-authentication limit per client
 * address.
 *
 * <pre>
 * gateway:
 *   rate_limit:
 *     requests_per_minute: 60        # the default (free) plan; seed 002
 *     burst: 10
 *     auth_failures_per_minute: 30   # per client address
 *     plans: { pro: { requests_per_minute: 1200 } }
 *     gateway_token: { requests_per_minute: 0 }   # 0 = unlimited (the default)
 * </pre>
 *
 * @param enabled whether any limit is enforced ({@code gateway.rate_limit.enabled}, default true)
 * @param plans the limits of each plan by name ({@code free}, {@code pro}, {@code enterprise})
 * @param gatewayToken the limits of the gateway token
 * @param authFailuresPerMinute failed authentications allowed per client address per minute; 0 means unlimited
 */
public record RateLimitConfig(boolean enabled, Map<String, RateLimitPolicy> plans, RateLimitPolicy gatewayToken,
                              long authFailuresPerMinute) {
    /** The plan of keys generated without one. */
    public static final String DEFAULT_PLAN = "free";

    /** Seed 003's plans with seed 000's hourly tiers and seed 004's token budgets. */
    public static final Map<String, RateLimitPolicy> DEFAULT_PLANS = Map.of(
            "free", new RateLimitPolicy(60, 10, 1_000, 5, 10, 1_000_000, 200_000, 5),
            "pro", new RateLimitPolicy(600, 100, 10_000, 20, 50, 1_000_000, 200_000, 20),
            "enterprise", new RateLimitPolicy(0, 0, 100_000, 0, 100, 0, 0, 100));

    /** Validates the fields and copies the plans. */
    public RateLimitConfig {
        plans = Map.copyOf(plans);
        Objects.requireNonNull(gatewayToken, "gatewayToken");
        if (!plans.containsKey(DEFAULT_PLAN)) {
            throw new IllegalArgumentException("rate limits need a '" + DEFAULT_PLAN + "' plan");
        }
        if (authFailuresPerMinute < 0) {
            throw new IllegalArgumentException("authFailuresPerMinute must not be negative");
        }
    }

    /** The defaults: seed plans, an unlimited gateway token, 30 failed authentications per address per minute. */
    public static RateLimitConfig defaults() {
        return new RateLimitConfig(true, DEFAULT_PLANS, RateLimitPolicy.UNLIMITED, 30);
    }

    /**
     * Reads {@code gateway.rate_limit}; the top-level {@code requests_per_minute}, {@code burst} and other limit names
     * set the default ({@code free}) plan, {@code plans.NAME} any plan.
     *
     * @throws IllegalArgumentException naming the config path for a value that is not a non-negative integer
     */
    public static RateLimitConfig from(GatewayConfig config) {
        JsonNode gw = config.tree().path("gateway");
        JsonNode rl = gw.path("rate_limit").isMissingNode() ? gw.path("rateLimit") : gw.path("rate_limit");
        Map<String, RateLimitPolicy> plans = new LinkedHashMap<>(DEFAULT_PLANS);
        KeyLimits top = limits(rl, "gateway.rate_limit", true);
        plans.put(DEFAULT_PLAN, plans.get(DEFAULT_PLAN).with(new KeyLimits((long) config.requestsPerMinute(),
                (long) config.burst(), null, null, null, null, null, null)).with(top));
        JsonNode ps = rl.path("plans");
        if (ps.isObject()) {
            ps.fields().forEachRemaining(e -> plans.put(e.getKey(), plans.getOrDefault(e.getKey(),
                    plans.get(DEFAULT_PLAN)).with(limits(e.getValue(), "gateway.rate_limit.plans." + e.getKey(),
                    false))));
        }
        RateLimitPolicy token = RateLimitPolicy.UNLIMITED.with(limits(rl.path("gateway_token"),
                "gateway.rate_limit.gateway_token", false));
        long failures = rl.path("auth_failures_per_minute").isMissingNode() ? 30
                : nonNegative(rl.path("auth_failures_per_minute"), "gateway.rate_limit.auth_failures_per_minute");
        boolean enabled = rl.path("enabled").asBoolean(true);
        return new RateLimitConfig(enabled, plans, token, failures);
    }

    /**
     * The policy for a principal: the gateway token's, or its plan's with its own overrides.
     *
     * @param principal the caller
     */
    public RateLimitPolicy policyFor(Principal principal) {
        if (!enabled) {
            return RateLimitPolicy.UNLIMITED;
        }
        if (Principal.GATEWAY.id().equals(principal.id())) {
            return gatewayToken;
        }
        RateLimitPolicy base = plans.getOrDefault(principal.plan(), plans.get(DEFAULT_PLAN));
        return base.with(principal.limits());
    }

    private static KeyLimits limits(JsonNode node, String path, boolean lenient) {
        if (!node.isObject()) {
            return KeyLimits.NONE;
        }
        Long[] v = new Long[KeyLimits.NAMES.length];
        for (int i = 0; i < v.length; i++) {
            JsonNode x = node.path(KeyLimits.NAMES[i]);
            if (x.isMissingNode()) {
                x = node.path(KeyLimits.CAMEL_NAMES[i]);
            }
            if (!x.isMissingNode() && !x.isNull()) {
                v[i] = nonNegative(x, path + "." + KeyLimits.NAMES[i]);
            }
        }
        if (!lenient) {
            node.fieldNames().forEachRemaining(n -> {
                if (java.util.Arrays.stream(KeyLimits.NAMES).noneMatch(n::equals)
                        && java.util.Arrays.stream(KeyLimits.CAMEL_NAMES).noneMatch(n::equals)) {
                    throw new IllegalArgumentException("config: " + path + "." + n + " is not a known limit; known: "
                            + String.join(", ", KeyLimits.NAMES));
                }
            });
        }
        try {
            return KeyLimits.of(v);
        } catch (OpenClawException e) {
            throw new IllegalArgumentException("config: " + path + ": " + e.getMessage(), e);
        }
    }

    private static long nonNegative(JsonNode x, String path) {
        long v;
        if (x.isIntegralNumber() && x.canConvertToLong()) {
            v = x.longValue();
        } else {
            try {
                v = Long.parseLong(x.asText().trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("config: " + path + " must be an integer, got '" + x.asText() + "'");
            }
        }
        if (v < 0) {
            throw new IllegalArgumentException("config: " + path + " must be 0 (unlimited) or positive, got " + v);
        }
        return v;
    }
}
