package ai.openclaw.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.openclaw.testkit.HttpResult;
import ai.openclaw.testkit.TestGateway;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10: real deliveries made by the gateway to a receiver verify with the official npm {@code standardwebhooks}
 * library used unmodified ({@code new Webhook(secret).verify(payload, headers)}), with seed 003's JS
 * {@code verifySignature} and with seed 002's Python {@code verify_webhook} — for generated {@code whsec_} secrets,
 * a user's base64 secret, a user's plain-text secret and a config secret, and for task callbacks; tampered copies are
 * refused by all three.
 */
class StandardWebhooksTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONFIG_SECRET = "config secret, not base64!";
    private static final String TEXT_SECRET = "user-chosen text secret!";
    private static final String BASE64_SECRET = "c3VwZXItc2VjcmV0LWJ5dGVz";

    @Test
    void deliveriesVerifyWithStandardWebhooksAndBothSeeds(@TempDir Path dir) throws Exception {
        Path modules = Path.of("target/npm/node_modules").toAbsolutePath();
        assumeTrue(Files.isDirectory(modules.resolve("standardwebhooks")) && SeedExamplesTest.available("node",
                "--version") && SeedExamplesTest.available("python3", "--version"), "SKIPPED: the standardwebhooks "
                + "npm package (./scripts/test-deps.sh installs it into openclaw-it/target/npm), node and python3 "
                + "are needed");
        try (Receiver r = new Receiver(); TestGateway gw = TestGateway.start("webhooks:\n  enabled: true\n"
                + "  allowPrivateTargets: true\n  pollMs: 100\n  endpoints:\n    - { url: \"" + r.url("/cfg")
                + "\", events: [\"message.received\"], secret: \"" + CONFIG_SECRET + "\" }\n")) {
            Map<String, String> secrets = new LinkedHashMap<>();
            secrets.put("/cfg", CONFIG_SECRET);
            HttpResult gen = gw.post("/v2/webhooks", "{\"url\": \"" + r.url("/gen") + "\", \"events\": "
                    + "[\"message.received\", \"message.sent\"]}");
            assertThat(gen.status()).as(gen.body()).isEqualTo(201);
            String generated = gen.json().path("secret").asText();
            assertThat(generated).matches("whsec_[A-Za-z0-9+/]{43}=");
            assertThat(Base64.getDecoder().decode(generated.substring(6))).hasSize(32);
            secrets.put("/gen", generated);
            for (var e : Map.of("/b64", BASE64_SECRET, "/text", TEXT_SECRET).entrySet()) {
                HttpResult made = gw.post("/v2/webhooks", "{\"url\": \"" + r.url(e.getKey()) + "\", \"events\": "
                        + "[\"message.sent\"], \"secret\": \"" + e.getValue() + "\"}");
                assertThat(made.status()).as(made.body()).isEqualTo(201);
                secrets.put(e.getKey(), e.getValue());
            }
            HttpResult task = gw.post("/v1/tasks", "{\"type\": \"agent\", \"parameters\": {\"message\": \"hi\"}, "
                    + "\"callback\": {\"url\": \"" + r.url("/cb") + "\"}}");
            assertThat(task.status()).as(task.body()).isEqualTo(201);
            String callbackSecret = task.json().at("/callback/secret").asText();
            assertThat(callbackSecret).matches("whsec_[A-Za-z0-9+/]{43}=");
            secrets.put("/cb", callbackSecret);

            int messages = 5;
            for (int i = 0; i < messages; i++) {
                assertThat(gw.post("/api/v1/message", "{\"text\": \"第" + i + "条 \\\"quoted\\\" \\u0001\", "
                        + "\"session\": \"sw\"}").status()).isEqualTo(200);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> r.hits("/gen").size() >= 2 * messages
                    && r.hits("/cfg").size() >= messages && r.hits("/b64").size() >= messages
                    && r.hits("/text").size() >= messages && !r.hits("/cb").isEmpty());

            ArrayNode deliveries = JSON.createArrayNode();
            int genuine = 0;
            int tampered = 0;
            for (Receiver.Hit h : r.hits()) {
                String secret = secrets.get(h.path());
                boolean raw = List.of("/cfg", "/text").contains(h.path());
                deliveries.add(delivery(secret, raw, h.body(), h.headers()));
                genuine++;
                // one changed character in a string value: still valid JSON, no longer what was signed (a body
                // without a message event, e.g. a task callback that arrived first, is left out of the tampering)
                String changed = h.body().replaceFirst("\"event\":\"m", "\"event\":\"M");
                if (tampered < 5 && !changed.equals(h.body())) {
                    deliveries.add(delivery(secret, raw, changed, h.headers()));
                    tampered++;
                }
            }
            assertThat(tampered).isEqualTo(5);
            Path file = Files.writeString(dir.resolve("deliveries.json"), deliveries.toString());
            SeedExamplesTest.Run node = SeedExamplesTest.run(List.of("node",
                    Path.of("src/test/acceptance/standard_webhooks.js").toAbsolutePath().toString(), file.toString()),
                    modules.toString());
            assertThat(node.exit()).as(node.out()).isZero();
            assertThat(node.out()).contains("standardwebhooks verified=" + genuine + " refused=" + tampered)
                    .contains("seed003 verified=" + genuine + " refused=" + tampered);
            SeedExamplesTest.Run python = SeedExamplesTest.run(List.of("python3",
                    Path.of("src/test/acceptance/seed002_verify.py").toAbsolutePath().toString(), file.toString()),
                    null);
            assertThat(python.exit()).as(python.out()).isZero();
            assertThat(python.out()).contains("seed002 verified=" + genuine + " refused=" + tampered);
            System.out.println("StandardWebhooksTest: " + genuine + " real deliveries verified by standardwebhooks, "
                    + "seed 003 and seed 002; " + tampered + " tampered copies refused by each");
        }
    }

    private static ObjectNode delivery(String secret, boolean raw, String body, Map<String, String> headers) {
        ObjectNode d = JSON.createObjectNode();
        d.put("secret", secret);
        d.put("raw", raw);
        d.put("body", body);
        ObjectNode h = d.putObject("headers");
        headers.forEach(h::put);
        return d;
    }
}
