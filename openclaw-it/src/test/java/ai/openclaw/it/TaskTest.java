package ai.openclaw.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.openclaw.testkit.HttpResult;
import ai.openclaw.testkit.TestGateway;
import ai.openclaw.testkit.fake.FakeProvider;
import ai.openclaw.testkit.fake.FakeReply;
import ai.openclaw.webhook.WebhookSigner;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Async tasks over real sockets: lifecycle with progress, signed callbacks, cancel, timeout, restart recovery. */
class TaskTest {
    private static String config(FakeProvider fake, Receiver r, String extra) {
        return TestGateway.providerConfig(fake.openAiBaseUrl(), null)
                + "webhooks:\n  allowPrivateTargets: true\n  backoffMs: 200\n  pollMs: 100\n"
                + "  endpoints:\n    - { url: \"" + r.url("/events") + "\", events: [\"task.completed\", "
                + "\"task.failed\"], secret: \"ev\" }\n" + extra;
    }

    private static JsonNode task(TestGateway gw, String id) {
        return gw.get("/v1/tasks/" + id).json();
    }

    @Test
    void agentTaskRunsWithProgressAndASignedCallback() {
        try (FakeProvider fake = FakeProvider.start(); Receiver r = new Receiver();
             TestGateway gw = TestGateway.start(config(fake, r, ""))) {
            fake.enqueue(FakeReply.delayed(Duration.ofMillis(1500), FakeReply.text("报告已生成")));
            HttpResult created = gw.post("/v1/tasks", "{\"name\": \"示例任务\", \"type\": \"agent\", \"parameters\": "
                    + "{\"message\": \"写一份报告\"}, \"priority\": 5, \"timeout\": 60, \"callback\": {\"url\": \""
                    + r.url("/cb") + "\", \"headers\": {\"X-App\": \"demo\"}, \"secret\": \"cbsecret\"}}");
            assertThat(created.status()).isEqualTo(201);
            JsonNode t = created.json();
            assertThat(t.path("status").asText()).isEqualTo("pending");
            assertThat(t.path("name").asText()).isEqualTo("示例任务");
            assertThat(t.path("created_at").asText()).isNotEmpty();
            assertThat(t.path("updated_at").asText()).isNotEmpty();
            String id = t.path("id").asText();

            await().atMost(Duration.ofSeconds(30)).until(() -> task(gw, id).path("status").asText().equals("running"));
            JsonNode running = task(gw, id);
            assertThat(running.path("progress").asInt()).isBetween(1, 99);
            assertThat(running.path("result").isNull()).isTrue();

            await().atMost(Duration.ofSeconds(45)).until(() -> task(gw, id).path("status").asText()
                    .equals("completed"));
            JsonNode done = task(gw, id);
            assertThat(done.path("progress").asInt()).isEqualTo(100);
            assertThat(done.at("/result/content").asText()).isEqualTo("报告已生成");
            assertThat(done.path("error").isNull()).isTrue();
            JsonNode v2 = gw.get("/v2/tasks/" + id).json();
            assertThat(v2.path("completedAt").asText()).isNotEmpty();
            assertThat(v2.path("createdAt").asText()).isEqualTo(done.path("created_at").asText());

            await().atMost(Duration.ofSeconds(30)).until(() -> !r.hits("/cb").isEmpty());
            Receiver.Hit cb = r.hits("/cb").get(0);
            assertThat(cb.header("X-App")).isEqualTo("demo");
            assertThat(cb.header("X-OpenClaw-Signature")).isEqualTo(WebhookSigner.bodySignature("cbsecret", cb.body()));
            assertThat(SeedSnippets.python(cb.body(), cb.header("X-OpenClaw-Signature"), "cbsecret")).isIn("ok", null);
            JsonNode payload = HttpResultJson.parse(cb.body());
            assertThat(payload.path("event").asText()).isEqualTo("task.completed");
            assertThat(payload.at("/data/task_id").asText()).isEqualTo(id);
            assertThat(payload.at("/data/result/content").asText()).isEqualTo("报告已生成");
            await().atMost(Duration.ofSeconds(30)).until(() -> !r.hits("/events").isEmpty());
            assertThat(r.hits("/events").get(0).header("X-OpenClaw-Event")).isEqualTo("task.completed");

            assertThat(gw.get("/v1/tasks?status=completed").json().path("tasks").size()).isEqualTo(1);
            assertThat(gw.get("/v1/tasks?status=running").json().path("tasks").size()).isZero();
            assertThat(gw.get("/v1/tasks?status=bogus").status()).isEqualTo(400);
        }
    }

