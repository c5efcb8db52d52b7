package ai.openclaw.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigValidatorTest {
    private static List<ConfigProblem> check(Path dir, String yaml) throws Exception {
        Path file = dir.resolve("config.yaml");
        Files.writeString(file, yaml);
        JsonNode tree = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        return ConfigValidator.validate(tree, file);
    }

    @Test
    void aValidConfigHasNoProblems(@TempDir Path dir) throws Exception {
        assertThat(check(dir, """
                gateway:
                  port: 18789
                  cors: { enabled: true, origins: ["http://localhost:3000"] }
                  metrics: { bind: "127.0.0.1:9464" }
                models:
                  default: zai/glm-4.7-flash
                  providers:
                    zai: { api: openai-completions, baseUrl: "https://x", apiKey: "k" }
                mcp:
                  servers:
                    fs: { command: npx, args: [a, b] }
                webhooks: { enabled: true }
                """)).isEmpty();
    }

    @Test
    void unknownKeysAndWrongTypesAreReportedWithPathAndLine(@TempDir Path dir) throws Exception {
        List<ConfigProblem> problems = check(dir, """
                gateway:
                  prot: 18789
                  port: lots
                modles:
                  default: x
                mcp:
                  servers:
                    fs: { command: npx, argz: [a] }
                """);
        assertThat(problems).extracting(ConfigProblem::path)
                .containsExactly("gateway.prot", "gateway.port", "modles", "mcp.servers.fs.argz");
        assertThat(problems.get(0).line()).isEqualTo(2);
        assertThat(problems.get(0).message()).contains("unknown key 'gateway.prot'", "did you mean 'port'");
        assertThat(problems.get(1).line()).isEqualTo(3);
        assertThat(problems.get(1).message()).contains("'gateway.port' should be int");
        assertThat(problems.get(2).line()).isEqualTo(4);
        assertThat(problems.get(2).message()).contains("did you mean 'models'");
        assertThat(problems.get(3).line()).isEqualTo(8);
        assertThat(problems.get(3).format("config.yaml")).startsWith("config.yaml:8: unknown key");
    }
}
