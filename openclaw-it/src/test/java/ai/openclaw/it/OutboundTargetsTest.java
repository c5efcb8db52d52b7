package ai.openclaw.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.openclaw.testkit.HttpResult;
import ai.openclaw.testkit.TestGateway;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, network: over real sockets, every spelling of a loopback address is refused by {@code web_fetch}, webhook
 * creation and task callbacks (the receiver on 127.0.0.1 sees nothing), and with private targets allowed the
 * gateway's own HTTP client delivers to such a spelling (it connects to the address it checked).
 */
class OutboundTargetsTest {
    private static final String[] LOOPBACK = {"127.0.0.1", "2130706433", "0177.0.0.1", "0x7f.1", "127.1",
        "[::ffff:127.0.0.1]", "[::1]", "0x7f000001", "127.0.0.1."};

    @Test
    void everyLoopbackSpellingIsRefusedWithoutAConnection() {
        try (Receiver r = new Receiver(); TestGateway gw = TestGateway.start()) {
            int port = Integer.parseInt(r.url("").substring("http://127.0.0.1:".length()));
            for (String host : LOOPBACK) {
                String url = "http://" + host + ":" + port + "/x";
                HttpResult fetch = gw.post("/v1/tools/web_fetch/execute", "{\"parameters\":{\"url\":\"" + url + "\"}}");
                assertThat(fetch.status()).as(host + ": " + fetch.body()).isEqualTo(403);
                assertThat(fetch.json().at("/error/message").asText()).contains("allowPrivateTargets");
                HttpResult hook = gw.post("/v2/webhooks", "{\"url\": \"" + url + "\", \"events\": [\"message.sent\"]}");
                assertThat(hook.status()).as(host + ": " + hook.body()).isEqualTo(400);
                assertThat(hook.json().at("/error/message").asText()).contains("url");
                HttpResult task = gw.post("/v1/tasks", "{\"type\": \"agent\", \"parameters\": {\"message\": \"hi\"}, "
                        + "\"callback\": {\"url\": \"" + url + "\"}}");
                assertThat(task.status()).as(host + ": " + task.body()).isEqualTo(400);
                assertThat(task.json().at("/error/message").asText()).contains("callback.url");
            }
            assertThat(r.hits()).isEmpty();
        }
    }

    @Test
    void allowedPrivateTargetsAreDeliveredToTheCheckedAddress() {
        try (Receiver r = new Receiver(); TestGateway gw = TestGateway.start(
                "webhooks:\n  allowPrivateTargets: true\n  pollMs: 100\n"
                        + "tools:\n  webFetch:\n    allowPrivateTargets: true\n")) {
            int port = Integer.parseInt(r.url("").substring("http://127.0.0.1:".length()));
            HttpResult hook = gw.post("/v2/webhooks", "{\"url\": \"http://0x7f.1:" + port + "/hook\", \"events\": "
                    + "[\"message.sent\"]}");
            assertThat(hook.status()).as(hook.body()).isEqualTo(201);
            assertThat(gw.post("/api/v1/message", "{\"text\": \"hi\", \"session\": \"net\"}").status())
                    .isEqualTo(200);
            await().atMost(Duration.ofSeconds(45)).until(() -> !r.hits("/hook").isEmpty());
            assertThat(r.hits("/hook").get(0).header("host")).isEqualTo("0x7f.1:" + port);
            assertThat(r.hits("/hook").get(0).body()).contains("message.sent");

            HttpResult fetch = gw.post("/v1/tools/web_fetch/execute", "{\"parameters\":{\"url\":\"http://2130706433:"
                    + port + "/page\"}}");
            assertThat(fetch.status()).as(fetch.body()).isEqualTo(200);
            assertThat(fetch.body()).contains("\"status\":200");
            assertThat(r.hits("/page")).hasSize(1);
        }
    }
}
