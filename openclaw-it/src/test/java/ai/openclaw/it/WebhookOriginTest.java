package ai.openclaw.it;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.testkit.DeviceKey;
import ai.openclaw.testkit.FakeWebSite;
import ai.openclaw.testkit.HttpResult;
import ai.openclaw.testkit.TestGateway;
import ai.openclaw.testkit.WsTestClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 / seed 002: a {@code message.received} webhook says where the message came from and who sent it —
 * {@code data.channel} {@code api} for an HTTP request and {@code ws} for the WebSocket protocol's {@code chat.send},
 * {@code data.user} the calling key's id and name.
 */
class WebhookOriginTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void payloadsCarryTheRealChannelAndUser() throws Exception {
        try (FakeWebSite site = FakeWebSite.start(); TestGateway gw = TestGateway.start("webhooks:\n  enabled: true\n"
                + "  allowPrivateTargets: true\n  pollMs: 100\n  endpoints:\n    - url: \"" + site.baseUrl() + "/hook\"\n"
                + "      events: [\"message.received\"]\n      secret: \"origin-secret\"\n")) {
            HttpResult key = gw.post("/api/v1/keys", "{\"name\": \"john_doe\", \"scopes\": [\"chat\"]}");
            assertThat(key.status()).as(key.body()).isEqualTo(201);
            String secret = key.json().path("data").path("key").asText();
            String keyId = key.json().path("data").path("id").asText();
            HttpResult sent = gw.send("POST", "/api/v1/message", "{\"text\": \"over http\", \"session\": \"default\"}",
                    Map.of("Authorization", "Bearer " + secret, "Content-Type", "application/json"));
            assertThat(sent.status()).as(sent.body()).isEqualTo(200);
            JsonNode http = await(site, "over http");
            assertThat(http.path("channel").asText()).isEqualTo("api");
            assertThat(http.path("user").path("id").asText()).isEqualTo(keyId).isNotBlank();
            assertThat(http.path("user").path("username").asText()).isEqualTo("john_doe");

            try (WsTestClient c = WsTestClient.open(gw.baseUrl().replace("http://", "ws://") + "/ws", Map.of())) {
                JsonNode hello = c.connect(c.connectParams(TestGateway.TOKEN, DeviceKey.generate(), c.nonce(),
                        System.currentTimeMillis()));
                assertThat(hello.path("ok").asBoolean()).as(hello.toString()).isTrue();
                ObjectNode params = JSON.createObjectNode().put("sessionKey", "ws-chat").put("message", "over ws")
                        .put("idempotencyKey", "origin-ws-1");
                JsonNode res = c.request("chat.send", params);
                assertThat(res.path("ok").asBoolean()).as(res.toString()).isTrue();
                JsonNode ws = await(site, "over ws");
                assertThat(ws.path("channel").asText()).isEqualTo("ws");
                assertThat(ws.path("user").path("id").asText()).isEqualTo("gateway");
            }
        }
    }

    /** The {@code data} of the first delivered message.received whose content is {@code content} (up to 60 s). */
    static JsonNode await(FakeWebSite site, String content) throws Exception {
        Instant end = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(end)) {
            for (FakeWebSite.Hit h : site.hits()) {
                JsonNode p = JSON.readTree(h.body());
                if (p.path("event").asText().equals("message.received")
                        && p.path("data").path("content").asText().equals(content)) {
                    return p.path("data");
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no message.received for '" + content + "'; got " + site.hits());
    }
}
