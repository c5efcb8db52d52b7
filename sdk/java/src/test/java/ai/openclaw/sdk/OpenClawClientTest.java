package ai.openclaw.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Java SDK against a scripted HTTP server on 127.0.0.1: errors, retries, streams, pagination, verifiers. */
class OpenClawClientTest {
    record Answer(int status, String body, Map<String, String> headers) {
    }

    private HttpServer server;
    private final Deque<Answer> script = new ArrayDeque<>();
    private final List<String> requests = new ArrayList<>();
    private OpenClawClient client;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Answer a;
            synchronized (script) {
                requests.add(ex.getRequestMethod() + " " + ex.getRequestURI() + " "
                        + ex.getRequestHeaders().getFirst("Authorization") + " " + body);
                a = script.isEmpty() ? new Answer(200, "{}", Map.of()) : script.poll();
            }
            byte[] raw = a.body().getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", a.body().startsWith("data:") ? "text/event-stream"
                    : "application/json");
            ex.getResponseHeaders().set("X-Request-ID", "req_stub");
            a.headers().forEach(ex.getResponseHeaders()::set);
            ex.sendResponseHeaders(a.status(), raw.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(raw);
            }
        });
        server.start();
        client = OpenClawClient.builder().baseUrl("http://127.0.0.1:" + server.getAddress().getPort())
                .token("tok").backoff(Duration.ofMillis(1), Duration.ofSeconds(5)).build();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    void add(int status, String body, Map<String, String> headers) {
        synchronized (script) {
            script.add(new Answer(status, body, headers));
        }
    }

    static String err(String code, int retryAfter) {
        return "{\"error\":{\"code\":\"" + code + "\",\"message\":\"m\",\"details\":\"Try again in 42 seconds\""
                + (retryAfter > 0 ? ",\"retryAfter\":" + retryAfter : "") + "}}";
    }

    @Test
    void sendsWithTheTokenAndUnwrapsTheEnvelope() {
        add(200, "{\"success\":true,\"data\":{\"messageId\":\"msg_1\",\"text\":\"hi\",\"sessionId\":\"default\"}}",
                Map.of());
        MessageReply r = client.message().send("你好", "default");
        assertThat(r.text()).isEqualTo("hi");
        assertThat(r.id()).isEqualTo("msg_1");
        assertThat(requests.get(0)).startsWith("POST /api/v1/message Bearer tok ").contains("\"text\":\"你好\"");
    }

    @Test
    void errorsCarryStatusCodeDetailsRequestIdAndRetryAfter() {
        add(401, err("UNAUTHORIZED", 0), Map.of());
        assertThatThrownBy(client::status).isInstanceOfSatisfying(OpenClawApiException.class, e -> {
            assertThat(e.status()).isEqualTo(401);
            assertThat(e.code()).isEqualTo("UNAUTHORIZED");
            assertThat(e.requestId()).isEqualTo("req_stub");
        });
        add(404, err("NOT_FOUND", 0), Map.of());
        assertThatThrownBy(() -> client.conversations().get("x"))
                .isInstanceOfSatisfying(OpenClawApiException.class, e -> assertThat(e.status()).isEqualTo(404));
        add(429, err("RATE_LIMIT_EXCEEDED", 42), Map.of("Retry-After", "42"));
        assertThatThrownBy(() -> client.conversations().list(10, 0))
                .isInstanceOfSatisfying(OpenClawApiException.class, e -> {
                    assertThat(e.retryAfter()).isEqualTo(42.0);
                    assertThat(e.details().asText()).isEqualTo("Try again in 42 seconds");
                });
        assertThat(requests).hasSize(3);
    }

    @Test
    void retries429And5xxButNot400() {
        add(429, err("RATE_LIMIT_EXCEEDED", 0), Map.of("Retry-After", "0"));
        add(503, err("UNAVAILABLE", 0), Map.of());
        add(200, "{\"success\":true,\"data\":{\"sessions\":[{\"id\":\"s1\"}]}}", Map.of());
        assertThat(client.conversations().sessions(10, 0).items()).hasSize(1);
        assertThat(requests).hasSize(3);
        for (int i = 0; i < 3; i++) {
            add(502, err("UPSTREAM_ERROR", 0), Map.of());
        }
        assertThatThrownBy(() -> client.message().chat("s", "x", null))
                .isInstanceOfSatisfying(OpenClawApiException.class, e -> assertThat(e.code()).isEqualTo("UPSTREAM_ERROR"));
        assertThat(requests).hasSize(6);
        add(400, err("INVALID_REQUEST", 0), Map.of());
        assertThatThrownBy(() -> client.message().send("", null)).isInstanceOf(OpenClawApiException.class);
        assertThat(requests).hasSize(7);
    }

    @Test
    void streamsArriveAsStreamsAndErrorEventsThrow() {
        add(200, "data: {\"chunk\": \"春\"}\n\n: keep-alive\n\ndata: {\"chunk\": \"眠\"}\n\ndata: [DONE]\n\n", Map.of());
        try (Stream<String> s = client.message().stream("x", null)) {
            assertThat(s.toList()).containsExactly("春", "眠");
        }
        add(200, "data: {\"type\":\"delta\",\"content\":\"a\"}\n\ndata: {\"type\":\"tool_call\"}\n\n"
                + "data: {\"type\":\"delta\",\"content\":\"b\"}\n\ndata: {\"type\":\"done\"}\n\ndata: [DONE]\n\n", Map.of());
        try (Stream<String> s = client.conversations().stream("c1", "x")) {
            assertThat(String.join("", s.toList())).isEqualTo("ab");
        }
        add(200, "data: {\"content\":\"par\"}\n\ndata: {\"error\":{\"code\":\"UPSTREAM_ERROR\",\"message\":\"boom\"}}\n\n",
                Map.of());
        List<String> seen = new ArrayList<>();
        assertThatThrownBy(() -> {
            try (Stream<String> s = client.message().chatStream("s", "x", null)) {
                s.forEach(seen::add);
            }
        }).isInstanceOfSatisfying(OpenClawApiException.class, e -> assertThat(e.code()).isEqualTo("UPSTREAM_ERROR"));
        assertThat(seen).containsExactly("par");
    }

    @Test
    void paginationWalksEveryPage() {
        add(200, "{\"conversations\":[{\"id\":\"c1\"},{\"id\":\"c2\"}],\"pagination\":{\"total\":3,\"hasMore\":true}}",
                Map.of());
        add(200, "{\"conversations\":[{\"id\":\"c3\"}],\"pagination\":{\"total\":3,\"hasMore\":false}}", Map.of());
        List<String> ids = client.conversations().list(2, 0).autoPaging().map(n -> n.path("id").asText()).toList();
        assertThat(ids).containsExactly("c1", "c2", "c3");
        assertThat(requests.get(1)).contains("offset=2");
    }

    @Test
    void aSilentServerTimesOut() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            OpenClawClient c = OpenClawClient.builder().baseUrl("http://127.0.0.1:" + silent.getLocalPort())
                    .token("t").timeout(Duration.ofMillis(300)).maxRetries(0).build();
            assertThatThrownBy(() -> c.message().send("x", null))
                    .isInstanceOfSatisfying(OpenClawApiException.class, e -> assertThat(e.code()).isEqualTo("TIMEOUT"));
        }
    }

    @Test
    void webhookVerifiers() {
        String body = "{\"event\":\"message.received\",\"data\":{}}";
        String sig = "sha256=" + java.util.HexFormat.of().formatHex(hmac("k", body));
        assertThat(Webhooks.verifySignature(body, sig, "k")).isTrue();
        assertThat(Webhooks.verifySignature(body, sig, "other")).isFalse();
        Map<String, String> ref = Map.of("webhook-id", "msg_p5jXN8AQM9LWM0D4loKWxJek", "webhook-timestamp",
                "1614265330", "webhook-signature", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
        String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        Instant at = Instant.ofEpochSecond(1614265330);
        assertThat(Webhooks.verifyStandard("{\"test\": 2432232314}", ref, secret, Duration.ofMinutes(5), at)).isTrue();
        assertThat(Webhooks.verifyStandard("{\"test\": 2432232314}", ref, secret, Duration.ofMinutes(5),
                at.plusSeconds(3600))).isFalse();
        assertThat(Webhooks.verifyStandard("{\"test\": 2432232315}", ref, secret, null, at)).isFalse();
    }

    private static byte[] hmac(String key, String text) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void jsonNodeResultsReadLikeTheSeeds() {
        add(200, "{\"success\":true,\"data\":{\"results\":[{\"content\":\"OpenClaw 配置\",\"score\":0.9}]}}", Map.of());
        List<JsonNode> hits = client.memory().search("OpenClaw 配置", 5);
        assertThat(hits.get(0).path("content").asText()).isEqualTo("OpenClaw 配置");
        assertThat(requests.get(0)).contains("limit=5");
    }
}
