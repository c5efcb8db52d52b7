package ai.openclaw.auth;

/**
 * An admitted request: the rate-limit state to report in {@code X-RateLimit-*} headers, and the in-flight slot to
 * give back when the request ends ({@link #close()} is idempotent).
 */
public interface RequestPermit extends AutoCloseable {
    /** A permit for an unlimited caller: nothing to report or release. */
    RequestPermit UNLIMITED = new RequestPermit() {
        @Override
        public long limit() {
            return 0;
        }

        @Override
        public long remaining() {
            return 0;
        }

        @Override
        public long resetSeconds() {
            return 0;
        }

        @Override
        public void close() {
        }
    };

    /** The request limit reported as {@code X-RateLimit-Limit} (per minute, else per hour); 0 when unlimited. */
    long limit();

    /** Requests left right now ({@code X-RateLimit-Remaining}). */
    long remaining();

    /** Whole seconds until the allowance is full again ({@code X-RateLimit-Reset}). */
    long resetSeconds();

    /** Whether any request limit applies (and headers should be sent). */
    default boolean limited() {
        return limit() > 0;
    }

    /** Releases the in-flight slot. */
    @Override
    void close();
}
