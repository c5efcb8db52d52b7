package ai.openclaw.it;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.testkit.HttpResult;
import ai.openclaw.testkit.TestGateway;
import ai.openclaw.testkit.fake.FakeProvider;
import ai.openclaw.testkit.fake.FakeReply;
import ai.openclaw.testkit.fake.FakeToolCall;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Seed 003 agent CRUD and skill installation, workspace files in the system prompt, the tool-time and whole-turn
 * limits, agents surviving a restart, and many children spawned at once.
 */
class AgentApiTest {
    static FakeProvider fake;
    static TestGateway gw;

    @BeforeAll
    static void start() throws IOException {
        fake = FakeProvider.start();
        gw = TestGateway.start(TestGateway.providerConfig(fake.openAiBaseUrl(), null)
                + "agents:\n  maxToolSeconds: 1\n  turnTimeoutSeconds: 3\n  toolsByDefault: true\n"
                + "skills:\n  allowUnsandboxedScripts: true\n"); // the slow script runs with or without bubblewrap
        Path skill = gw.stateDir().resolve("skills").resolve("slow");
        Files.createDirectories(skill);
        Files.writeString(skill.resolve("SKILL.md"), "---\nname: slow\ndescription: slow\nentry: run.sh\n"
                + "timeout: 30\n---\nslow\n", StandardCharsets.UTF_8);
        Files.writeString(skill.resolve("run.sh"), "sleep 20\n", StandardCharsets.UTF_8);
        Path ws = gw.stateDir().resolve("workspace");
        Files.createDirectories(ws);
        Files.writeString(ws.resolve("AGENTS.md"), "Always answer in haiku.");
        Files.writeString(ws.resolve("SOUL.md"), "You are calm." + "x".repeat(40_000));
        gw.restart();
    }

    @AfterAll
    static void stop() {
        gw.close();
        fake.close();
    }

    @BeforeEach
    void reset() {
        fake.reset();
    }

