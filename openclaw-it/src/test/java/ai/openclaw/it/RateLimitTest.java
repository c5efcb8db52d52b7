package ai.openclaw.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.openclaw.event.DomainEvent;
import ai.openclaw.testkit.GatewayExtension;
import ai.openclaw.testkit.HttpResult;
import ai.openclaw.testkit.TestGateway;
import ai.openclaw.testkit.fake.FakeProvider;
import ai.openclaw.testkit.fake.FakeReply;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Rate limits and quotas over real sockets (seeds 000, 002, 003, 004): burst above the configured limit gets 429
 * with Retry-After / retryAfter in every dialect and succeeds again after that many seconds; X-RateLimit headers;
 * in-flight, stream and token limits; the gateway token is exempt; failed authentication is limited per address.
 */
class RateLimitTest {
    @RegisterExtension
    static final GatewayExtension ENV = GatewayExtension.withConfig(f -> TestGateway.providerConfig(f.openAiBaseUrl(),
            null) + "gateway:\n  rate_limit:\n    requests_per_minute: 60\n    burst: 3\n"
            + "    auth_failures_per_minute: 10000\n");
    static FakeProvider fake;
    static TestGateway gw;
    static final AtomicInteger NAMES = new AtomicInteger();
    static final List<DomainEvent> EVENTS = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() {
        fake = ENV.fake();
        gw = ENV.gateway();
        gw.gateway().services().events().subscribe(e -> {
            if (e.type().equals("rate_limit.exceeded")) {
                EVENTS.add(e);
            }
        });
    }

    /** Creates a key over the API with optional limit overrides; returns its secret. */
    static String newKey(TestGateway g, String limitsJson) {
        String name = "rl-" + NAMES.incrementAndGet();
        HttpResult r = g.post("/api/v1/keys", "{\"name\": \"" + name + "\""
                + (limitsJson == null ? "" : ", \"limits\": " + limitsJson) + "}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().at("/data/key").asText();
    }

    static HttpResult as(String key, String method, String path, String body) {
        return gw.send(method, path, body, body == null ? Map.of("X-API-Key", key)
                : Map.of("Authorization", "Bearer " + key, "Content-Type", "application/json"));
    }

    @Test
    void burstAboveTheLimitGets429AndSucceedsAgainAfterRetryAfterSeconds() {
        String key = newKey(gw, null);
        for (int i = 0; i < 3; i++) {
            HttpResult ok = as(key, "GET", "/api/v1/sessions", null);
            assertThat(ok.status()).as(ok.body()).isEqualTo(200);
            assertThat(ok.header("X-RateLimit-Limit")).isEqualTo("60");
            assertThat(ok.header("X-RateLimit-Remaining")).isEqualTo(Integer.toString(2 - i));
            assertThat(ok.header("X-RateLimit-Reset")).isNotNull();
        }
        HttpResult limited = as(key, "GET", "/api/v1/sessions", null);
        assertThat(limited.status()).isEqualTo(429);
        long retryAfter = Long.parseLong(limited.header("Retry-After"));
        assertThat(retryAfter).isPositive();
        JsonNode error = limited.json().path("error");
        assertThat(limited.json().path("success").asBoolean(true)).isFalse();
        assertThat(error.path("code").asText()).isEqualTo("RATE_LIMIT_EXCEEDED");
        assertThat(error.path("retryAfter").asLong()).isEqualTo(retryAfter);
        assertThat(error.path("details").asText()).isEqualTo("Try again in " + retryAfter + " seconds");
        assertThat(limited.header("X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(EVENTS).anySatisfy(e -> assertThat(e.data()).containsEntry("limit", "requests_per_minute")
                .doesNotContainValue(key));
        AtomicInteger attempts = new AtomicInteger();
        await().pollDelay(Duration.ofSeconds(retryAfter)).pollInterval(Duration.ofMillis(200))
                .atMost(Duration.ofSeconds(retryAfter + 10))
                .until(() -> {
                    attempts.incrementAndGet();
                    return as(key, "GET", "/api/v1/sessions", null).status() == 200;
                });
        assertThat(attempts.get()).as("the first retry after Retry-After seconds succeeds").isEqualTo(1);
    }

    @Test
    void everyDialectAnswers429InItsOwnEnvelope() {
        record Case(String path, String dialect) {
        }
        for (Case c : List.of(new Case("/api/v1/status", "gateway"), new Case("/v1/sessions", "plain"),
                new Case("/v2/conversations", "plain"), new Case("/v1/models", "openai"))) {
            String key = newKey(gw, null);
            HttpResult r = null;
            for (int i = 0; i < 4; i++) {
                r = as(key, "GET", c.path(), null);
            }
            assertThat(r.status()).as(c.path()).isEqualTo(429);
            assertThat(r.header("Retry-After")).isNotNull();
            JsonNode error = r.json().path("error");
            assertThat(error.path("code").asText()).isEqualTo("RATE_LIMIT_EXCEEDED");
            assertThat(error.path("retryAfter").asLong()).isPositive();
            assertThat(error.path("details").asText()).startsWith("Try again in ");
            switch (c.dialect()) {
                case "gateway" -> assertThat(r.json().path("success").asBoolean(true)).isFalse();
                case "openai" -> assertThat(error.path("type").asText()).isEqualTo("rate_limit_error");
                default -> assertThat(r.json().has("success")).isFalse();
            }
        }
    }

    @Test
    void theGatewayTokenIsNotLimited() {
        for (int i = 0; i < 40; i++) {
            HttpResult r = gw.get("/api/v1/sessions");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("X-RateLimit-Limit")).isNull();
        }
    }

    @Test
    void concurrentRequestsAreCappedAndSlotsComeBackAfterErrors() throws Exception {
        String key = newKey(gw, "{\"requests_per_minute\": 0, \"requests_per_hour\": 0, \"concurrent\": 1}");
        for (int i = 0; i < 5; i++) {
            assertThat(as(key, "GET", "/api/v1/sessions/nope-" + i, null).status()).isEqualTo(404);
            assertThat(as(key, "POST", "/api/v1/message", "{\"text\": 42}").status()).isEqualTo(400);
        }
        assertThat(as(key, "GET", "/api/v1/sessions", null).status()).isEqualTo(200);
        fake.enqueue(FakeReply.delayed(Duration.ofSeconds(2), FakeReply.text("slow")));
        int before = fake.requests().size();
        CompletableFuture<HttpResult> slow = CompletableFuture.supplyAsync(() -> as(key, "POST", "/api/v1/message",
                "{\"text\": \"hold the slot\", \"session\": \"rl-concurrent\"}"));
        await().atMost(Duration.ofSeconds(60)).until(() -> fake.requests().size() > before);
        HttpResult refused = as(key, "GET", "/api/v1/sessions", null);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.json().at("/error/message").asText()).contains("concurrent");
        assertThat(gw.get("/api/v1/sessions").status()).as("other callers are unaffected").isEqualTo(200);
        assertThat(slow.get().status()).isEqualTo(200);
        assertThat(as(key, "GET", "/api/v1/sessions", null).status()).isEqualTo(200);
    }

