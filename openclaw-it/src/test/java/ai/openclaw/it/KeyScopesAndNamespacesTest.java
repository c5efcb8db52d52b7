package ai.openclaw.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.openclaw.testkit.CliRun;
import ai.openclaw.testkit.HttpResult;
import ai.openclaw.testkit.TestGateway;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, keys: an empty scope list is refused (API and CLI), the status routes show instance-wide counts only to
 * the {@code status} scope, client session keys shaped like generated ids stay in the caller's namespace, and a cron
 * job's {@code sessionTarget} or a task's session naming another owner's session behaves like a missing one.
 */
class KeyScopesAndNamespacesTest {
    static TestGateway gw;

    @BeforeAll
    static void start() {
        gw = TestGateway.start();
    }

    @AfterAll
    static void stop() {
        gw.close();
    }

    static String key(String name, String scopes) {
        HttpResult r = gw.post("/api/v1/keys", "{\"name\": \"" + name + "\", \"plan\": \"enterprise\""
                + (scopes == null ? ""
                : ", \"scopes\": " + scopes) + "}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().at("/data/key").asText();
    }

    static HttpResult as(String key, String method, String path, String body) {
        return gw.send(method, path, body, body == null ? Map.of("X-API-Key", key)
                : Map.of("Authorization", "Bearer " + key, "Content-Type", "application/json"));
    }

    @Test
    void anEmptyScopeListIsRefusedNotWidened() {
        for (String empty : new String[] {"[]", "\"\"", "\" , \""}) {
            HttpResult r = gw.post("/api/v1/keys", "{\"name\": \"empty-scopes\", \"scopes\": " + empty + "}");
            assertThat(r.status()).as(empty).isEqualTo(400);
            assertThat(r.json().at("/error/code").asText()).isEqualTo("INVALID_REQUEST");
            assertThat(r.json().at("/error/message").asText()).contains("'scopes'");
        }
        assertThat(gw.get("/api/v1/keys/empty-scopes").status()).as("nothing was created").isEqualTo(404);

        JsonNode defaults = gw.post("/api/v1/keys", "{\"name\": \"default-scopes\"}").json().path("data");
        assertThat(defaults.path("scopes").toString()).contains("chat", "tasks", "memory:read", "memory:write")
                .doesNotContain("admin").doesNotContain("status");

        CliRun cli = CliRun.of(gw, "api", "key", "generate", "--name", "cli-empty", "--scopes", "");
        assertThat(cli.exit()).isNotZero();
        assertThat(cli.err()).contains("scopes");
        assertThat(gw.get("/api/v1/keys/cli-empty").status()).isEqualTo(404);
        CliRun ok = CliRun.of(gw, "api", "key", "generate", "--name", "cli-status", "--scopes", "chat,status");
        assertThat(ok.exit()).as(ok.err()).isZero();
        assertThat(gw.get("/api/v1/keys/cli-status").json().at("/data/scopes").toString()).contains("status");
    }

    @Test
    void statusCountsAreTheCallersOwnWithoutTheStatusScope() {
        String a = key("status-a", "[\"chat\"]");
        String watcher = key("status-watcher", "[\"status\"]");
        for (int i = 0; i < 3; i++) {
            assertThat(gw.post("/api/v1/message", "{\"text\": \"hi\", \"session\": \"op-" + i + "\"}").status())
                    .isEqualTo(200);
        }
        for (int i = 0; i < 2; i++) {
            assertThat(as(a, "POST", "/api/v1/message", "{\"text\": \"hi\", \"session\": \"mine-" + i + "\"}")
                    .status()).isEqualTo(200);
        }
        JsonNode own = as(a, "GET", "/api/v1/status", null).json().path("data");
        assertThat(own.path("countsScope").asText()).isEqualTo("owner");
        assertThat(own.at("/sessions/total").asLong()).isEqualTo(2);
        JsonNode ownSystem = as(a, "GET", "/api/v1/system/status", null).json().path("data");
        assertThat(ownSystem.at("/sessions/total").asLong()).isEqualTo(2);
        assertThat(ownSystem.at("/sessions/messages").asLong()).isEqualTo(4);
        assertThat(ownSystem.path("resources").has("queueDepth")).isFalse();
        assertThat(ownSystem.path("resources").has("tokenUsage")).isTrue();

        JsonNode all = gw.get("/api/v1/system/status").json().path("data");
        assertThat(all.path("countsScope").asText()).isEqualTo("instance");
        assertThat(all.at("/sessions/total").asLong()).isGreaterThanOrEqualTo(5);
        assertThat(all.path("resources").has("queueDepth")).isTrue();
        JsonNode watched = as(watcher, "GET", "/api/v1/status", null).json().path("data");
        assertThat(watched.path("countsScope").asText()).isEqualTo("instance");
        assertThat(watched.at("/sessions/total").asLong()).isEqualTo(all.at("/sessions/total").asLong());
    }

    @Test
    void aGeneratedLookingSessionKeyCannotBeSquatted() {
        String a = key("squat-a", "[\"chat\"]");
        String b = key("squat-b", "[\"chat\"]");
        String shaped = "abc_0123456789abcdefghij";
        HttpResult squat = as(b, "POST", "/api/v1/message", "{\"text\": \"B was here\", \"session\": \"" + shaped
                + "\"}");
        assertThat(squat.status()).as(squat.body()).isEqualTo(200);
        HttpResult mine = as(a, "POST", "/api/v1/message", "{\"text\": \"A's own\", \"session\": \"" + shaped
                + "\"}");
        assertThat(mine.status()).as(mine.body()).isEqualTo(200);
        HttpResult read = as(a, "GET", "/api/v1/sessions/" + shaped + "/messages", null);
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.body()).contains("A's own").doesNotContain("B was here");
        assertThat(as(b, "GET", "/v2/conversations/" + shaped + "/messages", null).body()).doesNotContain("A's own");

        // A session the gateway generated for A keeps its id for A and is invisible to B, who gets a session of its
        // own under that key rather than a 404 or a conflict that would tell it the id is taken.
        HttpResult created = as(a, "POST", "/v2/conversations", "{}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String generated = created.json().path("id").asText();
        assertThat(generated).startsWith("session_");
        assertThat(as(a, "GET", "/v2/conversations/" + generated, null).status()).isEqualTo(200);
        assertThat(as(b, "GET", "/v2/conversations/" + generated, null).status()).isEqualTo(404);
        HttpResult bCreates = as(b, "POST", "/v2/conversations", "{\"id\": \"" + generated + "\"}");
        assertThat(bCreates.status()).as(bCreates.body()).isEqualTo(201);
        assertThat(bCreates.json().path("id").asText()).isNotEqualTo(generated).endsWith(":" + generated);
        assertThat(as(a, "GET", "/v2/conversations/" + generated + "/messages", null).json().path("total").asInt())
                .isZero();
    }

    @Test
    void anotherOwnersSessionAnswersLikeAMissingOneInCronAndTasks() {
        String a = key("oracle-a", "[\"chat\", \"tasks\"]");
        String b = key("oracle-b", "[\"chat\", \"tasks\"]");
        String victim = as(a, "POST", "/v2/conversations", "{}").json().path("id").asText();
        String missing = "session_zzzzzzzzzzzzzzzzzzzz";

        for (String target : new String[] {victim, missing}) {
            HttpResult job = as(b, "POST", "/api/v1/cron/jobs", "{\"name\": \"probe\", \"schedule\": {\"kind\": "
                    + "\"every\", \"everyMs\": 86400000}, \"payload\": {\"kind\": \"agentTurn\", \"message\": \"hi\"}, "
                    + "\"sessionTarget\": \"" + target + "\"}");
            assertThat(job.status()).as(job.body()).isEqualTo(201);
            JsonNode run = as(b, "POST", "/api/v1/cron/jobs/" + job.json().at("/data/id").asText() + "/run", "")
                    .json().path("data");
            assertThat(run.path("status").asText()).as(target + ": " + run).isEqualTo("ok");
            assertThat(run.toString()).doesNotContain("already exists");

            for (String field : new String[] {"sessionId", "session"}) {
                HttpResult task = as(b, "POST", "/v1/tasks", "{\"type\": \"agent\", \"parameters\": {\"message\": "
                        + "\"hi\", \"" + field + "\": \"" + target + "\"}}");
                assertThat(task.status()).as(task.body()).isEqualTo(201);
                String id = task.json().path("id").asText();
                await().atMost(Duration.ofSeconds(60)).until(() -> as(b, "GET", "/v1/tasks/" + id, null).json()
                        .path("status").asText().matches("completed|failed"));
                JsonNode done = as(b, "GET", "/v1/tasks/" + id, null).json();
                assertThat(done.path("status").asText()).as(field + " " + target + ": " + done).isEqualTo("completed");
                assertThat(done.at("/result/sessionId").asText()).isNotEqualTo(target).endsWith(":" + target);
            }
        }
        assertThat(as(a, "GET", "/v2/conversations/" + victim + "/messages", null).json().path("total").asInt())
                .as("nothing was written into A's session").isZero();
    }
}
