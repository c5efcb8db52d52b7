package ai.openclaw.it;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.testkit.GatewayExtension;
import ai.openclaw.testkit.HttpResult;
import ai.openclaw.testkit.TestGateway;
import ai.openclaw.testkit.fake.FakeProvider;
import ai.openclaw.testkit.fake.FakeReply;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The gateway v1 dialect (seeds 001, 002, 004) over a real socket against the fake OpenAI-compatible provider. */
class GatewayV1Test {
    @RegisterExtension
    static final GatewayExtension env = GatewayExtension.withFakeProvider();

    @Test
    void seed001SendMessageAnswersInEnvelopeWithUsage() {
        env.fake().enqueue(FakeReply.text("你好!我是泡泡龙").withUsage(20, 100));
        HttpResult r = env.gateway().post("/api/v1/message", "{\"text\": \"你好\", \"session\": \"seed001-a\"}");
        assertThat(r.status()).isEqualTo(200);
        JsonNode body = r.json();
        assertThat(body.path("success").asBoolean()).isTrue();
        assertThat(body.path("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(body.at("/data/text").asText()).isEqualTo("你好!我是泡泡龙");
        assertThat(body.at("/data/messageId").asText()).startsWith("msg_");
        assertThat(body.at("/data/usage/inputTokens").asInt()).isEqualTo(20);
        assertThat(body.at("/data/usage/outputTokens").asInt()).isEqualTo(100);
        assertThat(r.header("X-Request-ID")).isNotBlank();
        assertThat(r.header("OpenClaw-Version")).isEqualTo("1.0");
        assertThat(Double.parseDouble(r.header("X-OpenClaw-Overhead-Ms"))).isGreaterThanOrEqualTo(0.0);
        assertThat(env.fake().lastRequest().json().path("model").asText()).isEqualTo("fake-model");
    }

    @Test
    void defaultSessionWorksWithoutCreatingItAndHistoryIsSentOnTheNextTurn() {
        env.gateway().delete("/api/v1/sessions/default");
        env.fake().enqueue(FakeReply.text("first answer"));
        assertThat(env.gateway().post("/api/v1/message", "{\"text\": \"first question\"}").status()).isEqualTo(200);
        env.fake().enqueue(FakeReply.text("second answer"));
        assertThat(env.gateway().post("/api/v1/message", "{\"text\": \"second question\", \"session\": \"default\"}").status())
                .isEqualTo(200);
        JsonNode sent = env.fake().lastRequest().json().path("messages");
        assertThat(sent).hasSize(3);
        assertThat(sent.get(0).path("content").asText()).isEqualTo("first question");
        assertThat(sent.get(1).path("role").asText()).isEqualTo("assistant");
        assertThat(sent.get(1).path("content").asText()).isEqualTo("first answer");
        assertThat(sent.get(2).path("content").asText()).isEqualTo("second question");
        JsonNode session = env.gateway().get("/api/v1/sessions/default").json().path("data");
        assertThat(session.path("messageCount").asInt()).isEqualTo(4);
        assertThat(session.path("messages")).hasSize(4);
    }

    @Test
    void seed001StreamSendsChunksThenDone() {
        env.fake().enqueue(FakeReply.text("春眠 不觉 晓"));
        HttpResult r = env.gateway().post("/api/v1/message/stream", "{\"text\": \"写一首诗\", \"session\": \"poems\"}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("text/event-stream");
        List<String> data = r.sseData();
        assertThat(data.get(data.size() - 1)).isEqualTo("[DONE]");
        StringBuilder text = new StringBuilder();
        r.sseJson().forEach(e -> text.append(e.path("chunk").asText()));
        assertThat(r.sseJson()).hasSizeGreaterThan(1);
        assertThat(text.toString()).isEqualTo("春眠 不觉 晓");
        assertThat(env.fake().lastRequest().json().path("stream").asBoolean()).isTrue();
        JsonNode stored = env.gateway().get("/api/v1/sessions/poems").json().at("/data/messages/1/content");
        assertThat(stored.asText()).isEqualTo("春眠 不觉 晓");
    }

    @Test
    void seed001SessionsCreateListDelete() {
        HttpResult created = env.gateway().post("/api/v1/sessions", "{\"label\": \"项目讨论\", \"model\": \"qwen3.5-plus\"}");
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().at("/data/sessionId").asText();
        assertThat(id).startsWith("session_");
        assertThat(created.json().at("/data/label").asText()).isEqualTo("项目讨论");
        JsonNode list = env.gateway().get("/api/v1/sessions?limit=200").json();
        assertThat(list.at("/data/sessions").findValuesAsText("id")).contains(id);
        HttpResult deleted = env.gateway().delete("/api/v1/sessions/" + id);
        assertThat(deleted.json().at("/data/deleted").asBoolean()).isTrue();
        assertThat(env.gateway().get("/api/v1/sessions/" + id).status()).isEqualTo(404);
        assertThat(env.gateway().delete("/api/v1/sessions/" + id).status()).isEqualTo(404);
    }

    @Test
    void seed004CreateSessionWithMessagesRunsThemAndSendMessageAnswers() {
        env.fake().enqueue(FakeReply.text("Hi there"));
        HttpResult created = env.gateway().post("/api/v1/sessions", "{\"model\": \"fake/fake-model\", \"messages\": "
                + "[{\"role\": \"system\", \"content\": \"You are a helpful assistant\"}, "
                + "{\"role\": \"user\", \"content\": \"Hello\"}]}");
        assertThat(created.status()).isEqualTo(201);
        JsonNode data = created.json().path("data");
        assertThat(data.path("status").asText()).isEqualTo("active");
        assertThat(data.at("/message/content").asText()).isEqualTo("Hi there");
        String id = data.path("sessionId").asText();
        assertThat(env.fake().lastRequest().json().at("/messages/0/role").asText()).isEqualTo("system");

        env.fake().enqueue(FakeReply.text("Response here").withUsage(100, 50));
        HttpResult sent = env.gateway().post("/api/v1/sessions/" + id + "/messages",
                "{\"message\": {\"role\": \"user\", \"content\": \"Your message here\"}}");
        assertThat(sent.status()).isEqualTo(200);
        JsonNode d = sent.json().path("data");
        assertThat(d.at("/message/role").asText()).isEqualTo("assistant");
        assertThat(d.at("/message/content").asText()).isEqualTo("Response here");
        assertThat(d.at("/usage/promptTokens").asInt()).isEqualTo(100);
        assertThat(d.at("/usage/completionTokens").asInt()).isEqualTo(50);
        assertThat(env.fake().lastRequest().json().path("messages")).hasSize(4);
        HttpResult page = env.gateway().get("/api/v1/sessions/" + id + "/messages?limit=2&offset=3");
        assertThat(page.json().at("/data/messages/0/content").asText()).isEqualTo("Your message here");
        assertThat(page.json().at("/data/messages/1/content").asText()).isEqualTo("Response here");
        assertThat(page.json().at("/data/pagination/total").asInt()).isEqualTo(5);
        assertThat(page.json().at("/data/pagination/hasMore").asBoolean()).isFalse();
    }

    @Test
    void seed002ChatAnswersWithSnakeCaseUsageAndSessionIsReadable() {
        env.fake().enqueue(FakeReply.text("当然!这是一个Python脚本...").withUsage(45, 156));
        HttpResult r = env.gateway().post("/api/v1/chat", "{\"session_id\": \"user_123\", \"message\": \"帮我写个Python脚本\", "
                + "\"context\": {\"model\": \"fake/fake-model\", \"temperature\": 0.7}}");
        assertThat(r.status()).isEqualTo(200);
        JsonNode body = r.json();
        assertThat(body.at("/data/content").asText()).isEqualTo("当然!这是一个Python脚本...");
        assertThat(body.path("content").asText()).isEqualTo("当然!这是一个Python脚本...");
        assertThat(body.at("/data/usage/input_tokens").asInt()).isEqualTo(45);
        assertThat(body.at("/data/usage/output_tokens").asInt()).isEqualTo(156);
        assertThat(body.at("/data/id").asText()).startsWith("msg_");
        assertThat(env.fake().lastRequest().json().path("temperature").asDouble()).isEqualTo(0.7);
        JsonNode session = env.gateway().get("/api/v1/sessions/user_123").json().path("data");
        assertThat(session.path("messages").findValuesAsText("content")).contains("帮我写个Python脚本");
    }

    @Test
    void statusAndSystemStatusReportModelsSessionsAndResources() {
        env.gateway().post("/api/v1/message", "{\"text\": \"count me\", \"session\": \"status-check\"}");
        JsonNode status = env.gateway().get("/api/v1/status").json().path("data");
        assertThat(status.at("/gateway/status").asText()).isEqualTo("running");
        assertThat(status.at("/models/default").asText()).isEqualTo("fake/fake-model");
        assertThat(status.at("/models/offline").asBoolean()).isFalse();
        assertThat(status.at("/sessions/total").asInt()).isGreaterThanOrEqualTo(1);
        JsonNode sys = env.gateway().get("/api/v1/system/status").json().path("data");
        assertThat(sys.path("gateway").asText()).isEqualTo("running");
        assertThat(sys.path("uptime").asText()).endsWith("s");
        assertThat(sys.at("/resources/tokenUsage").asLong()).isGreaterThan(0);
        assertThat(sys.at("/resources/queueDepth").asInt()).isZero();
    }

    @Test
    void configApiAnswersEffectiveValuesAndRedactsSecrets() {
        JsonNode gateway = env.gateway().get("/api/v1/config/gateway").json().path("data");
        assertThat(gateway.path("port").asInt()).isEqualTo(env.gateway().gateway().port());
        assertThat(gateway.path("bind").asText()).isEqualTo("loopback");
        assertThat(gateway.path("mode").asText()).isEqualTo("local");
        String all = env.gateway().get("/api/v1/config").body();
        assertThat(all).doesNotContain("sk-test").doesNotContain(TestGateway.TOKEN);
        assertThat(env.gateway().get("/api/v1/config/models.providers.fake.apiKey").json().path("data").asText())
                .isEqualTo("__OPENCLAW_REDACTED__");
        HttpResult missing = env.gateway().get("/api/v1/config/no.such.path");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().at("/error/code").asText()).isEqualTo("NOT_FOUND");
    }
}
