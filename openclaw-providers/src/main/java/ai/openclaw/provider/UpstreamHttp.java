package ai.openclaw.provider;

import ai.openclaw.error.ErrorCode;
import ai.openclaw.error.UpstreamException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.CompletableResponseListener;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * POSTs JSON to one provider over Jetty's HTTP client (HTTP/1.1, keep-alive connection pool, no redirects), with
 * the {@link RetryPolicy} applied before the first byte of the answer; the whole exchange (reading a streamed
 * answer included) is bounded by the call's deadline, after which the answer's stream fails.
 */
final class UpstreamHttp {
    /** The most bytes read to finish an answer so that its connection can be reused; more and it is closed. */
    private static final int MAX_DRAIN = 64 * 1024;
    /** The largest answer {@link #postForBody} reads into memory: 32 MiB. */
    static final int MAX_BUFFERED = 32 * 1024 * 1024;
    private static final HttpClient SHARED = start();

    private final String provider;
    private final HttpClient client;
    private final RetryPolicy retry;
    private final Pauser pauser;
    private final Clock clock;

    private final Duration providerTimeout;

    UpstreamHttp(String provider, RetryPolicy retry, Pauser pauser, Clock clock, Duration providerTimeout) {
        this(provider, SHARED, retry, pauser, clock, providerTimeout);
    }

    UpstreamHttp(String provider, HttpClient client, RetryPolicy retry, Pauser pauser, Clock clock,
                 Duration providerTimeout) {
        this.providerTimeout = providerTimeout;
        this.provider = provider;
        this.client = client;
        this.retry = retry;
        this.pauser = pauser;
        this.clock = clock;
    }

    /** The process-wide client: daemon threads, connections kept alive per provider. */
    private static HttpClient start() {
        QueuedThreadPool pool = new QueuedThreadPool(64, 2, 60_000);
        pool.setName("openclaw-upstream");
        pool.setDaemon(true);
        HttpClient c = new HttpClient();
        c.setExecutor(pool);
        c.setFollowRedirects(false);
        c.setConnectTimeout(10_000);
        c.setIdleTimeout(60_000);
        c.setMaxConnectionsPerDestination(1024);
        c.setMaxRequestsQueuedPerDestination(65_536);
        c.setUserAgentField(new HttpField(HttpHeader.USER_AGENT, "openclaw-gateway"));
        try {
            c.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the upstream HTTP client", e);
        }
        return c;
    }

    /** An open 2xx answer: its body stream, failing once the call's deadline has passed. */
    static final class Answer implements AutoCloseable {
        final InputStream body;
        private final Instant deadline;
        private final Clock clock;
        private boolean finished;

        Answer(InputStream body, Instant deadline, Clock clock) {
            this.body = body;
            this.deadline = deadline;
            this.clock = clock;
        }

        boolean deadlinePassed() {
            return !clock.instant().isBefore(deadline);
        }

        /**
         * Marks the answer as read completely (the JSON body parsed, the stream's last event seen): {@link #close}
         * then reads what is left (the end of the message) so that the connection goes back to the pool.
         */
        void finish() {
            finished = true;
        }

        @Override
        public void close() {
            try {
                if (finished) {
                    byte[] rest = new byte[1024];
                    int total = 0;
                    int n;
                    while (total <= MAX_DRAIN && (n = body.read(rest)) >= 0) {
                        total += n;
                    }
                }
            } catch (IOException e) {
                // the connection is closed instead of reused
            } finally {
                try {
                    body.close();
                } catch (IOException e) {
                    // nothing left to do
                }
            }
        }
    }

    /**
     * POSTs the body and returns the open 2xx answer; the whole call (retries and reading the answer included) ends
     * at the earlier of {@code timeout} and the provider's configured {@code timeoutMs}.
     *
     * @throws UpstreamException the mapped failure once retries are exhausted or the failure is not retriable
     */
    Answer post(URI uri, Map<String, String> headers, byte[] body, Duration timeout) {
        return exchange(uri, headers, body, timeout, false).answer;
    }

    /**
     * POSTs the body and returns the whole 2xx answer body, read into memory (at most {@link #MAX_BUFFERED} bytes):
     * for answers that are parsed whole (non-streamed chat, embeddings). The wait for it is not a timed park of its
     * own: the exchange's total timeout (the earlier of {@code timeout} and the provider's {@code timeoutMs}) ends it.
     *
     * @throws UpstreamException the mapped failure once retries are exhausted or the failure is not retriable; a
     *                           larger answer fails as malformed
     */
    byte[] postForBody(URI uri, Map<String, String> headers, byte[] body, Duration timeout) {
        return exchange(uri, headers, body, timeout, true).content;
    }

