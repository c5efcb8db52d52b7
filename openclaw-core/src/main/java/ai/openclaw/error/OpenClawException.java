package ai.openclaw.error;

import java.util.Objects;

/**
 * The root of the gateway's one exception hierarchy: an error with a {@link ErrorCode}, a
 * human message, optional details, and whether retrying the same call may succeed.
 *
 * <p>Only the server's error mapper turns these into HTTP responses; the message and details
 * are shown to clients, so they never contain secrets or stack traces.
 */
public class OpenClawException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final String details;
    private final boolean retriable;

    /**
     * Creates an error.
     *
     * @param code the error code; never null
     * @param message a one-line message that names the offending field or resource; never null
     * @param details more context for the client (e.g. the provider's own message), or null
     * @param retriable whether the same call may succeed later
     * @param cause the underlying cause, or null
     */
    public OpenClawException(ErrorCode code, String message, String details, boolean retriable, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.code = Objects.requireNonNull(code, "code");
        this.details = details;
        this.retriable = retriable;
    }

    /** The error code; never null. */
    public ErrorCode code() {
        return code;
    }

    /** Extra detail for the client, or null when there is none. */
    public String details() {
        return details;
    }

    /** Whether retrying the same call may succeed (rate limits, upstream hiccups, timeouts). */
    public boolean retriable() {
        return retriable;
    }

    /** A 400 {@link ErrorCode#INVALID_REQUEST} naming the offending field in {@code message}. */
    public static OpenClawException invalid(String message) {
        return new OpenClawException(ErrorCode.INVALID_REQUEST, message, null, false, null);
    }

    /** A 400 {@link ErrorCode#INVALID_REQUEST} with details. */
    public static OpenClawException invalid(String message, String details) {
        return new OpenClawException(ErrorCode.INVALID_REQUEST, message, details, false, null);
    }

    /** A 404 {@link ErrorCode#NOT_FOUND} for the resource kind and id, e.g. {@code notFound("session", "abc")}. */
    public static OpenClawException notFound(String kind, String id) {
        return new OpenClawException(ErrorCode.NOT_FOUND, kind + " '" + id + "' not found", null, false, null);
    }

    /** A 401 {@link ErrorCode#UNAUTHORIZED} with the given message. */
    public static OpenClawException unauthorized(String message) {
        return new OpenClawException(ErrorCode.UNAUTHORIZED, message, null, false, null);
    }

    /** A 403 {@link ErrorCode#FORBIDDEN} with the given message. */
    public static OpenClawException forbidden(String message) {
        return new OpenClawException(ErrorCode.FORBIDDEN, message, null, false, null);
    }

    /** A 409 {@link ErrorCode#CONFLICT} with the given message. */
    public static OpenClawException conflict(String message) {
        return new OpenClawException(ErrorCode.CONFLICT, message, null, false, null);
    }

    /** A 500 {@link ErrorCode#INTERNAL_ERROR}; the cause is logged, never shown. */
    public static OpenClawException internal(String message, Throwable cause) {
        return new OpenClawException(ErrorCode.INTERNAL_ERROR, message, null, false, cause);
    }
}
