package ai.openclaw.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.openclaw.testkit.GatewayExtension;
import ai.openclaw.testkit.TestGateway;
import ai.openclaw.testkit.fake.FakeReply;
import ai.openclaw.testkit.fake.FakeToolCall;
import ai.openclaw.testkit.fake.RecordedRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 12: the clients people point at an OpenAI-compatible gateway, run unmodified (npm packages from
 * scripts/deps.d/model-clients.sh): the OpenAI Node SDK, LangChain JS {@code ChatOpenAI}, and the Vercel AI SDK with
 * {@code @ai-sdk/openai-compatible} and {@code @ai-sdk/openai}. Each case asserts what the fake model received and
 * what the client got back. Skipped, with the reason, when node or the packages are missing.
 */
class ModelClientsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path NPM = Path.of("target/npm").toAbsolutePath();

    @RegisterExtension
    static final GatewayExtension env = GatewayExtension.withFakeProvider();

    @BeforeAll
    static void scripts() throws Exception {
        assumeTrue(SeedExamplesTest.available("node", "--version"), "node is needed for the real-client tests");
        for (String pkg : List.of("openai", "@langchain/openai", "ai", "@ai-sdk/openai-compatible", "@ai-sdk/openai",
                "zod")) {
            assumeTrue(Files.isDirectory(NPM.resolve("node_modules").resolve(pkg)), "npm package " + pkg
                    + " is needed (./scripts/test-deps.sh installs scripts/deps.d/model-clients.sh into "
                    + "openclaw-it/target/npm)");
        }
        // ES modules resolve packages from the script's own folder: the scripts run from target/npm
        try (var files = Files.list(Path.of("src/test/acceptance/model-clients"))) {
            for (Path f : files.toList()) {
                Files.copy(f, NPM.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static JsonNode run(String script, String scenario) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("node", NPM.resolve(script).toString(), env.gateway().baseUrl(),
                TestGateway.TOKEN, scenario).redirectErrorStream(true);
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(script + " " + scenario + ":\n" + out).isZero();
        String[] lines = out.strip().split("\n");
        return JSON.readTree(lines[lines.length - 1]);
    }

    private static FakeReply weatherCall() {
        return FakeReply.toolCalls(List.of(FakeToolCall.of("get_weather", "{\"city\":\"Paris\"}")));
    }

    private static List<RecordedRequest> chatRequests() {
        return env.fake().requests().stream().filter(r -> r.path().endsWith("/chat/completions")).toList();
    }

    private static void assertToolOffered(JsonNode upstream) {
        assertThat(upstream.at("/tools/0/function/name").asText()).isEqualTo("get_weather");
        assertThat(upstream.at("/tools/0/function/parameters/properties/city/type").asText()).isEqualTo("string");
    }

    /** The last upstream request ended with the tool's result, sent as an OpenAI tool message. */
    private static void assertToolResultSentUpstream(String result) {
        JsonNode msgs = env.fake().lastRequest().json().path("messages");
        JsonNode assistant = msgs.get(msgs.size() - 2);
        JsonNode tool = msgs.get(msgs.size() - 1);
        assertThat(assistant.at("/tool_calls/0/function/name").asText()).isEqualTo("get_weather");
        assertThat(tool.path("role").asText()).isEqualTo("tool");
        assertThat(tool.path("tool_call_id").asText()).isEqualTo(assistant.at("/tool_calls/0/id").asText());
        assertThat(tool.path("content").toString()).contains(result);
    }

    @Test
    void openAiSdkFunctionToolsWholeAndStreamed() throws Exception {
        env.fake().enqueue(weatherCall());
        JsonNode r = run("openai-sdk.mjs", "tools");
        assertToolOffered(env.fake().lastRequest().json());
        assertThat(r.path("finish").asText()).isEqualTo("tool_calls");
        assertThat(r.at("/toolCalls/0/function/name").asText()).isEqualTo("get_weather");
        assertThat(JSON.readTree(r.at("/toolCalls/0/function/arguments").asText()).path("city").asText())
                .isEqualTo("Paris");

        env.fake().enqueue(weatherCall());
        JsonNode s = run("openai-sdk.mjs", "stream-tools");
        assertToolOffered(env.fake().lastRequest().json());
        assertThat(s.path("finish").asText()).isEqualTo("tool_calls");
        assertThat(s.at("/toolCalls/0/name").asText()).isEqualTo("get_weather");
        assertThat(s.at("/toolCalls/0/arguments").asText()).isEqualTo("{\"city\":\"Paris\"}");
        assertThat(s.at("/usage/total_tokens").asInt()).isPositive();
    }

    @Test
    void openAiSdkRunToolsLoopsThroughTheClientsOwnFunction() throws Exception {
        env.fake().clearRequests();
        env.fake().enqueue(weatherCall());
        env.fake().enqueue(FakeReply.echoToolResult());
        JsonNode r = run("openai-sdk.mjs", "run-tools");
        assertThat(r.path("content").asText()).isEqualTo("tool said: sunny in Paris");
        assertThat(chatRequests()).hasSize(2);
        assertToolResultSentUpstream("sunny in Paris");
    }

    @Test
    void openAiSdkStructuredOutputAndImages() throws Exception {
        env.fake().enqueue(FakeReply.text("{\"name\":\"Ada Lovelace\",\"born\":1815}"));
        JsonNode r = run("openai-sdk.mjs", "structured");
        assertThat(env.fake().lastRequest().json().at("/response_format/json_schema/name").asText()).isEqualTo("person");
        assertThat(env.fake().lastRequest().json().at("/response_format/json_schema/strict").asBoolean()).isTrue();
        assertThat(r.at("/parsed/born").asInt()).isEqualTo(1815);

        env.fake().enqueue(FakeReply.text("a tiny png"));
        JsonNode img = run("openai-sdk.mjs", "image");
        JsonNode part = env.fake().lastRequest().json().at("/messages/0/content/1");
        assertThat(part.path("type").asText()).isEqualTo("image_url");
        assertThat(part.at("/image_url/url").asText()).isEqualTo("data:image/png;base64,iVBORw0KGgo=");
        assertThat(part.at("/image_url/detail").asText()).isEqualTo("low");
        assertThat(img.path("content").asText()).isEqualTo("a tiny png");
    }

    @Test
    void langChainBindToolsStreamAndStructuredOutput() throws Exception {
        env.fake().enqueue(weatherCall());
        JsonNode r = run("langchain.mjs", "bind-tools");
        assertToolOffered(env.fake().lastRequest().json());
        assertThat(r.at("/toolCalls/0/name").asText()).isEqualTo("get_weather");
        assertThat(r.at("/toolCalls/0/args/city").asText()).isEqualTo("Paris");

        env.fake().enqueue(weatherCall());
        JsonNode s = run("langchain.mjs", "stream-tools");
        assertThat(env.fake().lastRequest().json().path("stream").asBoolean()).isTrue();
        assertThat(s.at("/toolCalls/0/name").asText()).isEqualTo("get_weather");
        assertThat(s.at("/toolCalls/0/args/city").asText()).isEqualTo("Paris");

        env.fake().enqueue(FakeReply.text("{\"name\":\"Ada Lovelace\",\"born\":1815}"));
        JsonNode o = run("langchain.mjs", "structured");
        assertThat(env.fake().lastRequest().json().at("/response_format/type").asText()).isEqualTo("json_schema");
        assertThat(o.at("/parsed/name").asText()).isEqualTo("Ada Lovelace");

        env.fake().enqueue(FakeReply.text("a tiny png"));
        JsonNode img = run("langchain.mjs", "image");
        assertThat(env.fake().lastRequest().json().at("/messages/0/content/1/image_url/url").asText())
                .isEqualTo("data:image/png;base64,iVBORw0KGgo=");
        assertThat(img.path("content").asText()).isEqualTo("a tiny png");
    }

    @Test
    void vercelGenerateTextWithToolsOverSeveralStepsWithBothProviders() throws Exception {
        for (String scenario : List.of("generate-tools", "openai-chat-tools")) {
            env.fake().clearRequests();
            env.fake().enqueue(weatherCall());
            env.fake().enqueue(FakeReply.echoToolResult());
            JsonNode r = run("vercel.mjs", scenario);
            assertThat(r.path("steps").asInt()).as(scenario).isEqualTo(2);
            assertThat(r.at("/toolCalls/0/name").asText()).isEqualTo("get_weather");
            assertThat(r.at("/toolCalls/0/input/city").asText()).isEqualTo("Paris");
            assertThat(r.path("text").asText()).isEqualTo("tool said: sunny in Paris");
            assertThat(chatRequests()).hasSize(2);
            assertToolOffered(chatRequests().get(0).json());
            assertToolResultSentUpstream("sunny in Paris");
        }
    }

    @Test
    void vercelStreamTextWithToolsGenerateObjectAndImages() throws Exception {
        env.fake().enqueue(weatherCall());
        env.fake().enqueue(FakeReply.text("It is sunny in Paris."));
        JsonNode s = run("vercel.mjs", "stream-tools");
        assertThat(s.path("steps").asInt()).isEqualTo(2);
        assertThat(s.path("text").asText()).isEqualTo("It is sunny in Paris.");
        assertToolResultSentUpstream("sunny in Paris");

        env.fake().enqueue(FakeReply.text("{\"name\":\"Ada Lovelace\",\"born\":1815}"));
        JsonNode o = run("vercel.mjs", "generate-object");
        JsonNode format = env.fake().lastRequest().json().path("response_format");
        assertThat(format.path("type").asText()).isEqualTo("json_schema");
        assertThat(format.at("/json_schema/schema/properties/born/type").asText()).isEqualTo("integer");
        assertThat(o.at("/object/born").asInt()).isEqualTo(1815);

        env.fake().enqueue(FakeReply.text("a tiny png"));
        JsonNode img = run("vercel.mjs", "image");
        assertThat(env.fake().lastRequest().json().at("/messages/0/content/1/type").asText()).isEqualTo("image_url");
        assertThat(env.fake().lastRequest().json().at("/messages/0/content/1/image_url/url").asText())
                .startsWith("data:image/png;base64,");
        assertThat(img.path("text").asText()).isEqualTo("a tiny png");
    }

    @Test
    void openAiSdkEmbeddingsInBatchesWithBase64AndFloats() throws Exception {
        JsonNode r = run("openai-sdk.mjs", "embeddings");
        assertThat(r.path("dims").toString()).isEqualTo("[384,384,384]");
        assertThat(r.path("norm").asDouble()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-3));
        assertThat(r.path("similar").asDouble()).isGreaterThan(r.path("unrelated").asDouble() + 0.2);
        assertThat(r.path("model").asText()).isEqualTo("all-minilm-l6-v2-q");
        assertThat(r.at("/usage/prompt_tokens").asInt()).isPositive();
        assertThat(r.path("zhDims").asInt()).isEqualTo(512);
        // a provider's model: the body reached the fake upstream's /embeddings with only model rewritten
        assertThat(r.at("/provider/model").asText()).isEqualTo("fake-model");
        assertThat(r.at("/provider/dims").toString()).isEqualTo("[4,4]");
        assertThat(r.at("/provider/usage/prompt_tokens").asInt()).isEqualTo(4);
        assertThat(r.at("/provider/differ").asBoolean()).isTrue();
        JsonNode upstream = JSON.readTree(env.fake().requests().stream()
                .filter(q -> q.path().equals("/v1/embeddings")).reduce((a, b) -> b).orElseThrow().body());
        assertThat(upstream.path("model").asText()).isEqualTo("fake-model");
        assertThat(upstream.path("encoding_format").asText()).isEqualTo("base64");
        assertThat(upstream.path("dimensions").asInt()).isEqualTo(4);
        assertThat(upstream.path("input").toString()).isEqualTo("[\"hello world\",\"second one\"]");
        assertThat(r.at("/unknown/status").asInt()).isEqualTo(404);
        assertThat(r.at("/unknown/code").asText()).isEqualTo("model_not_found");
    }

    @Test
    void anthropicSdkMessagesCreateAndStreamWithTools() throws Exception {
        assumeTrue(Files.isDirectory(NPM.resolve("node_modules/@anthropic-ai/sdk")),
                "npm package @anthropic-ai/sdk is needed (scripts/deps.d/model-clients.sh)");
        env.fake().enqueue(FakeReply.toolCalls("Let me check.", List.of(FakeToolCall.of("get_weather",
                "{\"city\":\"Paris\"}"))));
        env.fake().enqueue(FakeReply.echoToolResult());
        JsonNode r = run("anthropic-sdk.mjs", "create-tools");
        assertThat(r.path("stop").asText()).isEqualTo("tool_use");
        assertThat(r.at("/content/0/text").asText()).isEqualTo("Let me check.");
        assertThat(r.at("/content/1/type").asText()).isEqualTo("tool_use");
        assertThat(r.at("/content/1/name").asText()).isEqualTo("get_weather");
        assertThat(r.at("/content/1/input/city").asText()).isEqualTo("Paris");
        assertThat(r.at("/usage/output_tokens").asInt()).isPositive();
        assertThat(r.path("final").asText()).isEqualTo("tool said: sunny in Paris");
        JsonNode first = chatRequests().get(chatRequests().size() - 2).json();
        assertToolOffered(first);
        assertThat(first.at("/messages/0/role").asText()).isEqualTo("system");
        assertThat(first.at("/messages/0/content").asText()).isEqualTo("Be brief.");
        assertThat(first.path("max_tokens").asInt()).isEqualTo(256);
        assertToolResultSentUpstream("sunny in Paris");

        env.fake().enqueue(FakeReply.toolCalls("Checking.", List.of(FakeToolCall.of("get_weather",
                "{\"city\":\"Paris\"}"))));
        JsonNode s = run("anthropic-sdk.mjs", "stream-tools");
        assertThat(env.fake().lastRequest().json().path("stream").asBoolean()).isTrue();
        assertThat(s.path("text").asText()).isEqualTo("Checking.");
        assertThat(s.path("stop").asText()).isEqualTo("tool_use");
        assertThat(s.at("/content/1/name").asText()).isEqualTo("get_weather");
        assertThat(s.at("/content/1/input/city").asText()).isEqualTo("Paris");
    }

    @Test
    void openAiSdkResponsesWithFunctionToolsPreviousResponseIdRetrieveAndStream() throws Exception {
        env.fake().clearRequests();
        env.fake().enqueue(weatherCall());
        env.fake().enqueue(FakeReply.echoToolResult());
        JsonNode r = run("openai-sdk.mjs", "responses");
        assertThat(r.at("/call/name").asText()).isEqualTo("get_weather");
        assertThat(r.at("/call/arguments").asText()).isEqualTo("{\"city\":\"Paris\"}");
        assertThat(r.path("text").asText()).isEqualTo("tool said: sunny in Paris");
        assertThat(r.path("fetched").asText()).isEqualTo("tool said: sunny in Paris");
        assertThat(r.at("/usage/total_tokens").asInt()).isPositive();
        JsonNode first = chatRequests().get(0).json();
        assertToolOffered(first);
        assertThat(first.at("/messages/0/content").asText()).isEqualTo("Be brief.");
        assertToolResultSentUpstream("sunny in Paris");

        env.fake().enqueue(FakeReply.text("hello there"));
        JsonNode s = run("openai-sdk.mjs", "responses-stream");
        assertThat(s.path("text").asText()).isEqualTo("hello there");
        assertThat(s.path("completedText").asText()).isEqualTo("hello there");
        assertThat(s.path("types").toString()).contains("response.created", "response.output_item.added",
                "response.output_text.delta", "response.output_text.done", "response.completed");
    }

    @Test
    void vercelOpenAiResponsesProviderWithToolsOverSeveralSteps() throws Exception {
        env.fake().clearRequests();
        env.fake().enqueue(weatherCall());
        env.fake().enqueue(FakeReply.echoToolResult());
        JsonNode r = run("vercel.mjs", "responses-tools");
        assertThat(r.path("steps").asInt()).isEqualTo(2);
        assertThat(r.path("text").asText()).isEqualTo("tool said: sunny in Paris");
        assertToolResultSentUpstream("sunny in Paris");
    }
}
