package ai.openclaw.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.openclaw.testkit.HttpResult;
import ai.openclaw.testkit.TestGateway;
import ai.openclaw.webhook.WebhookSigner;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Webhooks over real sockets: signed deliveries, retries, 410/4xx rules, the private-target rule, restarts. */
class WebhookTest {
    private static final String SECRET = "s3cr3t-webhook";

    private static String config(Receiver r, String path, String events, String extra) {
        return "webhooks:\n  enabled: true\n  allowPrivateTargets: true\n  backoffMs: 200\n  maxBackoffMs: 1000\n"
                + "  pollMs: 100\n  timeoutMs: 3000\n" + extra
                + "  endpoints:\n    - { url: \"" + r.url(path) + "\", events: " + events + ", secret: \"" + SECRET
                + "\" }\n";
    }

    @Test
    void retriedDeliveryArrivesSignedAsTheSeedsVerify() {
        try (Receiver r = new Receiver().then(503).then(500)) {
            try (TestGateway gw = TestGateway.start(config(r, "/hook", "[\"message.received\"]", ""))) {
                assertThat(gw.post("/api/v1/message", "{\"text\": \"今天天气怎么样 \\u0001 \\\"q\\\"\", "
                        + "\"session\": \"user_123\"}").status()).isEqualTo(200);
                await().atMost(Duration.ofSeconds(60)).until(() -> r.hits("/hook").size() >= 3);
                List<Receiver.Hit> hits = r.hits("/hook");
                assertThat(hits).hasSize(3);
                Set<String> ids = hits.stream().map(h -> h.header("webhook-id")).collect(Collectors.toSet());
                assertThat(ids).hasSize(1);
                assertThat(hits.stream().map(Receiver.Hit::body).distinct()).hasSize(1);
                Receiver.Hit ok = hits.get(2);
                JsonNode payload = HttpResultJson.parse(ok.body());
                assertThat(payload.path("event").asText()).isEqualTo("message.received");
                assertThat(payload.path("timestamp").asText()).endsWith("Z");
                assertThat(payload.at("/data/session_id").asText()).isEqualTo("user_123");
                assertThat(payload.toString()).contains("今天天气怎么样");
                String sig = ok.header("X-OpenClaw-Signature");
                assertThat(sig).isEqualTo(WebhookSigner.bodySignature(SECRET, ok.body()));
                assertThat(ok.header("webhook-signature")).isEqualTo(WebhookSigner.standardSignature(SECRET,
                        ok.header("webhook-id"), Long.parseLong(ok.header("webhook-timestamp")), ok.body()));
                assertThat(SeedSnippets.python(ok.body(), sig, SECRET)).isIn("ok", null);
                assertThat(SeedSnippets.node(ok.body(), sig, SECRET)).isIn("ok", null);
                assertThat(SeedSnippets.python(ok.body(), sig, "wrong")).isIn("bad", null);
                assertThat(SeedSnippets.node(ok.body(), sig, "wrong")).isIn("bad", null);
                HttpResult log = gw.get("/v2/webhooks");
                String id = log.json().at("/webhooks/0/id").asText();
                await().atMost(Duration.ofSeconds(30)).until(() -> gw.get("/v2/webhooks/" + id + "/deliveries")
                        .json().at("/deliveries/0/status").asText().equals("delivered"));
                JsonNode d = gw.get("/v2/webhooks/" + id + "/deliveries").json().at("/deliveries/0");
                assertThat(d.path("attempts").asInt()).isEqualTo(3);
                assertThat(d.path("id").asText()).isEqualTo(ids.iterator().next());
            }
        }
    }

