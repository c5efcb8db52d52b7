package ai.openclaw.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.openclaw.testkit.GatewayProcess;
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
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Cron under load, with the gateway as a separate process: 10 {@code systemEvent} and 3 {@code agentTurn} jobs
 * every second for {@code stress.seconds} (default 60) — every slot fires once (no gap, no duplicate, no error);
 * and the same with the process killed ({@code kill -9}) mid-run and started again — each job fires again soon
 * after the restart, the interrupted runs are closed as {@code interrupted}, and the slots missed while it was
 * down get one catch-up run.
 */
class CronStressTest {
    private static final int SECONDS = Integer.getInteger("stress.seconds", 60);
    private static final String CONFIG = "cron:\n  pollMs: 1000\n";

    private static List<String> createJobs(GatewayProcess gw) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ids.add(create(gw, "{\"name\": \"event-" + i + "\", \"schedule\": {\"kind\": \"every\", \"everyMs\": "
                    + "1000}, \"payload\": {\"kind\": \"systemEvent\", \"text\": \"tick " + i + "\"}}"));
        }
        String[] targets = {"isolated", "main", "stress-notes"};
        for (int i = 0; i < 3; i++) {
            ids.add(create(gw, "{\"name\": \"turn-" + i + "\", \"schedule\": {\"kind\": \"every\", \"everyMs\": "
                    + "1000}, \"payload\": {\"kind\": \"agentTurn\", \"message\": \"status " + i + "\"}, "
                    + "\"sessionTarget\": \"" + targets[i] + "\"}"));
        }
        return ids;
    }

    private static String create(GatewayProcess gw, String body) {
        HttpResult r = gw.post("/api/v1/cron/jobs", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().at("/data/id").asText();
    }

    private static void disable(GatewayProcess gw, List<String> ids) {
        for (String id : ids) {
            assertThat(gw.send("PATCH", "/api/v1/cron/jobs/" + id, "{\"enabled\": false}").status()).isEqualTo(200);
        }
    }

    private static List<JsonNode> runs(GatewayProcess gw, String id) {
        List<JsonNode> out = new ArrayList<>();
        gw.get("/api/v1/cron/jobs/" + id + "/runs?limit=200").json().at("/data/runs").forEach(out::add);
        return out;
    }

    private static Instant slot(JsonNode run) {
        return Instant.parse(run.path("scheduledAt").asText());
    }

    /** Waits until no run of the jobs is still running (runs finish after the jobs are disabled). */
    private static void awaitQuiet(GatewayProcess gw, List<String> ids) {
        await().atMost(Duration.ofSeconds(60)).until(() -> ids.stream().allMatch(id -> runs(gw, id).stream()
                .noneMatch(r -> r.path("status").asText().equals("running"))));
    }

    /** Slots between the first and last fired one (every second) that have no run. */
    private static List<Instant> gaps(TreeSet<Instant> slots, Function<Instant, Boolean> counted) {
        List<Instant> missing = new ArrayList<>();
        if (slots.isEmpty()) {
            return missing;
        }
        for (Instant t = slots.first(); t.isBefore(slots.last()); t = t.plusSeconds(1)) {
            if (counted.apply(t) && !slots.contains(t)) {
                missing.add(t);
            }
        }
        return missing;
    }

    @Test
    void everySlotOfThirteenJobsFiresOnceForAMinute() {
        try (GatewayProcess gw = GatewayProcess.start(CONFIG)) {
            List<String> ids = createJobs(gw);
            await().pollDelay(Duration.ofSeconds(SECONDS)).atMost(Duration.ofSeconds(SECONDS + 5)).until(() -> true);
            disable(gw, ids);
            awaitQuiet(gw, ids);
            int fired = 0;
            int scheduled = 0;
            int duplicates = 0;
            int errors = 0;
            long maxLag = 0;
            List<String> problems = new ArrayList<>();
            for (String id : ids) {
                List<JsonNode> all = runs(gw, id);
                TreeSet<Instant> slots = new TreeSet<>();
                for (JsonNode r : all) {
                    if (!slots.add(slot(r))) {
                        duplicates++;
                    }
                    if (!r.path("status").asText().equals("ok")) {
                        errors++;
                        problems.add(id + " " + r);
                    }
                    maxLag = Math.max(maxLag, r.path("lagMs").asLong());
                }
                List<Instant> missing = gaps(slots, t -> true);
                problems.addAll(missing.stream().map(t -> id + " missed slot " + t).toList());
                fired += slots.size();
                scheduled += slots.size() + missing.size();
            }
            System.out.printf("cron stress: 13 jobs x %d s: %d slots scheduled, %d fired, %d duplicates, %d errors, "
                    + "max lag %d ms%n", SECONDS, scheduled, fired, duplicates, errors, maxLag);
            if (!problems.isEmpty()) {
                // the evidence for a flake: the gateway's warnings and every run of the jobs concerned
                gw.tail(2000).stream().filter(l -> l.contains("WARN") || l.contains("ERROR")).forEach(
                        System.out::println);
                for (String id : ids) {
                    if (problems.stream().anyMatch(p -> p.startsWith(id))) {
                        runs(gw, id).forEach(r -> System.out.println(id + " " + r));
                    }
                }
            }
            assertThat(problems).as("missed slots and failed runs").isEmpty();
            assertThat(duplicates).isZero();
            assertThat(fired).isEqualTo(scheduled).isGreaterThanOrEqualTo(13 * (SECONDS / 2));
        }
    }

    @Test
    void afterAKillMidRunEveryJobFiresAgainSoonAndNoSlotFiresTwice() {
        try (FakeProvider fake = FakeProvider.start();
             GatewayProcess gw = GatewayProcess.start(TestGateway.providerConfig(fake.openAiBaseUrl(), null)
                     + CONFIG)) {
            fake.setDefaultReply(FakeReply.text("ok"));
            List<String> ids = createJobs(gw);
            int before = SECONDS / 3;
            await().pollDelay(Duration.ofSeconds(before)).atMost(Duration.ofSeconds(before + 5)).until(() -> true);
            // the next agent turn hangs: kill while it runs
            fake.enqueue(FakeReply.delayed(Duration.ofSeconds(120), FakeReply.text("too late")));
            await().atMost(Duration.ofSeconds(30)).until(() -> fake.pendingReplies() == 0);
            Instant hung = Instant.now().minusSeconds(2);
            Instant killed = Instant.now();
            gw.kill9();
            fake.setDefaultReply(FakeReply.text("ok"));
            gw.start();
            Instant ready = Instant.now();
            int after = SECONDS - before;
            await().pollDelay(Duration.ofSeconds(after)).atMost(Duration.ofSeconds(after + 5)).until(() -> true);
            disable(gw, ids);
            awaitQuiet(gw, ids);
            // the restarted process fires before it logs that it listens: its first run after the kill
            Instant restarted = ids.stream().flatMap(id -> runs(gw, id).stream())
                    .map(r -> Instant.parse(r.path("firedAt").asText())).filter(t -> t.isAfter(killed))
                    .min(Instant::compareTo).orElse(ready);
            long worstRefire = 0;
            int interrupted = 0;
            int duplicates = 0;
            List<String> problems = new ArrayList<>();
            for (String id : ids) {
                List<JsonNode> all = runs(gw, id);
                TreeSet<Instant> slots = new TreeSet<>();
                Set<String> statuses = new HashSet<>();
                Instant firstAfterReady = null;
                for (JsonNode r : all) {
                    if (!slots.add(slot(r))) {
                        duplicates++;
                    }
                    String status = r.path("status").asText();
                    statuses.add(status);
                    if (status.equals("interrupted")) {
                        interrupted++;
                    } else if (!status.equals("ok")) {
                        problems.add(id + " " + r);
                    }
                    Instant firedAt = Instant.parse(r.path("firedAt").asText());
                    if (!firedAt.isBefore(ready) && (firstAfterReady == null || firedAt.isBefore(firstAfterReady))) {
                        firstAfterReady = firedAt;
                    }
                }
                assertThat(firstAfterReady).as("job %s fired after the restart", id).isNotNull();
                long refire = Duration.between(ready, firstAfterReady).toMillis();
                worstRefire = Math.max(worstRefire, refire);
                if (refire > 5000) {
                    problems.add(id + " fired again only " + refire + " ms after ready");
                }
                // no gaps while it was up: before the kill (and the hanging turn), and from the restart on
                Instant resumed = restarted.plusSeconds(5);
                Instant down = ids.indexOf(id) >= 10 ? hung : killed.minusSeconds(1);
                problems.addAll(gaps(slots, t -> t.isBefore(down) || t.isAfter(resumed))
                        .stream().map(t -> id + " missed slot " + t).toList());
                long catchUps = slots.stream().filter(t -> t.isAfter(killed.plusSeconds(1))
                        && t.isBefore(restarted.minusSeconds(1))).count();
                if (catchUps > 1) {
                    problems.add(id + " fired " + catchUps + " slots of its downtime (one catch-up expected)");
                }
            }
            System.out.printf("cron kill -9: 13 jobs, killed after %d s with an agent turn running, ready %d ms "
                    + "after the kill; every job fired again within %d ms of ready; %d runs closed as interrupted, "
                    + "%d duplicates%n", before, Duration.between(killed, ready).toMillis(), worstRefire, interrupted,
                    duplicates);
            if (!problems.isEmpty()) {
                gw.tail(2000).stream().filter(l -> l.contains("WARN") || l.contains("ERROR")).forEach(
                        System.out::println);
                for (String id : ids) {
                    runs(gw, id).forEach(r -> System.out.println(id + " " + r));
                }
            }
            assertThat(problems).isEmpty();
            assertThat(interrupted).as("the run cut by the kill is closed as interrupted").isPositive();
            assertThat(duplicates).isZero();
        }
    }
}
