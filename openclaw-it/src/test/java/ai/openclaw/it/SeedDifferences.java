package ai.openclaw.it;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.testkit.FakeWebSite;
import ai.openclaw.testkit.HttpResult;
import ai.openclaw.testkit.SampleDocuments;
import ai.openclaw.testkit.SeedDocuments;
import ai.openclaw.testkit.SeedDocuments.Operation;
import ai.openclaw.testkit.TestGateway;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the seed acceptance tests ({@link SeedEndpointsTest}, {@link SeedDocumentExamplesTest}) change in the seeds'
 * examples besides host and token, each with its reason; README "Differences from the seeds" lists the same. A
 * placeholder id (seed 000's {@code task_12345}, seed 003's {@code conv-789}) becomes the id of a resource the test
 * created first, since a client cannot choose those ids.
 */
final class SeedDifferences {
    private SeedDifferences() {
    }

    /**
     * The gateway config: the fake provider serves every model name the seeds use ({@code gpt-4}, {@code gpt-4o},
     * {@code claude-3-5-sonnet}, {@code qwen3.5-plus}, and {@code zai/glm-4.7-flash} through a provider named zai);
     * webhooks may target 127.0.0.1 (the test's receiver).
     */
    static String config(String fakeBaseUrl, FakeWebSite site) {
        String provider = "api: openai-completions, baseUrl: \"" + fakeBaseUrl + "\", apiKey: \"sk-test\", timeoutMs: 60000";
        return "models:\n  default: fake/fake-model\n  providers:\n"
                + "    fake: { " + provider + ", models: [fake-model, gpt-4, gpt-4o, claude-3-5-sonnet, qwen3.5-plus] }\n"
                + "    zai: { " + provider + ", models: [glm-4.7-flash, glm-4.5-flash, glm-4-flash-250414] }\n"
                + "webhooks: { enabled: true, allowPrivateTargets: true, backoffMs: 200, pollMs: 100 }\n"
                + "tools: { webFetch: { allowPrivateTargets: true } }\n"
                + "skills: { weather: { url: \"" + site.baseUrl() + "/weather/{city}\" }, webSearch: { provider: "
                + "searxng, url: \"" + site.baseUrl() + "\" } }\n";
    }

    /**
     * The site standing in for seed placeholders' hosts and outside services: seed 003's {@code report.pdf} and
     * {@code data.csv}, and seed 001's weather answer for 北京.
     */
    static FakeWebSite site() {
        return FakeWebSite.start()
                .page("/report.pdf", 200, "application/pdf", SampleDocuments.pdf("Quarterly report: sales grew 12 percent"))
                .page("/data.csv", "text/csv", "city,sales\nBeijing,120\nShanghai,95\n")
                .page("/weather/北京", "text/plain; charset=utf-8", "北京今天晴,温度 20-28°C")
                .page("/search", "application/json", "{\"results\": [{\"title\": \"OpenClaw\", \"url\": "
                        + "\"https://openclaw.ai\", \"content\": \"an AI agent gateway\"}]}");
    }

    /**
     * Host substitution, the one change the seeds' examples get: their API base URLs become the test gateway's, and
     * the placeholder hosts of their callback, webhook and attachment URLs ({@code your-app.com},
     * {@code example.com}, which do not resolve) become the fake web site's (which also plays SearXNG for web-search).
     */
    static String hosts(String text, String gateway, FakeWebSite site) {
        return text.replace("https://api.openclaw.com/v1", gateway + "/v1")
                .replace("https://api.openclaw.ai/v2", gateway + "/v2")
                .replace("https://api.openclaw.ai", gateway)
                .replace("http://localhost:18789", gateway)
                .replace("http://localhost:3000", gateway)
                .replace("https://your-app.com", site.baseUrl())
                .replace("https://example.com", site.baseUrl());
    }

    /**
     * Creates what the seeds' placeholder ids stand for and returns placeholder → real id: a task, sessions of
     * each dialect, a conversation, an agent, a cron job, and the workspace file {@code data.csv} seed 000 names.
     */
    static Map<String, String> fixtures(TestGateway gw) throws Exception {
        Map<String, String> ids = new LinkedHashMap<>();
        Path csv = gw.stateDir().resolve("workspace/data.csv");
        Files.createDirectories(csv.getParent());
        Files.writeString(csv, "city,sales\nBeijing,120\nShanghai,95\n", StandardCharsets.UTF_8);
        ids.put("{task_id}", id(gw.post("/v1/tasks", "{\"name\": \"示例任务\", \"type\": \"data-processing\", "
                + "\"parameters\": {\"input_file\": \"data.csv\"}}"), "id"));
        ids.put("{session_id}", id(gw.post("/v1/sessions", "{\"agent_id\": \"main\"}"), "session_id"));
        ids.put("{tool_name}", "sessions_list");
        ids.put(":id", id(gw.post("/api/v1/sessions", "{\"label\": \"to delete\"}"), "data.sessionId"));
        ids.put(":name", "weather");
        ids.put(":path", "gateway");
        ids.put("{sessionId}", id(gw.post("/api/v1/sessions", "{\"label\": \"seed 004\"}"), "data.sessionId"));
        assertThat(gw.post("/v2/agents", "{\"id\": \"agent-123\", \"name\": \"agent 123\"}").status()).isEqualTo(201);
        ids.put("{agentId}", "agent-123");
        ids.put("{id}", id(gw.post("/v2/conversations", "{\"agentId\": \"agent-123\"}"), "id"));
        ids.put("{taskId}", id(gw.post("/v2/tasks", "{\"type\": \"analysis\", \"input\": {\"text\": \"1,2,3\"}}"), "id"));
        return ids;
    }

