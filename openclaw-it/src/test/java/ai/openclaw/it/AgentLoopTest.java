package ai.openclaw.it;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.testkit.HttpResult;
import ai.openclaw.testkit.TestGateway;
import ai.openclaw.testkit.fake.FakeProvider;
import ai.openclaw.testkit.fake.FakeReply;
import ai.openclaw.testkit.fake.FakeToolCall;
import ai.openclaw.testkit.fake.RecordedRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The agent loop over real sockets: an agent created over {@code /v2/agents} with the {@code weather} skill answers
 * a turn in which the fake model (OpenAI and Anthropic formats, whole and streamed) calls the skill's tool.
 */
class AgentLoopTest {
    static final String WEATHER = "北京: 晴 +20°C";
    static FakeProvider fake;
    static HttpServer weather;
    static TestGateway gw;
    static String openAiAgent;
    static String anthropicAgent;

    @BeforeAll
    static void start() throws IOException {
        fake = FakeProvider.start();
        weather = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        weather.createContext("/", ex -> {
            byte[] b = (ex.getRequestURI().getPath().contains("Beijing") ? "Beijing: sunny" : WEATHER)
                    .getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, b.length);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(b);
            }
        });
        weather.start();
        gw = TestGateway.start(TestGateway.providerConfig(fake.openAiBaseUrl(), fake.anthropicBaseUrl())
                + "skills:\n  weather:\n    url: \"http://127.0.0.1:" + weather.getAddress().getPort()
                + "/{city}\"\nagents:\n  maxSteps: 3\n");
        openAiAgent = createAgent("fake/fake-model");
        anthropicAgent = createAgent("claude/claude-test");
    }

    static String createAgent(String model) {
        HttpResult r = gw.post("/v2/agents", "{\"name\":\"天气助手\",\"description\":\"weather agent\",\"model\":\""
                + model + "\",\"systemPrompt\":\"你是天气助手\",\"skills\":[\"weather\"],"
                + "\"settings\":{\"temperature\":0.3,\"maxTokens\":2048,\"memoryEnabled\":true}}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().path("id").asText();
    }

    @AfterAll
    static void stop() {
        gw.close();
        fake.close();
        weather.stop(0);
    }

    @BeforeEach
    void reset() {
        fake.reset();
    }

    String conversation(String agentId) {
        HttpResult c = gw.post("/v2/conversations", "{\"agentId\":\"" + agentId + "\"}");
        assertThat(c.status()).isEqualTo(201);
        return c.json().path("id").asText();
    }

    @Test
    void agentConfigHasSeed003Shape() {
        JsonNode a = gw.get("/v2/agents/" + anthropicAgent).json();
        assertThat(a.path("name").asText()).isEqualTo("天气助手");
        assertThat(a.at("/model/provider").asText()).isEqualTo("claude");
        assertThat(a.at("/model/name").asText()).isEqualTo("claude-test");
        assertThat(a.at("/model/settings/temperature").asDouble()).isEqualTo(0.3);
        assertThat(a.at("/model/settings/maxTokens").asInt()).isEqualTo(2048);
        assertThat(a.at("/skills/0/id").asText()).isEqualTo("weather");
        assertThat(a.at("/skills/0/enabled").asBoolean()).isTrue();
        assertThat(a.at("/memory/enabled").asBoolean()).isTrue();
        JsonNode list = gw.get("/v2/agents").json();
        assertThat(list.at("/agents/0/id").asText()).isEqualTo("main");
        assertThat(gw.get("/v2/agents/main").status()).isEqualTo(200);
        assertThat(gw.delete("/v2/agents/main").status()).isEqualTo(409);
    }

    @Test
    void openAiFormatNonStreamedTurnRunsTheSkillAndSendsItsResultBack() {
        String conv = conversation(openAiAgent);
        fake.enqueue(FakeReply.toolCalls(List.of(FakeToolCall.of("weather", "{\"args\":[\"北京\"]}"))));
        fake.enqueue(FakeReply.echoToolResult());
        HttpResult r = gw.post("/v2/conversations/" + conv + "/messages", "{\"content\":\"北京天气怎么样?\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().path("content").asText()).isEqualTo("tool said: " + WEATHER);
        List<RecordedRequest> calls = fake.requests();
        assertThat(calls).hasSize(2);
        JsonNode first = calls.get(0).json();
        assertThat(first.path("tools").toString()).contains("weather");
        assertThat(first.at("/messages/0/role").asText()).isEqualTo("system");
        assertThat(first.at("/messages/0/content").asText()).contains("你是天气助手").contains("Skill: weather");
        JsonNode second = calls.get(1).json().path("messages");
        JsonNode toolMsg = second.get(second.size() - 1);
        assertThat(toolMsg.path("role").asText()).isEqualTo("tool");
        assertThat(toolMsg.path("content").asText()).isEqualTo(WEATHER);
        assertThat(second.get(second.size() - 2).path("tool_calls").get(0).at("/function/name").asText())
                .isEqualTo("weather");
        JsonNode stored = gw.get("/v2/conversations/" + conv + "/messages").json().path("messages");
        assertThat(stored).hasSize(4);
        assertThat(stored.get(2).path("role").asText()).isEqualTo("tool");
        assertThat(stored.get(2).path("content").asText()).contains(WEATHER);
    }

    @Test
    void openAiFormatStreamedTurnEmitsToolEventsAndDeltas() {
        String conv = conversation(openAiAgent);
        fake.enqueue(FakeReply.toolCalls(List.of(FakeToolCall.of("weather", "{\"args\":[\"北京\"]}"))));
        fake.enqueue(FakeReply.echoToolResult());
        HttpResult r = gw.post("/v2/conversations/" + conv + "/messages",
                "{\"content\":\"北京天气?\",\"stream\":true}");
        assertThat(r.status()).isEqualTo(200);
        List<JsonNode> events = r.sseJson();
        assertThat(events).anySatisfy(e -> {
            assertThat(e.path("type").asText()).isEqualTo("tool_call");
            assertThat(e.at("/toolCall/name").asText()).isEqualTo("weather");
            assertThat(e.at("/toolCall/arguments").asText()).contains("北京");
        });
        assertThat(events).anySatisfy(e -> {
            assertThat(e.path("type").asText()).isEqualTo("tool_result");
            assertThat(e.at("/toolResult/result").asText()).isEqualTo(WEATHER);
            assertThat(e.at("/toolResult/error").asBoolean()).isFalse();
        });
        StringBuilder text = new StringBuilder();
        events.stream().filter(e -> e.path("type").asText().equals("delta"))
                .forEach(e -> text.append(e.path("content").asText()));
        assertThat(text.toString()).isEqualTo("tool said: " + WEATHER);
        assertThat(events.get(events.size() - 1).path("type").asText()).isEqualTo("done");
        JsonNode toolMsg = fake.lastRequest().json().path("messages");
        assertThat(toolMsg.get(toolMsg.size() - 1).path("content").asText()).isEqualTo(WEATHER);
    }

    @Test
    void anthropicFormatNonStreamedAndStreamedTurnsRunTheSkill() {
        String conv = conversation(anthropicAgent);
        fake.enqueue(FakeReply.toolCalls("let me check", List.of(FakeToolCall.of("weather",
                "{\"args\":[\"北京\"]}"))));
        fake.enqueue(FakeReply.echoToolResult());
        HttpResult r = gw.post("/v2/conversations/" + conv + "/messages", "{\"content\":\"北京天气?\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().path("content").asText()).isEqualTo("tool said: " + WEATHER);
        RecordedRequest second = fake.lastRequest();
        assertThat(second.path()).isEqualTo("/v1/messages");
        assertThat(second.json().path("messages").toString()).contains("tool_result").contains(WEATHER);
        assertThat(fake.requests().get(0).json().path("tools").toString()).contains("weather");

        fake.reset();
        fake.enqueue(FakeReply.toolCalls(List.of(FakeToolCall.of("weather", "{\"args\":[\"Beijing\"]}"))));
        fake.enqueue(FakeReply.echoToolResult());
        HttpResult s = gw.post("/v2/conversations/" + conv + "/messages",
                "{\"content\":\"and in English?\",\"stream\":true}");
        List<JsonNode> events = s.sseJson();
        assertThat(events).anySatisfy(e -> assertThat(e.at("/toolResult/result").asText()).isEqualTo("Beijing: sunny"));
        assertThat(events.get(events.size() - 1).at("/message/content").asText())
                .isEqualTo("tool said: Beijing: sunny");
        assertThat(fake.lastRequest().json().path("messages").toString()).contains("Beijing: sunny");
    }

    @Test
    void openAiCompatibleStreamNeverShowsTheGatewaysOwnToolCalls() {
        // the agent's weather skill runs server-side; the client declared no tool of that name, so it never sees the
        // call (issue 12: SDKs would try to run a tool they never declared)
        fake.enqueue(FakeReply.toolCalls(List.of(FakeToolCall.of("weather", "{\"args\":[\"北京\"]}"))));
        fake.enqueue(FakeReply.text("晴"));
        HttpResult r = gw.post("/v1/chat/completions", "{\"model\":\"openclaw/" + openAiAgent + "\",\"stream\":true,"
                + "\"tools\":[],\"messages\":[{\"role\":\"user\",\"content\":\"北京天气\"}]}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).doesNotContain("tool_calls");
        StringBuilder text = new StringBuilder();
        for (JsonNode c : r.sseJson()) {
            text.append(c.at("/choices/0/delta/content").asText(""));
        }
        assertThat(text.toString()).isEqualTo("晴");
        assertThat(r.sseJson().get(r.sseJson().size() - 1).at("/choices/0/finish_reason").asText()).isEqualTo("stop");
        assertThat(r.sseData().get(r.sseData().size() - 1)).isEqualTo("[DONE]");
        assertThat(fake.lastRequest().json().path("messages").toString()).contains("tool_call_id");
    }

    @Test
    void maxStepsEndsTheTurnWithAClearErrorAndAStoredRecord() {
        String conv = conversation(openAiAgent);
        for (int i = 0; i < 3; i++) {
            fake.enqueue(FakeReply.toolCalls(List.of(FakeToolCall.of("weather", "{\"args\":[\"北京\"]}"))));
        }
        HttpResult r = gw.post("/v2/conversations/" + conv + "/messages", "{\"content\":\"loop forever\"}");
        assertThat(r.status()).isEqualTo(502);
        assertThat(r.json().at("/error/message").asText()).contains("agents.maxSteps = 3");
        JsonNode stored = gw.get("/v2/conversations/" + conv + "/messages").json().path("messages");
        assertThat(stored.get(stored.size() - 1).path("content").asText()).contains("agents.maxSteps");
        assertThat(stored.get(0).path("content").asText()).isEqualTo("loop forever");

        for (int i = 0; i < 3; i++) {
            fake.enqueue(FakeReply.toolCalls(List.of(FakeToolCall.of("weather", "{\"args\":[\"北京\"]}"))));
        }
        HttpResult s = gw.post("/v2/conversations/" + conv + "/messages", "{\"content\":\"again\",\"stream\":true}");
        List<JsonNode> events = s.sseJson();
        assertThat(events.get(events.size() - 1).path("type").asText()).isEqualTo("error");
        assertThat(events.get(events.size() - 1).at("/error/message").asText()).contains("agents.maxSteps");
    }

    @Test
    void schemaViolatingAndUnknownToolCallsGoBackToTheModelAsToolErrors() {
        String conv = conversation(openAiAgent);
        fake.enqueue(FakeReply.toolCalls(List.of(FakeToolCall.of("weather", "{\"args\":\"北京\"}"),
                FakeToolCall.of("no_such_tool", "{}"))));
        fake.enqueue(FakeReply.text("sorry"));
        HttpResult r = gw.post("/v2/conversations/" + conv + "/messages", "{\"content\":\"x\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode msgs = fake.lastRequest().json().path("messages");
        String bad = msgs.get(msgs.size() - 2).path("content").asText();
        String unknown = msgs.get(msgs.size() - 1).path("content").asText();
        assertThat(bad).contains("INVALID_REQUEST").contains("'args'");
        assertThat(unknown).contains("NOT_FOUND").contains("no_such_tool");
    }
}