    @Test
    void progressIsPushedAsSseUntilTheTaskEnds() {
        try (FakeProvider fake = FakeProvider.start(); Receiver r = new Receiver();
             TestGateway gw = TestGateway.start(config(fake, r, ""))) {
            fake.enqueue(FakeReply.delayed(Duration.ofMillis(1000), FakeReply.text("分析完成")));
            HttpResult created = gw.post("/v2/tasks", "{\"type\": \"analysis\", \"input\": {\"text\": \"a,b\\n1,2\", "
                    + "\"operations\": [\"summarize\", \"visualize\"]}}");
            assertThat(created.status()).isEqualTo(201);
            String id = created.json().path("id").asText();
            HttpResult sse = gw.get("/v2/tasks/" + id + "/events");
            List<JsonNode> events = sse.sseData().stream().filter(s -> s.startsWith("{"))
                    .map(HttpResultJson::parse).toList();
            assertThat(events.get(events.size() - 1).path("status").asText()).isEqualTo("completed");
            assertThat(events).anySatisfy(e -> {
                assertThat(e.path("status").asText()).isEqualTo("running");
                assertThat(e.path("progress").asInt()).isBetween(1, 99);
            });
            assertThat(sse.sseData()).last().isEqualTo("[DONE]");
            JsonNode done = gw.get("/v2/tasks/" + id).json();
            assertThat(done.at("/result/summary").asText()).isEqualTo("分析完成");
            assertThat(done.at("/result/operations").toString()).contains("visualize");
            assertThat(fake.requests().get(fake.requests().size() - 1).body()).contains("visualize");
        }
    }

    @Test
    void deleteCancelsARunningTaskAndTimeoutsFail() {
        try (FakeProvider fake = FakeProvider.start(); Receiver r = new Receiver();
             TestGateway gw = TestGateway.start(config(fake, r, ""))) {
            fake.enqueue(FakeReply.hang());
            String id = gw.post("/v1/tasks", "{\"type\": \"agent\", \"parameters\": {\"prompt\": \"slow\"}}")
                    .json().path("id").asText();
            await().atMost(Duration.ofSeconds(30)).until(() -> task(gw, id).path("status").asText().equals("running"));
            HttpResult del = gw.delete("/v1/tasks/" + id);
            assertThat(del.status()).isEqualTo(200);
            assertThat(del.json().path("status").asText()).isEqualTo("cancelled");
            assertThat(task(gw, id).path("status").asText()).isEqualTo("cancelled");
            assertThat(task(gw, id).path("completed_at").asText()).isNotEmpty();

            fake.enqueue(FakeReply.hang());
            String slow = gw.post("/v1/tasks", "{\"type\": \"agent\", \"timeout\": 1, \"parameters\": "
                    + "{\"message\": \"slow\"}}").json().path("id").asText();
            await().atMost(Duration.ofSeconds(30)).until(() -> task(gw, slow).path("status").asText()
                    .equals("failed"));
            assertThat(task(gw, slow).path("error").asText()).contains("timed out");
            await().atMost(Duration.ofSeconds(30)).until(() -> r.hits("/events").stream()
                    .anyMatch(h -> "task.failed".equals(h.header("X-OpenClaw-Event"))));
        }
    }

    @Test
    void badTasksAreRefusedAtCreation() {
        try (TestGateway gw = TestGateway.start()) {
            // a type without its own handler runs as an agent task (issue 13); the type itself is still required
            assertThat(gw.post("/v1/tasks", "{\"type\": \"teleport\", \"parameters\": {}}").status()).isEqualTo(201);
            HttpResult untyped = gw.post("/v1/tasks", "{\"parameters\": {}}");
            assertThat(untyped.status()).isEqualTo(400);
            assertThat(untyped.json().at("/error/code").asText()).isEqualTo("INVALID_REQUEST");
            assertThat(untyped.json().at("/error/message").asText()).contains("type");
            assertThat(gw.post("/v1/tasks", "{\"type\": \"agent\", \"parameters\": {}}").json()
                    .at("/error/message").asText()).contains("message");
            assertThat(gw.post("/v1/tasks", "{\"type\": \"agent\", \"timeout\": 0, \"parameters\": "
                    + "{\"message\": \"x\"}}").status()).isEqualTo(400);
            assertThat(gw.post("/v2/tasks", "{\"type\": \"agent\", \"input\": {\"message\": \"x\"}, \"callback\": "
                    + "{\"url\": \"http://127.0.0.1:1/x\"}}").json().at("/error/message").asText())
                    .contains("callback.url");
            assertThat(gw.get("/v1/tasks/task_nope").status()).isEqualTo(404);
            assertThat(gw.get("/v1/tasks").json().path("tasks").size()).isEqualTo(1); // only the teleport task
        }
    }

