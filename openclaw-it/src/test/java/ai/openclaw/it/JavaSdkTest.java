package ai.openclaw.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ai.openclaw.sdk.OpenClawApiException;
import ai.openclaw.sdk.OpenClawClient;
import ai.openclaw.sdk.Webhooks;
import ai.openclaw.testkit.GatewayExtension;
import ai.openclaw.testkit.TestGateway;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Java SDK ({@code sdk/java}, artifact openclaw-sdk) against a real gateway with the fake provider: whole and
 * streamed chat, 401/404/429 with retryAfter, pagination, spawn and tasks with waiting, and its webhook verifier on a
 * delivery made by the gateway.
 */
class JavaSdkTest {
    @RegisterExtension
    static final GatewayExtension env = GatewayExtension.withConfig(f -> SdkSnippetsTest.sdkConfig(f.openAiBaseUrl()));

    static OpenClawClient client() {
        return OpenClawClient.builder().baseUrl(env.gateway().baseUrl()).token(TestGateway.TOKEN).build();
    }

    @Test
    void chatsWholeAndStreamedInEveryDialect() {
        OpenClawClient c = client();
        assertThat(c.message().send("你好", "java-sdk").text()).isEqualTo("echo: 你好");
        try (Stream<String> s = c.message().stream("写一首诗", "java-sdk")) {
            assertThat(String.join("", s.toList())).isEqualTo("echo: 写一首诗");
        }
        assertThat(c.message().chat("user_123", "帮我总结一下", "claude-3-5-sonnet").content())
                .isEqualTo("echo: 帮我总结一下");
        try (Stream<String> s = c.message().chatStream("user_123", "讲个故事", null)) {
            assertThat(String.join("", s.toList())).isEqualTo("echo: 讲个故事");
        }
        String conv = c.conversations().create(null, "gpt-4").path("id").asText();
        assertThat(c.conversations().send(conv, "v2").text()).isEqualTo("echo: v2");
        try (Stream<String> s = c.conversations().stream(conv, "v2 stream")) {
            assertThat(String.join("", s.toList())).isEqualTo("echo: v2 stream");
        }
        assertThat(env.fake().requests().stream().map(r -> r.json().path("model").asText()))
                .contains("claude-3-5-sonnet", "gpt-4");
    }

    @Test
    void errorsCarryStatusCodeAndRetryAfter() {
        OpenClawClient wrong = OpenClawClient.builder().baseUrl(env.gateway().baseUrl()).token("wrong").build();
        assertThatThrownBy(wrong::status).isInstanceOfSatisfying(OpenClawApiException.class, e -> {
            assertThat(e.status()).isEqualTo(401);
            assertThat(e.code()).isEqualTo("UNAUTHORIZED");
            assertThat(e.requestId()).startsWith("req_");
        });
        assertThatThrownBy(() -> client().conversations().get("conv-nope"))
                .isInstanceOfSatisfying(OpenClawApiException.class, e -> assertThat(e.status()).isEqualTo(404));
        String key = client().admin().createKey("java-limited", Map.of("limits",
                Map.of("requests_per_minute", 1, "burst", 1))).path("key").asText();
        OpenClawClient limited = OpenClawClient.builder().baseUrl(env.gateway().baseUrl()).apiKey(key)
                .backoff(Duration.ofMillis(100), Duration.ofSeconds(5)).build();
        limited.conversations().sessions(10, 0);
        assertThatThrownBy(() -> limited.conversations().sessions(10, 0))
                .isInstanceOfSatisfying(OpenClawApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(429);
                    assertThat(e.code()).isEqualTo("RATE_LIMIT_EXCEEDED");
                    assertThat(e.retryAfter()).isPositive();
                });
    }

    @Test
    void paginationWalksRealPages() {
        OpenClawClient c = client();
        Set<String> made = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            made.add(c.conversations().create(null, null).path("id").asText());
        }
        List<String> seen = c.conversations().list(2, 0).autoPaging().map(n -> n.path("id").asText()).toList();
        assertThat(seen).containsAll(made).doesNotHaveDuplicates();
    }

    @Test
    void spawnAndTasksWait() {
        OpenClawClient c = client();
        String id = c.agents().spawn("sub task", "claude-3-5-sonnet").path("id").asText();
        assertThat(c.agents().waitForCompletion(id, Duration.ofSeconds(60)).path("status").asText())
                .isEqualTo("completed");
        String task = c.tasks().create("agent", Map.of("message", "task hi")).path("id").asText();
        List<Integer> progress = new ArrayList<>();
        JsonNode done = c.tasks().waitFor(task, t -> progress.add(t.path("progress").asInt()));
        assertThat(done.path("status").asText()).isEqualTo("completed");
        assertThat(progress).last().isEqualTo(100);
    }

    @Test
    void verifierAcceptsAGatewayDelivery() {
        try (Receiver r = new Receiver()) {
            JsonNode hook = client().admin().createWebhook(r.url("/hook"), List.of("message.received"), null);
            String secret = hook.path("secret").asText(); // generated: whsec_ + base64, the key is decoded
            assertThat(secret).startsWith("whsec_");
            client().message().send("webhook please", "java-hook");
            await().atMost(Duration.ofSeconds(30)).until(() -> !r.hits("/hook").isEmpty());
            Receiver.Hit hit = r.hits("/hook").get(0);
            Map<String, String> headers = Map.of("webhook-id", hit.header("webhook-id"), "webhook-timestamp",
                    hit.header("webhook-timestamp"), "webhook-signature", hit.header("webhook-signature"),
                    "X-OpenClaw-Signature", hit.header("X-OpenClaw-Signature"));
            assertThat(Webhooks.verify(hit.body(), headers, secret)).isTrue();
            assertThat(Webhooks.verifyStandard(hit.body(), headers, secret, Duration.ofMinutes(5), Instant.now()))
                    .isTrue();
            assertThat(Webhooks.verifySignature(hit.body(), hit.header("X-OpenClaw-Signature"), secret)).isTrue();
            assertThat(Webhooks.verify(hit.body(), headers, "not-the-secret")).isFalse();
            client().admin().deleteWebhook(hook.path("id").asText());
        }
    }
}
