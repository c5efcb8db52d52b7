package ai.openclaw.it;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.testkit.HttpResult;
import ai.openclaw.testkit.TestGateway;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Skill scripts without a sandbox ({@code skills.sandbox: none}): refused with a message saying why unless the
 * operator opted in with {@code skills.allowUnsandboxedScripts: true}; instructions-only and Java skills keep working.
 */
class SkillSandboxTest {
    @Test
    void withoutASandboxScriptsAreOffUnlessTheOperatorOptsIn() throws IOException {
        try (TestGateway gw = TestGateway.start("skills:\n  sandbox: none\n")) {
            Path skills = gw.stateDir().resolve("skills");
            ToolsAndSkillsTest.skill(skills, "hello", "entry: run.sh\ndescription: says hello", "echo hello-from-script\n");
            gw.restart();
            HttpResult r = gw.post("/api/v1/skills/hello/execute", "{\"args\":[]}");
            assertThat(r.status()).as(r.body()).isEqualTo(403);
            assertThat(r.json().at("/error/message").asText()).contains("scripts are off")
                    .contains("skills.allowUnsandboxedScripts");
            HttpResult bundled = gw.post("/v1/tools/file_write/execute",
                    "{\"parameters\":{\"path\":\"n.txt\",\"content\":\"a\\nb\"}}");
            assertThat(bundled.status()).isEqualTo(200);
            HttpResult stats = gw.post("/api/v1/skills/file-processor/execute", "{\"args\":[\"stats\",\"n.txt\"]}");
            assertThat(stats.status()).as(stats.body()).isEqualTo(200);
            assertThat(stats.json().at("/data/result/lines").asInt()).isEqualTo(2);
        }
        try (TestGateway gw = TestGateway.start("skills:\n  sandbox: none\n  allowUnsandboxedScripts: true\n")) {
            ToolsAndSkillsTest.skill(gw.stateDir().resolve("skills"), "hello", "entry: run.sh\ndescription: hi",
                    "echo hello-from-script; echo \"sandbox=$OPENCLAW_SANDBOX\"\n");
            gw.restart();
            HttpResult r = gw.post("/api/v1/skills/hello/execute", "{\"args\":[]}");
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.json().at("/data/result").asText()).contains("hello-from-script").contains("sandbox=none");
        }
    }
}
