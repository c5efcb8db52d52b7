package ai.openclaw.it;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.testkit.HttpResult;
import ai.openclaw.testkit.TestGateway;
import ai.openclaw.testkit.fake.FakeProvider;
import ai.openclaw.testkit.fake.FakeReply;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Secrets (the gateway token, API keys, provider keys, webhook secrets) never appear in logs, in
 * {@code GET /api/v1/config/:path}, in key listings, or in error messages — also when requests fail.
 */
class SecretsTest {
    static final String PROVIDER_KEY = "sk-live-PROVIDERSECRET-4242";
    static final String WEBHOOK_SECRET = "whsec-WEBHOOKSECRET-77";

    @Test
    void secretsStayOutOfLogsConfigAndErrors() {
        LoggerContext logs = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = logs.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.setContext(logs);
        captured.start();
        root.addAppender(captured);
        List<String> secrets = new ArrayList<>(List.of(TestGateway.TOKEN, PROVIDER_KEY, WEBHOOK_SECRET));
        try (FakeProvider fake = FakeProvider.start();
             TestGateway gw = TestGateway.start(TestGateway.providerConfig(fake.openAiBaseUrl(), null)
                     .replace("sk-test", PROVIDER_KEY)
                     + "webhooks:\n  enabled: true\n  endpoints:\n    - { url: \"http://127.0.0.1:9/hook\", "
                     + "events: [\"message.received\"], secret: \"" + WEBHOOK_SECRET + "\" }\n")) {
            HttpResult created = gw.post("/api/v1/keys", "{\"name\": \"secret-test\", \"plan\": \"enterprise\"}");
            String key = created.json().at("/data/key").asText();
            secrets.add(key);
            List<HttpResult> answers = new ArrayList<>();
            for (String path : List.of("/api/v1/config/models", "/api/v1/config/models.providers.fake",
                    "/api/v1/config/models.providers.fake.apiKey", "/api/v1/config/gateway",
                    "/api/v1/config/gateway.auth.token", "/api/v1/config/webhooks",
                    "/api/v1/config/webhooks.endpoints")) {
                HttpResult r = gw.get(path);
                assertThat(r.status()).as(path + " " + r.body()).isIn(200, 404);
                answers.add(r);
            }
            answers.add(gw.get("/api/v1/keys"));
            answers.add(gw.get("/api/v1/keys/secret-test"));
            answers.add(gw.get("/api/v1/status"));
            answers.add(gw.get("/api/v1/system/status"));
            answers.add(gw.send("GET", "/api/v1/status", null, Map.of("Authorization", "Bearer " + key + "x")));
            answers.add(gw.send("GET", "/api/v1/status", null, Map.of("Authorization", "Bearer "
                    + TestGateway.TOKEN + "0")));
            answers.add(gw.send("GET", "/v2/conversations", null, Map.of("X-API-Key", key.substring(0, 20))));
            answers.add(gw.send("POST", "/api/v1/message", "{\"text\": \"" + key + "\", \"session\": 5}",
                    Map.of("X-API-Key", key, "Content-Type", "application/json")));
            fake.enqueue(FakeReply.error(401, "Incorrect API key provided: " + PROVIDER_KEY.substring(0, 8) + "***"));
            answers.add(gw.send("POST", "/v1/chat/completions", "{\"messages\": [{\"role\": \"user\", "
                    + "\"content\": \"hi\"}]}", Map.of("X-API-Key", key, "Content-Type", "application/json")));
            assertThat(gw.delete("/api/v1/keys/secret-test").status()).isEqualTo(200);
            answers.add(gw.send("GET", "/v1/models", null, Map.of("X-API-Key", key)));
            for (HttpResult r : answers) {
                for (String secret : secrets) {
                    assertThat(r.body()).as("answer leaks a secret: " + r.body()).doesNotContain(secret);
                    r.headers().values().forEach(v -> assertThat(v).doesNotContain(secret));
                }
            }
            assertThat(answers.get(0).body()).contains("fake");
        } finally {
            root.detachAppender(captured);
        }
        assertThat(captured.list).isNotEmpty();
        for (ILoggingEvent e : captured.list) {
            StringBuilder text = new StringBuilder(e.getFormattedMessage());
            IThrowableProxy t = e.getThrowableProxy();
            if (t != null) {
                text.append(ThrowableProxyUtil.asString(t));
            }
            for (String secret : secrets) {
                assertThat(text.toString()).as("log line leaks a secret").doesNotContain(secret);
            }
        }
    }
}
