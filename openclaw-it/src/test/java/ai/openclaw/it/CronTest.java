package ai.openclaw.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.openclaw.testkit.HttpResult;
import ai.openclaw.testkit.TestGateway;
import ai.openclaw.testkit.fake.FakeProvider;
import ai.openclaw.testkit.fake.FakeReply;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Cron jobs over real sockets: every-schedules firing exactly once per slot across a restart, CRUD, run now. */
class CronTest {
    private static final String FAST = "cron:\n  pollMs: 200\n";

    private static JsonNode runs(TestGateway gw, String id) {
        return gw.get("/api/v1/cron/jobs/" + id + "/runs?limit=200").json().path("data");
    }

    @Test
    void everyJobFiresOncePerPeriodAcrossARestart() {
        try (Receiver r = new Receiver();
             TestGateway gw = TestGateway.start(FAST + "webhooks:\n  allowPrivateTargets: true\n  pollMs: 100\n"
                     + "  endpoints:\n    - { url: \"" + r.url("/cron") + "\", events: [\"cron.fired\"], "
                     + "secret: \"c\" }\n")) {
            HttpResult created = gw.post("/api/v1/cron/jobs", "{\"name\": \"tick\", \"schedule\": {\"kind\": "
                    + "\"every\", \"everyMs\": 1000}, \"payload\": {\"kind\": \"systemEvent\", \"text\": \"tick\"}}");
            assertThat(created.status()).isEqualTo(201);
            JsonNode job = created.json().path("data");
            String id = job.path("id").asText();
            Instant anchor = Instant.parse(job.path("createdAt").asText());
            assertThat(job.path("status").asText()).isEqualTo("enabled");
            assertThat(job.path("nextRun").asText()).isNotEmpty();

            await().atMost(Duration.ofSeconds(60)).until(() -> runs(gw, id).path("total").asInt() >= 2);
            gw.restart();
            int before = runs(gw, id).path("total").asInt();
            await().atMost(Duration.ofSeconds(60)).until(() -> runs(gw, id).path("total").asInt() >= before + 2);
            assertThat(gw.send("PATCH", "/api/v1/cron/jobs/" + id, "{\"enabled\": false}",
                    java.util.Map.of("Authorization", "Bearer " + TestGateway.TOKEN, "Content-Type",
                            "application/json")).json().at("/data/status").asText()).isEqualTo("disabled");

            JsonNode all = runs(gw, id).path("runs");
            Set<Instant> slots = new HashSet<>();
            List<String> runIds = new ArrayList<>();
            for (JsonNode run : all) {
                assertThat(run.path("trigger").asText()).isEqualTo("schedule");
                Instant slot = Instant.parse(run.path("scheduledFor").asText());
                assertThat(slots.add(slot)).as("slot %s fired once", slot).isTrue();
                long offset = slot.toEpochMilli() - anchor.toEpochMilli();
                assertThat(offset % 1000).isZero();
                assertThat(offset).isPositive();
                runIds.add(run.path("id").asText());
            }
            assertThat(all).allSatisfy(run -> assertThat(run.path("status").asText()).isIn("ok", "running"));
            await().atMost(Duration.ofSeconds(30)).until(() -> r.hits("/cron").size() >= runIds.size());
            List<String> fired = r.hits("/cron").stream()
                    .map(h -> HttpResultJson.parse(h.body()).at("/data/run_id").asText()).toList();
            assertThat(fired).doesNotHaveDuplicates().containsAll(runIds);
        }
    }

