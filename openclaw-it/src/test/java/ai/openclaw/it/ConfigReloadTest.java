package ai.openclaw.it;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.testkit.CliRun;
import ai.openclaw.testkit.HttpResult;
import ai.openclaw.testkit.TestGateway;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * A running gateway follows config.yaml (issue 13): {@code openclaw auth generate-token} and {@code openclaw config
 * set} keep the file's comments, and the gateway switches to the new token, rate limits, CORS origins and config
 * webhooks without a restart.
 */
class ConfigReloadTest {
    private static final String CONFIG = """
            # the operator's config
            gateway:
              auth:
                token: test-gateway-token-0123456789   # the first token
              reload: { pollMs: 200 }
              rate_limit: { auth_failures_per_minute: 0 }   # the new token is tried before the gateway has it
            """;

    @Test
    void tokenRateLimitsAndCorsApplyLiveAndCommentsStay() throws Exception {
        try (TestGateway gw = TestGateway.start(CONFIG, Map.of("OPENCLAW_GATEWAY_TOKEN", ""))) {
            Path config = gw.stateDir().resolve("config.yaml");
            assertThat(gw.get("/v2/conversations").status()).isEqualTo(200);

            CliRun gen = CliRun.of(gw, "auth", "generate-token");
            assertThat(gen.exit()).as(gen.err()).isZero();
            String fresh = gen.out();
            assertThat(fresh).hasSizeGreaterThan(20);
            String text = Files.readString(config);
            assertThat(text).contains("# the operator's config", "token: " + fresh + "   # the first token",
                    "reload: { pollMs: 200 }");
            waitFor("the new token works", () -> bearer(gw, fresh, "/v2/conversations").status() == 200);
            assertThat(gw.get("/v2/conversations").status()).isEqualTo(401);

            HttpResult before = send(gw, fresh, "/v2/conversations", Map.of("Origin", "http://app.test"));
            assertThat(before.header("Access-Control-Allow-Origin")).isNull();
            assertThat(CliRun.of(gw, "config", "set", "gateway.cors.origins", "[\"http://app.test\"]").exit()).isZero();
            CliRun cors = CliRun.of(gw, "config", "set", "gateway.cors.enabled", "true");
            assertThat(cors.exit()).as(cors.err()).isZero();
            assertThat(cors.out()).contains("applies it within a second");
            waitFor("CORS allows the new origin", () -> "http://app.test".equals(send(gw, fresh, "/v2/conversations",
                    Map.of("Origin", "http://app.test")).header("Access-Control-Allow-Origin")));

            String key = gw.gateway().services().auth().generate("ent", java.util.Set.of("chat"), "enterprise", null)
                    .secret();
            for (int i = 0; i < 5; i++) {
                assertThat(send(gw, key, "/v2/conversations", Map.of()).status()).isEqualTo(200); // unlimited plan
            }
            assertThat(CliRun.of(gw, "config", "set", "gateway.rate_limit.plans.enterprise.burst", "1").exit())
                    .isZero();
            assertThat(CliRun.of(gw, "config", "set", "gateway.rate_limit.plans.enterprise.requests_per_minute", "1")
                    .exit()).isZero();
            waitFor("the enterprise plan's new limit applies", () -> send(gw, key, "/v2/conversations", Map.of())
                    .status() == 429);

            CliRun hooks = CliRun.of(gw, "config", "set", "webhooks.endpoints",
                    "[{url: \"https://example.com/hook\", events: [message.received], secret: s3cret-for-tests}]");
            assertThat(hooks.exit()).as(hooks.err()).isZero();
            waitFor("the config's new webhook endpoint is listed", () -> bearer(gw, fresh, "/v2/webhooks").body()
                    .contains("https://example.com/hook"));

            assertThat(Files.readString(config)).contains("# the operator's config", "# the first token");
            assertThat(Files.exists(gw.stateDir().resolve("config.yaml"))).isTrue();
        }
    }

    @Test
    void modelsApplyLive() throws Exception {
        try (ai.openclaw.testkit.fake.FakeProvider fake = ai.openclaw.testkit.fake.FakeProvider.start();
             TestGateway gw = TestGateway.start(CONFIG, Map.of("OPENCLAW_GATEWAY_TOKEN", ""))) {
            String token = "test-gateway-token-0123456789";
            String chat = "{\"model\": \"fake/fake-model\", \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}";
            Map<String, String> auth = Map.of("Authorization", "Bearer " + token);
            assertThat(gw.send("POST", "/v1/chat/completions", chat, auth).status()).isEqualTo(404); // no such model yet
            CliRun add = CliRun.of(gw, "config", "set", "models.providers.fake", "{api: openai-completions, baseUrl: \""
                    + fake.openAiBaseUrl() + "\", apiKey: sk-test, models: [fake-model], retries: 0}");
            assertThat(add.exit()).as(add.err()).isZero();
            CliRun def = CliRun.of(gw, "config", "set", "models.default", "fake/fake-model");
            assertThat(def.exit()).as(def.err()).isZero();
            waitFor("the new provider answers", () -> gw.send("POST", "/v1/chat/completions", chat, auth).status() == 200);
            HttpResult r = gw.send("POST", "/v1/chat/completions", chat, auth);
            assertThat(r.body()).contains("echo: hi");
            assertThat(gw.send("GET", "/v1/models", null, auth).body()).contains("fake/fake-model");
            assertThat(fake.lastRequest().path()).isEqualTo("/v1/chat/completions");
            // an invalid models section is not applied: the running models stay
            Files.writeString(gw.stateDir().resolve("config.yaml"), Files.readString(gw.stateDir()
                    .resolve("config.yaml")).replace("default: fake/fake-model", "default: nosuch/model"));
            Thread.sleep(1000); // a second of polls (every 200 ms): the broken file is read and refused
            assertThat(gw.send("POST", "/v1/chat/completions", chat, auth).status()).isEqualTo(200);
        }
    }

    private static HttpResult bearer(TestGateway gw, String token, String path) {
        return send(gw, token, path, Map.of());
    }

    private static HttpResult send(TestGateway gw, String credential, String path, Map<String, String> headers) {
        Map<String, String> h = new java.util.HashMap<>(headers);
        h.put("Authorization", "Bearer " + credential);
        return gw.send("GET", path, null, h);
    }

    /** Polls a condition for up to 60 s (the gateway checks the file every 200 ms). */
    private static void waitFor(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(250);
        }
    }
}