    @Test
    void seedExampleCreatesAnAgentThatCanBeChangedInstalledAndDeleted() {
        HttpResult created = gw.post("/v2/agents", "{\"name\": \"客服助手\", \"description\": \"智能客服 Agent\", "
                + "\"model\": \"gpt-4\", \"systemPrompt\": \"你是一个专业的客服助手...\", "
                + "\"skills\": [\"knowledge-base\", \"ticket-system\"], "
                + "\"settings\": {\"temperature\": 0.3, \"maxTokens\": 2048, \"memoryEnabled\": true}}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode a = created.json();
        String id = a.path("id").asText();
        assertThat(a.at("/model/provider").asText()).isEqualTo("fake");
        assertThat(a.at("/model/name").asText()).isEqualTo("gpt-4");
        assertThat(a.at("/skills/1/id").asText()).isEqualTo("ticket-system");
        assertThat(a.at("/skills/1/available").asBoolean()).isFalse();

        HttpResult patched = gw.send("PATCH", "/v2/agents/" + id, "{\"name\":\"新名字\",\"settings\":{\"temperature\":1.1}}",
                java.util.Map.of("Authorization", "Bearer " + TestGateway.TOKEN, "Content-Type", "application/json"));
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json().path("name").asText()).isEqualTo("新名字");
        assertThat(patched.json().at("/model/settings/temperature").asDouble()).isEqualTo(1.1);
        assertThat(patched.json().at("/model/settings/maxTokens").asInt()).isEqualTo(2048);

        HttpResult installed = gw.post("/v2/agents/" + id + "/skills", "{\"skillId\": \"web_fetch\", "
                + "\"version\": \"1.0.0\", \"config\": {\"provider\": \"google\", \"maxResults\": 10}}");
        assertThat(installed.status()).as(installed.body()).isEqualTo(201);
        assertThat(installed.json().path("skills").toString()).contains("\"id\":\"web_fetch\"")
                .contains("\"maxResults\":10");
        HttpResult bad = gw.post("/v2/agents", "{\"name\":\"x\",\"settings\":{\"temperature\":5}}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().at("/error/message").asText()).contains("settings.temperature");
        assertThat(gw.post("/v2/agents", "{\"description\":\"no name\"}").json().at("/error/message").asText())
                .contains("'name'");

        gw.restart();
        assertThat(gw.get("/v2/agents/" + id).json().path("name").asText()).isEqualTo("新名字");
        assertThat(gw.delete("/v2/agents/" + id).status()).isEqualTo(200);
        assertThat(gw.get("/v2/agents/" + id).status()).isEqualTo(404);
    }

    @Test
    void workspaceFilesGoIntoTheSystemPromptCapped() {
        fake.enqueue(FakeReply.text("ok"));
        assertThat(gw.post("/api/v1/message", "{\"text\":\"hi\",\"session\":\"ws\"}").status()).isEqualTo(200);
        String system = fake.lastRequest().json().at("/messages/0/content").asText();
        assertThat(system).contains("## AGENTS.md").contains("Always answer in haiku.").contains("## SOUL.md")
                .contains("You are calm.").contains("truncated at 16000 characters");
        assertThat(system.length()).isLessThan(20_000);
    }

    @Test
    void aToolOverTheToolTimeLimitEndsTheTurnWithARecord() {
        HttpResult conv = gw.post("/v2/conversations", "{}");
        String id = conv.json().path("id").asText();
        fake.enqueue(FakeReply.toolCalls(List.of(FakeToolCall.of("slow", "{}"))));
        HttpResult r = gw.post("/v2/conversations/" + id + "/messages", "{\"content\":\"run slow\"}");
        assertThat(r.status()).isEqualTo(504);
        assertThat(r.json().at("/error/message").asText()).contains("tool time limit").contains("agents.maxToolSeconds");
        JsonNode stored = gw.get("/v2/conversations/" + id + "/messages").json().path("messages");
        assertThat(stored).hasSize(4);
        assertThat(stored.get(2).path("content").asText()).contains("TIMEOUT");
        assertThat(stored.get(3).path("content").asText()).contains("tool time limit");
        fake.enqueue(FakeReply.text("next turn works"));
        HttpResult next = gw.post("/v2/conversations/" + id + "/messages", "{\"content\":\"again\"}");
        assertThat(next.json().path("content").asText()).isEqualTo("next turn works");
        JsonNode sent = fake.lastRequest().json().path("messages");
        assertThat(sent.toString()).contains("run slow").contains("again");
    }

    @Test
    void theWholeTurnTimeoutEndsAHangingTurnWithARecord() {
        HttpResult conv = gw.post("/v2/conversations", "{}");
        String id = conv.json().path("id").asText();
        fake.enqueue(FakeReply.hang());
        HttpResult r = gw.post("/v2/conversations/" + id + "/messages", "{\"content\":\"hang\",\"stream\":true}");
        List<JsonNode> events = r.sseJson();
        if (events.isEmpty()) {
            assertThat(r.status()).isEqualTo(504);
            assertThat(r.json().at("/error/message").asText()).contains("time limit");
        } else {
            assertThat(events.get(events.size() - 1).at("/error/message").asText()).contains("time limit");
        }
        JsonNode stored = gw.get("/v2/conversations/" + id + "/messages").json().path("messages");
        assertThat(stored.get(stored.size() - 1).path("content").asText()).contains("time limit");
    }

    @Test
    void anAcknowledgedSpawnSurvivesARestart() {
        String id = gw.post("/api/v1/agents/spawn", "{\"task\":\"remember me\",\"model\":\"builtin/offline\"}")
                .json().at("/data/id").asText();
        assertThat(gw.get("/api/v1/agents/spawn/" + id + "?wait=30").json().at("/data/status").asText())
                .isEqualTo("completed");
        gw.restart();
        JsonNode after = gw.get("/api/v1/agents/spawn/" + id).json().path("data");
        assertThat(after.path("status").asText()).isEqualTo("completed");
        assertThat(after.path("result").asText()).contains("remember me");
    }

    @Test
    void manyChildrenAtOnceAllComplete() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> ids = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                int n = i;
                ids.add(pool.submit(() -> gw.post("/api/v1/agents/spawn", "{\"task\":\"task " + n
                        + "\",\"model\":\"builtin/offline\",\"timeout\":60}").json().at("/data/id").asText()));
            }
            for (int i = 0; i < ids.size(); i++) {
                JsonNode d = gw.get("/api/v1/agents/spawn/" + ids.get(i).get() + "?wait=60").json().path("data");
                assertThat(d.path("status").asText()).isEqualTo("completed");
                assertThat(d.path("result").asText()).contains("task " + i);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
