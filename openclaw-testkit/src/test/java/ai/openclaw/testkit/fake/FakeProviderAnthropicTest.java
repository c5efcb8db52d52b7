package ai.openclaw.testkit.fake;

import static ai.openclaw.testkit.fake.TestHttp.json;
import static ai.openclaw.testkit.fake.TestHttp.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Anthropic Messages side of the fake provider, over real sockets. */
class FakeProviderAnthropicTest {

    private static final String[] HEADERS = {"x-api-key", "sk-ant-test", "anthropic-version", "2023-06-01"};

    private FakeProvider fake;
    private String url;

    @BeforeEach
    void start() {
        fake = FakeProvider.start();
        url = fake.anthropicBaseUrl() + "/messages";
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private static String request(boolean stream, String lastUserContentJson) {
        return """
                {"model":"claude-sonnet-4-5","max_tokens":256,"stream":%s,
                 "system":[{"type":"text","text":"You are terse."}],
                 "messages":[{"role":"user","content":"first"},
                             {"role":"assistant","content":"ok"},
                             {"role":"user","content":%s}]}""".formatted(stream, lastUserContentJson);
    }

    @Test
    void nonStreamingTextHasTheMessageShape() {
        fake.enqueue(FakeReply.text("Bonjour tout le monde"));

        HttpResponse<String> response = post(url, request(false, "\"say hi\""), HEADERS);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.path("id").asText()).startsWith("msg_");
        assertThat(body.path("type").asText()).isEqualTo("message");
        assertThat(body.path("role").asText()).isEqualTo("assistant");
        assertThat(body.path("model").asText()).isEqualTo("claude-sonnet-4-5");
        assertThat(body.path("content")).hasSize(1);
        assertThat(body.path("content").get(0).path("type").asText()).isEqualTo("text");
        assertThat(body.path("content").get(0).path("text").asText()).isEqualTo("Bonjour tout le monde");
        assertThat(body.path("stop_reason").asText()).isEqualTo("end_turn");
        assertThat(body.has("stop_sequence")).isTrue();
        assertThat(body.path("stop_sequence").isNull()).isTrue();
        // "You are terse." + "first" + "ok" + "say hi" joined by newlines = 30 chars -> 8 tokens
        assertThat(body.path("usage").path("input_tokens").asInt()).isEqualTo(8);
        assertThat(body.path("usage").path("output_tokens").asInt()).isEqualTo(6);
    }

    @Test
    void echoTakesTheLastUserTextFromAStringOrFromBlocks() {
        JsonNode fromBlocks = json(post(url,
                request(false, "[{\"type\":\"text\",\"text\":\"what is up\"}]"), HEADERS));
        JsonNode fromString = json(post(url, request(false, "\"plain words\""), HEADERS));

        assertThat(fromBlocks.path("content").get(0).path("text").asText()).isEqualTo("echo: what is up");
        assertThat(fromString.path("content").get(0).path("text").asText()).isEqualTo("echo: plain words");
    }

    @Test
    void streamingEmitsTheAnthropicEventSequenceAndReassemblesTheText() {
        String text = "Streaming from a fake Claude, word by word.";
        fake.enqueue(FakeReply.text(text).withUsage(42, 9));

        HttpResponse<String> response = post(url, request(true, "\"go\""), HEADERS);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type").orElse("")).startsWith("text/event-stream");
        List<SseEvent> events = SseEvent.parse(response.body());
        List<String> types = new ArrayList<>();
        StringBuilder reassembled = new StringBuilder();
        for (SseEvent event : events) {
            JsonNode data = event.json();
            assertThat(data.path("type").asText()).isEqualTo(event.event());
            types.add(event.event());
            if (event.event().equals("content_block_delta")) {
                assertThat(data.path("index").asInt(-1)).isZero();
                assertThat(data.path("delta").path("type").asText()).isEqualTo("text_delta");
                reassembled.append(data.path("delta").path("text").asText());
            }
        }
        assertThat(reassembled.toString()).isEqualTo(text);
        long deltas = types.stream().filter("content_block_delta"::equals).count();
        assertThat(deltas).isEqualTo(8);
        assertThat(types.get(0)).isEqualTo("message_start");
        assertThat(types).containsSubsequence(
                "message_start", "content_block_start", "content_block_delta",
                "content_block_stop", "message_delta", "message_stop");
        assertThat(types.get(types.size() - 1)).isEqualTo("message_stop");
        assertThat(types.get(types.size() - 2)).isEqualTo("message_delta");

        JsonNode start = events.get(0).json().path("message");
        assertThat(start.path("id").asText()).startsWith("msg_");
        assertThat(start.path("role").asText()).isEqualTo("assistant");
        assertThat(start.path("model").asText()).isEqualTo("claude-sonnet-4-5");
        assertThat(start.path("content")).isEmpty();
        assertThat(start.path("usage").path("input_tokens").asInt()).isEqualTo(42);

        JsonNode blockStart = events.stream().filter(e -> e.event().equals("content_block_start"))
                .findFirst().orElseThrow().json();
        assertThat(blockStart.path("content_block").path("type").asText()).isEqualTo("text");
        assertThat(blockStart.path("content_block").path("text").asText("x")).isEmpty();

        JsonNode messageDelta = events.get(events.size() - 2).json();
        assertThat(messageDelta.path("delta").path("stop_reason").asText()).isEqualTo("end_turn");
        assertThat(messageDelta.path("delta").has("stop_sequence")).isTrue();
        assertThat(messageDelta.path("delta").path("stop_sequence").isNull()).isTrue();
        assertThat(messageDelta.path("usage").path("output_tokens").asInt()).isEqualTo(9);
    }

