package ai.openclaw.provider;

import ai.openclaw.error.ErrorCode;
import ai.openclaw.error.UpstreamException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * POSTs JSON to one provider over the JDK's HTTP client (HTTP/1.1, no redirects), with the {@link RetryPolicy}
 * applied before the first byte of the answer, and a watchdog that closes an answer still being read at the
 * call's deadline.
 */
final class UpstreamHttp {
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "openclaw-upstream-watchdog");
        t.setDaemon(true);
        return t;
    });
    private static final HttpClient SHARED = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10))
            .executor(Executors.newVirtualThreadPerTaskExecutor()).build();

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

    /** An open 2xx answer: its body stream, closed by the watchdog at the deadline. */
    static final class Answer implements AutoCloseable {
        final InputStream body;
        private final ScheduledFuture<?> watchdog;
        private final Instant deadline;
        private final Clock clock;

        Answer(InputStream body, Instant deadline, Clock clock) {
            this.body = body;
            this.deadline = deadline;
            this.clock = clock;
            long ms = Math.max(1, Duration.between(clock.instant(), deadline).toMillis());
            this.watchdog = WATCHDOG.schedule(() -> {
                try {
                    body.close();
                } catch (IOException e) {
                    // closing is all we want
                }
            }, ms, TimeUnit.MILLISECONDS);
        }

        boolean deadlinePassed() {
            return !clock.instant().isBefore(deadline);
        }

        @Override
        public void close() {
            watchdog.cancel(false);
            try {
                body.close();
            } catch (IOException e) {
                // nothing left to do
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
        Instant deadline = clock.instant().plus(timeout.compareTo(providerTimeout) < 0 ? timeout : providerTimeout);
        int attempt = 0;
        while (true) {
            Duration left = Duration.between(clock.instant(), deadline);
            if (left.isNegative() || left.isZero()) {
                throw new UpstreamException(ErrorCode.TIMEOUT, "model provider '" + provider + "' timed out", null,
                        0, true, null);
            }
            HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(left)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", "application/json");
            headers.forEach(b::header);
            UpstreamException failure;
            Duration retryAfter = null;
            try {
                HttpResponse<InputStream> r = client.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
                if (r.statusCode() / 100 == 2) {
                    return new Answer(r.body(), deadline, clock);
                }
                String text;
                try (InputStream in = r.body()) {
                    text = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
                }
                failure = ProviderErrors.http(provider, r.statusCode(), text);
                retryAfter = r.headers().firstValue("retry-after").map(v -> retryAfter(v, clock)).orElse(null);
            } catch (IOException e) {
                failure = ProviderErrors.io(provider, e, !clock.instant().isBefore(deadline));
                if (failure.code() == ErrorCode.TIMEOUT) {
                    throw failure;
                }
            } catch (InterruptedException e) {
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
