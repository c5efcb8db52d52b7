package ai.openclaw.auth;

import ai.openclaw.error.OpenClawException;
import ai.openclaw.error.RateLimitException;
import ai.openclaw.event.EventBus;
import ai.openclaw.llm.Usage;
import java.time.Clock;

/**
 * Enforces {@link RateLimitPolicy rate limits and quotas} per caller with token buckets (Bucket4j): requests per
 * minute with burst and per hour, requests in flight, open SSE streams, model tokens per minute, batch sizes, and
 * failed authentications per client address. Refusals publish a {@code rate_limit.exceeded} event (seed 002), at most
 * one per minute per caller and limit.
 */
public interface RateLimiter {
    /**
     * Admits one request.
     *
     * @param principal the authenticated caller
     * @return the permit; close it when the request ends
     * @throws RateLimitException when a request or in-flight limit is exhausted
     */
    RequestPermit acquire(Principal principal);

    /**
     * Opens an SSE stream slot.
     *
     * @return a handle whose {@code close()} frees the slot (idempotent)
     * @throws RateLimitException when the caller already has its maximum of open streams
     */
    AutoCloseable openStream(Principal principal);

    /**
     * Checks that the caller has model tokens left this minute.
     *
     * @throws RateLimitException when the token or context-token budget is spent
     */
    void checkTokens(Principal principal);

    /** Charges a turn's usage to the caller's token budgets (may go below zero; later turns wait). */
    void recordTokens(Principal principal, Usage usage);

    /**
     * Checks a batch request's size against the caller's plan (seed 003).
     *
     * @throws OpenClawException INVALID_REQUEST naming {@code operations} when the batch is too large
     */
    void checkBatch(Principal principal, int operations);

    /**
     * Refuses a client address that has failed authentication too often; call before checking its credential.
     *
     * @throws RateLimitException when the address is over its limit
     */
    void checkAuthAllowed(String address);

    /** Records a failed authentication from a client address. */
    void authFailed(String address);

    /**
     * Replaces the limits while running (a changed {@code gateway.rate_limit} in config.yaml, issue 13): each caller
     * whose policy changed gets fresh buckets on its next request; the others keep theirs.
     *
     * @param config the new limits
     */
    void reconfigure(RateLimitConfig config);

    /** The policy in force for a caller. */
    RateLimitPolicy policyFor(Principal principal);

    /**
     * The default, in-process implementation.
     *
     * @param config the limits
     * @param events where {@code rate_limit.exceeded} goes
     * @param clock the time source of every bucket (tests control time)
     */
    static RateLimiter create(RateLimitConfig config, EventBus events, Clock clock) {
        return new BucketRateLimiter(config, events, clock);
    }
}
