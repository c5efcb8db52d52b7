package ai.openclaw.error;

/**
 * The error codes every dialect uses, each with its HTTP status (DESIGN.md §1; seeds 000 and 004, 错误码).
 */
public enum ErrorCode {
    /** The request is malformed or a field is missing or of the wrong type (400). */
    INVALID_REQUEST(400),
    /** Missing, malformed, revoked or expired credentials (401). */
    UNAUTHORIZED(401),
    /** Valid credentials without the needed scope (403). */
    FORBIDDEN(403),
    /** The resource does not exist, or does not belong to the caller (404). */
    NOT_FOUND(404),
    /** The resource's state forbids the operation (409). */
    CONFLICT(409),
    /** The request body exceeds the configured limit (413). */
    PAYLOAD_TOO_LARGE(413),
    /** A rate limit or quota is exhausted (429). */
    RATE_LIMIT_EXCEEDED(429),
    /** An unexpected failure inside the gateway (500). */
    INTERNAL_ERROR(500),
    /** The model provider failed or answered with an error (502). */
    UPSTREAM_ERROR(502),
    /** The service is starting, stopping or overloaded (503). */
    UNAVAILABLE(503),
    /** The model provider or a tool did not answer in time (504). */
    TIMEOUT(504);

    private final int httpStatus;

    ErrorCode(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    /** The HTTP status this code maps to, e.g. 400 for {@link #INVALID_REQUEST}. */
    public int httpStatus() {
        return httpStatus;
    }
}