    @Test
    void afterARestartQueuedTasksRunAndInterruptedOnesAreNotLeftRunning() {
        try (FakeProvider fake = FakeProvider.start(); Receiver r = new Receiver();
             TestGateway gw = TestGateway.start(config(fake, r, "tasks:\n  concurrency: 1\n  maxAttempts: 1\n"))) {
            fake.enqueue(FakeReply.hang());
            String a = gw.post("/v1/tasks", "{\"type\": \"agent\", \"priority\": 9, \"parameters\": "
                    + "{\"message\": \"first\"}}").json().path("id").asText();
            await().atMost(Duration.ofSeconds(30)).until(() -> task(gw, a).path("status").asText().equals("running"));
            String b = gw.post("/v1/tasks", "{\"type\": \"agent\", \"parameters\": {\"message\": \"second\"}}")
                    .json().path("id").asText();
            assertThat(task(gw, b).path("status").asText()).isEqualTo("pending");
            fake.setDefaultReply(FakeReply.text("after restart"));
            gw.restart();
            JsonNode interrupted = task(gw, a);
            assertThat(interrupted.path("status").asText()).isEqualTo("failed");
            assertThat(interrupted.path("error").asText()).contains("gateway stopped");
            await().atMost(Duration.ofSeconds(45)).until(() -> task(gw, b).path("status").asText()
                    .equals("completed"));
            assertThat(task(gw, b).at("/result/content").asText()).isEqualTo("after restart");
            assertThat(gw.get("/v1/tasks?status=running").json().path("total").asInt()).isZero();
        }
    }

    @Test
    void higherPriorityRunsFirstWithinTheConcurrencyLimit() {
        try (FakeProvider fake = FakeProvider.start(); Receiver r = new Receiver();
             TestGateway gw = TestGateway.start(config(fake, r, "tasks:\n  concurrency: 1\n"))) {
            fake.enqueue(FakeReply.hang());
            String blocker = gw.post("/v1/tasks", "{\"type\": \"agent\", \"parameters\": {\"message\": "
                    + "\"blocker\"}}").json().path("id").asText();
            await().atMost(Duration.ofSeconds(30)).until(() -> task(gw, blocker).path("status").asText()
                    .equals("running"));
            String low = gw.post("/v1/tasks", "{\"type\": \"agent\", \"priority\": 1, \"parameters\": "
                    + "{\"message\": \"low-priority\"}}").json().path("id").asText();
            String high = gw.post("/v1/tasks", "{\"type\": \"agent\", \"priority\": 9, \"parameters\": "
                    + "{\"message\": \"high-priority\"}}").json().path("id").asText();
            assertThat(task(gw, low).path("status").asText()).isEqualTo("pending");
            assertThat(task(gw, high).path("status").asText()).isEqualTo("pending");
            gw.delete("/v1/tasks/" + blocker);
            await().atMost(Duration.ofSeconds(45)).until(() -> task(gw, low).path("status").asText()
                    .equals("completed"));
            List<String> bodies = fake.requests().stream().map(q -> q.body()).toList();
            int hi = -1;
            int lo = -1;
            for (int i = 0; i < bodies.size(); i++) {
                if (bodies.get(i).contains("high-priority") && hi < 0) {
                    hi = i;
                }
                if (bodies.get(i).contains("low-priority") && lo < 0) {
                    lo = i;
                }
            }
            assertThat(hi).isNotNegative().isLessThan(lo);
        }
    }

    @Test
    void dataProcessingFetchesItsInputUrl() {
        try (FakeProvider fake = FakeProvider.start(); Receiver r = new Receiver();
             TestGateway gw = TestGateway.start(config(fake, r, ""))) {
            r.thenBody(200, "city,temp\nBeijing,21\nShanghai,25\n");
            fake.enqueue(FakeReply.text("平均温度 23"));
            String id = gw.post("/v2/tasks", "{\"type\": \"data-processing\", \"input\": {\"fileUrl\": \""
                    + r.url("/data.csv") + "\", \"operations\": [\"summarize\"]}}").json().path("id").asText();
            await().atMost(Duration.ofSeconds(45)).until(() -> gw.get("/v2/tasks/" + id).json().path("status")
                    .asText().equals("completed"));
            JsonNode done = gw.get("/v2/tasks/" + id).json();
            assertThat(done.at("/result/summary").asText()).isEqualTo("平均温度 23");
            assertThat(done.at("/result/source").asText()).isEqualTo(r.url("/data.csv"));
            assertThat(fake.requests().get(0).body()).contains("Shanghai,25");
        }
    }
}
