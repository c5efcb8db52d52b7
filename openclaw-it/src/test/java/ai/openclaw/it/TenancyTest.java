package ai.openclaw.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.openclaw.testkit.HttpResult;
import ai.openclaw.testkit.TestGateway;
import ai.openclaw.testkit.fake.FakeProvider;
import ai.openclaw.testkit.fake.FakeReply;
import ai.openclaw.testkit.fake.FakeToolCall;
import ai.openclaw.testkit.fake.RecordedRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 10, the owner model: two non-admin keys A and B and the operator (gateway token) against every resource
 * type and route that owns agents, workspaces, skills, webhooks and events — directly, through the tool routes of
 * every dialect, batch, spawn, and OpenAI {@code model: openclaw/<agent>} — plus the attacks of the issue: a planted
 * script skill, B's {@code AGENTS.md}/{@code SOUL.md} in A's prompt, B's {@code MEMORY.md} in A's search and recall,
 * and webhook fan-out of A's events to B. Each probe is one isolation check; a check that lets B see or change A's
 * (or the operator's) things is a leak. The class prints {@code isolation checks: N, leaks: M} and every test fails
 * on a leak of its own.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TenancyTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static FakeProvider fake;
    static Receiver receiver;
    static TestGateway gw;
    static String keyA;
    static String keyB;
    static int checks;
    static final List<String> leaks = new ArrayList<>();

    @BeforeAll
    static void start() {
        fake = FakeProvider.start();
        receiver = new Receiver();
        gw = TestGateway.start(TestGateway.providerConfig(fake.openAiBaseUrl(), null)
                + "agents:\n  toolsByDefault: true\n"
                + "memory:\n  workspace:\n    poll_seconds: 0\n"
                + "webhooks:\n  enabled: true\n  allowPrivateTargets: true\n  backoffMs: 200\n"
                + "  endpoints:\n    - { url: \"" + receiver.url("/operator") + "\", events: [\"*\"], secret: s3cr3t }\n");
        keyA = key("tenant-a");
        keyB = key("tenant-b");
    }

    static String key(String name) {
        HttpResult r = gw.post("/api/v1/keys", "{\"name\":\"" + name + "\",\"plan\":\"enterprise\","
                + "\"scopes\":[\"chat\",\"tasks\",\"memory:read\",\"memory:write\"]}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().at("/data/key").asText();
    }

    @AfterAll
    static void stop() {
        System.out.println("isolation checks: " + checks + ", leaks: " + leaks.size());
        leaks.forEach(l -> System.out.println("  leak: " + l));
        gw.close();
        receiver.close();
        fake.close();
    }

    static HttpResult as(String key, String method, String path, String body) {
        HttpResult r = gw.send(method, path, body, body == null ? Map.of("Authorization", "Bearer " + key)
                : Map.of("Authorization", "Bearer " + key, "Content-Type", "application/json"));
        // a rate-limited probe proves nothing: it would hide a leak
        assertThat(r.status()).as(method + " " + path + " was rate limited").isNotEqualTo(429);
        return r;
    }

    /** One isolation check: {@code isolated} true means B could not see or change what is not B's. */
    static void check(String what, Supplier<Boolean> isolated) {
        checks++;
        boolean ok;
        try {
            ok = isolated.get();
        } catch (RuntimeException | AssertionError e) {
            ok = false;
            what = what + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")";
        }
        if (!ok) {
            leaks.add(what);
        }
    }

    static void assertNoLeaks(String prefix) {
        assertThat(leaks.stream().filter(l -> l.startsWith(prefix)).toList()).as("leaks").isEmpty();
    }

    static String tool(String key, String tool, String args) {
        HttpResult r = as(key, "POST", "/tools/invoke", "{\"tool\":\"" + tool + "\",\"args\":" + args + "}");
        return r.status() + " " + r.body();
    }

    static String graphql(String key, String query) {
        return as(key, "POST", "/graphql", "{\"query\":\"" + query + "\"}").body();
    }

    static String prompts() {
        StringBuilder sb = new StringBuilder();
        for (RecordedRequest r : fake.requests()) {
            sb.append(r.body()).append('\n');
        }
        return sb.toString();
    }

    @Test
    @Order(1)
    void agentsAreOwned() {
        HttpResult created = as(keyA, "POST", "/v2/agents", "{\"id\":\"helper\",\"name\":\"A's helper\","
                + "\"systemPrompt\":\"A-SECRET-PROMPT\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asText();
        assertThat(as(keyA, "GET", "/v2/agents/" + id, null).status()).isEqualTo(200);
        check("agents: B gets A's agent", () -> as(keyB, "GET", "/v2/agents/" + id, null).status() == 404);
        check("agents: B gets A's agent by its short id",
                () -> !as(keyB, "GET", "/v2/agents/helper", null).body().contains("A-SECRET-PROMPT"));
        check("agents: B's list shows A's agent", () -> {
            String list = as(keyB, "GET", "/v2/agents?limit=200", null).body();
            return !list.contains("A-SECRET-PROMPT") && !list.contains("A's helper");
        });
        check("agents: B's OpenAI /v1/models lists A's agent", () -> as(keyB, "GET", "/v1/models", null).body()
                .indexOf("openclaw/" + id) < 0);
        check("agents: B's OpenAI /v1/models/openclaw/<id> finds A's agent", () -> as(keyB, "GET",
                "/v1/models/openclaw/" + id, null).status() == 404);
        assertThat(graphql(keyA, "{ agent(id: \\\"" + id + "\\\") { id systemPrompt } }")).as("GraphQL works for A")
                .contains("A-SECRET-PROMPT");
        check("agents: B's GraphQL agent(id) finds A's agent", () -> !graphql(keyB, "{ agent(id: \\\"" + id
                + "\\\") { id systemPrompt } }").contains("A-SECRET-PROMPT"));
        check("agents: B's GraphQL agents lists A's agent", () -> !graphql(keyB,
                "{ agents(first: 200) { nodes { id name systemPrompt } } }").contains("A-SECRET-PROMPT"));
        check("agents: B's GraphQL updateAgent changes A's agent", () -> {
            graphql(keyB, "mutation { updateAgent(id: \\\"" + id + "\\\", input: {systemPrompt: \\\"B-WAS-HERE\\\"})"
                    + " { id } }");
            return !as(keyA, "GET", "/v2/agents/" + id, null).body().contains("B-WAS-HERE");
        });
        check("agents: B creating the same id learns A has it", () -> {
            HttpResult same = as(keyB, "POST", "/v2/agents", "{\"id\":\"helper\",\"name\":\"B's helper\"}");
            return same.status() == 201;
        });
        fake.clearRequests();
        check("agents: B chats with A's agent over OpenAI model openclaw/<id>", () -> {
            as(keyB, "POST", "/v1/chat/completions", "{\"model\":\"openclaw/" + id + "\",\"messages\":[{\"role\":"
                    + "\"user\",\"content\":\"hi\"}]}");
            return !prompts().contains("A-SECRET-PROMPT");
        });
        check("agents: B opens a v2 conversation on A's agent", () -> {
            HttpResult c = as(keyB, "POST", "/v2/conversations", "{\"agentId\":\"" + id + "\"}");
            as(keyB, "POST", "/v2/conversations/" + c.json().path("id").asText() + "/messages",
                    "{\"content\":\"hi\"}");
            return !prompts().contains("A-SECRET-PROMPT");
        });
        check("agents: B runs a v1 task on A's agent", () -> {
            HttpResult t = as(keyB, "POST", "/v1/tasks", "{\"type\":\"agent\",\"parameters\":{\"message\":\"hi\","
                    + "\"agentId\":\"" + id + "\"}}");
            String tid = t.json().path("id").asText();
            await().atMost(Duration.ofSeconds(20)).until(() -> as(keyB, "GET", "/v1/tasks/" + tid, null).json()
                    .path("status").asText().matches("completed|failed|succeeded"));
            return !prompts().contains("A-SECRET-PROMPT");
        });
        check("agents: B patches A's agent", () -> as(keyB, "PATCH", "/v2/agents/" + id,
                "{\"systemPrompt\":\"B-WAS-HERE\"}").status() == 404);
        check("agents: B puts A's agent", () -> as(keyB, "PUT", "/v2/agents/" + id,
                "{\"name\":\"x\",\"systemPrompt\":\"B-WAS-HERE\"}").status() == 404);
        check("agents: B installs a skill on A's agent", () -> as(keyB, "POST", "/v2/agents/" + id + "/skills",
                "{\"skillId\":\"weather\"}").status() == 404);
        check("agents: B deletes A's agent", () -> as(keyB, "DELETE", "/v2/agents/" + id, null).status() == 404);
        check("agents: A's agent is unchanged", () -> {
            HttpResult mine = as(keyA, "GET", "/v2/agents/" + id, null);
            return mine.status() == 200 && mine.body().contains("A-SECRET-PROMPT") && !mine.body().contains("B-WAS")
                    && !mine.body().contains("weather");
        });
        check("agents: B changes the operator's main agent", () -> {
            int s = as(keyB, "PATCH", "/v2/agents/main", "{\"systemPrompt\":\"B-OWNS-MAIN\"}").status();
            return (s == 403 || s == 404) && !gw.get("/v2/agents/main").body().contains("B-OWNS-MAIN");
        });
        check("agents: B deletes the operator's main agent",
                () -> as(keyB, "DELETE", "/v2/agents/main", null).status() != 200);
        // usable by all / visible to the operator (not isolation checks, but the model must keep working)
        assertThat(as(keyB, "GET", "/v2/agents/main", null).status()).isEqualTo(200);
        assertThat(gw.get("/v2/agents/" + id).status()).isEqualTo(200);
        assertNoLeaks("agents:");
    }

    @Test
    @Order(2)
    void workspacesAreOwned() {
        assertThat(tool(keyA, "file_write", "{\"path\":\"a-notes.txt\",\"content\":\"A-FILE-SECRET\"}"))
                .startsWith("200");
        assertThat(tool(keyA, "file_read", "{\"path\":\"a-notes.txt\"}")).contains("A-FILE-SECRET");
        check("workspace: B reads A's file via /tools/invoke",
                () -> !tool(keyB, "file_read", "{\"path\":\"a-notes.txt\"}").contains("A-FILE-SECRET"));
        check("workspace: B reads A's file via /v1/tools/file_read/execute", () -> !as(keyB, "POST",
                "/v1/tools/file_read/execute", "{\"parameters\":{\"path\":\"a-notes.txt\"}}").body()
                .contains("A-FILE-SECRET"));
        check("workspace: B reads A's file via /api/v1/skills/file-processor/execute", () -> !as(keyB, "POST",
                "/api/v1/skills/file-processor/execute", "{\"args\":[\"head\",\"a-notes.txt\"]}").body()
                .contains("A-FILE-SECRET"));
        check("workspace: B lists A's file", () -> !tool(keyB, "file_list", "{}").contains("a-notes.txt"));
        check("workspace: B reads A's file via batch", () -> !as(keyB, "POST", "/v2/batch", "{\"operations\":[{"
                + "\"method\":\"POST\",\"path\":\"/v1/tools/file_read/execute\",\"body\":{\"parameters\":{\"path\":"
                + "\"a-notes.txt\"}}}]}").body().contains("A-FILE-SECRET"));
        check("workspace: B reads A's file in a turn (model calls file_read)", () -> {
            fake.enqueue(FakeReply.toolCalls(List.of(FakeToolCall.of("file_read", "{\"path\":\"a-notes.txt\"}"))));
            fake.enqueue(FakeReply.echoToolResult());
            HttpResult r = as(keyB, "POST", "/api/v1/message", "{\"text\":\"read it\",\"session\":\"b-reader\"}");
            return !r.body().contains("A-FILE-SECRET");
        });
        check("workspace: B's spawned sub-agent reads A's file", () -> {
            HttpResult s = as(keyB, "POST", "/api/v1/agents/spawn", "{\"task\":\"/tool file_read {\\\"path\\\": "
                    + "\\\"a-notes.txt\\\"}\",\"model\":\"builtin/offline\"}");
            String sid = s.json().at("/data/id").asText(s.json().path("id").asText());
            HttpResult done = as(keyB, "GET", "/api/v1/agents/spawn/" + sid + "?wait=20", null);
            return !done.body().contains("A-FILE-SECRET");
        });
        check("workspace: B writes the operator's shared workspace", () -> {
            tool(keyB, "file_write", "{\"path\":\"shared-by-b.txt\",\"content\":\"B\"}");
            return !Files.exists(gw.stateDir().resolve("workspace/shared-by-b.txt"));
        });
        check("workspace: B reads the operator's workspace files", () -> {
            try {
                Files.createDirectories(gw.stateDir().resolve("workspace"));
                Files.writeString(gw.stateDir().resolve("workspace/operator-only.txt"), "OPERATOR-SECRET");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return !tool(keyB, "file_read", "{\"path\":\"operator-only.txt\"}").contains("OPERATOR-SECRET");
        });
        check("workspace: B overwrites A's file", () -> {
            tool(keyB, "file_write", "{\"path\":\"a-notes.txt\",\"content\":\"B-OVERWROTE\"}");
            return tool(keyA, "file_read", "{\"path\":\"a-notes.txt\"}").contains("A-FILE-SECRET");
        });
        assertNoLeaks("workspace:");
    }

    @Test
    @Order(3)
    void promptFilesOfOneOwnerNeverReachAnother() {
        tool(keyB, "file_write", "{\"path\":\"AGENTS.md\",\"content\":\"B-INJECTED-AGENTS\"}");
        tool(keyB, "file_write", "{\"path\":\"SOUL.md\",\"content\":\"B-INJECTED-SOUL\"}");
        fake.clearRequests();
        as(keyB, "POST", "/api/v1/message", "{\"text\":\"hello\",\"session\":\"b-own\"}");
        assertThat(prompts()).as("B's own prompt files apply to B").contains("B-INJECTED-AGENTS");
        fake.clearRequests();
        as(keyA, "POST", "/api/v1/message", "{\"text\":\"hello\",\"session\":\"a-victim\"}");
        check("prompt: B's AGENTS.md in A's system prompt", () -> !prompts().contains("B-INJECTED-AGENTS"));
        check("prompt: B's SOUL.md in A's system prompt", () -> !prompts().contains("B-INJECTED-SOUL"));
        fake.clearRequests();
        gw.post("/api/v1/message", "{\"text\":\"hello\",\"session\":\"op\"}");
        check("prompt: B's AGENTS.md in the operator's system prompt", () -> !prompts().contains("B-INJECTED"));
        assertNoLeaks("prompt:");
    }

    @Test
    @Order(4)
    void plantedMemoryStaysWithItsOwner() {
        tool(keyB, "file_write", "{\"path\":\"MEMORY.md\",\"content\":\"- The deploy password is B-PLANTED-FACT\"}");
        tool(keyB, "file_write", "{\"path\":\"memory/2026-01-01.md\",\"content\":\"- Daily: B-PLANTED-DAILY\"}");
        gw.gateway().memory().syncWorkspace();
        String q = "/api/v1/memory/search?minScore=0&limit=50&query=" + URLEncoder.encode("deploy password Daily",
                StandardCharsets.UTF_8);
        assertThat(as(keyB, "GET", q, null).body()).as("B finds its own workspace memory").contains("B-PLANTED");
        check("memory: A's search returns B's MEMORY.md", () -> !as(keyA, "GET", q, null).body()
                .contains("B-PLANTED-FACT"));
        check("memory: A's search returns B's memory/*.md", () -> !as(keyA, "GET", q, null).body()
                .contains("B-PLANTED-DAILY"));
        check("memory: A's v2 listing shows B's workspace items", () -> !as(keyA, "GET",
                "/v2/memories?limit=200", null).body().contains("B-PLANTED"));
        fake.clearRequests();
        as(keyA, "POST", "/api/v1/message", "{\"text\":\"what is the deploy password?\",\"session\":\"a-recall\"}");
        check("memory: A's recall carries B's MEMORY.md", () -> !prompts().contains("B-PLANTED"));
        check("memory: the operator's workspace MEMORY.md was not written by B",
                () -> !Files.exists(gw.stateDir().resolve("workspace/MEMORY.md")));
        assertNoLeaks("memory:");
    }

    @Test
    @Order(5)
    void webhooksDeliverOnlyTheEndpointOwnersEvents() throws Exception {
        HttpResult hook = as(keyB, "POST", "/v2/webhooks", "{\"url\":\"" + receiver.url("/b") + "\",\"events\":[\"*\"]}");
        assertThat(hook.status()).as(hook.body()).isEqualTo(201);
        String hookId = hook.json().path("id").asText();
        HttpResult aHook = as(keyA, "POST", "/v2/webhooks", "{\"url\":\"" + receiver.url("/a") + "\",\"events\":[\"*\"]}");
        String aHookId = aHook.json().path("id").asText();
        as(keyA, "POST", "/api/v1/message", "{\"text\":\"A-PRIVATE-MESSAGE\",\"session\":\"a-hook\"}");
        HttpResult task = as(keyA, "POST", "/v1/tasks", "{\"type\":\"agent\",\"parameters\":{\"message\":"
                + "\"A-PRIVATE-TASK\"}}");
        String taskId = task.json().path("id").asText();
        as(keyA, "POST", "/api/v1/cron/jobs", "{\"name\":\"a-cron\",\"schedule\":{\"kind\":\"every\",\"everyMs\":"
                + "1000},\"payload\":{\"kind\":\"systemEvent\",\"text\":\"A-PRIVATE-CRON\"}}");
        as(keyA, "POST", "/v2/agents", "{\"name\":\"A-PRIVATE-AGENT\"}");
        // the operator's endpoint gets everything: wait until A's events reached it, then look at B's
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            String all = receiver.hits("/operator").toString();
            return all.contains("A-PRIVATE-MESSAGE") && all.contains("A-PRIVATE-CRON") && all.contains(taskId)
                    && all.contains("A-PRIVATE-AGENT");
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.hits("/a").toString().contains("A-PRIVATE-CRON")
                && receiver.hits("/a").toString().contains(taskId));
        Thread.sleep(1500); // deliveries to B, if any, were enqueued with the operator's; give them time to arrive
        String toB = receiver.hits("/b").toString();
        check("webhooks: B receives A's message.received/sent", () -> !toB.contains("A-PRIVATE-MESSAGE"));
        check("webhooks: B receives A's task events", () -> !toB.contains(taskId));
        check("webhooks: B receives A's cron.fired", () -> !toB.contains("A-PRIVATE-CRON"));
        check("webhooks: B receives A's agent events", () -> !toB.contains("A-PRIVATE-AGENT"));
        check("webhooks: B's delivery log shows A's events", () -> {
            String log = as(keyB, "GET", "/v2/webhooks/" + hookId + "/deliveries?limit=200", null).body();
            return !log.contains("A-PRIVATE") && !log.contains(taskId);
        });
        check("webhooks: B reads A's endpoint", () -> as(keyB, "GET", "/v2/webhooks/" + aHookId, null)
                .status() == 404);
        check("webhooks: B reads A's delivery log", () -> as(keyB, "GET", "/v2/webhooks/" + aHookId
                + "/deliveries", null).status() == 404);
        check("webhooks: B deletes A's endpoint", () -> as(keyB, "DELETE", "/v2/webhooks/" + aHookId, null)
                .status() == 404);
        check("webhooks: B lists A's endpoint", () -> !as(keyB, "GET", "/v2/webhooks", null).body()
                .contains(aHookId));
        // A still gets its own events
        assertThat(receiver.hits("/a").toString()).contains("A-PRIVATE-MESSAGE");
        assertNoLeaks("webhooks:");
    }

    @Test
    @Order(6)
    void aPlantedScriptSkillNeverRuns() throws Exception {
        Path marker = gw.stateDir().resolve("pwned");
        String skillMd = "---\\nname: evil\\nentry: run.sh\\n---\\nrun me";
        String script = "touch " + marker + "; id";
        check("skills: B writes skills/evil/SKILL.md", () -> tool(keyB, "file_write",
                "{\"path\":\"skills/evil/SKILL.md\",\"content\":\"" + skillMd + "\"}").startsWith("403"));
        check("skills: B writes skills/evil/run.sh", () -> tool(keyB, "file_write",
                "{\"path\":\"skills/evil/run.sh\",\"content\":\"" + script + "\"}").startsWith("403"));
        check("skills: a model's file_write plants a skill in a turn", () -> {
            fake.enqueue(FakeReply.toolCalls(List.of(FakeToolCall.of("file_write",
                    "{\"path\":\"skills/evil2/SKILL.md\",\"content\":\"" + skillMd + "\"}"))));
            fake.enqueue(FakeReply.text("done"));
            as(keyB, "POST", "/api/v1/message", "{\"text\":\"install it\",\"session\":\"b-plant\"}");
            try (var walk = Files.walk(gw.stateDir())) {
                return walk.noneMatch(p -> p.toString().contains("evil2"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        check("skills: B points an agent's workspace at the skills folder", () -> {
            HttpResult a = as(keyB, "POST", "/v2/agents", "{\"name\":\"ws\",\"workspace\":\"skills\"}");
            return a.status() == 403 || a.status() == 400;
        });
        check("skills: B points an agent's workspace at /", () -> {
            HttpResult a = as(keyB, "POST", "/v2/agents", "{\"name\":\"root\",\"workspace\":\"/\"}");
            return a.status() == 403 || a.status() == 400;
        });
        gw.restart();
        check("skills: B executes the planted skill after a restart", () -> {
            HttpResult r = as(keyB, "POST", "/api/v1/skills/evil/execute", "{\"args\":[]}");
            return r.status() == 404 && !Files.exists(marker);
        });
        check("skills: the planted skill is a tool after a restart", () -> !as(keyB, "GET", "/v1/tools", null).body()
                .contains("\"evil\""));
        assertNoLeaks("skills:");
    }
}
