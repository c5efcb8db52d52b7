package ai.openclaw.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Comment-keeping edits of config.yaml ({@link YamlEdits}, {@link ConfigDocument#save()}). */
class YamlEditsTest {
    private static final String SEED_002 = """
            # ~/.openclaw/config.yaml
            gateway:
              # REST API配置
              api:
                enabled: true
                port: 3000
                host: "0.0.0.0"

              # 认证方式
              auth:
                type: "bearer" # 或 "api_key"
                secret: ${API_SECRET} # 生成强密钥 😀
              cors: { enabled: true, origins: ["https://your-app.com"] }
            webhooks:
              endpoints:
                - url: "https://your-app.com/webhooks/openclaw/message"
                  events: ["message.received"]
            """;

    @Test
    void setKeepsCommentsQuotingAndOrder(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("config.yaml");
        Files.writeString(f, SEED_002);
        ConfigDocument doc = ConfigDocument.load(f, Map.of());
        doc.set("gateway.auth.token", "tok_ABC-123");
        doc.set("gateway.api.port", "18789");
        doc.set("gateway.cors.origins", "[\"http://a\", \"http://b\"]");
        doc.set("models.default", "fake/fake-model");
        doc.save();
        String out = Files.readString(f);
        assertThat(out).contains("# ~/.openclaw/config.yaml", "# REST API配置", "type: \"bearer\" # 或 \"api_key\"",
                "secret: ${API_SECRET} # 生成强密钥 😀", "host: \"0.0.0.0\"", "    port: 18789\n",
                "    token: tok_ABC-123\n", "origins: [\"http://a\",\"http://b\"]", "models:\n  default: fake/fake-model\n",
                "\n\n  # 认证方式");
        ObjectNode back = ConfigDocument.load(f, Map.of()).rawCopy();
        assertThat(back).isEqualTo(doc.rawCopy());
        // a second identical save changes nothing
        doc.save();
        assertThat(Files.readString(f)).isEqualTo(out);
    }

    @Test
    void removesAndReplacesContainersInPlace() {
        ObjectNode to = YamlEdits.parse(SEED_002);
        ((ObjectNode) to.get("gateway")).remove("api");
        ((ObjectNode) to.get("gateway").get("auth")).put("type", "api_key");
        ((ObjectNode) to.get("webhooks")).put("enabled", true);
        String out = YamlEdits.rewrite(SEED_002, to);
        assertThat(out).isNotNull().doesNotContain("port: 3000").contains("# 认证方式", "type: api_key # 或",
                "enabled: true\n");
        assertThat(YamlEdits.parse(out)).isEqualTo(to);
    }

    @Test
    void renamesKeysInsideSequencesAndReportsLines() {
        String text = "cron:\n  jobs:\n    - name: a  # first\n      session_id: s1\n";
        assertThat(YamlEdits.line(text, List.of("cron", "jobs", "0", "session_id"))).isEqualTo(4);
        String out = YamlEdits.renameKey(text, List.of("cron", "jobs", "0", "session_id"), "conversation_id");
        assertThat(out).isEqualTo("cron:\n  jobs:\n    - name: a  # first\n      conversation_id: s1\n");
    }

    @Test
    void emptyAndCommentOnlyFilesGetTheNewKeys(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("config.yaml");
        Files.writeString(f, "# only a comment\n");
        ConfigDocument doc = ConfigDocument.load(f, Map.of());
        doc.set("gateway.auth.token", "abc");
        doc.save();
        assertThat(Files.readString(f)).isEqualTo("# only a comment\ngateway:\n  auth:\n    token: abc\n");
    }

    @Test
    void stringsThatNeedQuotesAreQuoted() {
        String out = YamlEdits.set("a: 1\n", List.of("b"), com.fasterxml.jackson.databind.node.TextNode.valueOf(
                "yes: # no"));
        assertThat(YamlEdits.parse(out).get("b").asText()).isEqualTo("yes: # no");
        out = YamlEdits.set(out, List.of("c"), com.fasterxml.jackson.databind.node.TextNode.valueOf("true"));
        assertThat(YamlEdits.parse(out).get("c").isTextual()).isTrue();
        for (String text : new String[] {"0123", "1e5", "4oqL0H9", "2026-01-01", "0x1F"}) {
            String o = YamlEdits.set("a: 1\n", List.of("t"), com.fasterxml.jackson.databind.node.TextNode.valueOf(text));
            assertThat(YamlEdits.parse(o).get("t").textValue()).as(o).isEqualTo(text);
        }
        assertThat(YamlEdits.set("a: 1\n", List.of("t"), com.fasterxml.jackson.databind.node.TextNode.valueOf(
                "4oqL0H9"))).isEqualTo("a: 1\nt: 4oqL0H9\n");
    }
}
