package ai.openclaw.it;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.testkit.HttpResult;
import ai.openclaw.testkit.TestGateway;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Key management over {@code /api/v1/keys} (admin scope), scope checks (403), and ownership: one key cannot read,
 * write or delete another owner's sessions in any dialect (404, never 403), while administrators see everything.
 */
class KeysAndOwnershipTest {
    static TestGateway gw;

    @BeforeAll
    static void start() {
        gw = TestGateway.start();
    }

    @AfterAll
    static void stop() {
        gw.close();
    }

    static JsonNode createKey(String body) {
        HttpResult r = gw.post("/api/v1/keys", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().path("data");
    }

    static HttpResult as(String key, String method, String path, String body) {
        return gw.send(method, path, body, body == null ? Map.of("X-API-Key", key)
                : Map.of("Authorization", "Bearer " + key, "Content-Type", "application/json"));
    }

    @Test
    void adminManagesKeysOverTheApiAndSecretsAreShownOnce() {
        JsonNode created = createKey("{\"name\": \"api-made\", \"plan\": \"pro\", \"scopes\": [\"chat\"], "
                + "\"expires\": \"90d\"}");
        String secret = created.path("key").asText();
        assertThat(secret).startsWith("oc_api_sk_");
        assertThat(created.path("plan").asText()).isEqualTo("pro");
        assertThat(created.path("status").asText()).isEqualTo("active");
        assertThat(created.path("expiresAt").asText()).isNotBlank();
        assertThat(created.path("createdAt").asText()).isNotBlank();
        assertThat(created.has("hash")).isFalse();
        assertThat(as(secret, "GET", "/v2/conversations", null).status()).isEqualTo(200);

        HttpResult list = gw.get("/api/v1/keys");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("api-made").doesNotContain(secret).doesNotContain("\"hash\"");
        JsonNode one = gw.get("/api/v1/keys/api-made").json().path("data");
        assertThat(one.path("lastUsedAt").asText()).isNotBlank();
        assertThat(one.path("scopes").toString()).isEqualTo("[\"chat\"]");

        assertThat(gw.post("/api/v1/keys", "{\"name\": \"api-made\"}").status()).isEqualTo(409);
        HttpResult badScope = gw.post("/api/v1/keys", "{\"name\": \"x1\", \"scopes\": [\"root\"]}");
        assertThat(badScope.status()).isEqualTo(400);
        assertThat(badScope.json().at("/error/message").asText()).contains("root");
        assertThat(gw.post("/api/v1/keys", "{\"name\": \"x2\", \"limits\": {\"burst\": -1}}").status())
                .isEqualTo(400);
        assertThat(gw.post("/api/v1/keys", "{\"name\": \"x3\", \"expires\": \"soon\"}").json()
                .at("/error/message").asText()).contains("'expires'");

        HttpResult revoked = gw.delete("/api/v1/keys/api-made");
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.json().at("/data/status").asText()).isEqualTo("revoked");
        assertThat(as(secret, "GET", "/v2/conversations", null).status()).as("revocation is immediate")
                .isEqualTo(401);
        assertThat(gw.delete("/api/v1/keys/no-such-key").status()).isEqualTo(404);
    }

    @Test
    void keysWithoutTheScopeGetForbidden() {
        String chatOnly = createKey("{\"name\": \"chat-only\", \"scopes\": \"chat\"}").path("key").asText();
        HttpResult keys = as(chatOnly, "GET", "/api/v1/keys", null);
        assertThat(keys.status()).isEqualTo(403);
        assertThat(keys.json().at("/error/code").asText()).isEqualTo("FORBIDDEN");
        assertThat(keys.json().at("/error/message").asText()).contains("'admin'");
        assertThat(as(chatOnly, "GET", "/api/v1/config/gateway", null).status()).isEqualTo(403);
        String memoryOnly = createKey("{\"name\": \"memory-only\", \"scopes\": [\"memory:read\"]}").path("key")
                .asText();
        for (String[] call : List.of(new String[] {"POST", "/api/v1/message", "{\"text\": \"hi\"}"},
                new String[] {"GET", "/v1/sessions", null}, new String[] {"GET", "/v2/conversations", null},
                new String[] {"GET", "/v1/models", null})) {
            HttpResult r = as(memoryOnly, call[0], call[1], call[2]);
            assertThat(r.status()).as(call[1]).isEqualTo(403);
            assertThat(r.json().at("/error/code").asText()).isEqualTo("FORBIDDEN");
            assertThat(r.json().at("/error/message").asText()).contains("'chat'");
        }
        String admin = createKey("{\"name\": \"second-admin\", \"scopes\": [\"admin\"]}").path("key").asText();
        assertThat(as(admin, "GET", "/api/v1/keys", null).status()).isEqualTo(200);
        HttpResult self = gw.send("DELETE", "/api/v1/keys/second-admin", null, Map.of("X-API-Key", admin));
        assertThat(self.status()).isEqualTo(409);
    }