    /**
     * {@link #postForBody} parsed: the whole 2xx answer as a JSON object (non-streamed chat, embeddings).
     *
     * @throws UpstreamException as {@link #postForBody}; an answer that is not a JSON object fails as malformed
     */
    com.fasterxml.jackson.databind.JsonNode postForJson(URI uri, Map<String, String> headers, byte[] body,
                                                        Duration timeout) {
        byte[] answer = postForBody(uri, headers, body, timeout);
        com.fasterxml.jackson.databind.JsonNode json;
        try {
            json = ai.openclaw.provider.wire.OpenAiChatJson.MAPPER.readTree(answer);
        } catch (IOException e) {
            throw ProviderErrors.malformed(provider, "the answer is not JSON", e);
        }
        if (json == null || !json.isObject()) {
            throw ProviderErrors.malformed(provider, "the answer is not a JSON object", null);
        }
        return json;
    }

    /** One exchange's 2xx result: the open answer (streamed) or its whole body (buffered). */
    private record Result(Answer answer, byte[] content) {
    }

    private Result exchange(URI uri, Map<String, String> headers, byte[] body, Duration timeout, boolean buffered) {
        Instant deadline = clock.instant().plus(timeout.compareTo(providerTimeout) < 0 ? timeout : providerTimeout);
        int attempt = 0;
        while (true) {
            Duration left = Duration.between(clock.instant(), deadline);
            if (left.isNegative() || left.isZero()) {
                throw new UpstreamException(ErrorCode.TIMEOUT, "model provider '" + provider + "' timed out", null,
                        0, true, null);
            }
            long leftMs = Math.max(1, left.toMillis());
            Request request = client.newRequest(uri).method(HttpMethod.POST).timeout(leftMs, TimeUnit.MILLISECONDS)
                    .body(new BytesRequestContent("application/json", body));
            if (!headers.isEmpty()) {
                request.headers(h -> headers.forEach(h::put));
            }
            UpstreamException failure;
            Duration retryAfter = null;
            try {
                int status;
                String text;
                HttpFields fields;
                if (buffered) {
                    ContentResponse r = new CompletableResponseListener(request, MAX_BUFFERED).send().get();
                    if (r.getStatus() / 100 == 2) {
                        return new Result(null, r.getContent());
                    }
                    status = r.getStatus();
                    fields = r.getHeaders();
                    byte[] content = r.getContent();
                    text = new String(content, 0, Math.min(content.length, 64 * 1024), StandardCharsets.UTF_8);
                } else {
                    InputStreamResponseListener listener = new InputStreamResponseListener();
                    request.send(listener);
                    Response r = listener.get(leftMs, TimeUnit.MILLISECONDS);
                    if (r.getStatus() / 100 == 2) {
                        return new Result(new Answer(listener.getInputStream(), deadline, clock), null);
                    }
                    try (InputStream in = listener.getInputStream()) {
                        text = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
                    }
                    status = r.getStatus();
                    fields = r.getHeaders();
                }
                failure = ProviderErrors.http(provider, status, text);
                String ra = fields.get(HttpHeader.RETRY_AFTER);
                retryAfter = ra == null ? null : retryAfter(ra, clock);
            } catch (TimeoutException e) {
                request.abort(e);
                throw ProviderErrors.timeout(provider, e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                if (cause instanceof IllegalArgumentException tooLarge && buffered) {
                    throw ProviderErrors.malformed(provider, "the answer is larger than " + MAX_BUFFERED
                            + " bytes", tooLarge);
                }
                failure = ProviderErrors.io(provider, cause, !clock.instant().isBefore(deadline));
                if (failure.code() == ErrorCode.TIMEOUT) {
                    throw failure;
                }
            } catch (IOException e) {
                failure = ProviderErrors.io(provider, e, !clock.instant().isBefore(deadline));
                if (failure.code() == ErrorCode.TIMEOUT) {
                    throw failure;
                }
            } catch (InterruptedException e) {
                request.abort(e);
                Thread.currentThread().interrupt();
                throw new UpstreamException(ErrorCode.UPSTREAM_ERROR, "model call to '" + provider
                        + "' was interrupted", null, 0, true, e);
            }
            attempt++;
            if (!failure.retriable() || attempt > retry.maxRetries()) {
                throw failure;
            }
            Duration wait = retryAfter != null ? retryAfter : retry.backoff(attempt,
                    ThreadLocalRandom.current().nextDouble());
            if (wait.compareTo(retry.maxRetryAfter()) > 0
                    || clock.instant().plus(wait).isAfter(deadline)) {
                throw failure;
            }
            try {
                pauser.pause(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure;
            }
        }
    }

    /** {@code Retry-After}: delta seconds or an HTTP date; null when unreadable. */
    static Duration retryAfter(String value, Clock clock) {
        try {
            return Duration.ofMillis((long) (Double.parseDouble(value.strip()) * 1000));
        } catch (NumberFormatException e) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(clock.instant(), at.toInstant());
                return d.isNegative() ? Duration.ZERO : d;
            } catch (RuntimeException e2) {
                return null;
            }
        }
    }
}
