package ai.openclaw.it;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.testkit.GatewayExtension;
import ai.openclaw.testkit.HttpResult;
import ai.openclaw.testkit.TestGateway;
import ai.openclaw.testkit.fake.FakeReply;
import ai.openclaw.testkit.fake.FakeToolCall;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 12's fidelity test: every field of a maximal OpenAI request reaches an OpenAI-compatible upstream unchanged
 * (only {@code model} rewritten) and an Anthropic upstream correctly mapped; every field of the upstream's answer
 * reaches the client.
 */
class ModelFidelityTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PNG = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk"
            + "YPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

    @RegisterExtension
    static final GatewayExtension env = GatewayExtension.withFakeProvider();

    /** A request with every Chat Completions field, tool round trip included, plus fields the gateway does not know. */
    static ObjectNode maximalRequest(String model) throws Exception {
        return (ObjectNode) JSON.readTree("""
                {"model": "%s",
                 "messages": [
                   {"role": "developer", "content": "Be terse."},
                   {"role": "system", "content": "You are a test.", "name": "sys"},
                   {"role": "user", "name": "alice", "content": [
                      {"type": "text", "text": "What is in this image, and the weather?"},
                      {"type": "image_url", "image_url": {"url": "%s", "detail": "low"}}]},
                   {"role": "assistant", "content": null, "tool_calls": [
                      {"id": "call_1", "type": "function", "function": {"name": "get_weather", "arguments": "{\\"city\\":\\"Paris\\"}"}}]},
                   {"role": "tool", "tool_call_id": "call_1", "content": "sunny, 21C"},
                   {"role": "user", "content": "Thanks. And tomorrow?"}],
                 "tools": [{"type": "function", "function": {"name": "get_weather", "description": "Weather for a city",
                     "parameters": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"],
                     "additionalProperties": false}, "strict": true}}],
                 "tool_choice": {"type": "function", "function": {"name": "get_weather"}},
                 "parallel_tool_calls": false,
                 "response_format": {"type": "json_schema", "json_schema": {"name": "answer", "strict": true,
                     "schema": {"type": "object", "properties": {"a": {"type": "string"}}}}},
                 "temperature": 0.5, "top_p": 0.9, "stop": ["END", "STOP"], "seed": 42, "n": 1,
                 "presence_penalty": 0.1, "frequency_penalty": -0.2, "logit_bias": {"50256": -100},
                 "logprobs": true, "top_logprobs": 2, "max_tokens": 100, "max_completion_tokens": 120,
                 "reasoning_effort": "low", "user": "user-fidelity", "metadata": {"k": "v"}, "store": false,
                 "prediction": {"type": "content", "content": "x"}, "service_tier": "auto",
                 "x_vendor_extension": {"nested": [1, 2, {"deep": true}]}}
                """.formatted(model, PNG));
    }

    private static HttpResult post(String body, Map<String, String> extra) {
        Map<String, String> h = new java.util.HashMap<>(Map.of("Authorization", "Bearer " + TestGateway.TOKEN,
                "Content-Type", "application/json"));
        h.putAll(extra);
        return env.gateway().send("POST", "/v1/chat/completions", body, h);
    }

    @Test
    void everyRequestFieldArrivesUnchangedAtAnOpenAiUpstream() throws Exception {
        env.fake().enqueue(FakeReply.text("ok"));
        ObjectNode sent = maximalRequest("fake/fake-model");
        HttpResult r = post(sent.toString(), Map.of("x-openclaw-session-key", "fidelity-" + System.nanoTime()));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode got = env.fake().lastRequest().json();
        ObjectNode expected = sent.deepCopy();
        expected.put("model", "fake-model");
        assertThat(got).isEqualTo(expected);
    }

    @Test
    void everyAnswerFieldReachesTheClient() throws Exception {
        ObjectNode upstream = (ObjectNode) JSON.readTree("""
                {"id": "chatcmpl-up", "object": "chat.completion", "created": 1, "model": "fake-model-2025",
                 "system_fingerprint": "fp_abc", "service_tier": "default",
                 "choices": [{"index": 0, "finish_reason": "tool_calls",
                   "message": {"role": "assistant", "content": "calling", "refusal": null,
                     "tool_calls": [{"id": "call_9", "type": "function",
                        "function": {"name": "get_weather", "arguments": "{\\"city\\":\\"Rome\\"}"}}],
                     "annotations": [{"type": "url_citation", "url_citation": {"url": "https://x.test"}}]},
                   "logprobs": {"content": [{"token": "calling", "logprob": -0.1, "bytes": [99],
                     "top_logprobs": [{"token": "calling", "logprob": -0.1, "bytes": [99]}]}], "refusal": null}},
                  {"index": 1, "finish_reason": "stop", "logprobs": null,
                   "message": {"role": "assistant", "content": "second choice", "refusal": null}}],
                 "usage": {"prompt_tokens": 11, "completion_tokens": 7, "total_tokens": 18,
                   "prompt_tokens_details": {"cached_tokens": 3, "audio_tokens": 0},
                   "completion_tokens_details": {"reasoning_tokens": 5, "audio_tokens": 0,
                     "accepted_prediction_tokens": 0, "rejected_prediction_tokens": 0}}}
                """);
        env.fake().enqueue(FakeReply.raw(upstream.toString(), null));
        HttpResult r = post("""
                {"model": "fake/fake-model", "n": 2, "logprobs": true,
                 "messages": [{"role": "user", "content": "weather in Rome?"}],
                 "tools": [{"type": "function", "function": {"name": "get_weather", "parameters": {"type": "object"}}}]}
                """, Map.of());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode c = r.json();
        assertThat(c.path("choices")).hasSize(2);
        assertThat(c.at("/choices/0")).isEqualTo(upstream.at("/choices/0"));
        assertThat(c.at("/choices/1")).isEqualTo(upstream.at("/choices/1"));
        assertThat(c.path("usage")).isEqualTo(upstream.path("usage"));
        assertThat(c.path("system_fingerprint").asText()).isEqualTo("fp_abc");
        assertThat(c.path("service_tier").asText()).isEqualTo("default");
        assertThat(c.path("object").asText()).isEqualTo("chat.completion");
    }

    @Test
    void clientToolCallsComeBackAndTheContinuationIsSentAsToolMessages() {
        env.fake().enqueue(FakeReply.toolCalls(List.of(new FakeToolCall("call_a", "lookup", "{\"q\":\"x\"}"))));
        String tools = "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"lookup\",\"parameters\":"
                + "{\"type\":\"object\",\"properties\":{\"q\":{\"type\":\"string\"}}}}}]";
        HttpResult first = post("{\"model\":\"fake/fake-model\"," + tools
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"find x\"}]}", Map.of());
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().at("/choices/0/finish_reason").asText()).isEqualTo("tool_calls");
        assertThat(first.json().at("/choices/0/message/tool_calls/0/id").asText()).isEqualTo("call_a");
        assertThat(first.json().at("/choices/0/message/tool_calls/0/function/name").asText()).isEqualTo("lookup");
        assertThat(first.json().at("/choices/0/message/tool_calls/0/function/arguments").asText())
                .isEqualTo("{\"q\":\"x\"}");
        assertThat(first.json().at("/choices/0/message/content").isNull()).isTrue();

        env.fake().enqueue(FakeReply.echoToolResult());
        HttpResult second = post("{\"model\":\"fake/fake-model\"," + tools + ",\"messages\":["
                + "{\"role\":\"user\",\"content\":\"find x\"},"
                + "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_a\",\"type\":\"function\","
                + "\"function\":{\"name\":\"lookup\",\"arguments\":\"{\\\"q\\\":\\\"x\\\"}\"}}]},"
                + "{\"role\":\"tool\",\"tool_call_id\":\"call_a\",\"content\":\"x is 42\"}]}", Map.of());
        assertThat(second.status()).as(second.body()).isEqualTo(200);
        assertThat(second.json().at("/choices/0/message/content").asText()).isEqualTo("tool said: x is 42");
        JsonNode msgs = env.fake().lastRequest().json().path("messages");
        assertThat(msgs.get(1).path("tool_calls").get(0).path("id").asText()).isEqualTo("call_a");
        assertThat(msgs.get(2).path("role").asText()).isEqualTo("tool");
        assertThat(msgs.get(2).path("tool_call_id").asText()).isEqualTo("call_a");
    }

    @Test
    void everyFieldOfAStreamedAnswerReachesTheClientSecondChoiceIncluded() {
        String lp0 = "{\"content\":[{\"token\":\"Hel\",\"logprob\":-0.5,\"bytes\":[72,101,108],\"top_logprobs\":[]}],"
                + "\"refusal\":null}";
        String sse = String.join("", List.of(
                frame("{\"id\":\"u1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"fake-model\","
                        + "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"reasoning_content\":\"think\"},"
                        + "\"logprobs\":null,\"finish_reason\":null},{\"index\":1,\"delta\":{\"role\":\"assistant\","
                        + "\"content\":\"Other\"},\"logprobs\":null,\"finish_reason\":null}]}"),
                frame("{\"id\":\"u1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"fake-model\","
                        + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hel\"},\"logprobs\":" + lp0
                        + ",\"finish_reason\":null}]}"),
                frame("{\"id\":\"u1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"fake-model\","
                        + "\"choices\":[{\"index\":0,\"delta\":{\"refusal\":\"no\"},\"logprobs\":null,"
                        + "\"finish_reason\":null},{\"index\":1,\"delta\":{\"content\":\" answer\"},\"logprobs\":null,"
                        + "\"finish_reason\":\"length\"}]}"),
                frame("{\"id\":\"u1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"fake-model\","
                        + "\"choices\":[{\"index\":0,\"delta\":{},\"logprobs\":null,\"finish_reason\":\"stop\"}]}"),
                "data: [DONE]\n\n"));
        env.fake().enqueue(FakeReply.raw(null, sse));
        HttpResult r = post("{\"model\":\"fake/fake-model\",\"stream\":true,\"n\":2,\"logprobs\":true,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"two please\"}]}", Map.of());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        StringBuilder reasoning = new StringBuilder();
        StringBuilder text0 = new StringBuilder();
        StringBuilder refusal = new StringBuilder();
        StringBuilder text1 = new StringBuilder();
        List<JsonNode> logprobs = new java.util.ArrayList<>();
        Map<Integer, String> finish = new java.util.HashMap<>();
        for (JsonNode c : r.sseJson()) {
            for (JsonNode choice : c.path("choices")) {
                int index = choice.path("index").asInt();
                JsonNode d = choice.path("delta");
                if (index == 0) {
                    reasoning.append(d.path("reasoning_content").asText(""));
                    text0.append(d.path("content").asText(""));
                    refusal.append(d.path("refusal").asText(""));
                    if (choice.path("logprobs").isObject()) {
                        logprobs.add(choice.path("logprobs"));
                    }
                } else {
                    assertThat(index).isEqualTo(1);
                    text1.append(d.path("content").asText(""));
                }
                if (choice.path("finish_reason").isTextual()) {
                    finish.put(index, choice.path("finish_reason").asText());
                }
            }
        }
        assertThat(reasoning.toString()).isEqualTo("think");
        assertThat(text0.toString()).isEqualTo("Hel");
        assertThat(refusal.toString()).isEqualTo("no");
        assertThat(logprobs).hasSize(1);
        assertThat(logprobs.get(0).at("/content/0/token").asText()).isEqualTo("Hel");
        assertThat(text1.toString()).isEqualTo("Other answer");
        assertThat(finish).containsEntry(0, "stop").containsEntry(1, "length");
    }

    private static String frame(String json) {
        return "data: " + json + "\n\n";
    }

    @Test
    void streamedClientToolCallsAreDeltasWithFinishReasonToolCalls() {
        env.fake().enqueue(FakeReply.toolCalls(List.of(new FakeToolCall("call_s", "lookup", "{\"q\":\"streamed\"}"))));
        HttpResult r = post("{\"model\":\"fake/fake-model\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
                + "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"lookup\",\"parameters\":{\"type\":\"object\"}}}],"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"go\"}]}", Map.of());
        assertThat(r.status()).isEqualTo(200);
        StringBuilder args = new StringBuilder();
        String id = null;
        String name = null;
        String finish = null;
        for (JsonNode c : r.sseJson()) {
            JsonNode tc = c.at("/choices/0/delta/tool_calls/0");
            if (!tc.isMissingNode()) {
                assertThat(tc.path("index").asInt()).isZero();
                id = tc.path("id").isTextual() ? tc.path("id").asText() : id;
                name = tc.at("/function/name").isTextual() ? tc.at("/function/name").asText() : name;
                args.append(tc.at("/function/arguments").asText(""));
            }
            if (c.at("/choices/0/finish_reason").isTextual()) {
                finish = c.at("/choices/0/finish_reason").asText();
            }
        }
        assertThat(id).isEqualTo("call_s");
        assertThat(name).isEqualTo("lookup");
        assertThat(args.toString()).isEqualTo("{\"q\":\"streamed\"}");
        assertThat(finish).isEqualTo("tool_calls");
        assertThat(r.sseJson().get(r.sseJson().size() - 1).at("/usage/total_tokens").asInt()).isPositive();
    }

    @Test
    void anthropicUpstreamGetsTheRequestMappedAndTheAnswerMappedBack() throws Exception {
        ObjectNode sent = maximalRequest("claude/claude-test");
        for (String f : List.of("seed", "n", "presence_penalty", "frequency_penalty", "logit_bias", "logprobs",
                "top_logprobs", "response_format", "metadata", "store", "prediction", "service_tier",
                "x_vendor_extension", "max_completion_tokens", "reasoning_effort")) {
            sent.remove(f);
        }
        env.fake().enqueue(FakeReply.raw("""
                {"id": "msg_1", "type": "message", "role": "assistant", "model": "claude-test-2025",
                 "content": [{"type": "thinking", "thinking": "let me see", "signature": "sig"},
                             {"type": "text", "text": "Checking."},
                             {"type": "tool_use", "id": "toolu_1", "name": "get_weather", "input": {"city": "Paris"}}],
                 "stop_reason": "tool_use", "stop_sequence": null,
                 "usage": {"input_tokens": 10, "cache_creation_input_tokens": 4, "cache_read_input_tokens": 6,
                           "output_tokens": 9}}
                """, null));
        HttpResult r = post(sent.toString(), Map.of());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode up = env.fake().lastRequest().json();
        assertThat(env.fake().lastRequest().path()).isEqualTo("/v1/messages");
        assertThat(up.path("model").asText()).isEqualTo("claude-test");
        assertThat(up.path("system").asText()).isEqualTo("Be terse.\n\nYou are a test.");
        assertThat(up.path("max_tokens").asInt()).isEqualTo(100);
        assertThat(up.path("temperature").asDouble()).isEqualTo(0.5);
        assertThat(up.path("top_p").asDouble()).isEqualTo(0.9);
        assertThat(up.path("stop_sequences").toString()).isEqualTo("[\"END\",\"STOP\"]");
        assertThat(up.at("/metadata/user_id").asText()).isEqualTo("user-fidelity");
        assertThat(up.path("tool_choice")).isEqualTo(JSON.readTree(
                "{\"type\":\"tool\",\"name\":\"get_weather\",\"disable_parallel_tool_use\":true}"));
        assertThat(up.at("/tools/0/name").asText()).isEqualTo("get_weather");
        assertThat(up.at("/tools/0/input_schema")).isEqualTo(sent.at("/tools/0/function/parameters"));
        JsonNode msgs = up.path("messages");
        assertThat(msgs).as("the tool result and the next user message share one user turn").hasSize(3);
        assertThat(msgs.at("/0/role").asText()).isEqualTo("user");
        assertThat(msgs.at("/0/content/0/text").asText()).isEqualTo("What is in this image, and the weather?");
        assertThat(msgs.at("/0/content/1/type").asText()).isEqualTo("image");
        assertThat(msgs.at("/0/content/1/source/type").asText()).isEqualTo("base64");
        assertThat(msgs.at("/0/content/1/source/media_type").asText()).isEqualTo("image/png");
        assertThat(PNG).endsWith(msgs.at("/0/content/1/source/data").asText());
        assertThat(msgs.at("/1/role").asText()).isEqualTo("assistant");
        assertThat(msgs.at("/1/content/0")).isEqualTo(JSON.readTree(
                "{\"type\":\"tool_use\",\"id\":\"call_1\",\"name\":\"get_weather\",\"input\":{\"city\":\"Paris\"}}"));
        assertThat(msgs.at("/2/content/0")).isEqualTo(JSON.readTree(
                "{\"type\":\"tool_result\",\"tool_use_id\":\"call_1\",\"content\":\"sunny, 21C\"}"));
        assertThat(msgs.at("/2/role").asText()).isEqualTo("user");
        assertThat(msgs.at("/2/content/1/text").asText()).isEqualTo("Thanks. And tomorrow?");

        JsonNode c = r.json();
        assertThat(c.at("/choices/0/finish_reason").asText()).isEqualTo("tool_calls");
        assertThat(c.at("/choices/0/message/content").asText()).isEqualTo("Checking.");
        assertThat(c.at("/choices/0/message/reasoning_content").asText()).isEqualTo("let me see");
        assertThat(c.at("/choices/0/message/tool_calls/0/id").asText()).isEqualTo("toolu_1");
        assertThat(JSON.readTree(c.at("/choices/0/message/tool_calls/0/function/arguments").asText()))
                .isEqualTo(JSON.readTree("{\"city\":\"Paris\"}"));
        assertThat(c.at("/usage/prompt_tokens").asInt()).isEqualTo(20);
        assertThat(c.at("/usage/prompt_tokens_details/cached_tokens").asInt()).isEqualTo(6);
        assertThat(c.at("/usage/completion_tokens").asInt()).isEqualTo(9);
    }

    @Test
    void anthropicStreamedToolUseBecomesToolCallDeltas() {
        env.fake().enqueue(FakeReply.toolCalls("Sure.", List.of(new FakeToolCall("toolu_s", "lookup",
                "{\"q\":\"anthropic streamed\"}"))));
        HttpResult r = post("{\"model\":\"claude/claude-test\",\"stream\":true,"
                + "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"lookup\",\"parameters\":{\"type\":\"object\"}}}],"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"go\"}]}", Map.of());
        assertThat(r.status()).isEqualTo(200);
        StringBuilder args = new StringBuilder();
        StringBuilder text = new StringBuilder();
        String finish = null;
        for (JsonNode c : r.sseJson()) {
            text.append(c.at("/choices/0/delta/content").asText(""));
            JsonNode tc = c.at("/choices/0/delta/tool_calls/0");
            if (!tc.isMissingNode()) {
                args.append(tc.at("/function/arguments").asText(""));
            }
            if (c.at("/choices/0/finish_reason").isTextual()) {
                finish = c.at("/choices/0/finish_reason").asText();
            }
        }
        assertThat(text.toString()).isEqualTo("Sure.");
        assertThat(args.toString()).isEqualTo("{\"q\":\"anthropic streamed\"}");
        assertThat(finish).isEqualTo("tool_calls");
        assertThat(env.fake().lastRequest().json().at("/tools/0/input_schema/type").asText()).isEqualTo("object");
    }

    @Test
    void whatAnthropicCannotDoIsA400NamingTheField() {
        int before = env.fake().requests().size();
        HttpResult r = post("{\"model\":\"claude/claude-test\",\"seed\":7,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}", Map.of());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().at("/error/param").asText()).isEqualTo("seed");
        assertThat(r.json().at("/error/message").asText()).contains("seed").contains("claude");
        assertThat(env.fake().requests()).hasSize(before);
    }

    @Test
    void modelsAndAgentSelection() {
        HttpResult unknown = post("{\"model\":\"nosuch/model\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
                Map.of());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().at("/error/code").asText()).isEqualTo("model_not_found");
        assertThat(unknown.json().at("/error/param").asText()).isEqualTo("model");
        JsonNode models = env.gateway().get("/v1/models").json().path("data");
        assertThat(models.findValuesAsText("id")).contains("openclaw/main", "fake/fake-model", "claude/claude-test");

        for (String spelling : List.of("agent:main", "openclaw:main", "openclaw/main")) {
            HttpResult r = post("{\"model\":\"" + spelling + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
                    Map.of());
            assertThat(r.status()).as(spelling + ": " + r.body()).isEqualTo(200);
            assertThat(env.fake().lastRequest().json().has("tools")).as("the agent's tools are offered").isTrue();
        }
        HttpResult header = post("{\"model\":\"fake/fake-model\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
                Map.of("x-openclaw-agent-id", "main", "x-openclaw-model", "claude/claude-test"));
        assertThat(header.status()).as(header.body()).isEqualTo(200);
        assertThat(env.fake().lastRequest().path()).isEqualTo("/v1/messages");
        assertThat(env.fake().lastRequest().json().has("tools")).isTrue();
    }
}
