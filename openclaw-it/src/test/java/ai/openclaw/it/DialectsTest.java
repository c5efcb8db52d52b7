package ai.openclaw.it;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.testkit.GatewayExtension;
import ai.openclaw.testkit.HttpResult;
import ai.openclaw.testkit.fake.FakeProvider;
import ai.openclaw.testkit.fake.FakeReply;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Seed 000 sessions ({@code /v1/sessions}) and seed 003 conversations ({@code /v2/conversations}). */
class DialectsTest {
    @RegisterExtension
    static final GatewayExtension env = GatewayExtension.withFakeProvider();

    @Test
    void seed000CreateSessionWithTtlAndConverse() {
        HttpResult created = env.gateway().post("/v1/sessions",
                "{\"agent_id\": \"qwencode\", \"context\": {\"project\": \"demo\"}, \"ttl\": 3600}");
        assertThat(created.status()).isEqualTo(201);
        JsonNode s = created.json();
        String id = s.path("session_id").asText();
        assertThat(s.path("agent_id").asText()).isEqualTo("qwencode");
        assertThat(java.time.Duration.between(java.time.Instant.parse(s.path("created_at").asText()),
                java.time.Instant.parse(s.path("expires_at").asText())).toSeconds()).isEqualTo(3600);
        env.fake().enqueue(FakeReply.text("回复内容"));
        HttpResult m = env.gateway().post("/v1/sessions/" + id + "/messages", "{\"content\": \"你好\", \"type\": \"text\"}");
        assertThat(m.status()).isEqualTo(200);
        assertThat(m.json().path("message_id").asText()).startsWith("msg_");
        assertThat(m.json().path("content").asText()).isEqualTo("回复内容");
        assertThat(m.json().path("role").asText()).isEqualTo("assistant");
        assertThat(m.json().has("timestamp")).isTrue();
        assertThat(env.gateway().get("/v1/sessions/" + id + "/messages").json().path("messages")).hasSize(2);
        assertThat(env.gateway().get("/v1/sessions/" + id).json().path("context").path("project").asText()).isEqualTo("demo");
        HttpResult missing = env.gateway().post("/v1/sessions/nope/messages", "{\"content\": \"hi\"}");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().at("/error/code").asText()).isEqualTo("NOT_FOUND");
        assertThat(missing.json().has("success")).isFalse();
    }

    @Test
    void seed003ConversationCreateSendAndStream() {
        HttpResult created = env.gateway().post("/v2/conversations", "{\"agentId\": \"agent-123\", \"context\": {\"userId\": "
                + "\"user-456\", \"metadata\": {\"source\": \"mobile-app\", \"locale\": \"zh-CN\"}}, \"settings\": "
                + "{\"model\": \"fake/fake-model\", \"temperature\": 0.7, \"maxTokens\": 4096}}");
        assertThat(created.status()).isEqualTo(201);
        JsonNode conv = created.json();
        String id = conv.path("id").asText();
        assertThat(conv.path("agentId").asText()).isEqualTo("agent-123");
        assertThat(conv.path("status").asText()).isEqualTo("active");
        assertThat(conv.has("createdAt")).isTrue();

        env.fake().enqueue(FakeReply.text("分析完成"));
        // seed 003's attachment as {type: "file", url}: the URL of a stored file (example.com is not reachable here)
        String file = ai.openclaw.testkit.FileUploads.upload(env.gateway(), "report.pdf",
                ai.openclaw.testkit.SampleDocuments.pdf("report body")).json().path("url").asText();
        HttpResult sent = env.gateway().post("/v2/conversations/" + id + "/messages", "{\"content\": \"帮我分析这份报告\", "
                + "\"attachments\": [{\"type\": \"file\", \"url\": \"" + env.gateway().baseUrl() + file + "\"}]}");
        assertThat(sent.status()).isEqualTo(201);
        assertThat(sent.json().path("content").asText()).isEqualTo("分析完成");
        JsonNode upstream = env.fake().lastRequest().json();
        assertThat(upstream.path("temperature").asDouble()).isEqualTo(0.7);
        assertThat(upstream.at("/messages/0/content").asText()).contains("report.pdf").contains("report body");

        env.fake().enqueue(FakeReply.text("你好 呀"));
        HttpResult stream = env.gateway().post("/v2/conversations/" + id + "/messages", "{\"content\": \"你好\", \"stream\": true}");
        assertThat(stream.header("Content-Type")).startsWith("text/event-stream");
        StringBuilder text = new StringBuilder();
        stream.sseJson().stream().filter(e -> e.path("type").asText().equals("delta"))
                .forEach(e -> text.append(e.path("content").asText()));
        assertThat(text.toString()).isEqualTo("你好 呀");
        JsonNode done = stream.sseJson().get(stream.sseJson().size() - 1);
        assertThat(done.path("type").asText()).isEqualTo("done");
        assertThat(done.at("/message/content").asText()).isEqualTo("你好 呀");
        assertThat(stream.sseData().get(stream.sseData().size() - 1)).isEqualTo("[DONE]");

        JsonNode got = env.gateway().get("/v2/conversations/" + id).json();
        assertThat(got.path("messageCount").asInt()).isEqualTo(4);
        assertThat(got.path("messages")).hasSize(4);
        assertThat(got.at("/context/userId").asText()).isEqualTo("user-456");
        assertThat(env.gateway().get("/v2/conversations?limit=1&page=1").json().at("/pagination/limit").asInt()).isEqualTo(1);
        assertThat(env.gateway().delete("/v2/conversations/" + id).status()).isEqualTo(200);
        assertThat(env.gateway().get("/v2/conversations/" + id).status()).isEqualTo(404);
    }
}
