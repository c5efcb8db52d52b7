package ai.openclaw.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.openclaw.error.ErrorCode;
import ai.openclaw.error.UpstreamException;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Retries before the first byte: connect errors, 429 and 5xx, with backoff or the provider's Retry-After. */
class UpstreamHttpRetryTest {
    private HttpServer server;
    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private final Pauser recording = waits::add;

    /** A server answering the given statuses in turn (then 200), with a Retry-After on 429s. */
    private URI serve(int... statuses) throws Exception {
        AtomicInteger n = new AtomicInteger();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", ex -> {
            ex.getRequestBody().readAllBytes();
            int i = n.getAndIncrement();
            int status = i < statuses.length ? statuses[i] : 200;
            byte[] body = (status == 200 ? "{\"ok\":" + i + "}" : "{\"error\":{\"message\":\"busy " + i + "\"}}")
                    .getBytes(StandardCharsets.UTF_8);
            if (status == 429) {
                ex.getResponseHeaders().set("Retry-After", "2");
            }
            ex.sendResponseHeaders(status, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private UpstreamHttp http(int retries) {
        return new UpstreamHttp("p", new RetryPolicy(retries, Duration.ofMillis(100), Duration.ofSeconds(8),
                Duration.ofSeconds(30)), recording, Clock.systemUTC(), Duration.ofSeconds(60));
    }

    private static String read(UpstreamHttp.Answer a) throws Exception {
        try (a) {
            return new String(a.body.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void fiveHundredsAndRateLimitsAreRetriedHonouringRetryAfter() throws Exception {
        URI uri = serve(503, 429);
        String body = read(http(2).post(uri, Map.of(), new byte[0], Duration.ofSeconds(30)));
        assertThat(body).isEqualTo("{\"ok\":2}");
        assertThat(waits).hasSize(2);
        assertThat(waits.get(0)).isBetween(Duration.ofMillis(100), Duration.ofMillis(120));
        assertThat(waits.get(1)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void exhaustedRetriesAndClientErrorsFailWithTheProvidersMessage() throws Exception {
        URI uri = serve(500, 500, 500, 400);
        assertThatThrownBy(() -> http(2).post(uri, Map.of(), new byte[0], Duration.ofSeconds(30)))
                .isInstanceOfSatisfying(UpstreamException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.UPSTREAM_ERROR);
                    assertThat(e.upstreamStatus()).isEqualTo(500);
                    assertThat(e.details()).isEqualTo("busy 2");
                });
        assertThat(waits).hasSize(2);
        waits.clear();
        assertThatThrownBy(() -> http(2).post(uri, Map.of(), new byte[0], Duration.ofSeconds(30)))
                .isInstanceOfSatisfying(UpstreamException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
                    assertThat(e.getMessage()).contains("busy 3");
                });
        assertThat(waits).as("a 400 is not retried").isEmpty();
    }

    @Test
    void connectErrorsAreRetriedThenReported() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        URI closed = URI.create("http://127.0.0.1:" + port + "/");
        assertThatThrownBy(() -> http(1).post(closed, Map.of(), new byte[0], Duration.ofSeconds(30)))
                .isInstanceOfSatisfying(UpstreamException.class, e -> {
                    assertThat(e.getMessage()).contains("cannot connect");
                    assertThat(e.retriable()).isTrue();
                });
        assertThat(waits).hasSize(1);
    }

    @Test
    void retryAfterReadsSecondsAndHttpDates() {
        Clock clock = Clock.fixed(java.time.Instant.parse("2026-01-01T00:00:00Z"), java.time.ZoneOffset.UTC);
        assertThat(UpstreamHttp.retryAfter("3", clock)).isEqualTo(Duration.ofSeconds(3));
        assertThat(UpstreamHttp.retryAfter("Thu, 01 Jan 2026 00:00:05 GMT", clock)).isEqualTo(Duration.ofSeconds(5));
        assertThat(UpstreamHttp.retryAfter("soon", clock)).isNull();
    }
}
