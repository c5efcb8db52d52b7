package ai.openclaw.testkit.fake;

import static ai.openclaw.testkit.fake.TestHttp.json;
import static ai.openclaw.testkit.fake.TestHttp.post;
import static ai.openclaw.testkit.fake.TestHttp.postRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Scripting (FIFO, default reply, failures) and request recording of the fake provider. */
class FakeProviderScriptingTest {

    private FakeProvider fake;
    private String openAi;
    private String anthropic;

    @BeforeEach
    void start() {
        fake = FakeProvider.start();
        openAi = fake.openAiBaseUrl() + "/chat/completions";
        anthropic = fake.anthropicBaseUrl() + "/messages";
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private static String openAiRequest(String userText, boolean stream) {
        return """
                {"model":"gpt-4o","stream":%s,"messages":[{"role":"user","content":"%s"}]}"""
                .formatted(stream, userText);
    }

    private static String anthropicRequest(String userText, boolean stream) {
        return """
                {"model":"claude-x","max_tokens":64,"stream":%s,"messages":[{"role":"user","content":"%s"}]}"""
                .formatted(stream, userText);
    }

    private String openAiText(String userText) {
        HttpResponse<String> response = post(openAi, openAiRequest(userText, false));
        assertThat(response.statusCode()).isEqualTo(200);
        return json(response).path("choices").get(0).path("message").path("content").asText();
    }

    private String anthropicText(String userText) {
        HttpResponse<String> response = post(anthropic, anthropicRequest(userText, false));
        assertThat(response.statusCode()).isEqualTo(200);
        return json(response).path("content").get(0).path("text").asText();
    }

    @Test
    void scriptedRepliesAreConsumedInOrderAcrossFormatsThenEchoIsUsed() {
        fake.enqueue(FakeReply.text("first"));
        fake.enqueue(FakeReply.text("second"));
        fake.enqueue(FakeReply.text("third"));
        assertThat(fake.pendingReplies()).isEqualTo(3);

        assertThat(openAiText("a")).isEqualTo("first");
        assertThat(anthropicText("b")).isEqualTo("second");
        assertThat(openAiText("c")).isEqualTo("third");
        assertThat(fake.pendingReplies()).isZero();
        assertThat(openAiText("what now")).isEqualTo("echo: what now");
        assertThat(anthropicText("and here")).isEqualTo("echo: and here");
    }

    @Test
    void echoUsesTheLastUserMessageNotTheLastMessage() {
        String body = """
                {"model":"gpt-4o","messages":[
                  {"role":"user","content":"old question"},
                  {"role":"assistant","content":"old answer"},
                  {"role":"user","content":[{"type":"text","text":"new question"}]},
                  {"role":"assistant","content":null,"tool_calls":[{"id":"c1","type":"function",
                    "function":{"name":"f","arguments":"{}"}}]},
                  {"role":"tool","tool_call_id":"c1","content":"tool output"}]}""";

        JsonNode response = json(post(openAi, body));

        assertThat(response.path("choices").get(0).path("message").path("content").asText())
                .isEqualTo("echo: new question");
    }

    @Test
    void defaultReplyCanBeReplacedAndResetRestoresEcho() {
        fake.setDefaultReply(FakeReply.text("always this"));
        assertThat(openAiText("x")).isEqualTo("always this");
        assertThat(anthropicText("y")).isEqualTo("always this");

        fake.enqueue(FakeReply.text("scripted"));
        fake.reset();

        assertThat(fake.pendingReplies()).isZero();
        assertThat(fake.requests()).isEmpty();
        assertThat(openAiText("back")).isEqualTo("echo: back");
    }

    @Test
    void requestsAreRecordedWithLowerCasedHeadersAndBody() {
        String body = openAiRequest("record me", false);
        post(openAi, body, "Authorization", "Bearer sk-test-123", "X-Custom-Thing", "v1");
        TestHttp.get(fake.openAiBaseUrl() + "/models");

        List<RecordedRequest> requests = fake.requests();
        assertThat(requests).hasSize(2);
        RecordedRequest chat = requests.get(0);
        assertThat(chat.method()).isEqualTo("POST");
        assertThat(chat.path()).isEqualTo("/v1/chat/completions");
        assertThat(chat.body()).isEqualTo(body);
        assertThat(chat.headers()).containsEntry("authorization", "Bearer sk-test-123");
        assertThat(chat.headers()).containsEntry("x-custom-thing", "v1");
        assertThat(chat.headers()).containsEntry("content-type", "application/json");
        assertThat(chat.headers().keySet()).allSatisfy(name -> assertThat(name).isLowerCase());
        assertThat(chat.header("Authorization")).isEqualTo("Bearer sk-test-123");
        assertThat(chat.json().path("model").asText()).isEqualTo("gpt-4o");
        assertThat(chat.json().path("messages").get(0).path("content").asText()).isEqualTo("record me");

        RecordedRequest models = fake.lastRequest();
        assertThat(models.method()).isEqualTo("GET");
        assertThat(models.path()).isEqualTo("/v1/models");
        assertThat(models.body()).isEmpty();
        assertThat(models.json().isMissingNode()).isTrue();
    }

    @Test
    void requestsSnapshotIsImmutableAndClearRequestsForgetsThem() {
        post(anthropic, anthropicRequest("one", false), "x-api-key", "sk-ant");
        List<RecordedRequest> snapshot = fake.requests();

        assertThatThrownBy(() -> snapshot.add(snapshot.get(0))).isInstanceOf(UnsupportedOperationException.class);
        assertThat(fake.lastRequest().header("x-api-key")).isEqualTo("sk-ant");

        fake.clearRequests();

        assertThat(fake.requests()).isEmpty();
        assertThat(snapshot).hasSize(1);
        assertThatThrownBy(fake::lastRequest).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void recordingCanBeSwitchedOff() {
        try (FakeProvider quiet = FakeProvider.start(FakeProvider.Options.defaults().withRecordRequests(false))) {
            HttpResponse<String> response =
                    post(quiet.openAiBaseUrl() + "/chat/completions", openAiRequest("unrecorded", false));

            assertThat(json(response).path("choices").get(0).path("message").path("content").asText())
                    .isEqualTo("echo: unrecorded");
            assertThat(quiet.requests()).isEmpty();
            assertThatThrownBy(quiet::lastRequest)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("recordRequests");
        }
    }

    @Test
    void streamChunksOptionSplitsTheReplyIntoThatManyDeltas() {
        try (FakeProvider chunky = FakeProvider.start(FakeProvider.Options.defaults().withStreamChunks(3))) {
            chunky.setDefaultReply(FakeReply.text("abcdefghij klmnop"));

            List<SseEvent> events = SseEvent.parse(
                    post(chunky.openAiBaseUrl() + "/chat/completions", openAiRequest("x", true)).body());

            List<String> pieces = events.stream()
                    .filter(e -> !e.data().equals("[DONE]"))
                    .map(e -> e.json().path("choices").path(0).path("delta").path("content").asText(""))
                    .filter(s -> !s.isEmpty())
                    .toList();
            assertThat(pieces).hasSize(3);
            assertThat(String.join("", pieces)).isEqualTo("abcdefghij klmnop");
        }
    }

    @Test
    void delayedReplyIsStillAnswered() {
        fake.enqueue(FakeReply.delayed(Duration.ofMillis(50), FakeReply.text("late but here")));

        assertThat(openAiText("x")).isEqualTo("late but here");
    }

    @Test
    void hangingReplyTimesOutOnTheClientAndTheServerKeepsServing() {
        fake.enqueue(FakeReply.hang());
        HttpRequest request = postRequest(openAi, openAiRequest("hello?", false))
                .timeout(Duration.ofMillis(300))
                .build();

        assertThatThrownBy(() -> TestHttp.CLIENT.send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);

        assertThat(openAiText("still there?")).isEqualTo("echo: still there?");
    }

    @Test
    void closingTheProviderDropsAHangingRequest() throws Exception {
        fake.enqueue(FakeReply.hang());
        CompletableFuture<HttpResponse<String>> pending = TestHttp.CLIENT.sendAsync(
                postRequest(anthropic, anthropicRequest("waiting", false)).build(),
                HttpResponse.BodyHandlers.ofString());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (fake.requests().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(fake.requests()).hasSize(1);
        assertThat(pending).isNotDone();

        fake.close();

        assertThatThrownBy(() -> pending.get(20, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(IOException.class);
    }

    @Test
    void openAiStreamThenFailSendsPartialDeltasAndBreaksTheConnection() throws Exception {
        fake.enqueue(FakeReply.streamThenFail("Partial answer that never"));

        TestHttp.RawResponse raw = TestHttp.rawPost(fake.port(), "/v1/chat/completions", openAiRequest("x", true));

        assertThat(raw.status()).isEqualTo(200);
        assertThat(raw.headers().get("content-type")).startsWith("text/event-stream");
        assertThat(raw.complete()).as("terminating chunk sent").isFalse();
        assertThat(raw.body()).doesNotContain("[DONE]");
        StringBuilder text = new StringBuilder();
        List<SseEvent> events = SseEvent.parse(raw.body());
        assertThat(events).hasSizeGreaterThan(1);
        for (SseEvent event : events) {
            JsonNode choice = event.json().path("choices").get(0);
            assertThat(choice.path("finish_reason").isNull()).isTrue();
            text.append(choice.path("delta").path("content").asText(""));
        }
        assertThat(text.toString()).isEqualTo("Partial answer that never");
        assertThat(openAiText("after")).isEqualTo("echo: after");
    }

    @Test
    void anthropicStreamThenFailNeverSendsMessageStop() throws Exception {
        fake.enqueue(FakeReply.streamThenFail("Half of it"));

        TestHttp.RawResponse raw = TestHttp.rawPost(fake.port(), "/v1/messages", anthropicRequest("x", true));

        assertThat(raw.status()).isEqualTo(200);
        assertThat(raw.complete()).as("terminating chunk sent").isFalse();
        List<SseEvent> events = SseEvent.parse(raw.body());
        assertThat(events).extracting(SseEvent::event)
                .contains("message_start", "content_block_start", "content_block_delta")
                .doesNotContain("content_block_stop", "message_delta", "message_stop");
        String text = events.stream()
                .filter(e -> e.event().equals("content_block_delta"))
                .map(e -> e.json().path("delta").path("text").asText())
                .reduce("", String::concat);
        assertThat(text).isEqualTo("Half of it");
    }

    @Test
    void streamThenFailIsAnIoErrorForAnHttpClient() {
        fake.enqueue(FakeReply.streamThenFail("some words before the break"));
        fake.enqueue(FakeReply.streamThenFail("and again"));
        HttpRequest streamed = postRequest(openAi, openAiRequest("x", true)).build();
        HttpRequest plain = postRequest(anthropic, anthropicRequest("x", false)).build();

        assertThatThrownBy(() -> TestHttp.CLIENT.send(streamed, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> TestHttp.CLIENT.send(plain, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
        assertThat(anthropicText("again")).isEqualTo("echo: again");
    }

    @Test
    void streamThenFailOnANonStreamingRequestSendsATruncatedBody() throws Exception {
        fake.enqueue(FakeReply.streamThenFail("cut short"));

        TestHttp.RawResponse raw = TestHttp.rawPost(fake.port(), "/v1/chat/completions", openAiRequest("x", false));

        assertThat(raw.status()).isEqualTo(200);
        assertThat(raw.complete()).as("all content-length bytes sent").isFalse();
        assertThat(raw.body()).startsWith("{\"id\":\"chatcmpl-");
    }
}