    @Test
    void toolUseBlocksFollowTheTextWithParsedInput() {
        fake.enqueue(FakeReply.toolCalls("Let me check.", List.of(
                new FakeToolCall("toolu_01", "get_weather", "{\"city\":\"Paris\"}"))));

        JsonNode body = json(post(url, request(false, "\"weather in Paris?\""), HEADERS));

        assertThat(body.path("stop_reason").asText()).isEqualTo("tool_use");
        assertThat(body.path("content")).hasSize(2);
        assertThat(body.path("content").get(0).path("type").asText()).isEqualTo("text");
        assertThat(body.path("content").get(0).path("text").asText()).isEqualTo("Let me check.");
        JsonNode toolUse = body.path("content").get(1);
        assertThat(toolUse.path("type").asText()).isEqualTo("tool_use");
        assertThat(toolUse.path("id").asText()).isEqualTo("toolu_01");
        assertThat(toolUse.path("name").asText()).isEqualTo("get_weather");
        assertThat(toolUse.path("input").isObject()).isTrue();
        assertThat(toolUse.path("input").path("city").asText()).isEqualTo("Paris");
    }

    @Test
    void streamedToolUseInputArrivesAsPartialJsonFragments() {
        String args = "{\"query\":\"openclaw gateway\",\"limit\":5,\"filters\":{\"lang\":\"zh\"}}";
        fake.enqueue(FakeReply.toolCalls(List.of(new FakeToolCall("toolu_search", "search", args))));

        List<SseEvent> events = SseEvent.parse(post(url, request(true, "\"find it\""), HEADERS).body());

        StringBuilder partialJson = new StringBuilder();
        int fragments = 0;
        JsonNode blockStart = null;
        String stopReason = null;
        for (SseEvent event : events) {
            JsonNode data = event.json();
            switch (event.event()) {
                case "content_block_start" -> blockStart = data;
                case "content_block_delta" -> {
                    assertThat(data.path("delta").path("type").asText()).isEqualTo("input_json_delta");
                    partialJson.append(data.path("delta").path("partial_json").asText());
                    fragments++;
                }
                case "message_delta" -> stopReason = data.path("delta").path("stop_reason").asText();
                default -> { }
            }
        }
        assertThat(blockStart).isNotNull();
        assertThat(blockStart.path("index").asInt(-1)).isZero();
        assertThat(blockStart.path("content_block").path("type").asText()).isEqualTo("tool_use");
        assertThat(blockStart.path("content_block").path("id").asText()).isEqualTo("toolu_search");
        assertThat(blockStart.path("content_block").path("name").asText()).isEqualTo("search");
        assertThat(blockStart.path("content_block").path("input").isObject()).isTrue();
        assertThat(fragments).isGreaterThanOrEqualTo(2);
        assertThat(json(partialJson.toString())).isEqualTo(json(args));
        assertThat(stopReason).isEqualTo("tool_use");
        assertThat(events.get(events.size() - 1).event()).isEqualTo("message_stop");
    }

    @Test
    void errorRepliesUseTheStatusAndAnthropicErrorShape() {
        fake.enqueue(FakeReply.error(529, "Overloaded"));

        HttpResponse<String> response = post(url, request(false, "\"hi\""), HEADERS);

        assertThat(response.statusCode()).isEqualTo(529);
        JsonNode body = json(response);
        assertThat(body.path("type").asText()).isEqualTo("error");
        assertThat(body.path("error").path("type").asText()).isEqualTo("overloaded_error");
        assertThat(body.path("error").path("message").asText()).isEqualTo("Overloaded");
    }

    @Test
    void malformedJsonIsA400InAnthropicShape() {
        HttpResponse<String> response = post(url, "{not json", HEADERS);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = json(response);
        assertThat(body.path("type").asText()).isEqualTo("error");
        assertThat(body.path("error").path("type").asText()).isEqualTo("invalid_request_error");
        assertThat(body.path("error").path("message").asText()).isNotBlank();
    }
}
