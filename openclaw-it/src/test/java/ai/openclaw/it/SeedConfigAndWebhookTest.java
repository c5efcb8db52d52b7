package ai.openclaw.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.openclaw.testkit.FakeWebSite;
import ai.openclaw.testkit.HttpResult;
import ai.openclaw.testkit.SeedDocuments;
import ai.openclaw.testkit.SeedDocuments.Snippet;
import ai.openclaw.testkit.TestGateway;
import ai.openclaw.testkit.fake.FakeProvider;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Seed 002's two {@code config.yaml} examples and its webhook payload (issue 13): the config the page prints (its
 * indentation restored, the only change besides hosts: the page lost it) starts a gateway that follows it — the
 * {@code API_SECRET} bearer, CORS for the listed origin, the webhook endpoints with their events and
 * {@code WEBHOOK_SECRET} — and a chat message reaches the message endpoint as the payload the seed prints, with
 * {@code data.channel} and {@code data.user} of the real request.
 */
class SeedConfigAndWebhookTest {
    /** Seed 002's first config example, indented as its comments describe. */
    static final String API = """
            # ~/.openclaw/config.yaml
            gateway:
              # REST API配置
              api:
                enabled: true
                port: 3000
                host: "0.0.0.0"
              # 认证方式
              auth:
                type: "bearer" # 或 "api_key"
                secret: ${API_SECRET} # 生成强密钥
              # CORS配置(跨域)
              cors:
                enabled: true
                origins: ["https://your-app.com", "http://localhost:3000"]
              # 速率限制
              rate_limit:
                requests_per_minute: 60
                burst: 10
            """;
    /** Seed 002's webhook config example, indented. */
    static final String WEBHOOKS = """
            # ~/.openclaw/config.yaml
            webhooks:
              enabled: true
              endpoints:
                # 消息事件
                - url: "https://your-app.com/webhooks/openclaw/message"
                  events: ["message.received", "message.sent"]
                  secret: ${WEBHOOK_SECRET}
                # Agent状态变更
                - url: "https://your-app.com/webhooks/openclaw/agent"
                  events: ["agent.spawned", "agent.completed", "agent.error"]
                  secret: ${WEBHOOK_SECRET}
                # 系统告警
                - url: "https://your-app.com/webhooks/openclaw/alert"
                  events: ["system.error", "rate_limit.exceeded"]
                  secret: ${WEBHOOK_SECRET}
            """;
    static final String API_SECRET = "seed002-api-secret-4f9c1e7a2b";
    static final String WEBHOOK_SECRET = "seed002-webhook-secret-8d3a";

    static SeedDocuments seeds() {
        Optional<java.nio.file.Path> dir = SeedDocuments.locate();
        assumeTrue(dir.isPresent(), "SKIPPED: the seed documents (shared/seeds beside the repository) are not present");
        return SeedDocuments.load(dir.get());
    }

    static SeedExample example(String id) {
        return SeedExampleCatalogue.ALL.stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
    }

    /** The seed's lines, stripped, blank ones dropped: indentation is all the restored text may add. */
    static List<String> stripped(String text) {
        return text.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    @Test
    void seed002ConfigRunsAndTheWebhookPayloadIsTheSeeds() throws Exception {
        SeedDocuments seeds = seeds();
        SeedExample api = example("002-config-api");
        SeedExample hooks = example("002-config-webhooks");
        assertThat(stripped(API)).as("the restored config is seed 002's text").isEqualTo(stripped(
                seeds.snippet(2, api.first(), api.occurrence(), api.last(), api.extra()).text()));
        assertThat(stripped(WEBHOOKS)).as("the restored webhook config is seed 002's text").isEqualTo(stripped(
                seeds.snippet(2, hooks.first(), hooks.occurrence(), hooks.last(), hooks.extra()).text()));
        try (FakeProvider fake = FakeProvider.start(); FakeWebSite site = FakeWebSite.start()) {
            // hosts: the gateway binds 127.0.0.1 and a free port (tests bind nothing else), your-app.com is the site
            String config = (API + WEBHOOKS).replace("\"0.0.0.0\"", "\"127.0.0.1\"")
                    .replace("https://your-app.com", site.baseUrl())
                    // the site is on 127.0.0.1, which webhooks refuse unless allowed
                    .replace("webhooks:\n  enabled: true\n", "webhooks:\n  enabled: true\n  allowPrivateTargets: true\n")
                    + TestGateway.providerConfig(fake.openAiBaseUrl(), null);
            // no OPENCLAW_GATEWAY_TOKEN: the config's gateway.auth.secret is the bearer token
            try (TestGateway gw = TestGateway.start(config, Map.of("API_SECRET", API_SECRET,
                    "WEBHOOK_SECRET", WEBHOOK_SECRET, "OPENCLAW_GATEWAY_TOKEN", ""))) {
                HttpResult status = gw.send("GET", "/api/v1/status", null,
                        Map.of("Authorization", "Bearer " + API_SECRET, "Origin", site.baseUrl()));
                assertThat(status.status()).as("the API_SECRET bearer: " + status.body()).isEqualTo(200);
                assertThat(status.header("Access-Control-Allow-Origin")).as("CORS for the listed origin")
                        .isEqualTo(site.baseUrl());
                HttpResult chat = gw.send("POST", "/api/v1/chat", "{\"session_id\": \"user_123\", \"message\": "
                        + "\"今天天气怎么样\"}", Map.of("Authorization", "Bearer " + API_SECRET,
                        "Content-Type", "application/json"));
                assertThat(chat.status()).as(chat.body()).isEqualTo(200);
                FakeWebSite.Hit hit = await(site, "/webhooks/openclaw/message", "message.received");
                JsonNode payload = SeedDocuments.json(hit.body());
                SeedExample p = example("002-webhook-payload");
                Snippet doc = seeds.jsonAfter(2, seeds.snippet(2, p.first(), 1, p.first()).from() - 1);
                List<String> missing = new java.util.ArrayList<>(SeedDocuments.missingPaths(
                        SeedDocuments.json(doc.text()), payload));
                // the signature is a header: inside the body it signs, the seeds' own verify code could not check it
                missing.remove("signature");
                assertThat(missing).as("seed 002's payload fields in " + hit.body()).isEmpty();
                assertThat(payload.path("data").path("session_id").asText()).isEqualTo("user_123");
                assertThat(payload.path("data").path("content").asText()).isEqualTo("今天天气怎么样");
                assertThat(payload.path("data").path("channel").asText()).isEqualTo("api");
                assertThat(payload.path("data").path("user").path("id").asText()).isEqualTo("gateway");
                assertThat(payload.path("data").path("user").path("username").asText()).isEqualTo("gateway token");
                javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
                mac.init(new javax.crypto.spec.SecretKeySpec(WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8),
                        "HmacSHA256"));
                assertThat(hit.headers().get("x-openclaw-signature")).as("signed with WEBHOOK_SECRET").isEqualTo(
                        "sha256=" + java.util.HexFormat.of().formatHex(mac.doFinal(hit.body().getBytes(
                                StandardCharsets.UTF_8))));
            }
        }
    }

    /** The first delivery of {@code event} to {@code path}, waiting up to 60 s for it. */
    static FakeWebSite.Hit await(FakeWebSite site, String path, String event) throws InterruptedException {
        Instant end = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(end)) {
            for (FakeWebSite.Hit h : site.hits()) {
                if (h.uri().equals(path) && h.body().contains("\"" + event + "\"")) {
                    return h;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no " + event + " delivered to " + path + "; got " + site.hits());
    }
}
