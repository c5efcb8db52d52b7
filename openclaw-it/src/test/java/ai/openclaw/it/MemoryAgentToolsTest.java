package ai.openclaw.it;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.testkit.GatewayExtension;
import ai.openclaw.testkit.HttpResult;
import ai.openclaw.testkit.fake.FakeReply;
import ai.openclaw.testkit.fake.FakeToolCall;
import ai.openclaw.testkit.fake.RecordedRequest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An agent with {@code memoryEnabled} searches and adds memories through its tools, over real sockets. */
class MemoryAgentToolsTest {
    @RegisterExtension
    static final GatewayExtension env = GatewayExtension.withFakeProvider();

    private String conversationWithMemoryAgent() {
        HttpResult a = env.gateway().post("/v2/agents", "{\"name\":\"记忆助手\",\"model\":\"fake/fake-model\","
                + "\"systemPrompt\":\"You remember things.\",\"skills\":[\"memory_search\",\"memory_add\"],"
                + "\"settings\":{\"memoryEnabled\":true}}");
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        HttpResult c = env.gateway().post("/v2/conversations", "{\"agentId\":\"" + a.json().path("id").asText()
                + "\"}");
        assertThat(c.status()).as(c.body()).isEqualTo(201);
        return c.json().path("id").asText();
    }

    @Test
    void memorySearchToolFindsAStoredFactAndMemoryAddStoresOne() {
        HttpResult stored = env.gateway().post("/api/v1/memory",
                "{\"content\": \"用户偏好简洁的回复风格\", \"tags\": [\"用户偏好\"]}");
        assertThat(stored.status()).as(stored.body()).isEqualTo(200);
        String conv = conversationWithMemoryAgent();

        env.fake().enqueue(FakeReply.toolCalls(List.of(FakeToolCall.of("memory_search",
                "{\"query\": \"用户喜欢什么样的回复\"}"))));
        env.fake().enqueue(FakeReply.echoToolResult());
        HttpResult r = env.gateway().post("/v2/conversations/" + conv + "/messages", "{\"content\":\"怎么回答我?\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        List<RecordedRequest> calls = env.fake().requests();
        assertThat(calls.get(0).json().path("tools").toString()).contains("memory_search", "memory_add");
        JsonNode messages = calls.get(calls.size() - 1).json().path("messages");
        JsonNode toolMsg = messages.get(messages.size() - 1);
        assertThat(toolMsg.path("role").asText()).isEqualTo("tool");
        assertThat(toolMsg.path("content").asText()).contains("用户偏好简洁的回复风格").contains("score");

        env.fake().reset();
        env.fake().enqueue(FakeReply.toolCalls(List.of(FakeToolCall.of("memory_add",
                "{\"content\": \"The user's birthday is on the ninth of May\", \"tags\": [\"personal\"]}"))));
        env.fake().enqueue(FakeReply.text("noted"));
        HttpResult add = env.gateway().post("/v2/conversations/" + conv + "/messages",
                "{\"content\":\"remember my birthday: 9 May\"}");
        assertThat(add.status()).as(add.body()).isEqualTo(201);
        JsonNode found = env.gateway().get("/v2/memories/search?query=birthday").json();
        assertThat(found.at("/results/0/content").asText()).isEqualTo("The user's birthday is on the ninth of May");
        assertThat(found.at("/results/0/source").asText()).isEqualTo("agent");
    }
}