    @Test
    void apiEndpointsRetryAfter429AndGiveUpOn4xxAndDisableOn410() {
        try (Receiver r = new Receiver()) {
            try (TestGateway gw = TestGateway.start(config(r, "/unused", "[\"agent.error\"]", ""))) {
                HttpResult a = gw.post("/v2/webhooks", "{\"url\": \"" + r.url("/a") + "\", \"events\": "
                        + "[\"message.sent\"], \"secret\": \"sa\"}");
                assertThat(a.status()).isEqualTo(201);
                assertThat(a.json().path("secret").asText()).isEqualTo("sa");
                String aid = a.json().path("id").asText();
                assertThat(gw.get("/v2/webhooks/" + aid).json().path("url").asText()).isEqualTo(r.url("/a"));
                assertThat(gw.get("/v2/webhooks/" + aid).json().has("secret")).isFalse();
                r.then(429, Map.of("Retry-After", "1")).then(200);
                gw.post("/api/v1/message", "{\"text\": \"one\", \"session\": \"s1\"}");
                await().atMost(Duration.ofSeconds(45)).until(() -> r.hits("/a").size() >= 2);
                await().atMost(Duration.ofSeconds(30)).until(() -> gw.get("/v2/webhooks/" + aid + "/deliveries")
                        .json().at("/deliveries/0/status").asText().equals("delivered"));

                r.then(400);
                gw.post("/api/v1/message", "{\"text\": \"two\", \"session\": \"s1\"}");
                await().atMost(Duration.ofSeconds(30)).until(() -> gw.get("/v2/webhooks/" + aid + "/deliveries")
                        .json().at("/deliveries/0/status").asText().equals("failed"));
                assertThat(gw.get("/v2/webhooks/" + aid + "/deliveries").json().at("/deliveries/0/attempts")
                        .asInt()).isEqualTo(1);

                r.then(410);
                gw.post("/api/v1/message", "{\"text\": \"three\", \"session\": \"s1\"}");
                await().atMost(Duration.ofSeconds(30)).until(() -> !gw.get("/v2/webhooks/" + aid).json()
                        .path("enabled").asBoolean());
                int before = r.hits("/a").size();
                gw.post("/api/v1/message", "{\"text\": \"four\", \"session\": \"s1\"}");
                assertThat(gw.get("/v2/webhooks/" + aid + "/deliveries").json().path("deliveries").size())
                        .isEqualTo(3);
                assertThat(r.hits("/a")).hasSize(before);

                assertThat(gw.post("/v2/webhooks", "{\"url\": \"ftp://x\", \"events\": [\"message.sent\"]}")
                        .json().at("/error/message").asText()).contains("url");
                assertThat(gw.post("/v2/webhooks", "{\"url\": \"" + r.url("/b") + "\", \"events\": [\"nope\"]}")
                        .status()).isEqualTo(400);
                assertThat(gw.delete("/v2/webhooks/" + aid).status()).isEqualTo(200);
                assertThat(gw.get("/v2/webhooks/" + aid).status()).isEqualTo(404);
            }
        }
    }