    @Test
    void openStreamsAreCappedPerKey() throws Exception {
        String key = newKey(gw, "{\"requests_per_minute\": 0, \"requests_per_hour\": 0, \"streams\": 1}");
        fake.enqueue(FakeReply.delayed(Duration.ofSeconds(2), FakeReply.text("slow stream")));
        int before = fake.requests().size();
        CompletableFuture<HttpResult> stream = CompletableFuture.supplyAsync(() -> as(key, "POST",
                "/api/v1/message/stream", "{\"text\": \"stream\", \"session\": \"rl-stream\"}"));
        await().atMost(Duration.ofSeconds(60)).until(() -> fake.requests().size() > before);
        HttpResult second = as(key, "POST", "/v1/chat/completions",
                "{\"stream\": true, \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}");
        assertThat(second.status()).isEqualTo(429);
        assertThat(second.json().at("/error/message").asText()).contains("streams");
        assertThat(as(key, "GET", "/v2/conversations", null).status()).as("plain requests still pass")
                .isEqualTo(200);
        assertThat(stream.get().status()).isEqualTo(200);
        assertThat(stream.get().sseData()).contains("[DONE]");
        HttpResult again = as(key, "POST", "/api/v1/message/stream", "{\"text\": \"again\", \"session\": \"rl-stream\"}");
        assertThat(again.status()).isEqualTo(200);
    }

