package ai.openclaw.it;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.testkit.GatewayExtension;
import ai.openclaw.testkit.HttpResult;
import ai.openclaw.testkit.TestGateway;
import ai.openclaw.testkit.fake.FakeReply;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code models.fallbacks}, {@code supportsTools: false}, and tool support learned from a provider's 400. */
class ModelRoutingTest {
    private static final int CLOSED_PORT = closedPort();

    @RegisterExtension
    static final GatewayExtension env = GatewayExtension.withConfig(f -> TestGateway.providerConfig(
            f.openAiBaseUrl(), null)
            + "    broken: { api: openai-completions, baseUrl: \"http://127.0.0.1:" + CLOSED_PORT + "/v1\", "
            + "models: [m], retries: 0 }\n"
            + "    plain: { api: openai-completions, baseUrl: \"" + f.openAiBaseUrl() + "\", models: [p], "
            + "supportsTools: false, retries: 0 }\n"
            + "  fallbacks: { \"broken/m\": [\"fake/fake-model\"] }\n");

    private static int closedPort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static HttpResult chat(String model, Map<String, String> headers) {
        Map<String, String> h = new java.util.HashMap<>(Map.of("Authorization", "Bearer " + TestGateway.TOKEN,
                "Content-Type", "application/json"));
        h.putAll(headers);
        return env.gateway().send("POST", "/v1/chat/completions", "{\"model\":\"" + model
                + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}", h);
    }

    @Test
    void aFailingModelFallsBackInOrder() {
        HttpResult r = chat("broken/m", Map.of());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().at("/choices/0/message/content").asText()).isEqualTo("echo: hi");
        assertThat(env.fake().lastRequest().json().path("model").asText()).isEqualTo("fake-model");
    }

    @Test
    void aModelConfiguredWithoutToolsGetsNoneAndRefusesClientTools() {
        HttpResult r = chat("openclaw", Map.of("x-openclaw-model", "plain/p"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(env.fake().lastRequest().json().has("tools")).isFalse();
        HttpResult withTools = env.gateway().post("/v1/chat/completions", "{\"model\":\"plain/p\",\"tools\":[{\"type\":"
                + "\"function\",\"function\":{\"name\":\"x\"}}],\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        assertThat(withTools.status()).isEqualTo(400);
        assertThat(withTools.json().at("/error/param").asText()).isEqualTo("tools");
    }

    @Test
    void aProvidersFourHundredAboutToolsTeachesThatTheModelRunsWithout() {
        env.fake().enqueue(FakeReply.error(400, "This model does not support tools"));
        HttpResult r = chat("openclaw", Map.of("x-openclaw-model", "fake/fake-model"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().at("/choices/0/message/content").asText()).isEqualTo("echo: hi");
        assertThat(env.fake().requests().get(env.fake().requests().size() - 2).json().has("tools")).isTrue();
        assertThat(env.fake().lastRequest().json().has("tools")).isFalse();
        chat("openclaw", Map.of("x-openclaw-model", "fake/fake-model"));
        assertThat(env.fake().lastRequest().json().has("tools")).as("remembered").isFalse();
    }
}
