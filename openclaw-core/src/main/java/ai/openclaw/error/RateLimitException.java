package ai.openclaw.error;

/**
 * A rate limit or quota is exhausted: {@link ErrorCode#RATE_LIMIT_EXCEEDED} (429), retriable
 * after {@link #retryAfterSeconds()} (seed 004, 速率限制响应).
 */
public final class RateLimitException extends OpenClawException {
    private static final long serialVersionUID = 1L;

    private final long retryAfterSeconds;

    /**
     * Creates a rate-limit error.
     *
     * @param message which limit was hit
     * @param retryAfterSeconds whole seconds until a retry may succeed; at least 1
     */
    public RateLimitException(String message, long retryAfterSeconds) {
        super(ErrorCode.RATE_LIMIT_EXCEEDED, message, "Try again in " + Math.max(1, retryAfterSeconds) + " seconds",
                true, null);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    /** Whole seconds until a retry may succeed; at least 1. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
