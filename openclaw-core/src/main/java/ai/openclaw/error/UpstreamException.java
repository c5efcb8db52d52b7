package ai.openclaw.error;

/**
 * A model provider failed: {@link ErrorCode#UPSTREAM_ERROR} (502), {@link ErrorCode#TIMEOUT} (504) when it did
 * not answer in time, or {@link ErrorCode#INVALID_REQUEST} (400) when it rejected the client's request. The provider's own message goes in {@link #details()}.
 */
public final class UpstreamException extends OpenClawException {
    private static final long serialVersionUID = 1L;

    private final int upstreamStatus;

    /**
     * Creates an upstream failure.
     *
     * @param code {@link ErrorCode#UPSTREAM_ERROR}, {@link ErrorCode#TIMEOUT}, or {@link ErrorCode#INVALID_REQUEST}
     *     when the provider rejected the client's request (its 400)
     * @param message what failed, e.g. "provider 'zai' answered 500"
     * @param details the provider's own error message, or null
     * @param upstreamStatus the provider's HTTP status, or 0 when no response arrived
     * @param retriable whether the same call may succeed later (5xx, 429, network errors, timeouts)
     * @param cause the underlying cause, or null
     * @throws IllegalArgumentException if code is neither UPSTREAM_ERROR nor TIMEOUT
     */
    public UpstreamException(ErrorCode code, String message, String details, int upstreamStatus,
                             boolean retriable, Throwable cause) {
        super(code, message, details, retriable, cause);
        if (code != ErrorCode.UPSTREAM_ERROR && code != ErrorCode.TIMEOUT && code != ErrorCode.INVALID_REQUEST) {
            throw new IllegalArgumentException("upstream errors are UPSTREAM_ERROR, TIMEOUT or INVALID_REQUEST, not "
                    + code);
        }
        this.upstreamStatus = upstreamStatus;
    }

    /** The provider's HTTP status, or 0 when no response arrived (network error, timeout). */
    public int upstreamStatus() {
        return upstreamStatus;
    }
}
