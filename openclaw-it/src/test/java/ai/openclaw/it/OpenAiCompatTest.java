package ai.openclaw.it;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.testkit.GatewayExtension;
import ai.openclaw.testkit.HttpResult;
import ai.openclaw.testkit.TestGateway;
import ai.openclaw.testkit.fake.FakeProvider;
import ai.openclaw.testkit.fake.FakeReply;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The OpenAI-compatible dialect, against both an OpenAI-format and an Anthropic-format fake upstream. */
class OpenAiCompatTest {
    @RegisterExtension
    static final GatewayExtension env = GatewayExtension.withFakeProvider();

    @Test
    void nonStreamingCompletionHasOpenAisShape() {
        env.fake().enqueue(FakeReply.text("pong").withUsage(7, 1));
        HttpResult r = env.gateway().post("/v1/chat/completions",
                "{\"model\":\"fake/fake-model\",\"messages\":[{\"role\":\"user\",\"content\":\"ping\"}]}");
        assertThat(r.status()).isEqualTo(200);
        JsonNode c = r.json();
        assertThat(c.path("object").asText()).isEqualTo("chat.completion");
        assertThat(c.path("id").asText()).startsWith("chatcmpl-");
        assertThat(c.path("model").asText()).isEqualTo("fake/fake-model");
        assertThat(c.at("/choices/0/message/role").asText()).isEqualTo("assistant");
        assertThat(c.at("/choices/0/message/content").asText()).isEqualTo("pong");
        assertThat(c.at("/choices/0/finish_reason").asText()).isEqualTo("stop");
        assertThat(c.at("/usage/prompt_tokens").asInt()).isEqualTo(7);
        assertThat(c.at("/usage/completion_tokens").asInt()).isEqualTo(1);
        assertThat(c.at("/usage/total_tokens").asInt()).isEqualTo(8);
        assertThat(r.header("X-OpenClaw-Overhead-Ms")).isNotNull();
    }

    @Test
    void streamingCompletionEmitsChunksUsageAndDone() {
        env.fake().enqueue(FakeReply.text("one two three").withUsage(5, 3));
        HttpResult r = env.gateway().post("/v1/chat/completions", "{\"model\":\"openclaw\",\"stream\":true,"
                + "\"stream_options\":{\"include_usage\":true},\"messages\":[{\"role\":\"user\",\"content\":\"count\"}]}");
        assertThat(r.status()).isEqualTo(200);
        List<String> data = r.sseData();
        assertThat(data.get(data.size() - 1)).isEqualTo("[DONE]");
        List<JsonNode> chunks = r.sseJson();
        assertThat(chunks).allSatisfy(ch -> assertThat(ch.path("object").asText()).isEqualTo("chat.completion.chunk"));
        assertThat(chunks.stream().map(ch -> ch.path("id").asText()).distinct()).hasSize(1);
        assertThat(chunks.get(0).at("/choices/0/delta/role").asText()).isEqualTo("assistant");
        StringBuilder text = new StringBuilder();
        chunks.forEach(ch -> text.append(ch.at("/choices/0/delta/content").asText("")));
        assertThat(text.toString()).isEqualTo("one two three");
        JsonNode finish = chunks.get(chunks.size() - 2);
        assertThat(finish.at("/choices/0/finish_reason").asText()).isEqualTo("stop");
        JsonNode usage = chunks.get(chunks.size() - 1);
        assertThat(usage.path("choices")).isEmpty();
        assertThat(usage.at("/usage/total_tokens").asInt()).isEqualTo(8);
    }

