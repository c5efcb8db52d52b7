package ai.openclaw.it;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.testkit.HttpResult;
import ai.openclaw.testkit.TestGateway;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The {@code local-gguf} provider with a tiny model file the test writes itself (llama.cpp in-process). */
class LocalModelTest {
    static TestGateway gw;
    static Path model;

    @BeforeAll
    static void start() throws IOException {
        model = Files.createTempFile("openclaw-tiny-", ".gguf");
        TinyGguf.write(model);
        gw = TestGateway.start("models:\n  providers:\n    local: { api: local-gguf, path: \"" + model
                + "\", models: [tiny], timeoutMs: 60000 }\n    broken: { api: local-gguf, path: \"" + model
                + ".missing\", models: [none] }\n");
    }

    @AfterAll
    static void stop() throws IOException {
        gw.close();
        Files.deleteIfExists(model);
    }

    @Test
    void aTinyGgufModelAnswersWholeAndStreamed() {
        HttpResult r = gw.post("/api/v1/message", "{\"text\":\"hello world\",\"model\":\"local/tiny\","
                + "\"maxTokens\":6,\"temperature\":0}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().at("/data/model").asText()).isEqualTo("local/tiny");
        assertThat(r.json().at("/data/usage/outputTokens").asInt()).isPositive();
        HttpResult s = gw.post("/v2/conversations", "{\"settings\":{\"model\":\"local/tiny\",\"maxTokens\":6}}");
        String id = s.json().path("id").asText();
        HttpResult stream = gw.post("/v2/conversations/" + id + "/messages", "{\"content\":\"hi\",\"stream\":true}");
        List<JsonNode> events = stream.sseJson();
        assertThat(events.get(events.size() - 1).path("type").asText()).isEqualTo("done");
        assertThat(events.get(events.size() - 1).at("/message/model").asText()).isEqualTo("local/tiny");
    }

    @Test
    void aMissingModelFileIsAClearUpstreamError() {
        HttpResult r = gw.post("/api/v1/message", "{\"text\":\"hi\",\"model\":\"broken/none\",\"session\":\"b\"}");
        assertThat(r.status()).isEqualTo(502);
        assertThat(r.json().at("/error/message").asText()).contains("not found").contains(".missing");
        assertThat(gw.get("/v1/models").json().toString()).contains("local/tiny");
    }
}