    @Test
    void privateTargetsAreRefusedUnlessAllowed() {
        try (TestGateway gw = TestGateway.start()) {
            HttpResult r = gw.post("/v2/webhooks", "{\"url\": \"http://127.0.0.1:9/x\", \"events\": "
                    + "[\"message.sent\"], \"secret\": \"s\"}");
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.json().at("/error/code").asText()).isEqualTo("INVALID_REQUEST");
            assertThat(r.json().at("/error/message").asText()).contains("allowPrivateTargets");
            assertThat(gw.post("/v2/webhooks", "{\"url\": \"http://10.1.2.3/x\", \"events\": [\"message.sent\"]}")
                    .status()).isEqualTo(400);
        }
    }

    @Test
    void aPendingDeliverySurvivesAGatewayRestart() {
        try (Receiver r = new Receiver()) {
            r.answerByDefault(503);
            try (TestGateway gw = TestGateway.start(config(r, "/hook", "[\"message.sent\"]", ""))) {
                gw.post("/api/v1/message", "{\"text\": \"keep me\", \"session\": \"durable\"}");
                await().atMost(Duration.ofSeconds(30)).until(() -> !r.hits("/hook").isEmpty());
                gw.restart();
                int seen = r.hits("/hook").size();
                r.answerByDefault(200);
                await().atMost(Duration.ofSeconds(60)).until(() -> r.hits("/hook").size() > seen);
                List<Receiver.Hit> hits = r.hits("/hook");
                assertThat(hits.stream().map(h -> h.header("webhook-id")).distinct()).hasSize(1);
                String id = gw.get("/v2/webhooks").json().at("/webhooks/0/id").asText();
                await().atMost(Duration.ofSeconds(30)).until(() -> gw.get("/v2/webhooks/" + id + "/deliveries")
                        .json().at("/deliveries/0/status").asText().equals("delivered"));
            }
        }
    }

    @Test
    void slowReceiversTimeOutAndAreRetriedAndRedirectsAreNotFollowed() {
        try (Receiver r = new Receiver()) {
            r.thenSlow(200, 4000).then(302, Map.of("Location", r.url("/elsewhere")));
            String cfg = config(r, "/hook", "[\"message.received\"]", "").replace("timeoutMs: 3000",
                    "timeoutMs: 1000");
            try (TestGateway gw = TestGateway.start(cfg)) {
                for (int i = 0; i < 3; i++) {
                    assertThat(gw.post("/api/v1/message", "{\"text\": \"m" + i + "\", \"session\": \"slow\"}")
                            .status()).isEqualTo(200);
                }
                String id = gw.get("/v2/webhooks").json().at("/webhooks/0/id").asText();
                await().atMost(Duration.ofSeconds(60)).until(() -> {
                    JsonNode ds = gw.get("/v2/webhooks/" + id + "/deliveries").json().path("deliveries");
                    int settled = 0;
                    for (JsonNode d : ds) {
                        settled += d.path("status").asText().equals("pending") ? 0 : 1;
                    }
                    return ds.size() == 3 && settled == 3;
                });
                JsonNode ds = gw.get("/v2/webhooks/" + id + "/deliveries").json().path("deliveries");
                assertThat(ds.findValuesAsText("status")).containsOnly("delivered", "failed");
                assertThat(ds.findValuesAsText("status").stream().filter("failed"::equals)).hasSize(1);
                JsonNode failed = null;
                for (JsonNode d : ds) {
                    if (d.path("status").asText().equals("failed")) {
                        failed = d;
                    }
                }
                assertThat(failed.path("lastError").asText()).contains("redirect");
                assertThat(ds.findValuesAsText("attempts")).contains("2");
                assertThat(r.hits("/elsewhere")).isEmpty();
            }
        }
    }

    @Test
    void twoGatewaysOnOneDatabaseSendEachDeliveryOnce() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("openclaw-shared-outbox");
        try (Receiver r = new Receiver()) {
            String cfg = config(r, "/hook", "[\"message.received\"]", "") + "storage:\n  path: \""
                    + dir.resolve("shared.db") + "\"\n";
            try (TestGateway a = TestGateway.start(cfg); TestGateway b = TestGateway.start(cfg)) {
                for (int i = 0; i < 10; i++) {
                    (i % 2 == 0 ? a : b).post("/api/v1/message", "{\"text\": \"n" + i + "\", \"session\": \"s"
                            + i + "\"}");
                }
                await().atMost(Duration.ofSeconds(60)).until(() -> r.hits("/hook").size() >= 10);
                assertThat(r.hits("/hook").stream().map(h -> h.header("webhook-id")).distinct()).hasSize(10);
                assertThat(r.hits("/hook")).hasSize(10);
            }
        } finally {
            try (var files = java.nio.file.Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void aBadWebhookConfigStopsTheStartNamingThePath() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TestGateway.start("webhooks:\n  endpoints:\n"
                + "    - { url: \"https://example.com/h\", events: [\"message.recieved\"], secret: \"s\" }\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("webhooks.endpoints[0].events").hasMessageContaining("message.recieved");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TestGateway.start("webhooks:\n  endpoints:\n"
                + "    - { url: \"https://example.com/h\", events: [\"message.sent\"] }\n"))
                .hasMessageContaining("webhooks.endpoints[0]").hasMessageContaining("secret");
    }
}