    @Test
    void aKeysOwnSessionKeyNamesTheSameSessionForToolCalls() throws java.io.IOException {
        HttpResult agent = gw.post("/v2/agents", "{\"name\": \"ws-agent\", \"workspace\": \"ws-agent-files\"}");
        assertThat(agent.status()).as(agent.body()).isEqualTo(201);
        String agentId = agent.json().path("id").asText();
        java.nio.file.Path ws = gw.stateDir().resolve("ws-agent-files");
        java.nio.file.Files.createDirectories(ws);
        java.nio.file.Files.writeString(ws.resolve("only-in-ws-agent.txt"), "x");
        String a = createKey("{\"name\": \"tools-owner\", \"plan\": \"enterprise\"}").path("key").asText();
        HttpResult session = as(a, "POST", "/api/v1/sessions",
                "{\"sessionId\": \"tools-session\", \"agentId\": \"" + agentId + "\"}");
        assertThat(session.status()).as(session.body()).isEqualTo(201);

        // The key names its session as it created it; a non-operator's tools always run in its own workspace (the
        // operator agent's folder is the operator's), so the agent's file is not there but the key's own file is.
        HttpResult write = as(a, "POST", "/tools/invoke", "{\"tool\": \"file_write\", \"args\": {\"path\": "
                + "\"mine.txt\", \"content\": \"x\"}, \"sessionKey\": \"tools-session\"}");
        assertThat(write.json().path("ok").asBoolean()).as(write.body()).isTrue();
        HttpResult invoke = as(a, "POST", "/tools/invoke",
                "{\"tool\": \"file_list\", \"args\": {}, \"sessionKey\": \"tools-session\"}");
        assertThat(invoke.json().path("ok").asBoolean()).as(invoke.body()).isTrue();
        assertThat(invoke.json().at("/result/entries").toString()).contains("mine.txt")
                .doesNotContain("only-in-ws-agent.txt");
        HttpResult tasks = as(a, "POST", "/v1/tools/file_list/execute",
                "{\"parameters\": {}, \"session_id\": \"tools-session\"}");
        assertThat(tasks.json().at("/result/entries").toString()).as(tasks.body()).contains("mine.txt");
        assertThat(gw.post("/tools/invoke", "{\"tool\": \"file_list\", \"args\": {}, \"sessionKey\": \""
                + "tools-session\"}").json().at("/result/entries").toString()).doesNotContain("mine.txt");

        // Another key using the same name gets its own namespace and its own workspace.
        String b = createKey("{\"name\": \"tools-other\", \"plan\": \"enterprise\"}").path("key").asText();
        HttpResult other = as(b, "POST", "/tools/invoke",
                "{\"tool\": \"file_list\", \"args\": {}, \"sessionKey\": \"tools-session\"}");
        assertThat(other.json().path("ok").asBoolean()).as(other.body()).isTrue();
        assertThat(other.json().at("/result/entries").toString()).doesNotContain("only-in-ws-agent.txt")
                .doesNotContain("mine.txt");
    }

    @Test
    void aKeysCronJobAimedAtMainTalksInItsOwnMainSession() {
        String a = createKey("{\"name\": \"cron-owner\", \"plan\": \"enterprise\"}").path("key").asText();
        HttpResult job = as(a, "POST", "/api/v1/cron/jobs", "{\"name\": \"hello\", \"schedule\": {\"kind\": "
                + "\"every\", \"everyMs\": 86400000}, \"payload\": {\"kind\": \"agentTurn\", \"message\": "
                + "\"cron-hello-7731\"}, \"sessionTarget\": \"main\"}");
        assertThat(job.status()).as(job.body()).isEqualTo(201);
        String id = job.json().at("/data/id").asText();
        HttpResult run = as(a, "POST", "/api/v1/cron/jobs/" + id + "/run", "{}");
        assertThat(run.json().at("/data/status").asText()).as(run.body()).isEqualTo("ok");

        HttpResult own = as(a, "GET", "/api/v1/sessions/main/messages", null);
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(own.body()).contains("cron-hello-7731");
        HttpResult global = gw.get("/api/v1/sessions/main/messages");
        assertThat(global.body()).doesNotContain("cron-hello-7731");
    }

