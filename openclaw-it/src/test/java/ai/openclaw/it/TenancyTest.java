package ai.openclaw.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.openclaw.testkit.HttpResult;
import ai.openclaw.testkit.TestGateway;
import ai.openclaw.testkit.WsTestClient;
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
    static String idA;
    static String idB;
    /** A's agent (test 1) and a session of A with {@code A-HISTORY-SECRET} (test 6), for later probes. */
    static String aAgent;
    static String aSession;
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
        HttpResult a = key("tenant-a");
        HttpResult b = key("tenant-b");
        keyA = a.json().at("/data/key").asText();
        idA = a.json().at("/data/id").asText();
        keyB = b.json().at("/data/key").asText();
        idB = b.json().at("/data/id").asText();
    }

    static HttpResult key(String name) {
        HttpResult r = gw.post("/api/v1/keys", "{\"name\":\"" + name + "\",\"plan\":\"enterprise\","
                + "\"scopes\":[\"chat\",\"tasks\",\"memory:read\",\"memory:write\"]}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r;
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
        aAgent = id;
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
    void sessionsNamedIndirectlyStayWithTheirOwner() {
        as(keyA, "POST", "/api/v1/message", "{\"text\":\"A-HISTORY-SECRET\",\"session\":\"a-named\"}");
        String aFull = idA + ":a-named";
        String aGenerated = as(keyA, "POST", "/v2/conversations", "{}").json().path("id").asText();
        aSession = aGenerated;
        as(keyA, "POST", "/v2/conversations/" + aGenerated + "/messages", "{\"content\":\"A-HISTORY-SECRET\"}");
        assertThat(as(keyA, "GET", "/api/v1/sessions/" + aGenerated + "/messages", null).body())
                .contains("A-HISTORY-SECRET");
        for (String named : List.of("a-named", aFull, aGenerated)) {
            fake.clearRequests();
            check("sessions: B's OpenAI user '" + named + "' continues A's session", () -> {
                as(keyB, "POST", "/v1/chat/completions", "{\"model\":\"openclaw/main\",\"user\":\"" + named
                        + "\",\"messages\":[{\"role\":\"user\",\"content\":\"B-OPENAI-PROBE\"}]}");
                return !prompts().contains("A-HISTORY-SECRET") && !aMessages(named).contains("B-OPENAI-PROBE");
            });
            fake.clearRequests();
            check("sessions: B's x-openclaw-session-key '" + named + "' continues A's session", () -> {
                gw.send("POST", "/v1/chat/completions", "{\"model\":\"openclaw/main\",\"messages\":[{\"role\":"
                        + "\"user\",\"content\":\"B-HEADER-PROBE\"}]}", Map.of("Authorization", "Bearer " + keyB,
                        "Content-Type", "application/json", "x-openclaw-session-key", named));
                return !prompts().contains("A-HISTORY-SECRET") && !aMessages(named).contains("B-HEADER-PROBE");
            });
            fake.clearRequests();
            check("sessions: B's task parameters.session '" + named + "' runs in A's session", () -> {
                String tid = as(keyB, "POST", "/v1/tasks", "{\"type\":\"agent\",\"parameters\":{\"message\":"
                        + "\"B-TASK-PROBE\",\"session\":\"" + named + "\"}}").json().path("id").asText();
                await().atMost(Duration.ofSeconds(30)).until(() -> as(keyB, "GET", "/v1/tasks/" + tid, null).json()
                        .path("status").asText().matches("completed|failed|succeeded|cancelled"));
                return !prompts().contains("A-HISTORY-SECRET") && !aMessages(named).contains("B-TASK-PROBE");
            });
            fake.clearRequests();
            check("sessions: B's cron sessionTarget '" + named + "' runs in A's session", () -> {
                HttpResult job = as(keyB, "POST", "/api/v1/cron/jobs", "{\"name\":\"b-probe\",\"sessionTarget\":\""
                        + named + "\",\"schedule\":{\"kind\":\"every\",\"everyMs\":3600000},\"payload\":{\"kind\":"
                        + "\"agentTurn\",\"message\":\"B-CRON-PROBE\"}}");
                if (job.status() != 201) {
                    return false; // "already exists" or any refusal that differs from a missing session is an oracle
                }
                String jid = job.json().at("/data/id").asText();
                as(keyB, "POST", "/api/v1/cron/jobs/" + jid + "/run", null);
                await().atMost(Duration.ofSeconds(30)).until(() -> as(keyB, "GET", "/api/v1/cron/jobs/" + jid
                        + "/runs", null).body().matches("(?s).*\"status\":\"(ok|error|failed|succeeded|completed)\".*"));
                as(keyB, "DELETE", "/api/v1/cron/jobs/" + jid, null);
                return !prompts().contains("A-HISTORY-SECRET") && !aMessages(named).contains("B-CRON-PROBE");
            });
            check("sessions: B's /tools/invoke sessionKey '" + named + "' reaches A's session", () -> !as(keyB,
                    "POST", "/tools/invoke", "{\"tool\":\"sessions_list\",\"args\":{},\"sessionKey\":\"" + named
                    + "\"}").body().replace("\\\"", "\"").contains("\"" + aGenerated + "\""));
            check("sessions: B's batch reads A's session '" + named + "'", () -> !as(keyB, "POST", "/v2/batch",
                    "{\"operations\":[{\"method\":\"GET\",\"path\":\"/api/v1/sessions/" + named + "/messages\"}]}")
                    .body().contains("A-HISTORY-SECRET"));
        }
        // sessions of A that B never named (B's own sessions may carry A's names as their keys)
        as(keyA, "POST", "/api/v1/message", "{\"text\":\"hi\",\"session\":\"a-never-named-by-b\"}");
        String aUnnamed = as(keyA, "POST", "/v2/conversations", "{}").json().path("id").asText();
        check("sessions: B's sessions_list tool shows A's sessions", () -> {
            String r = tool(keyB, "sessions_list", "{}");
            return !r.contains(aUnnamed) && !r.contains("a-never-named-by-b");
        });
        check("sessions: B squats a generated-looking id", () -> {
            String squat = "session_" + "Q".repeat(20);
            HttpResult r = as(keyB, "POST", "/api/v1/message", "{\"text\":\"mine\",\"session\":\"" + squat + "\"}");
            return r.status() == 200 && !r.body().contains("\"" + squat + "\"");
        });
        check("sessions: B's spawn names A's session as its parent", () -> {
            HttpResult s = as(keyB, "POST", "/api/v1/agents/spawn", "{\"task\":\"B-SPAWN-PROBE\",\"parentSessionId\":\""
                    + aGenerated + "\",\"model\":\"builtin/offline\"}");
            String sid = s.json().at("/data/id").asText(s.json().path("id").asText());
            String done = as(keyB, "GET", "/api/v1/agents/spawn/" + sid + "?wait=20", null).body();
            return !done.contains("A-HISTORY-SECRET") && !aMessages(aGenerated).contains("B-SPAWN-PROBE");
        });
        check("sessions: B reads A's spawned sub-agent", () -> {
            HttpResult s = as(keyA, "POST", "/api/v1/agents/spawn", "{\"task\":\"A-SPAWN-SECRET\",\"model\":"
                    + "\"builtin/offline\"}");
            String sid = s.json().at("/data/id").asText(s.json().path("id").asText());
            as(keyA, "GET", "/api/v1/agents/spawn/" + sid + "?wait=20", null);
            HttpResult peek = as(keyB, "GET", "/api/v1/agents/spawn/" + sid, null);
            return peek.status() == 404 && !peek.body().contains("A-SPAWN-SECRET");
        });
        assertThat(aMessages("a-named")).as("A's own session still works").contains("A-HISTORY-SECRET");
        assertNoLeaks("sessions:");
    }

    /** A's messages in a session A named {@code named} (its own key, full id or generated id), as A sees them. */
    static String aMessages(String named) {
        return as(keyA, "GET", "/api/v1/sessions/" + URLEncoder.encode(named, StandardCharsets.UTF_8)
                + "/messages?limit=200", null).body();
    }

    @Test
    @Order(7)
    void gatewayProtocolEventsReachOnlyTheirOwner() {
        String aConv = as(keyA, "POST", "/v2/conversations", "{}").json().path("id").asText();
        String aTask = as(keyA, "POST", "/v1/tasks", "{\"type\":\"agent\",\"parameters\":{\"message\":\"A-WS-TASK\"}}")
                .json().path("id").asText();
        try (WsTestClient a = ws(keyA); WsTestClient b = ws(keyB); WsTestClient op = ws(TestGateway.TOKEN)) {
            List<JsonNode> toB = new ArrayList<>();
            assertThat(b.request("sessions.messages.subscribe", params("key", "a-live")).path("ok").asBoolean())
                    .as("B may watch its own key").isTrue();
            check("ws: B subscribes to A's session by its full id", () -> refusedOrOwn(b.request(
                    "sessions.messages.subscribe", params("key", idA + ":a-live")), idA + ":a-live"));
            check("ws: B subscribes to A's generated session id", () -> refusedOrOwn(b.request(
                    "sessions.messages.subscribe", params("key", aConv)), aConv));
            assertThat(op.request("sessions.messages.subscribe", params("key", idA + ":a-live")).path("ok")
                    .asBoolean()).as("the operator may watch A's session").isTrue();
            assertThat(op.request("sessions.messages.subscribe", params("key", aConv)).path("ok").asBoolean())
                    .isTrue();
            // A's turns over the protocol (agent, chat.send) and over HTTP, in the sessions B tried to watch
            JsonNode run = a.request("agent", params("message", "A-WS-AGENT-SECRET").put("sessionKey", "a-live")
                    .put("idempotencyKey", "a-run-1"));
            assertThat(run.path("payload").path("status").asText()).as(run.toString()).isEqualTo("accepted");
            assertThat(a.await(f -> f.path("type").asText().equals("res") && f.path("payload").has("result"),
                    WS_WAIT)).as("A's run ends").isNotNull();
            a.request("chat.send", params("sessionKey", aConv).put("message", "A-WS-CHAT-SECRET"));
            assertThat(a.await(f -> f.path("event").asText().equals("chat")
                    && f.path("payload").path("state").asText().equals("final"), WS_WAIT)).isNotNull();
            as(keyA, "POST", "/api/v1/message", "{\"text\":\"A-WS-HTTP-SECRET\",\"session\":\"a-live\"}");
            assertThat(op.await(f -> f.toString().contains("A-WS-HTTP-SECRET"), WS_WAIT))
                    .as("the operator's subscription gets A's events (so this test can see a leak)").isNotNull();
            // a barrier: B's own turn; its events queue behind anything B was sent before
            b.request("agent", params("message", "B-BARRIER").put("sessionKey", "a-live"));
            assertThat(b.await(f -> {
                toB.add(f);
                return f.path("type").asText().equals("res") && f.path("payload").has("result");
            }, WS_WAIT)).as("B's own run ends").isNotNull();
            check("ws: B's subscription gets A's agent events", () -> !toB.toString().contains("A-WS-AGENT-SECRET"));
            check("ws: B's subscription gets A's chat.send events", () -> !toB.toString().contains("A-WS-CHAT"));
            check("ws: B's subscription gets A's HTTP turn events", () -> !toB.toString().contains("A-WS-HTTP"));
            check("ws: B's connection gets A's session.message events", () -> toB.stream().noneMatch(f ->
                    f.path("event").asText().equals("session.message")
                            && !f.path("payload").path("sessionKey").asText().startsWith(idB + ":")));
            check("ws: B's agent.wait finds A's run", () -> code(b.request("agent.wait", params("runId", "a-run-1")
                    .put("timeoutMs", 1000))).equals("NOT_FOUND"));
            check("ws: B reusing A's run id (idempotencyKey) learns it exists", () -> {
                JsonNode mine = b.request("agent", params("message", "B-SAME-ID").put("sessionKey", "b-same")
                        .put("idempotencyKey", "a-run-1"));
                boolean accepted = mine.path("payload").path("status").asText().equals("accepted");
                if (accepted) {
                    b.await(f -> f.path("type").asText().equals("res") && f.path("payload").has("result"), WS_WAIT);
                }
                JsonNode aWait = a.request("agent.wait", params("runId", "a-run-1").put("timeoutMs", 1000));
                return accepted && aWait.toString().contains("\"ok\"");
            });
            check("ws: B's chat.history reads A's session", () -> !b.request("chat.history",
                    params("sessionKey", idA + ":a-live")).toString().contains("A-WS") && !b.request("chat.history",
                    params("sessionKey", aConv)).toString().contains("A-WS"));
            check("ws: B's sessions.list shows A's sessions", () -> {
                String list = b.request("sessions.list", JSON.createObjectNode()).toString();
                return !list.contains("a-never-named-by-b") && !list.contains("\"" + aConv + "\"");
            });
            check("ws: B's sessions.describe finds A's session", () -> code(b.request("sessions.describe",
                    params("key", aConv))).equals("NOT_FOUND"));
            check("ws: B's sessions.patch relabels A's session", () -> code(b.request("sessions.patch",
                    params("key", aConv).put("label", "B-LABEL"))).equals("NOT_FOUND"));
            check("ws: B's sessions.reset or delete wipes A's session", () -> {
                b.request("sessions.reset", params("key", aConv));
                b.request("sessions.delete", params("key", idA + ":a-live"));
                return aMessages(aConv).contains("A-WS-CHAT-SECRET") && aMessages("a-live").contains("A-WS-HTTP");
            });
            check("ws: B's agents.list shows A's agent", () -> !b.request("agents.list", JSON.createObjectNode())
                    .toString().contains("A's helper"));
            check("ws: B's cron.list shows A's jobs", () -> !b.request("cron.list", JSON.createObjectNode())
                    .toString().contains("a-cron"));
            String aJob = as(keyA, "GET", "/api/v1/cron/jobs", null).json().at("/data/jobs/0/id").asText();
            check("ws: B's cron.run runs A's job", () -> code(b.request("cron.run", params("id", aJob)))
                    .equals("NOT_FOUND"));
            check("ws: B's cron.runs reads A's job's history", () -> code(b.request("cron.runs", params("id", aJob)))
                    .equals("NOT_FOUND"));
            check("ws: B's cron.update changes A's job", () -> code(b.request("cron.update", params("id", aJob)
                    .put("name", "B-WAS-HERE"))).equals("NOT_FOUND"));
            check("ws: B's cron.remove deletes A's job", () -> code(b.request("cron.remove", params("id", aJob)))
                    .equals("NOT_FOUND"));
            check("ws: B's memory.search finds A's memories", () -> {
                as(keyA, "POST", "/v2/memories", "{\"content\":\"A-WS-MEMORY-SECRET zebra\"}");
                return !b.request("memory.search", params("query", "zebra A-WS-MEMORY-SECRET").put("minScore", 0))
                        .toString().contains("A-WS-MEMORY-SECRET");
            });
        }
        // GraphQL subscriptions over graphql-transport-ws: each refused when asked, so no event can follow
        GraphqlTest.Ws g = null;
        try {
            g = GraphqlTest.Ws.open(gw.baseUrl().replace("http", "ws") + "/graphql");
            g.send(Map.of("type", "connection_init", "payload", Map.of("Authorization", "Bearer " + keyB)));
            assertThat(g.next().path("type").asText()).isEqualTo("connection_ack");
            GraphqlTest.Ws gq = g;
            check("graphql-ws: B's sessionEvents on A's conversation", () -> refused(gq, "events",
                    "subscription($id: ID!) { sessionEvents(conversationId: $id) { type content } }", aConv));
            check("graphql-ws: B's taskProgress on A's task", () -> refused(gq, "task",
                    "subscription($id: ID!) { taskProgress(id: $id) { id status } }", aTask));
            check("graphql-ws: B's messageStream into A's conversation", () -> refused(gq, "turn",
                    "subscription($id: ID!) { messageStream(conversationId: $id, content: \"B-GQL-PROBE\") { type } }",
                    aConv) && !aMessages(aConv).contains("B-GQL-PROBE"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            if (g != null) {
                g.close();
            }
        }
        assertNoLeaks("ws:");
        assertNoLeaks("graphql-ws:");
    }

    static final Duration WS_WAIT = Duration.ofSeconds(30);

    static WsTestClient ws(String token) {
        WsTestClient c = WsTestClient.open(gw.baseUrl().replace("http://", "ws://") + "/ws", Map.of());
        JsonNode res = c.connect(c.connectParams(token, null, c.nonce(), System.currentTimeMillis()));
        assertThat(res.path("ok").asBoolean()).as(res.toString()).isTrue();
        return c;
    }

    static com.fasterxml.jackson.databind.node.ObjectNode params(String field, String value) {
        return JSON.createObjectNode().put(field, value);
    }

    static String code(JsonNode res) {
        return res.path("error").path("code").asText();
    }

    /** A subscribe answer that is an error, or a subscription of the caller's own namespace (not {@code foreign}). */
    static boolean refusedOrOwn(JsonNode res, String foreign) {
        return !res.path("ok").asBoolean() || !res.path("payload").path("key").asText().equals(foreign);
    }

    /** Whether a graphql-transport-ws subscription is refused: an error (and no data) before any event. */
    static boolean refused(GraphqlTest.Ws ws, String id, String query, String var) {
        try {
            ws.send(Map.of("type", "subscribe", "id", id, "payload", Map.of("query", query, "variables",
                    Map.of("id", var))));
            JsonNode m = ws.next();
            while (!m.path("id").asText().equals(id)) {
                m = ws.next();
            }
            boolean error = m.path("type").asText().equals("error") || m.at("/payload/errors").size() > 0;
            return error && !m.toString().contains("A-");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @Order(8)
    void keysSharingATenantAreOneOwner() {
        HttpResult bad = gw.post("/api/v1/keys", "{\"name\":\"bad-tenant\",\"scopes\":[\"chat\"],\"tenant\":\"a/b\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("tenant");
        String c1 = tenantKey("acme-1");
        String c2 = tenantKey("acme-2");
        // one owner: C2 sees and continues what C1 made
        HttpResult agent = as(c1, "POST", "/v2/agents", "{\"id\":\"tool\",\"name\":\"ACME-AGENT\",\"systemPrompt\":"
                + "\"ACME-PROMPT\"}");
        assertThat(agent.status()).as(agent.body()).isEqualTo(201);
        String agentId = agent.json().path("id").asText();
        assertThat(agentId).startsWith("tenant-acme:");
        assertThat(as(c2, "GET", "/v2/agents/" + agentId, null).status()).isEqualTo(200);
        as(c1, "POST", "/api/v1/message", "{\"text\":\"ACME-HISTORY\",\"session\":\"acme-chat\"}");
        fake.clearRequests();
        HttpResult next = as(c2, "POST", "/api/v1/message", "{\"text\":\"and then?\",\"session\":\"acme-chat\"}");
        assertThat(next.status()).isEqualTo(200);
        assertThat(prompts()).as("C2 continues C1's session").contains("ACME-HISTORY");
        assertThat(tool(c1, "file_write", "{\"path\":\"acme.txt\",\"content\":\"ACME-FILE\"}")).startsWith("200");
        assertThat(tool(c2, "file_read", "{\"path\":\"acme.txt\"}")).contains("ACME-FILE");
        assertThat(Files.exists(gw.stateDir().resolve("workspaces/tenant-acme/acme.txt"))).isTrue();
        // and still isolated from every other owner, both ways
        check("tenant: B gets the tenant's agent", () -> as(keyB, "GET", "/v2/agents/" + agentId, null)
                .status() == 404);
        check("tenant: B's list shows the tenant's agent", () -> !as(keyB, "GET", "/v2/agents?limit=200", null)
                .body().contains("ACME-AGENT"));
        check("tenant: B continues the tenant's session by its full id", () -> {
            fake.clearRequests();
            as(keyB, "POST", "/api/v1/message", "{\"text\":\"x\",\"session\":\"tenant-acme:acme-chat\"}");
            return !prompts().contains("ACME-HISTORY");
        });
        check("tenant: B reads the tenant's file", () -> !tool(keyB, "file_read", "{\"path\":\"acme.txt\"}")
                .contains("ACME-FILE"));
        check("tenant: B lists the tenant's sessions", () -> !as(keyB, "GET", "/api/v1/sessions?limit=200", null)
                .body().contains("\"tenant-acme:"));
        check("tenant: C2 reads A's file", () -> !tool(c2, "file_read", "{\"path\":\"a-notes.txt\"}")
                .contains("A-FILE-SECRET"));
        check("tenant: C2 gets A's agent", () -> !as(c2, "GET", "/v2/agents?limit=200", null).body()
                .contains("A-SECRET-PROMPT"));
        check("tenant: C2 continues A's session", () -> {
            fake.clearRequests();
            as(c2, "POST", "/api/v1/message", "{\"text\":\"x\",\"session\":\"" + idA + ":a-named\"}");
            return !prompts().contains("A-HISTORY-SECRET");
        });
        check("tenant: C2 lists A's sessions", () -> !as(c2, "GET", "/api/v1/sessions?limit=200", null).body()
                .contains("\"" + idA + ":"));
        try (WsTestClient b = ws(keyB)) {
            check("tenant: B's WebSocket subscribes to the tenant's session", () -> refusedOrOwn(b.request(
                    "sessions.messages.subscribe", params("key", "tenant-acme:acme-chat")), "tenant-acme:acme-chat"));
        }
        assertNoLeaks("tenant:");
    }

    static String tenantKey(String name) {
        HttpResult r = gw.post("/api/v1/keys", "{\"name\":\"" + name + "\",\"plan\":\"enterprise\",\"tenant\":\"acme\","
                + "\"scopes\":[\"chat\",\"tasks\",\"memory:read\",\"memory:write\"]}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().at("/data/tenant").asText()).isEqualTo("acme");
        return r.json().at("/data/key").asText();
    }

    @Test
    @Order(9)
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

    @Test
    @Order(10)
    void ownerWorkspaceSkillsAreInstructionsOnlyAndTheOwnersAlone() throws Exception {
        // the operator puts skills into A's own workspace (no key can: the file tools refuse skills folders)
        Path skills = gw.stateDir().resolve("workspaces/" + idA + "/skills");
        Path marker = gw.stateDir().resolve("owner-script-ran");
        Files.createDirectories(skills.resolve("a-howto"));
        Files.writeString(skills.resolve("a-howto/SKILL.md"), "---\nname: a-howto\ndescription: A's own\n---\n"
                + "A-SKILL-INSTRUCTIONS");
        Files.createDirectories(skills.resolve("a-script"));
        Files.writeString(skills.resolve("a-script/SKILL.md"), "---\nname: a-script\nentry: run.sh\n---\n"
                + "A-SCRIPT-INSTRUCTIONS");
        Path script = skills.resolve("a-script/run.sh");
        Files.writeString(script, "#!/bin/sh\ntouch " + marker + "\necho ran\n");
        script.toFile().setExecutable(true);
        fake.clearRequests();
        as(keyA, "POST", "/api/v1/message", "{\"text\":\"hello\",\"session\":\"a-skills\"}");
        assertThat(prompts()).as("A's workspace skills are in A's prompt").contains("A-SKILL-INSTRUCTIONS");
        HttpResult own = as(keyA, "POST", "/api/v1/skills/a-script/execute", "{\"args\":[]}");
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        check("skills: an owner-workspace script runs without skills.allowWorkspaceScripts",
                () -> own.body().contains("A-SCRIPT-INSTRUCTIONS") && !Files.exists(marker));
        fake.clearRequests();
        as(keyB, "POST", "/api/v1/message", "{\"text\":\"hello\",\"session\":\"b-skills\"}");
        check("skills: A's workspace skill in B's prompt", () -> !prompts().contains("A-SKILL-INSTRUCTIONS"));
        fake.clearRequests();
        gw.post("/api/v1/message", "{\"text\":\"hello\",\"session\":\"op-skills\"}");
        check("skills: A's workspace skill in the operator's prompt", () -> !prompts().contains("A-SKILL"));
        check("skills: B executes A's workspace skill", () -> as(keyB, "POST", "/api/v1/skills/a-howto/execute",
                "{\"args\":[]}").status() == 404);
        check("skills: B invokes A's workspace skill as a tool", () -> !tool(keyB, "a-howto", "{}")
                .contains("A-SKILL-INSTRUCTIONS"));
        check("skills: A's workspace skill is in the gateway's tool list", () -> !as(keyB, "GET", "/v1/tools", null)
                .body().contains("a-howto"));
        assertThat(as(keyA, "GET", "/api/v1/skills", null).body()).as("A lists its own workspace skills")
                .contains("a-howto");
        check("skills: B's skill lists show A's workspace skill", () -> !as(keyB, "GET", "/api/v1/skills", null)
                .body().contains("a-howto") && !as(keyB, "GET", "/v2/skills?limit=200", null).body().contains("a-howto"));
        assertNoLeaks("skills:");
    }

    @Test
    @Order(11)
    void mcpServesOnlyTheCallersThings() {
        assertThat(mcp(keyA, "resources/read", "{\"uri\":\"openclaw://sessions/" + aSession + "\"}"))
                .as("MCP works for A").contains("A-HISTORY-SECRET");
        check("mcp: B's resources/read lists A's sessions", () -> {
            String list = mcp(keyB, "resources/read", "{\"uri\":\"openclaw://sessions\"}");
            // B's own probes made sessions "<B>:<A's id>"; A's own show as "sessions/<A's id>"
            return list.contains("result") && !list.contains("sessions/" + aSession) && !list.contains(
                    "a-never-named-by-b");
        });
        check("mcp: B's resources/read reads A's session", () -> !mcp(keyB, "resources/read",
                "{\"uri\":\"openclaw://sessions/" + aSession + "\"}").contains("A-HISTORY-SECRET"));
        check("mcp: B's prompts/get reads A's agent", () -> !mcp(keyB, "prompts/get", "{\"name\":\"agent\","
                + "\"arguments\":{\"agentId\":\"" + aAgent + "\"}}").contains("A-SECRET-PROMPT"));
        check("mcp: B's tools/call file_read reads A's file", () -> !mcp(keyB, "tools/call", "{\"name\":"
                + "\"file_read\",\"arguments\":{\"path\":\"a-notes.txt\"}}").contains("A-FILE-SECRET"));
        check("mcp: B's tools/call runs A's workspace skill", () -> !mcp(keyB, "tools/call", "{\"name\":"
                + "\"a-howto\",\"arguments\":{}}").contains("A-SKILL-INSTRUCTIONS"));
        check("mcp: B's tools/list shows A's workspace skill", () -> !mcp(keyB, "tools/list", "{}")
                .contains("a-howto"));
        assertNoLeaks("mcp:");
    }

    /** One MCP request (Streamable HTTP at /mcp) in a fresh session of {@code key}; the raw answer. */
    static String mcp(String key, String method, String params) {
        Map<String, String> h = Map.of("Authorization", "Bearer " + key, "Content-Type", "application/json",
                "Accept", "application/json, text/event-stream");
        HttpResult init = gw.send("POST", "/mcp", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
                + "{\"protocolVersion\":\"2025-03-26\",\"capabilities\":{},\"clientInfo\":{\"name\":\"tenancy\","
                + "\"version\":\"1\"}}}", h);
        assertThat(init.status()).as(init.body()).isEqualTo(200);
        Map<String, String> session = new java.util.HashMap<>(h);
        String sid = init.header("mcp-session-id");
        if (sid != null) {
            session.put("Mcp-Session-Id", sid);
        }
        gw.send("POST", "/mcp", "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}", session);
        HttpResult r = gw.send("POST", "/mcp", "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"" + method
                + "\",\"params\":" + params + "}", session);
        assertThat(r.status()).as(method + ": " + r.body()).isNotEqualTo(429);
        return r.body();
    }
}
