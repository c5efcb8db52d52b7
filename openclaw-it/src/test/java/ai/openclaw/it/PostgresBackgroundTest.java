package ai.openclaw.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.openclaw.testkit.LocalPostgres;
import ai.openclaw.testkit.TestGateway;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Background work on PostgreSQL: the migrations, the webhook outbox, tasks and db-scheduler cron jobs, across a
 * restart. The server is a throw-away local one ({@link LocalPostgres}: Debian's {@code postgresql}, which
 * {@code scripts/deps.d/postgres.sh} installs), or the one {@code OPENCLAW_TEST_PG_URL=jdbc:postgresql://host:port/}
 * (with {@code OPENCLAW_TEST_PG_USER}) names; skipped, saying so, when neither is there.
 */
class PostgresBackgroundTest {
    private static LocalPostgres local;

    @BeforeAll
    static void server() {
        if (System.getenv("OPENCLAW_TEST_PG_URL") == null) {
            Path bin = LocalPostgres.binaries();
            assumeTrue(bin != null, "SKIPPED: PostgreSQL is not installed (Debian's postgresql; ./scripts/test-deps.sh "
                    + "installs it as root) and OPENCLAW_TEST_PG_URL is not set");
            local = LocalPostgres.start(bin);
        }
    }

    @AfterAll
    static void stop() {
        if (local != null) {
            local.close();
        }
    }

    @Test
    void webhooksTasksAndCronWorkOnPostgres() throws Exception {
        String base = local != null ? local.jdbcBase() : System.getenv("OPENCLAW_TEST_PG_URL");
        String user = local != null ? local.user() : System.getenv().getOrDefault("OPENCLAW_TEST_PG_USER", "postgres");
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