    static String id(HttpResult r, String path) {
        assertThat(r.status()).as(r.body()).isBetween(200, 202);
        JsonNode n = r.json();
        for (String p : path.split("\\.")) {
            n = n.path(p);
        }
        assertThat(n.isTextual()).as(path + " in " + r.body()).isTrue();
        return n.asText();
    }

    /**
     * The placeholder ids of a JavaScript example replaced: seed 000's {@code task_12345} by a task the test creates;
     * seed 003's stream example gets the host, the token and a conversation the test creates (it fetches the
     * relative URL of conversation {@code conv-789} with no credentials).
     */
    static String placeholders(SeedExample e, String code, TestGateway gw) {
        if (e.id().equals("000-js-task-status")) {
            return code.replace("task_12345", id(gw.post("/v1/tasks", "{\"name\": \"示例任务\", \"type\": "
                    + "\"translation\", \"parameters\": {\"text\": \"你好\"}}"), "id"));
        }
        if (e.id().equals("003-js-stream")) {
            return code.replace("fetch('/v2/", "fetch('" + gw.baseUrl() + "/v2/")
                    .replace("conv-789", id(gw.post("/v2/conversations", "{\"agentId\": \"main\"}"), "id"))
                    .replace("headers: { 'Content-Type': 'application/json' }", "headers: { 'Content-Type': "
                            + "'application/json', 'Authorization': 'Bearer " + TestGateway.TOKEN + "' }");
        }
        return code;
    }

    /** The operation's path on the test gateway: seed 000's relative paths under {@code /v1}, placeholders replaced. */
    static String path(Operation op, Map<String, String> ids) {
        String p = op.path();
        if (op.seed() == 0) {
            p = "/v1" + p;
        }
        for (Map.Entry<String, String> e : ids.entrySet()) {
            p = p.replace(e.getKey(), e.getValue());
        }
        if (op.method().equals("GET") && op.request() != null) {
            // seed 001's memory search prints its query parameters as a JSON object
            StringBuilder q = new StringBuilder();
            SeedDocuments.json(op.request()).properties().forEach(f -> q.append(q.isEmpty() ? "?" : "&").append(f.getKey())
                    .append('=').append(java.net.URLEncoder.encode(f.getValue().asText(), StandardCharsets.UTF_8)));
            p += q;
        }
        return p;
    }

    /** The request body sent: the seed's example, except where it is a schema (seed 000) or names a placeholder. */
    static String body(Operation op, Map<String, String> ids, String gateway, FakeWebSite site) {
        if (op.method().equals("GET") || op.method().equals("DELETE")) {
            return null;
        }
        String schema = SCHEMA_BODIES.get(op.method() + " " + op.path());
        if (schema != null) {
            return schema;
        }
        return op.request() == null ? "{}" : hosts(op.request(), gateway, site);
    }

    /**
     * Seed 000 prints its request parameters as a schema ({@code "name": "string"}); these are values of those types
     * (its own Python example's task, its session fields, a tool's parameters).
     */
    static final Map<String, String> SCHEMA_BODIES = Map.of(
            "POST /tasks", "{\"name\": \"示例任务\", \"type\": \"data-processing\", \"parameters\": "
                    + "{\"input_file\": \"data.csv\"}, \"priority\": 1, \"timeout\": 300}",
            "POST /sessions", "{\"agent_id\": \"main\", \"context\": {\"locale\": \"zh-CN\"}, \"ttl\": 3600}",
            "POST /sessions/{session_id}/messages", "{\"content\": \"你好\", \"type\": \"text\"}",
            "POST /tools/{tool_name}/execute", "{\"parameters\": {}}");

    /** Documented response fields an endpoint may lack, each for a reason README's "Differences from the seeds" gives. */
    static List<String> allowedMissing(Operation op) {
        if (op.seed() == 3 && op.path().equals("/v2/tasks/{taskId}")) {
            // the analysis task's answer is the model's text (result.summary); the gateway draws no charts
            return List.of("result.charts");
        }
        if (op.seed() == 3 && op.path().equals("/v2/agents")) {
            // "Agent 配置" shows an agent whose knowledge-base skill has a config; the create example gives it none
            return List.of("skills[].config.index");
        }
        return List.of();
    }
}
