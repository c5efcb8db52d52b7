package ai.openclaw.it;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.testkit.HttpResult;
import ai.openclaw.testkit.TestGateway;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Inputs that once made a 500: control-character-only memory text is a 400 naming the field, JSON {@code null}
 * inside free-form objects is accepted, and error details never name library classes or settings.
 */
class HostileInputTest {
    private static final Map<String, String> JSON = Map.of("Authorization", "Bearer " + TestGateway.TOKEN,
            "Content-Type", "application/json");

    @Test
    void controlCharacterOnlyMemoryTextIsA400NamingTheField() {
        try (TestGateway gw = TestGateway.start()) {
            for (String text : List.of("\\u0000", "\\t\\b\\f", "\\u0001\\u001f \\u007f", "\\u200b\\u0000")) {
                for (String route : List.of("/api/v1/memory", "/v2/memories")) {
                    HttpResult r = gw.post(route, "{\"content\": \"" + text + "\"}");
                    assertThat(r.status()).as(route + " " + text + ": " + r.body()).isEqualTo(400);
                    assertThat(r.body()).contains("content");
                }
                for (String route : List.of("/api/v1/memory/search", "/v2/memories/search")) {
                    HttpResult r = gw.post(route, "{\"query\": \"" + text + "\"}");
                    assertThat(r.status()).as(route + " " + text + ": " + r.body()).isEqualTo(400);
                    assertThat(r.body()).contains("query");
                }
            }
            HttpResult get = gw.get("/api/v1/memory/search?query=%00%09%08");
            assertThat(get.status()).as(get.body()).isEqualTo(400);
        }
    }

    @Test
    void nullInsideFreeFormObjectsIsAccepted() {
        try (TestGateway gw = TestGateway.start()) {
            HttpResult s = gw.post("/v1/sessions", "{\"context\": {\"a\": null, \"b\": {\"c\": null}}}");
            assertThat(s.status()).as(s.body()).isBetween(200, 201);
            HttpResult skill = gw.post("/v2/agents/main/skills", "{\"skillId\": \"weather\", \"config\": "
                    + "{\"a\": null}}");
            assertThat(skill.status()).as(skill.body()).isLessThan(500);
            HttpResult v2 = gw.post("/v2/conversations", "{\"metadata\": {\"a\": null}, \"context\": {\"x\": null}}");
            assertThat(v2.status()).as(v2.body()).isLessThan(500);
        }
    }

    @Test
    void errorDetailsNameNoLibraryInternals() {
        try (TestGateway gw = TestGateway.start()) {
            String longNumber = "1".repeat(2000);
            for (String body : List.of("{\"text\": " + longNumber + "}", "{\"text\": \"a\" /* c */}",
                    "{\"text\": 1e99999999999}", "{'text': 1}", "{\"text\": \"\\x\"}")) {
                HttpResult r = gw.send("POST", "/api/v1/message", body, JSON);
                assertThat(r.status()).as(body + " → " + r.body()).isEqualTo(400);
                assertThat(r.body()).doesNotContainPattern("[a-z]+\\.[a-z]+\\.[A-Z][A-Za-z]+")
                        .doesNotContain("StreamReadConstraints").doesNotContain("Feature")
                        .doesNotContain("jackson").doesNotContain("getMax");
            }
        }
    }
}
