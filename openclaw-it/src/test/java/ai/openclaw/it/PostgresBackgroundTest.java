package ai.openclaw.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.openclaw.testkit.TestGateway;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Background work on PostgreSQL (opt-in: set {@code OPENCLAW_TEST_PG_URL=jdbc:postgresql://host:port/} and
 * {@code OPENCLAW_TEST_PG_USER}): the V4 migration, the webhook outbox, tasks and db-scheduler cron jobs.
 */
@EnabledIfEnvironmentVariable(named = "OPENCLAW_TEST_PG_URL", matches = "jdbc:postgresql:.*")
class PostgresBackgroundTest {
    @Test
    void webhooksTasksAndCronWorkOnPostgres() throws Exception {
        String base = System.getenv("OPENCLAW_TEST_PG_URL");
        String user = System.getenv().getOrDefault("OPENCLAW_TEST_PG_USER", "postgres");
        String db = "openclaw_bg_" + Long.toHexString(System.nanoTime());
        try (Connection c = DriverManager.getConnection(base + "postgres", user, null);
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + db);
        }
        try (Receiver r = new Receiver().then(503)) {
            String cfg = "storage:\n  type: postgres\n  url: \"" + base + db + "\"\n  user: " + user + "\n"
                    + "cron:\n  pollMs: 200\nwebhooks:\n  allowPrivateTargets: true\n  backoffMs: 200\n  pollMs: 100\n"
                    + "  endpoints:\n    - { url: \"" + r.url("/hook") + "\", events: [\"message.sent\", "
                    + "\"task.completed\"], secret: \"pg\" }\n";
            try (TestGateway gw = TestGateway.start(cfg)) {
                gw.post("/api/v1/message", "{\"text\": \"hi\", \"session\": \"pg\"}");
                await().atMost(Duration.ofSeconds(60)).until(() -> r.hits("/hook").size() >= 2);
                String task = gw.post("/v1/tasks", "{\"type\": \"agent\", \"parameters\": {\"message\": \"x\"}}")
                        .json().path("id").asText();
                await().atMost(Duration.ofSeconds(60)).until(() -> gw.get("/v1/tasks/" + task).json()
                        .path("status").asText().equals("completed"));
                String job = gw.post("/api/v1/cron/jobs", "{\"name\": \"pg\", \"schedule\": {\"kind\": \"every\", "
                        + "\"everyMs\": 1000}, \"payload\": {\"kind\": \"systemEvent\", \"text\": \"t\"}}")
                        .json().at("/data/id").asText();
                await().atMost(Duration.ofSeconds(60)).until(() -> gw.get("/api/v1/cron/jobs/" + job + "/runs")
                        .json().at("/data/total").asInt() >= 2);
                gw.restart();
                int before = gw.get("/api/v1/cron/jobs/" + job + "/runs").json().at("/data/total").asInt();
                await().atMost(Duration.ofSeconds(60)).until(() -> gw.get("/api/v1/cron/jobs/" + job + "/runs")
                        .json().at("/data/total").asInt() > before);
                assertThat(gw.get("/v1/tasks/" + task).json().path("status").asText()).isEqualTo("completed");
            }
        }
    }
}