    @Test
    void foreignSessionsAreNotFoundInEveryDialect() {
        String a = createKey("{\"name\": \"owner-a\", \"plan\": \"enterprise\"}").path("key").asText();
        String b = createKey("{\"name\": \"owner-b\", \"plan\": \"enterprise\"}").path("key").asText();
        assertThat(as(a, "POST", "/api/v1/sessions", "{\"sessionId\": \"own-gw\"}").status()).isEqualTo(201);
        assertThat(as(a, "POST", "/v1/sessions", "{\"session_id\": \"own-tasks\"}").status()).isIn(200, 201);
        assertThat(as(a, "POST", "/api/v1/message", "{\"text\": \"mine\", \"session\": \"own-msg\"}").status())
                .isEqualTo(200);
        HttpResult conv = as(a, "POST", "/v2/conversations", "{}");
        assertThat(conv.status()).isIn(200, 201);
        String v2 = conv.json().path("id").asText();
        HttpResult oa = gw.send("POST", "/v1/chat/completions", "{\"messages\": [{\"role\": \"user\", "
                + "\"content\": \"hi\"}]}", Map.of("Authorization", "Bearer " + a, "Content-Type",
                "application/json", "x-openclaw-session-key", "own-openai"));
        assertThat(oa.status()).isEqualTo(200);

        for (String id : List.of("own-gw", "own-tasks", "own-msg", v2, "own-openai")) {
            // what a stores: a client-chosen key lives in a's namespace (<keyId>:<key>); generated ids stay as they are
            String stored = as(a, "GET", "/api/v1/sessions/" + id, null).json().at("/data/id").asText();
            assertThat(stored).as("owner still sees " + id).isNotEmpty();
            assertThat(stored.equals(id) || stored.endsWith(":" + id)).isTrue();
            for (String probe : List.of(id, stored)) {
                for (String[] call : List.of(new String[] {"GET", "/api/v1/sessions/" + probe, null},
                        new String[] {"GET", "/api/v1/sessions/" + probe + "/messages", null},
                        new String[] {"POST", "/api/v1/sessions/" + probe + "/messages",
                            "{\"message\": {\"role\": \"user\", \"content\": \"x\"}}"},
                        new String[] {"GET", "/v1/sessions/" + probe, null},
                        new String[] {"GET", "/v1/sessions/" + probe + "/messages", null},
                        new String[] {"POST", "/v1/sessions/" + probe + "/messages", "{\"content\": \"x\"}"},
                        new String[] {"GET", "/v2/conversations/" + probe, null},
                        new String[] {"GET", "/v2/conversations/" + probe + "/messages", null},
                        new String[] {"POST", "/v2/conversations/" + probe + "/messages", "{\"content\": \"x\"}"},
                        new String[] {"DELETE", "/api/v1/sessions/" + probe, null},
                        new String[] {"DELETE", "/v1/sessions/" + probe, null},
                        new String[] {"DELETE", "/v2/conversations/" + probe, null})) {
                    HttpResult r = as(b, call[0], call[1], call[2]);
                    assertThat(r.status()).as(call[0] + " " + call[1] + " " + r.body()).isEqualTo(404);
                    assertThat(r.json().at("/error/code").asText()).isEqualTo("NOT_FOUND");
                }
            }
            assertThat(gw.get("/api/v1/sessions/" + stored).status()).as("admin sees " + stored).isEqualTo(200);
        }
        // Session keys are per owner: b using the same key gets a session of its own (no 404 that would reveal a's),
        // and a's session is untouched.
        HttpResult bOwn = as(b, "POST", "/api/v1/message", "{\"text\": \"x\", \"session\": \"own-msg\"}");
        assertThat(bOwn.status()).isEqualTo(200);
        HttpResult bChat = gw.send("POST", "/v1/chat/completions", "{\"messages\": [{\"role\": \"user\", "
                + "\"content\": \"x\"}]}", Map.of("Authorization", "Bearer " + b, "Content-Type",
                "application/json", "x-openclaw-session-key", "own-openai"));
        assertThat(bChat.status()).isEqualTo(200);
        assertThat(bChat.header("x-openclaw-session-key")).isNotEqualTo(
                as(a, "GET", "/api/v1/sessions/own-openai", null).json().at("/data/id").asText());
        assertThat(as(a, "GET", "/api/v1/sessions/own-openai", null).json().at("/data/messageCount").asInt())
                .isEqualTo(2);
        assertThat(as(b, "GET", "/api/v1/sessions", null).body()).doesNotContain("own-gw");
        assertThat(as(b, "GET", "/v1/sessions", null).body()).doesNotContain("own-tasks");
        assertThat(as(b, "GET", "/v2/conversations", null).body()).doesNotContain(v2);
        assertThat(as(a, "GET", "/api/v1/sessions/own-msg", null).json().at("/data/messageCount").asInt())
                .as("nothing was appended by the other key").isEqualTo(2);
    }
}