    @Test
    void modelTokenBudgetIsEnforced() {
        String key = newKey(gw, "{\"tokens_per_minute\": 50}");
        fake.enqueue(FakeReply.text("spend it all").withUsage(40, 30));
        assertThat(as(key, "POST", "/api/v1/message", "{\"text\": \"hi\", \"session\": \"rl-tokens\"}").status())
                .isEqualTo(200);
        int before = fake.requests().size();
        HttpResult r = as(key, "POST", "/v2/conversations/rl-tokens/messages", "{\"content\": \"more\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(429);
        assertThat(r.json().at("/error/message").asText()).contains("token budget");
        assertThat(r.json().at("/error/retryAfter").asLong()).isPositive();
        assertThat(fake.requests()).as("the model was not called").hasSize(before);
    }

    @Test
    void limitOverridesAreVisibleAndEditable() {
        String key = newKey(gw, "{\"requests_per_minute\": 120}");
        JsonNode listed = gw.get("/api/v1/keys").json().at("/data/keys");
        JsonNode mine = null;
        for (JsonNode k : listed) {
            if (key.startsWith(k.path("prefix").asText()) && k.path("limits").path("requestsPerMinute").asLong() == 120) {
                mine = k;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.at("/effectiveLimits/requestsPerMinute").asLong()).isEqualTo(120);
        assertThat(mine.at("/effectiveLimits/concurrent").asLong()).isEqualTo(5);
        HttpResult patched = gw.send("PATCH", "/api/v1/keys/" + mine.path("id").asText(),
                "{\"plan\": \"pro\", \"limits\": {\"burst\": 1}}", Map.of("Authorization", "Bearer "
                        + TestGateway.TOKEN, "Content-Type", "application/json"));
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(patched.json().at("/data/effectiveLimits/requestsPerMinute").asLong()).isEqualTo(600);
        assertThat(patched.json().at("/data/effectiveLimits/concurrent").asLong()).isEqualTo(20);
        assertThat(as(key, "GET", "/v1/models", null).status()).isEqualTo(200);
        assertThat(as(key, "GET", "/v1/models", null).status()).as("burst 1 is in force at once").isEqualTo(429);
    }

    @Test
    void failedAuthenticationIsRateLimitedPerClientAddress() {
        try (TestGateway strict = TestGateway.start("gateway:\n  rate_limit:\n    auth_failures_per_minute: 3\n")) {
            for (int i = 0; i < 3; i++) {
                HttpResult r = strict.send("GET", "/api/v1/status", null, Map.of("Authorization",
                        "Bearer oc_api_sk_guess" + i));
                assertThat(r.status()).isEqualTo(401);
            }
            HttpResult locked = strict.send("GET", "/api/v1/status", null, Map.of("Authorization",
                    "Bearer oc_api_sk_guess9"));
            assertThat(locked.status()).isEqualTo(429);
            assertThat(locked.header("Retry-After")).isNotNull();
            assertThat(locked.json().at("/error/message").asText()).contains("failed authentication");
            assertThat(strict.send("GET", "/health", null, Map.of()).status()).isEqualTo(200);
            assertThat(strict.send("GET", "/api/v1/status", null, Map.of()).status())
                    .as("missing credentials are not guesses").isEqualTo(401);
            assertThat(strict.send("GET", "/api/v1/status", null, Map.of("Authorization", "Bearer nope",
                    "X-Forwarded-For", "10.9.9.9")).status()).as("X-Forwarded-For from an untrusted peer is ignored")
                    .isEqualTo(429);
        }
    }

    @Test
    void behindATrustedProxyFailuresAreCountedPerForwardedClient() {
        try (TestGateway proxied = TestGateway.start("gateway:\n  trusted_proxies: [\"127.0.0.1\"]\n"
                + "  rate_limit:\n    auth_failures_per_minute: 2\n")) {
            Map<String, String> a = Map.of("Authorization", "Bearer wrong", "X-Forwarded-For",
                    "203.0.113.7, 127.0.0.1");
            assertThat(proxied.send("GET", "/v2/conversations", null, a).status()).isEqualTo(401);
            assertThat(proxied.send("GET", "/v2/conversations", null, a).status()).isEqualTo(401);
            assertThat(proxied.send("GET", "/v2/conversations", null, a).status()).isEqualTo(429);
            assertThat(proxied.send("GET", "/v2/conversations", null, Map.of("Authorization", "Bearer wrong",
                    "X-Forwarded-For", "198.51.100.1")).status()).as("another client behind the proxy").isEqualTo(401);
            assertThat(proxied.send("GET", "/v2/conversations", null, Map.of("Authorization", "Bearer "
                    + TestGateway.TOKEN, "X-Forwarded-For", "198.51.100.1")).status()).isEqualTo(200);
        }
    }
}
