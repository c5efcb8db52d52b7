package ai.openclaw.it;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.event.DomainEvent;
import ai.openclaw.testkit.HttpResult;
import ai.openclaw.testkit.TestGateway;
import ai.openclaw.testkit.fake.FakeProvider;
import ai.openclaw.testkit.fake.FakeReply;
import ai.openclaw.testkit.fake.FakeToolCall;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Sub-agents (seed 002): the spawn API, and the {@code spawn_agent} tool's fan-out ("主Agent → 子Agent1/2/3 →
 * 结果汇总") with a child that runs out of time.
 */
class SubAgentTest {
    static FakeProvider fake;
    static TestGateway gw;
    static final List<DomainEvent> EVENTS = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() {
        fake = FakeProvider.start();
        gw = TestGateway.start("models:\n  default: builtin/offline\n  providers:\n    fake: { api: openai-completions, "
                + "baseUrl: \"" + fake.openAiBaseUrl() + "\", apiKey: sk-test, models: [fake-model], "
                + "timeoutMs: 20000 }\nagents:\n  toolsByDefault: true\n");
        gw.gateway().services().events().subscribe(EVENTS::add);
    }

    @AfterAll
    static void stop() {
        gw.close();
        fake.close();
    }

    @BeforeEach
    void reset() {
        fake.reset();
        EVENTS.clear();
    }

    @Test
    void spawnReturnsAtOnceAndTheResultCanBeAwaited() {
        HttpResult r = gw.post("/api/v1/agents/spawn", "{\"task\":\"分析这份文档\",\"model\":\"gpt-4o\",\"timeout\":300,"
                + "\"skills\":[\"web_fetch\",\"file_read\"]}");
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        String id = r.json().at("/data/id").asText();
        assertThat(id).startsWith("spawn_");
        assertThat(r.json().at("/data/skills").toString()).contains("web_fetch");
        JsonNode done = gw.get("/api/v1/agents/spawn/" + id + "?wait=30").json().path("data");
        assertThat(done.path("status").asText()).isEqualTo("completed");
        assertThat(done.path("result").asText()).contains("分析这份文档");
        JsonNode session = gw.get("/api/v1/sessions/" + id).json();
        assertThat(session.path("success").asBoolean()).isTrue();
        assertThat(EVENTS.stream().map(DomainEvent::type)).contains("agent.spawned", "agent.completed");
        assertThat(gw.get("/api/v1/agents/spawn/spawn_nope").status()).isEqualTo(404);
        assertThat(gw.post("/api/v1/agents/spawn", "{\"timeout\":5}").json().at("/error/message").asText())
                .contains("'task'");
    }

    @Test
    void threeChildrenCompleteAndTheParentsAnswerHasAllResults() {
        HttpResult r = gw.post("/v2/conversations", "{}");
        String conv = r.json().path("id").asText();
        HttpResult turn = gw.post("/v2/conversations/" + conv + "/messages", "{\"content\":\"/tool spawn_agent "
                + "{\\\"tasks\\\":[\\\"搜索信息\\\",\\\"分析数据\\\",\\\"生成报告\\\"]}\"}");
        assertThat(turn.status()).as(turn.body()).isEqualTo(201);
        String answer = turn.json().path("content").asText();
        assertThat(answer).contains("spawn_agent").contains("搜索信息").contains("分析数据").contains("生成报告");
        assertThat(answer.split("\"status\":\"completed\"", -1)).hasSize(4);
        assertThat(EVENTS.stream().filter(e -> e.type().equals("agent.completed"))).hasSize(3);
    }

    @Test
    void aChildThatTimesOutIsReportedAndDoesNotBlockTheOthers() {
        fake.enqueue(FakeReply.hang());
        HttpResult turn = gw.post("/api/v1/message", "{\"session\":\"fanout\",\"stream\":false,\"text\":\"/tool "
                + "spawn_agent {\\\"tasks\\\":[{\\\"task\\\":\\\"slow one\\\",\\\"model\\\":\\\"fake/fake-model\\\","
                + "\\\"timeout\\\":1},\\\"fast A\\\",\\\"fast B\\\"]}\"}");
        assertThat(turn.status()).as(turn.body()).isEqualTo(200);
        String answer = turn.json().at("/data/text").asText();
        assertThat(answer).contains("\"status\":\"timeout\"").contains("fast A").contains("fast B");
        assertThat(answer.split("\"status\":\"completed\"", -1)).hasSize(3);
        assertThat(answer).contains("time limit");
        assertThat(EVENTS.stream().filter(e -> e.type().equals("agent.error"))).hasSize(1);
        assertThat(gw.get("/health").status()).isEqualTo(200);
    }

    @Test
    void spawnDepthAndCountAreLimited() {
        HttpResult many = gw.post("/api/v1/message", "{\"session\":\"many\",\"text\":\"/tool spawn_agent "
                + "{\\\"tasks\\\":[\\\"1\\\",\\\"2\\\",\\\"3\\\",\\\"4\\\",\\\"5\\\",\\\"6\\\"]}\"}");
        assertThat(many.json().at("/data/text").asText()).contains("at most 5 children");
        HttpResult nested = gw.post("/api/v1/message", "{\"session\":\"nested\",\"text\":\"/tool spawn_agent "
                + "{\\\"task\\\":\\\"/tool spawn_agent {\\\\\\\"task\\\\\\\":\\\\\\\"/tool spawn_agent "
                + "{\\\\\\\\\\\\\\\"task\\\\\\\\\\\\\\\":\\\\\\\\\\\\\\\"deep\\\\\\\\\\\\\\\"}\\\\\\\"}\\\"}\"}");
        assertThat(nested.status()).as(nested.body()).isEqualTo(200);
        assertThat(nested.json().at("/data/text").asText()).contains("spawn_agent").contains("not available");
    }

    @Test
    void fakeModelParentFansOutThroughTheToolCall() {
        fake.enqueue(FakeReply.toolCalls(List.of(FakeToolCall.of("spawn_agent",
                "{\"tasks\":[\"子任务1\",\"子任务2\",\"子任务3\"],\"model\":\"builtin/offline\"}"))));
        fake.enqueue(FakeReply.echoToolResult());
        // the agent (model "openclaw") runs its tools; x-openclaw-model picks the model it uses
        HttpResult turn = gw.send("POST", "/v1/chat/completions", "{\"model\":\"openclaw\","
                + "\"messages\":[{\"role\":\"user\",\"content\":\"分三步做\"}]}", java.util.Map.of("Authorization",
                "Bearer " + ai.openclaw.testkit.TestGateway.TOKEN, "Content-Type", "application/json",
                "x-openclaw-model", "fake/fake-model"));
        assertThat(turn.status()).as(turn.body()).isEqualTo(200);
        String answer = turn.json().at("/choices/0/message/content").asText();
        assertThat(answer).startsWith("tool said: ").contains("子任务1").contains("子任务2").contains("子任务3");
        JsonNode msgs = fake.lastRequest().json().path("messages");
        String toolResult = msgs.get(msgs.size() - 1).path("content").asText();
        assertThat(toolResult).contains("子任务1").contains("子任务2").contains("子任务3");
        assertThat(toolResult.split("\"status\":\"completed\"", -1)).hasSize(4);
    }
}
