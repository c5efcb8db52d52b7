package ai.openclaw.testkit.fake;

import static ai.openclaw.testkit.fake.TestHttp.json;
import static ai.openclaw.testkit.fake.TestHttp.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The OpenAI Chat Completions side of the fake provider, over real sockets. */
class FakeProviderOpenAiTest {

    private static final String HELLO_REQUEST = """
            {"model":"gpt-4o","messages":[{"role":"system","content":"be brief"},{"role":"user","content":"hi"}]}""";

    private FakeProvider fake;
    private String url;

    @BeforeEach
    void start() {
        fake = FakeProvider.start();
        url = fake.openAiBaseUrl() + "/chat/completions";
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void baseUrlPointsAtTheLoopbackPort() {
        assertThat(fake.port()).isPositive();
        assertThat(fake.openAiBaseUrl()).isEqualTo("http://127.0.0.1:" + fake.port() + "/v1");
        assertThat(fake.anthropicBaseUrl()).isEqualTo("http://127.0.0.1:" + fake.port() + "/v1");
    }

    @Test
    void nonStreamingTextHasTheChatCompletionShape() {
        fake.enqueue(FakeReply.text("Hello there, world!"));

        HttpResponse<String> response = post(url, HELLO_REQUEST);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
        JsonNode body = json(response);
        assertThat(body.path("id").asText()).startsWith("chatcmpl-");
        assertThat(body.path("object").asText()).isEqualTo("chat.completion");
        assertThat(body.path("created").isIntegralNumber()).isTrue();
        assertThat(body.path("created").asLong()).isGreaterThan(1_600_000_000L);
        assertThat(body.path("model").asText()).isEqualTo("gpt-4o");
        assertThat(body.path("choices")).hasSize(1);
        JsonNode choice = body.path("choices").get(0);
        assertThat(choice.path("index").asInt(-1)).isZero();
        assertThat(choice.path("message").path("role").asText()).isEqualTo("assistant");
        assertThat(choice.path("message").path("content").asText()).isEqualTo("Hello there, world!");
        assertThat(choice.path("message").has("tool_calls")).isFalse();
        assertThat(choice.path("finish_reason").asText()).isEqualTo("stop");
        // "be brief" + "hi" = 10 chars -> 3 tokens; 19 reply chars -> 5 tokens
        assertThat(body.path("usage").path("prompt_tokens").asInt()).isEqualTo(3);
        assertThat(body.path("usage").path("completion_tokens").asInt()).isEqualTo(5);
        assertThat(body.path("usage").path("total_tokens").asInt()).isEqualTo(8);
    }

    @Test
    void usageCanBeOverridden() {
        fake.enqueue(FakeReply.text("ok").withUsage(120, 45));

        JsonNode usage = json(post(url, HELLO_REQUEST)).path("usage");

        assertThat(usage.path("prompt_tokens").asInt()).isEqualTo(120);
        assertThat(usage.path("completion_tokens").asInt()).isEqualTo(45);
        assertThat(usage.path("total_tokens").asInt()).isEqualTo(165);
    }

    @Test
    void streamingDeltasReassembleToTheTextWithoutUsageByDefault() {
        String text = "The quick brown fox jumps over the lazy dog.";
        fake.enqueue(FakeReply.text(text));

        HttpResponse<String> response = post(url, """
                {"model":"gpt-4o","stream":true,"messages":[{"role":"user","content":"tell me"}]}""");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type").orElse("")).startsWith("text/event-stream");
        List<SseEvent> events = SseEvent.parse(response.body());
        assertThat(events).isNotEmpty();
        assertThat(events.get(events.size() - 1).data()).isEqualTo("[DONE]");
        assertThat(response.body()).endsWith("data: [DONE]\n\n");

        List<JsonNode> chunks = events.subList(0, events.size() - 1).stream().map(SseEvent::json).toList();
        String id = chunks.get(0).path("id").asText();
        assertThat(id).startsWith("chatcmpl-");
        for (JsonNode chunk : chunks) {
            assertThat(chunk.path("object").asText()).isEqualTo("chat.completion.chunk");
            assertThat(chunk.path("id").asText()).isEqualTo(id);
            assertThat(chunk.path("model").asText()).isEqualTo("gpt-4o");
            assertThat(chunk.path("choices")).hasSize(1);
            assertThat(chunk.has("usage")).isFalse();
        }
        JsonNode firstDelta = chunks.get(0).path("choices").get(0).path("delta");
        assertThat(firstDelta.path("role").asText()).isEqualTo("assistant");
        assertThat(firstDelta.path("content").asText("x")).isEmpty();

        StringBuilder reassembled = new StringBuilder();
        int contentDeltas = 0;
        List<String> finishReasons = new ArrayList<>();
        for (JsonNode chunk : chunks) {
            JsonNode choice = chunk.path("choices").get(0);
            String content = choice.path("delta").path("content").asText("");
            if (!content.isEmpty()) {
                contentDeltas++;
                reassembled.append(content);
            }
            if (!choice.path("finish_reason").isNull()) {
                finishReasons.add(choice.path("finish_reason").asText());
            }
        }
        assertThat(reassembled.toString()).isEqualTo(text);
        assertThat(contentDeltas).isEqualTo(9);
        assertThat(finishReasons).containsExactly("stop");
        JsonNode last = chunks.get(chunks.size() - 1).path("choices").get(0);
        assertThat(last.path("finish_reason").asText()).isEqualTo("stop");
        assertThat(last.path("delta").size()).isZero();
    }

    @Test
    void streamingEndsWithAUsageChunkWhenRequested() {
        fake.enqueue(FakeReply.text("two words").withUsage(11, 7));

        HttpResponse<String> response = post(url, """
                {"model":"gpt-4o","stream":true,"stream_options":{"include_usage":true},
                 "messages":[{"role":"user","content":"count"}]}""");

        List<SseEvent> events = SseEvent.parse(response.body());
        assertThat(events.get(events.size() - 1).data()).isEqualTo("[DONE]");
        JsonNode usageChunk = events.get(events.size() - 2).json();
        assertThat(usageChunk.path("object").asText()).isEqualTo("chat.completion.chunk");
        assertThat(usageChunk.path("choices").isArray()).isTrue();
        assertThat(usageChunk.path("choices")).isEmpty();
        assertThat(usageChunk.path("usage").path("prompt_tokens").asInt()).isEqualTo(11);
        assertThat(usageChunk.path("usage").path("completion_tokens").asInt()).isEqualTo(7);
        assertThat(usageChunk.path("usage").path("total_tokens").asInt()).isEqualTo(18);
        long usageChunks = events.stream()
                .filter(e -> !e.data().equals("[DONE]"))
                .filter(e -> e.json().path("usage").isObject())
                .count();
        assertThat(usageChunks).isEqualTo(1);
        JsonNode finish = events.get(events.size() - 3).json();
        assertThat(finish.path("choices").get(0).path("finish_reason").asText()).isEqualTo("stop");
    }

    @Test
    void chineseTextStreamsInSmallPieces() {
        String text = "你好，世界！今天天气很好。";
        fake.enqueue(FakeReply.text(text));

        List<SseEvent> events = SseEvent.parse(post(url, """
                {"model":"glm-4","stream":true,"messages":[{"role":"user","content":"你好"}]}""").body());

        List<String> pieces = new ArrayList<>();
        for (SseEvent event : events) {
            if (!event.data().equals("[DONE]")) {
                String content = event.json().path("choices").get(0).path("delta").path("content").asText("");
                if (!content.isEmpty()) {
                    pieces.add(content);
                }
            }
        }
        assertThat(String.join("", pieces)).isEqualTo(text);
        assertThat(pieces).hasSizeGreaterThan(5);
        assertThat(pieces).allSatisfy(p -> assertThat(p.codePointCount(0, p.length())).isLessThanOrEqualTo(2));
    }

    @Test
    void toolCallsAreAnsweredWithNullContentAndToolCalls() {
        fake.enqueue(FakeReply.toolCalls(List.of(
                new FakeToolCall("call_1", "get_weather", "{\"city\":\"Paris\",\"unit\":\"celsius\"}"))));

        JsonNode body = json(post(url, HELLO_REQUEST));

        JsonNode choice = body.path("choices").get(0);
        assertThat(choice.path("finish_reason").asText()).isEqualTo("tool_calls");
        JsonNode message = choice.path("message");
        assertThat(message.has("content")).isTrue();
        assertThat(message.path("content").isNull()).isTrue();
        assertThat(message.path("tool_calls")).hasSize(1);
        JsonNode call = message.path("tool_calls").get(0);
        assertThat(call.path("id").asText()).isEqualTo("call_1");
        assertThat(call.path("type").asText()).isEqualTo("function");
        assertThat(call.path("function").path("name").asText()).isEqualTo("get_weather");
        assertThat(call.path("function").path("arguments").isTextual()).isTrue();
        assertThat(json(call.path("function").path("arguments").asText()))
                .isEqualTo(json("{\"city\":\"Paris\",\"unit\":\"celsius\"}"));
    }

    @Test
    void streamedToolCallArgumentsArriveInFragmentsAndReassembleToValidJson() {
        String weatherArgs = "{\"city\":\"Paris\",\"unit\":\"celsius\",\"days\":[1,2,3]}";
        String timeArgs = "{\"zone\":\"Asia/Shanghai\",\"note\":\"北京时间\"}";
        fake.enqueue(FakeReply.toolCalls(List.of(
                new FakeToolCall("call_w", "get_weather", weatherArgs),
                new FakeToolCall("call_t", "get_time", timeArgs))));

        List<SseEvent> events = SseEvent.parse(post(url, """
                {"model":"gpt-4o","stream":true,"messages":[{"role":"user","content":"weather?"}]}""").body());

        assertThat(events.get(events.size() - 1).data()).isEqualTo("[DONE]");
        Map<Integer, String> ids = new TreeMap<>();
        Map<Integer, String> names = new TreeMap<>();
        Map<Integer, StringBuilder> arguments = new TreeMap<>();
        Map<Integer, Integer> fragments = new TreeMap<>();
        String finishReason = null;
        for (SseEvent event : events.subList(0, events.size() - 1)) {
            JsonNode choice = event.json().path("choices").get(0);
            if (!choice.path("finish_reason").isNull()) {
                finishReason = choice.path("finish_reason").asText();
            }
            for (JsonNode call : choice.path("delta").path("tool_calls")) {
                int index = call.path("index").asInt(-1);
                if (call.has("id")) {
                    assertThat(ids).doesNotContainKey(index);
                    ids.put(index, call.path("id").asText());
                    assertThat(call.path("type").asText()).isEqualTo("function");
                    names.put(index, call.path("function").path("name").asText());
                }
                String fragment = call.path("function").path("arguments").asText("");
                if (!fragment.isEmpty()) {
                    arguments.computeIfAbsent(index, i -> new StringBuilder()).append(fragment);
                    fragments.merge(index, 1, Integer::sum);
                }
            }
        }
        assertThat(finishReason).isEqualTo("tool_calls");
        assertThat(ids).containsExactly(Map.entry(0, "call_w"), Map.entry(1, "call_t"));
        assertThat(names).containsExactly(Map.entry(0, "get_weather"), Map.entry(1, "get_time"));
        assertThat(fragments.get(0)).isGreaterThanOrEqualTo(2);
        assertThat(fragments.get(1)).isGreaterThanOrEqualTo(2);
        assertThat(json(arguments.get(0).toString())).isEqualTo(json(weatherArgs));
        assertThat(json(arguments.get(1).toString())).isEqualTo(json(timeArgs));
    }

    @Test
    void errorRepliesUseTheStatusAndOpenAiErrorShape() {
        fake.enqueue(FakeReply.error(429, "Rate limit reached, slow down"));

        HttpResponse<String> response = post(url, HELLO_REQUEST);

        assertThat(response.statusCode()).isEqualTo(429);
        JsonNode error = json(response).path("error");
        assertThat(error.path("message").asText()).isEqualTo("Rate limit reached, slow down");
        assertThat(error.path("type").asText()).isEqualTo("rate_limit_error");
        assertThat(error.has("param")).isTrue();
        assertThat(error.path("param").isNull()).isTrue();
        assertThat(error.path("code").asText()).isEqualTo("rate_limit_exceeded");
    }

    @Test
    void errorRepliesAreJsonEvenForStreamingRequests() {
        fake.enqueue(FakeReply.error(500, "The server had an error"));

        HttpResponse<String> response = post(url, """
                {"model":"gpt-4o","stream":true,"messages":[{"role":"user","content":"x"}]}""");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(json(response).path("error").path("type").asText()).isEqualTo("server_error");
        assertThat(json(response).path("error").path("message").asText()).isEqualTo("The server had an error");
    }

    @Test
    void malformedJsonIsA400InOpenAiShapeAndKeepsTheScript() {
        fake.enqueue(FakeReply.text("kept"));

        HttpResponse<String> response = post(url, "{\"model\":\"gpt-4o\",\"messages\":[");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = json(response).path("error");
        assertThat(error.path("type").asText()).isEqualTo("invalid_request_error");
        assertThat(error.path("message").asText()).isNotBlank();
        assertThat(fake.pendingReplies()).isEqualTo(1);
        assertThat(json(post(url, HELLO_REQUEST)).path("choices").get(0).path("message").path("content").asText())
                .isEqualTo("kept");
    }

    @Test
    void requestWithoutMessagesIsA400() {
        HttpResponse<String> response = post(url, "{\"model\":\"gpt-4o\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("error").path("message").asText()).contains("messages");
    }

    @Test
    void modelsAreListedOpenAiStyle() {
        HttpResponse<String> response = TestHttp.get(fake.openAiBaseUrl() + "/models");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.path("object").asText()).isEqualTo("list");
        List<String> ids = new ArrayList<>();
        for (JsonNode model : body.path("data")) {
            assertThat(model.path("object").asText()).isEqualTo("model");
            assertThat(model.path("owned_by").asText()).isNotBlank();
            ids.add(model.path("id").asText());
        }
        assertThat(ids).containsExactlyElementsOf(FakeProvider.MODELS).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void unknownPathIsA404() {
        HttpResponse<String> response = post(fake.openAiBaseUrl() + "/embeddingz", "{}");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).path("error").path("message").asText()).contains("/v1/embeddingz");
    }

    @Test
    void wrongMethodIsA405() {
        HttpResponse<String> response = TestHttp.get(url);

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("allow")).hasValue("POST");
    }
}