    @Test
    void streamWithoutIncludeUsageHasNoUsageChunk() {
        HttpResult r = env.gateway().post("/v1/chat/completions",
                "{\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        assertThat(r.sseJson()).noneMatch(ch -> ch.has("usage") && !ch.path("usage").isNull());
        assertThat(r.sseJson().get(r.sseJson().size() - 1).at("/choices/0/finish_reason").asText()).isEqualTo("stop");
    }

    @Test
    void userFieldKeepsASessionAndOnlyNewMessagesAreStored() {
        env.fake().enqueue(FakeReply.text("Alice, noted."));
        env.gateway().post("/v1/chat/completions", "{\"user\":\"alice\",\"messages\":[{\"role\":\"user\",\"content\":\"I am Alice\"}]}");
        env.fake().enqueue(FakeReply.text("You are Alice."));
        HttpResult r = env.gateway().post("/v1/chat/completions", "{\"user\":\"alice\",\"messages\":["
                + "{\"role\":\"user\",\"content\":\"I am Alice\"},{\"role\":\"assistant\",\"content\":\"Alice, noted.\"},"
                + "{\"role\":\"user\",\"content\":\"Who am I?\"}]}");
        assertThat(r.header("x-openclaw-session-key")).isEqualTo("user:alice");
        JsonNode sent = env.fake().lastRequest().json().path("messages");
        assertThat(sent).hasSize(3);
        assertThat(sent.get(2).path("content").asText()).isEqualTo("Who am I?");
        JsonNode session = env.gateway().get("/api/v1/sessions/user:alice").json().path("data");
        assertThat(session.path("messageCount").asInt()).isEqualTo(4);
    }

    @Test
    void sessionHeaderNamesTheSession() {
        HttpResult r = env.gateway().send("POST", "/v1/chat/completions",
                "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
                Map.of("Authorization", "Bearer " + TestGateway.TOKEN, "Content-Type", "application/json",
                        "x-openclaw-session-key", "support-42"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(env.gateway().get("/api/v1/sessions/support-42").status()).isEqualTo(200);
    }

    @Test
    void anthropicProviderAnswersWholeAndStreamed() {
        env.fake().enqueue(FakeReply.text("Bonjour from Claude").withUsage(11, 4));
        HttpResult r = env.gateway().post("/v1/chat/completions",
                "{\"model\":\"claude/claude-test\",\"messages\":[{\"role\":\"system\",\"content\":\"be brief\"},"
                        + "{\"role\":\"user\",\"content\":\"hello\"}]}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().at("/choices/0/message/content").asText()).isEqualTo("Bonjour from Claude");
        assertThat(r.json().at("/usage/prompt_tokens").asInt()).isEqualTo(11);
        assertThat(env.fake().lastRequest().path()).endsWith("/messages");
        assertThat(env.fake().lastRequest().json().path("model").asText()).isEqualTo("claude-test");

        env.fake().enqueue(FakeReply.text("streamed from Claude"));
        HttpResult s = env.gateway().post("/v1/chat/completions", "{\"model\":\"claude/claude-test\",\"stream\":true,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}");
        StringBuilder text = new StringBuilder();
        s.sseJson().forEach(ch -> text.append(ch.at("/choices/0/delta/content").asText("")));
        assertThat(text.toString()).isEqualTo("streamed from Claude");
        assertThat(s.sseData().get(s.sseData().size() - 1)).isEqualTo("[DONE]");
    }

    @Test
    void modelsListsOpenclawAndConfiguredModels() {
        JsonNode models = env.gateway().get("/v1/models").json();
        assertThat(models.path("object").asText()).isEqualTo("list");
        assertThat(models.path("data").findValuesAsText("id")).contains("openclaw", "fake/fake-model",
                "claude/claude-test", "builtin/offline");
        assertThat(env.gateway().get("/v1/models/fake/fake-model").json().path("id").asText()).isEqualTo("fake/fake-model");
        assertThat(env.gateway().get("/v1/models/nope").status()).isEqualTo(404);
    }

    @Test
    void errorsUseOpenAisShape() {
        HttpResult r = env.gateway().post("/v1/chat/completions", "{\"model\":\"openclaw\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().at("/error/message").asText()).contains("messages");
        assertThat(r.json().at("/error/type").asText()).isEqualTo("invalid_request_error");
        HttpResult unauth = env.gateway().send("GET", "/v1/models", null, Map.of());
        assertThat(unauth.status()).isEqualTo(401);
        assertThat(unauth.json().at("/error/type").asText()).isEqualTo("authentication_error");
    }
}
