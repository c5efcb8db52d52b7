package ai.openclaw.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.openclaw.testkit.HttpResult;
import ai.openclaw.testkit.TestGateway;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Cron jobs whose payload is an agent turn keep working on every run (isolated: a fresh session per run; main or
 * a named session: one session appended to), and concurrent changes of one job never fail with a 500.
 */
class CronSessionsAndUpdatesTest {
    private static final Map<String, String> JSON = Map.of("Authorization", "Bearer " + TestGateway.TOKEN,
            "Content-Type", "application/json");

    private static JsonNode runs(TestGateway gw, String id) {
        return gw.get("/api/v1/cron/jobs/" + id + "/runs?limit=200").json().path("data");
    }

    private static String agentJob(TestGateway gw, String name, String target) {
        HttpResult r = gw.post("/api/v1/cron/jobs", "{\"name\": \"" + name + "\", \"schedule\": {\"kind\": "
                + "\"every\", \"everyMs\": 1000}, \"payload\": {\"kind\": \"agentTurn\", \"message\": \"ping " + name
                + "\"}" + (target == null ? "" : ", \"sessionTarget\": \"" + target + "\"") + "}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().at("/data/id").asText();
    }

    @Test
    void agentTurnJobsSucceedOnEveryRunWithEachSessionTarget() {
        try (TestGateway gw = TestGateway.start("cron:\n  pollMs: 200\n")) {
            String isolated = agentJob(gw, "iso", null);
            String main = agentJob(gw, "main", "main");
            String named = agentJob(gw, "named", "cron-notes");
            for (String id : List.of(isolated, main, named)) {
                await().atMost(Duration.ofSeconds(30)).until(() -> runs(gw, id).path("runs").findValuesAsText("status")
                        .stream().filter(s -> !s.equals("running")).count() >= 3);
            }
            for (String id : List.of(isolated, main, named)) {
                assertThat(gw.send("PATCH", "/api/v1/cron/jobs/" + id, "{\"enabled\": false}", JSON).status())
                        .isEqualTo(200);
            }
            for (String id : List.of(isolated, main, named)) {
                for (JsonNode run : runs(gw, id).path("runs")) {
                    assertThat(run.path("status").asText()).as("job %s run %s: %s", id, run.path("id"),
                            run.path("error")).isIn("ok", "running");
                    assertThat(run.path("scheduledAt").asText()).isEqualTo(run.path("scheduledFor").asText());
                    assertThat(run.path("firedAt").asText()).isNotEmpty();
                    assertThat(run.path("lagMs").asLong()).isNotNegative();
                }
            }
            int namedRuns = (int) runs(gw, named).path("runs").findValuesAsText("status").stream()
                    .filter("ok"::equals).count();
            JsonNode notes = gw.get("/api/v1/sessions/cron-notes").json().path("data");
            assertThat(notes.path("messageCount").asInt()).as("one session, appended to on every run")
                    .isEqualTo(2 * namedRuns);
            JsonNode sessions = gw.get("/api/v1/sessions?limit=200").json().at("/data/sessions");
            Set<String> isolatedSessions = new HashSet<>();
            for (JsonNode s : sessions) {
                if (s.path("id").asText().startsWith("cron:" + isolated + ":")) {
                    isolatedSessions.add(s.path("id").asText());
                }
            }
            int isoRuns = (int) runs(gw, isolated).path("runs").findValuesAsText("status").stream()
                    .filter("ok"::equals).count();
            assertThat(isolatedSessions).as("a fresh session per isolated run").hasSize(isoRuns);
        }
    }

    @Test
    void concurrentUpdatesOfOneJobNeverFail() throws Exception {
        try (TestGateway gw = TestGateway.start("cron:\n  pollMs: 200\n")) {
            String id = gw.post("/api/v1/cron/jobs", "{\"name\": \"busy\", \"schedule\": {\"kind\": \"every\", "
                    + "\"everyMs\": 1000}, \"payload\": {\"kind\": \"systemEvent\", \"text\": \"x\"}}")
                    .json().at("/data/id").asText();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<HttpResult>> puts = new ArrayList<>();
                for (int i = 0; i < 80; i++) {
                    long every = 1000 + (i % 5) * 500;
                    String method = i % 2 == 0 ? "PUT" : "PATCH";
                    puts.add(pool.submit(() -> gw.send(method, "/api/v1/cron/jobs/" + id, "{\"schedule\": "
                            + "{\"kind\": \"every\", \"everyMs\": " + every + "}}", JSON)));
                }
                for (Future<HttpResult> f : puts) {
                    HttpResult r = f.get();
                    assertThat(r.status()).as(r.body()).isEqualTo(200);
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(gw.get("/api/v1/cron/jobs/" + id).json().at("/data/nextRun").asText()).isNotEmpty();
        }
    }
}
