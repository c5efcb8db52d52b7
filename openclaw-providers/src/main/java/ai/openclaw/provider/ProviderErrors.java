package ai.openclaw.provider;

import ai.openclaw.error.ErrorCode;
import ai.openclaw.error.UpstreamException;
import dev.langchain4j.exception.HttpException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.TimeoutException;

/**
 * The one place where provider failures become {@link UpstreamException}s: HTTP errors keep the provider's
 * status and message (in {@code details}); time-outs become {@link ErrorCode#TIMEOUT}; network failures and
 * anything else become {@link ErrorCode#UPSTREAM_ERROR}.
 */
final class ProviderErrors {
    private static final int MAX_DETAILS = 1000;

    private ProviderErrors() {
    }

    /** Maps any failure of a call to provider {@code provider} to an {@link UpstreamException}. */
    static UpstreamException map(String provider, Throwable error) {
        if (error instanceof UpstreamException u) {
            return u;
        }
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof HttpException http) {
                int status = http.statusCode();
                boolean retriable = status == 429 || status >= 500;
                return new UpstreamException(ErrorCode.UPSTREAM_ERROR,
                        "model provider '" + provider + "' answered HTTP " + status, trim(http.getMessage()), status,
                        retriable, error);
            }
            if (t instanceof HttpTimeoutException || t instanceof TimeoutException
                    || t instanceof java.net.SocketTimeoutException
                    || t instanceof dev.langchain4j.exception.TimeoutException) {
                return new UpstreamException(ErrorCode.TIMEOUT, "model provider '" + provider + "' timed out",
                        trim(t.getMessage()), 0, true, error);
            }
            if (t instanceof ConnectException || t instanceof ClosedChannelException) {
                return new UpstreamException(ErrorCode.UPSTREAM_ERROR,
                        "cannot connect to model provider '" + provider + "'", trim(t.toString()), 0, true, error);
            }
        }
        String detail = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        return new UpstreamException(ErrorCode.UPSTREAM_ERROR, "model provider '" + provider + "' failed",
                trim(detail), 0, true, error);
    }

    private static String trim(String s) {
        if (s == null) {
            return null;
        }
        return s.length() > MAX_DETAILS ? s.substring(0, MAX_DETAILS) + "…" : s;
    }
}