    @Test
    void jobsCanBeListedChangedRunNowAndDeleted() {
        try (FakeProvider fake = FakeProvider.start();
             TestGateway gw = TestGateway.start(TestGateway.providerConfig(fake.openAiBaseUrl(), null) + FAST)) {
            HttpResult created = gw.post("/api/v1/cron/jobs", "{\"name\": \"daily-backup\", \"schedule\": "
                    + "{\"kind\": \"every\", \"everyMs\": 86400000}, \"payload\": {\"kind\": \"systemEvent\", "
                    + "\"text\": \"Running daily backup\"}}");
            assertThat(created.status()).isEqualTo(201);
            assertThat(created.json().path("success").asBoolean()).isTrue();
            String id = created.json().at("/data/id").asText();
            JsonNode list = gw.get("/api/v1/cron/jobs").json().at("/data/jobs");
            assertThat(list.size()).isEqualTo(1);
            assertThat(list.get(0).path("name").asText()).isEqualTo("daily-backup");
            assertThat(list.get(0).path("status").asText()).isEqualTo("enabled");
            assertThat(list.get(0).path("nextRun").asText()).endsWith("Z");

            JsonNode run = gw.post("/api/v1/cron/jobs/" + id + "/run", "").json().path("data");
            assertThat(run.path("status").asText()).isEqualTo("ok");
            assertThat(run.path("output").asText()).isEqualTo("Running daily backup");
            assertThat(run.path("trigger").asText()).isEqualTo("manual");
            assertThat(run.path("endedAt").asText()).isNotEmpty();

            HttpResult cron = gw.send("PUT", "/api/v1/cron/jobs/" + id, "{\"schedule\": {\"kind\": \"cron\", "
                    + "\"expr\": \"0 7 * * *\", \"tz\": \"Asia/Shanghai\"}, \"payload\": {\"kind\": \"agentTurn\", "
                    + "\"message\": \"早报\"}}", java.util.Map.of("Authorization", "Bearer " + TestGateway.TOKEN,
                    "Content-Type", "application/json"));
            assertThat(cron.status()).isEqualTo(200);
            assertThat(cron.json().at("/data/nextRun").asText()).endsWith(":00:00Z").contains("T23:00");
            fake.enqueue(FakeReply.text("早上好"));
            JsonNode agentRun = gw.post("/api/v1/cron/jobs/" + id + "/run", "").json().path("data");
            assertThat(agentRun.path("output").asText()).isEqualTo("早上好");
            assertThat(runs(gw, id).path("total").asInt()).isEqualTo(2);

            HttpResult bad = gw.post("/api/v1/cron/jobs", "{\"name\": \"x\", \"schedule\": {\"kind\": \"cron\", "
                    + "\"expr\": \"not a cron\"}, \"payload\": {\"kind\": \"systemEvent\", \"text\": \"t\"}}");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.json().path("success").asBoolean()).isFalse();
            assertThat(bad.json().at("/error/message").asText()).contains("schedule.expr");
            assertThat(gw.post("/api/v1/cron/jobs", "{\"name\": \"x\", \"schedule\": {\"kind\": \"every\", "
                    + "\"everyMs\": 5}, \"payload\": {\"kind\": \"systemEvent\", \"text\": \"t\"}}").json()
                    .at("/error/message").asText()).contains("everyMs");
            assertThat(gw.post("/api/v1/cron/jobs", "{\"name\": \"x\", \"schedule\": {\"kind\": \"at\", \"at\": "
                    + "\"2030-01-01T00:00:00Z\"}, \"payload\": {\"kind\": \"nope\"}}").json()
                    .at("/error/message").asText()).contains("payload.kind");

            assertThat(gw.delete("/api/v1/cron/jobs/" + id).status()).isEqualTo(200);
            assertThat(gw.get("/api/v1/cron/jobs/" + id).status()).isEqualTo(404);
            assertThat(gw.get("/api/v1/cron/jobs").json().at("/data/jobs").size()).isZero();
        }
    }

    @Test
    void twoGatewaysOnOneDatabaseFireEachSlotOnce() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("openclaw-shared-db");
        String shared = FAST + "storage:\n  path: \"" + dir.resolve("shared.db") + "\"\n";
        try (TestGateway a = TestGateway.start(shared); TestGateway b = TestGateway.start(shared)) {
            String id = a.post("/api/v1/cron/jobs", "{\"name\": \"both\", \"schedule\": {\"kind\": \"every\", "
                    + "\"everyMs\": 1000}, \"payload\": {\"kind\": \"systemEvent\", \"text\": \"x\"}}")
                    .json().at("/data/id").asText();
            await().atMost(Duration.ofSeconds(60)).until(() -> runs(b, id).path("total").asInt() >= 4);
            JsonNode all = runs(a, id).path("runs");
            Set<String> slots = new HashSet<>();
            for (JsonNode run : all) {
                assertThat(slots.add(run.path("scheduledFor").asText())).as("each slot fires once").isTrue();
            }
            assertThat(slots.size()).isEqualTo(all.size()).isGreaterThanOrEqualTo(4);
            assertThat(a.delete("/api/v1/cron/jobs/" + id).status()).isEqualTo(200);
        } finally {
            try (var files = java.nio.file.Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void slotsMissedWhileDownFireOnceOnStart() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("openclaw-misfire");
        String cfg = FAST + "storage:\n  path: \"" + dir.resolve("cron.db") + "\"\n";
        try {
            String id;
            Instant lastBeforeStop;
            try (TestGateway a = TestGateway.start(cfg)) {
                id = a.post("/api/v1/cron/jobs", "{\"name\": \"m\", \"schedule\": {\"kind\": \"every\", "
                        + "\"everyMs\": 1000}, \"payload\": {\"kind\": \"systemEvent\", \"text\": \"m\"}}")
                        .json().at("/data/id").asText();
                await().atMost(Duration.ofSeconds(60)).until(() -> runs(a, id).path("total").asInt() >= 1);
            }
            Instant stopped = Instant.now();
            await().pollDelay(Duration.ofMillis(3500)).atMost(Duration.ofSeconds(5)).until(() -> true);
            Instant restarting = Instant.now();
            try (TestGateway b = TestGateway.start(cfg)) {
                await().atMost(Duration.ofSeconds(60)).until(() -> runs(b, id).path("runs").findValuesAsText(
                        "scheduledFor").stream().map(Instant::parse).anyMatch(t -> t.isAfter(restarting)));
                List<Instant> slots = runs(b, id).path("runs").findValuesAsText("scheduledFor").stream()
                        .map(Instant::parse).sorted().toList();
                lastBeforeStop = slots.stream().filter(t -> !t.isAfter(stopped)).reduce((x, y) -> y).orElseThrow();
                List<Instant> missed = slots.stream().filter(t -> t.isAfter(lastBeforeStop)
                        && !t.isAfter(restarting)).toList();
                assertThat(missed).as("slots missed while down fire once in total; slots %s, stopped %s, restarting %s",
                        slots, stopped, restarting).hasSize(1);
                assertThat(slots).doesNotHaveDuplicates();
            }
        } finally {
            try (var files = java.nio.file.Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
