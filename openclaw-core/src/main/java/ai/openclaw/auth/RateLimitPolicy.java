package ai.openclaw.auth;

/**
 * The limits that apply to one caller (a plan's defaults with the key's {@link KeyLimits} applied); {@code 0} means
 * unlimited. Requests use a token bucket of {@link #burstCapacity()} tokens refilled at {@code requestsPerMinute}
 * (seed 002: {@code requests_per_minute: 60, burst: 10} lets 10 requests arrive at once, then one a second), plus an
 * hourly bucket (seed 000).
 *
 * @param requestsPerMinute sustained requests per minute
 * @param burst requests that may arrive at once; 0 means the whole minute's allowance
 * @param requestsPerHour requests per hour
 * @param concurrent requests in flight at once
 * @param batchSize operations in one batch request
 * @param tokensPerMinute model tokens (input + output) per minute
 * @param contextTokensPerMinute model input tokens per minute
 * @param streams open SSE streams at once
 */
public record RateLimitPolicy(long requestsPerMinute, long burst, long requestsPerHour, long concurrent,
                              long batchSize, long tokensPerMinute, long contextTokensPerMinute, long streams) {
    /** No limit at all. */
    public static final RateLimitPolicy UNLIMITED = new RateLimitPolicy(0, 0, 0, 0, 0, 0, 0, 0);

    /** Validates that no value is negative. */
    public RateLimitPolicy {
        for (long v : new long[] {requestsPerMinute, burst, requestsPerHour, concurrent, batchSize, tokensPerMinute,
            contextTokensPerMinute, streams}) {
            if (v < 0) {
                throw new IllegalArgumentException("rate limits must be 0 (unlimited) or positive, got " + v);
            }
        }
    }

    /** This policy with the set fields of {@code o} replacing its own. */
    public RateLimitPolicy with(KeyLimits o) {
        if (o == null || o.isEmpty()) {
            return this;
        }
        return new RateLimitPolicy(pick(o.requestsPerMinute(), requestsPerMinute), pick(o.burst(), burst),
                pick(o.requestsPerHour(), requestsPerHour), pick(o.concurrent(), concurrent),
                pick(o.batchSize(), batchSize), pick(o.tokensPerMinute(), tokensPerMinute),
                pick(o.contextTokensPerMinute(), contextTokensPerMinute), pick(o.streams(), streams));
    }

    /** The request bucket's size: {@link #burst} when set, else {@link #requestsPerMinute}. */
    public long burstCapacity() {
        return burst > 0 ? burst : requestsPerMinute;
    }

    /** Whether any request-rate limit (per minute or per hour) applies. */
    public boolean limitsRequests() {
        return requestsPerMinute > 0 || requestsPerHour > 0;
    }

    /** The values in {@link KeyLimits#NAMES} order. */
    public long[] values() {
        return new long[] {requestsPerMinute, burst, requestsPerHour, concurrent, batchSize, tokensPerMinute,
            contextTokensPerMinute, streams};
    }

    private static long pick(Long override, long base) {
        return override == null ? base : override;
    }
}
