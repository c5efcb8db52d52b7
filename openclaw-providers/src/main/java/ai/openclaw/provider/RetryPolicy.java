package ai.openclaw.provider;

import java.time.Duration;
import java.util.Objects;

/**
 * How upstream calls are retried before the first byte of an answer: on connect errors, 429 and 5xx, up to
 * {@code maxRetries} times with exponential backoff from {@code initialBackoff} (doubling, capped at
 * {@code maxBackoff}, with jitter), honouring the provider's {@code Retry-After} up to {@code maxRetryAfter}.
 * Config per provider: {@code retries: 2, retryBackoffMs: 250}.
 *
 * @param maxRetries retries after the first attempt; 0 for none
 * @param initialBackoff the first wait; positive
 * @param maxBackoff the longest wait between attempts
 * @param maxRetryAfter the longest {@code Retry-After} honoured; a longer one fails the call at once
 */
public record RetryPolicy(int maxRetries, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {
    /** 2 retries, 250 ms doubling up to 8 s, Retry-After up to 30 s. */
    public static final RetryPolicy DEFAULTS = new RetryPolicy(2, Duration.ofMillis(250), Duration.ofSeconds(8),
            Duration.ofSeconds(30));

    /** Validates the bounds. */
    public RetryPolicy {
        if (maxRetries < 0 || maxRetries > 10) {
            throw new IllegalArgumentException("retries must be in [0, 10]");
        }
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
    }

    /** The backoff before retry number {@code retry} (1-based), with up to 20 % jitter from {@code random01}. */
    public Duration backoff(int retry, double random01) {
        long base = initialBackoff.toMillis() << Math.min(20, retry - 1);
        long capped = Math.min(base, maxBackoff.toMillis());
        return Duration.ofMillis(capped + (long) (capped * 0.2 * random01));
    }
}
