package ai.openclaw.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.openclaw.testkit.HttpResult;
import ai.openclaw.testkit.TestGateway;
import ai.openclaw.webhook.WebhookSigner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 10: webhook and task-callback secrets are encrypted at rest (AES-GCM, key in the state dir's
 * {@code secret.key} with mode 0600, or from {@code OPENCLAW_SECRET_KEY}); deliveries are still signed with the
 * plain secret; a secret stored in plain text by an older version is sealed at the next start and keeps working.
 */
class SecretsAtRestTest {
    private static final String HOOK_SECRET = "hook-secret-PLAIN-7f3a";
    private static final String CALLBACK_SECRET = "callback-secret-PLAIN-19bc";
    private static final String LEGACY_SECRET = "legacy-secret-PLAIN-55d1";

    private static String config(Receiver r) {
        return "webhooks:\n  enabled: true\n  allowPrivateTargets: true\n  pollMs: 100\n";
    }

    /** Every byte of the database files (main file and WAL) as ISO-8859-1 text, to search for secrets. */
    private static String databaseBytes(Path state) {
        try (Stream<Path> files = Files.list(state)) {
            StringBuilder sb = new StringBuilder();
            for (Path p : files.filter(f -> f.getFileName().toString().startsWith("openclaw.db")).toList()) {
                sb.append(new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
            }
            return sb.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void secretsAreSealedOnDiskAndDeliveriesStillVerify() throws Exception {
        try (Receiver r = new Receiver(); TestGateway gw = TestGateway.start(config(r))) {
            HttpResult hook = gw.post("/v2/webhooks", "{\"url\": \"" + r.url("/hook") + "\", \"events\": "
                    + "[\"message.sent\"], \"secret\": \"" + HOOK_SECRET + "\"}");
            assertThat(hook.status()).as(hook.body()).isEqualTo(201);
            assertThat(hook.json().path("secret").asText()).isEqualTo(HOOK_SECRET);
            String hookId = hook.json().path("id").asText();
            HttpResult task = gw.post("/v1/tasks", "{\"type\": \"agent\", \"parameters\": {\"message\": \"hi\"}, "
                    + "\"callback\": {\"url\": \"" + r.url("/cb") + "\", \"secret\": \"" + CALLBACK_SECRET + "\"}}");
            assertThat(task.status()).as(task.body()).isEqualTo(201);
            assertThat(gw.post("/api/v1/message", "{\"text\": \"hi\", \"session\": \"rest\"}").status())
                    .isEqualTo(200);
            await().atMost(Duration.ofSeconds(60)).until(() -> !r.hits("/hook").isEmpty() && !r.hits("/cb")
                    .isEmpty());
            Receiver.Hit h = r.hits("/hook").get(0);
            assertThat(h.header("X-OpenClaw-Signature")).isEqualTo(WebhookSigner.bodySignature(HOOK_SECRET, h.body()));
            Receiver.Hit cb = r.hits("/cb").get(0);
            assertThat(cb.header("X-OpenClaw-Signature")).isEqualTo(WebhookSigner.bodySignature(CALLBACK_SECRET,
                    cb.body()));

            Path key = gw.stateDir().resolve("secret.key");
            assertThat(key).exists();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
            String onDisk = databaseBytes(gw.stateDir());
            assertThat(onDisk).contains("enc:v1:").doesNotContain(HOOK_SECRET).doesNotContain(CALLBACK_SECRET);

            // an older version's plain-text secret: written straight into the database while the gateway is down
            Path db = gw.stateDir().resolve("openclaw.db");
            gw.restart(() -> {
                try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
                    c.createStatement().executeUpdate("UPDATE webhook_endpoints SET secret = '" + LEGACY_SECRET
                            + "' WHERE id = '" + hookId + "'");
                    c.createStatement().execute("PRAGMA wal_checkpoint(TRUNCATE)");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            // the row now holds a sealed value (the old page content may linger in SQLite's free space until VACUUM)
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                 var rs = c.createStatement().executeQuery("SELECT secret FROM webhook_endpoints WHERE id = '"
                         + hookId + "'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).startsWith("enc:v1:").doesNotContain(LEGACY_SECRET);
            }
            int before = r.hits("/hook").size();
            assertThat(gw.post("/api/v1/message", "{\"text\": \"again\", \"session\": \"rest\"}").status())
                    .isEqualTo(200);
            await().atMost(Duration.ofSeconds(60)).until(() -> r.hits("/hook").size() > before);
            Receiver.Hit later = r.hits("/hook").get(before);
            assertThat(later.header("X-OpenClaw-Signature")).isEqualTo(WebhookSigner.bodySignature(LEGACY_SECRET,
                    later.body()));
        }
    }

    @Test
    void theKeyCanComeFromTheEnvironment() {
        try (Receiver r = new Receiver(); TestGateway gw = TestGateway.start(config(r),
                Map.of("OPENCLAW_SECRET_KEY", "q3Jc1xW2b5mYt8vR0aZ4kL7nP9sD6fG1hJ2kL3mN4oQ="))) {
            assertThat(gw.post("/v2/webhooks", "{\"url\": \"" + r.url("/hook") + "\", \"events\": "
                    + "[\"message.sent\"], \"secret\": \"" + HOOK_SECRET + "\"}").status()).isEqualTo(201);
            assertThat(gw.stateDir().resolve("secret.key")).doesNotExist();
            assertThat(databaseBytes(gw.stateDir())).doesNotContain(HOOK_SECRET);
        }
    }
}
