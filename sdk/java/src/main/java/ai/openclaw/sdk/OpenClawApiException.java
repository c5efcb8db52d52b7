package ai.openclaw.sdk;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An error answered by the gateway (any dialect's {@code {"error": {...}}} envelope), an error event inside a stream
 * ({@link #status()} 0), or a transport failure ({@link #status()} 0, code {@code CONNECTION_ERROR} or
 * {@code TIMEOUT}).
 */
public final class OpenClawApiException extends RuntimeException {
    private final int status;
    private final String code;
    private final JsonNode details;
    private final String requestId;
    private final Double retryAfter;

    /**
     * An error.
     *
     * @param status the HTTP status, or 0
     * @param code the gateway's code, e.g. {@code RATE_LIMIT_EXCEEDED} (may be null)
     * @param message the message
     * @param details the details (may be null)
     * @param requestId the {@code X-Request-ID} (may be null)
     * @param retryAfter seconds to wait, for 429 (may be null)
     * @param cause the cause (may be null)
     */
    public OpenClawApiException(int status, String code, String message, JsonNode details, String requestId,
            Double retryAfter, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.code = code;
        this.details = details;
        this.requestId = requestId;
        this.retryAfter = retryAfter;
    }

    /** The HTTP status, or 0 for stream error events and transport failures. */
    public int status() {
        return status;
    }

    /** The gateway's error code (e.g. {@code UNAUTHORIZED}, {@code NOT_FOUND}); null when none was given. */
    public String code() {
        return code;
    }

    /** The error's details (a text such as "Try again in 12 seconds", or JSON); null when none. */
    public JsonNode details() {
        return details;
    }

    /** The response's {@code X-Request-ID}; null when none. */
    public String requestId() {
        return requestId;
    }

    /** Seconds to wait before retrying (429); null when not given. */
    public Double retryAfter() {
        return retryAfter;
    }

    @Override
    public String toString() {
        return "OpenClawApiException[" + status + " " + code + ": " + getMessage()
                + (requestId == null ? "" : ", request " + requestId) + "]";
    }
}
