package ai.openclaw.provider;

import ai.openclaw.error.ErrorCode;
import ai.openclaw.error.UpstreamException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.UnresolvedAddressException;
import java.util.concurrent.TimeoutException;

/**
 * The one place where provider failures become {@link UpstreamException}s: an HTTP error keeps the provider's
 * status and its own message (in {@code details}; OpenAI's and Anthropic's {@code error.message}); a 400/404/422 is
 * the client's request rejected ({@code INVALID_REQUEST}); 408/504 and time-outs are {@link ErrorCode#TIMEOUT};
 * network failures and anything else {@link ErrorCode#UPSTREAM_ERROR}. 429, 5xx and connect errors are retriable.
 */
final class ProviderErrors {
    private static final int MAX_DETAILS = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProviderErrors() {
    }

    /** An HTTP error answer of {@code provider}, with the body it sent (may be empty). */
    static UpstreamException http(String provider, int status, String body) {
        String message = providerMessage(body);
        boolean retriable = status == 429 || status >= 500;
        if (status == 408 || status == 504) {
            return new UpstreamException(ErrorCode.TIMEOUT, "model provider '" + provider + "' timed out (HTTP "
                    + status + ")", trim(message), status, true, null);
        }
        if (status == 400 || status == 404 || status == 422 || status == 413) {
            return new UpstreamException(ErrorCode.INVALID_REQUEST, "model provider '" + provider
                    + "' rejected the request (HTTP " + status + "): " + trim(message), trim(message), status, false,
                    null);
        }
        return new UpstreamException(ErrorCode.UPSTREAM_ERROR, "model provider '" + provider + "' answered HTTP "
                + status, trim(message), status, retriable, null);
    }

    /** An error event inside a stream (Anthropic {@code event: error}, an OpenAI chunk with {@code error}). */
    static UpstreamException streamError(String provider, JsonNode error) {
        String type = error.path("type").asText("");
        String message = error.path("message").asText(error.toString());
        boolean retriable = type.contains("overloaded") || type.contains("rate_limit") || type.contains("api_error");
        return new UpstreamException(ErrorCode.UPSTREAM_ERROR, "model provider '" + provider + "' failed mid-stream",
                trim(message), 0, retriable, null);
    }

    /**
     * A failure to talk to {@code provider} at all, or a broken connection: connect failures (refused, unresolvable,
     * connect time-out) are retriable UPSTREAM_ERRORs, an exchange past its deadline a TIMEOUT.
     */
    static UpstreamException io(String provider, Throwable error, boolean deadlinePassed) {
        boolean connect = false;
        boolean timedOut = false;
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnresolvedAddressException
                    || t instanceof HttpConnectTimeoutException || t instanceof UnknownHostException
                    || (t instanceof SocketTimeoutException && String.valueOf(t.getMessage()).contains("Connect"))) {
                connect = true;
                break;
            }
            if (t instanceof TimeoutException || t instanceof HttpTimeoutException) {
                timedOut = true;
            }
        }
        if (!connect && (deadlinePassed || timedOut)) {
            return timeout(provider, error);
        }
        if (connect || error instanceof ClosedChannelException) {
            return new UpstreamException(ErrorCode.UPSTREAM_ERROR, "cannot connect to model provider '" + provider
                    + "'", trim(error.getMessage()), 0, true, error);
        }
        return new UpstreamException(ErrorCode.UPSTREAM_ERROR, "model provider '" + provider + "' failed: the "
                + "connection broke", trim(error.getMessage()), 0, true, error);
    }

    /** The call's deadline passed before the answer was complete. */
    static UpstreamException timeout(String provider, Throwable error) {
        return new UpstreamException(ErrorCode.TIMEOUT, "model provider '" + provider + "' timed out",
                trim(error.getMessage()), 0, true, error);
    }

    /** An answer that is not what the wire format promises. */
    static UpstreamException malformed(String provider, String what, Throwable cause) {
        return new UpstreamException(ErrorCode.UPSTREAM_ERROR, "model provider '" + provider + "' sent a malformed "
                + "answer", trim(what), 0, true, cause);
    }

    private static String providerMessage(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode n = JSON.readTree(body);
            JsonNode m = n.path("error").path("message");
            if (m.isTextual()) {
                return m.textValue();
            }
            if (n.path("error").isTextual()) {
                return n.path("error").textValue();
            }
            if (n.path("message").isTextual()) {
                return n.path("message").textValue();
            }
        } catch (IOException | RuntimeException e) {
            // not JSON: the raw text
        }
        return body;
    }

    private static String trim(String s) {
        if (s == null) {
            return null;
        }
        return s.length() > MAX_DETAILS ? s.substring(0, MAX_DETAILS) + "…" : s;
    }
}
