package ai.openclaw.it;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.testkit.HttpResult;
import ai.openclaw.testkit.TestGateway;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tools and skills APIs over real sockets (seeds 000, 001, 003 and {@code /tools/invoke}): listing, running,
 * workspace confinement, schema validation, unknown names, and skill scripts that hang or flood their output.
 */
class ToolsAndSkillsTest {
    static TestGateway gw;
    static Path outside;

    @BeforeAll
    static void start() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        gw = TestGateway.start("skills:\n  timeoutSeconds: 2\n  maxOutputBytes: 4096\n  weather:\n    url: "
                + "\"http://127.0.0.1:" + closedPort + "/{city}\"\n");
        Path skills = gw.stateDir().resolve("skills");
        skill(skills, "echo-args", "entry: run.sh\ndescription: prints its arguments, cwd and environment",
                "echo \"args=$*\"\necho \"cwd=$(pwd)\"\nenv | sort\n");
        skill(skills, "hang", "entry: run.sh\ntimeout: 1\ndescription: never ends", "sleep 30\n");
        skill(skills, "flood", "entry: run.sh\ndescription: writes forever",
                "while true; do echo xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx; done\n");
        skill(skills, "failing", "entry: run.sh\ndescription: exits 3", "echo broken >&2\nexit 3\n");
        skill(skills, "escaper", "entry: run.sh\ndescription: tries to leave its sandbox",
                "echo x > scratch.txt && echo scratch=ok\n"
                + "(echo x > \"$OPENCLAW_WORKSPACE/planted.txt\") 2>/dev/null && echo workspace=written || echo workspace=refused\n"
                + "(echo x > \"$OPENCLAW_SKILL_DIR/planted.txt\") 2>/dev/null && echo skill=written || echo skill=refused\n"
                + "(echo x > \"$OPENCLAW_WORKSPACE/../planted.txt\") 2>/dev/null && echo state=tmpfs || echo state=refused\n"
                + "echo \"notes=$(head -n1 \"$OPENCLAW_WORKSPACE/notes.txt\")\"\n"
                + "[ -e \"$OPENCLAW_WORKSPACE/../config.yaml\" ] && echo config=visible || echo config=hidden\n"
                + "echo \"interfaces=$(tail -n +3 /proc/net/dev | wc -l)\"\n");
        outside = Files.createTempDirectory("openclaw-outside-");
        Files.writeString(outside.resolve("secret.txt"), "top secret");
        Path ws = gw.stateDir().resolve("workspace");
        Files.createDirectories(ws);
        Files.writeString(ws.resolve("notes.txt"), "line one\nline two\nline three\n");
        Files.createSymbolicLink(ws.resolve("escape"), outside);
        Files.createSymbolicLink(ws.resolve("secret-link.txt"), outside.resolve("secret.txt"));
        gw.restart();
    }

    static void skill(Path root, String name, String frontMatter, String script) throws IOException {
        Path dir = root.resolve(name);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("SKILL.md"), "---\nname: " + name + "\n" + frontMatter + "\n---\nRun " + name
                + ".\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("run.sh"), script, StandardCharsets.UTF_8);
    }

    @AfterAll
    static void stop() throws IOException {
        gw.close();
        Files.deleteIfExists(outside.resolve("secret.txt"));
        Files.deleteIfExists(outside);
    }

    @Test
    void toolListsHaveEachSeedsShape() {
        HttpResult tools = gw.get("/v1/tools");
        assertThat(tools.status()).isEqualTo(200);
        JsonNode list = tools.json();
        assertThat(list.isArray()).isTrue();
        assertThat(list).anySatisfy(t -> {
            assertThat(t.path("name").asText()).isEqualTo("file-processor");
            assertThat(t.path("version").asText()).isEqualTo("1.0.0");
            assertThat(t.has("input_schema")).isTrue();
            assertThat(t.has("output_schema")).isTrue();
        });
        assertThat(list.toString()).contains("file_read", "file_write", "file_list", "web_fetch", "sessions_list",
                "spawn_agent", "weather", "echo-args", "memory_search", "memory_add");
        JsonNode skills = gw.get("/api/v1/skills").json();
        assertThat(skills.path("success").asBoolean()).isTrue();
        assertThat(skills.at("/data/skills").toString()).contains("\"name\":\"weather\"");
        JsonNode page = gw.get("/v2/skills?category=files&limit=2&page=2").json();
        assertThat(page.at("/pagination/total").asInt()).isEqualTo(3);
        assertThat(page.at("/pagination/page").asInt()).isEqualTo(2);
        assertThat(page.at("/pagination/limit").asInt()).isEqualTo(2);
        assertThat(page.path("skills")).hasSize(1);
    }

    @Test
    void fileToolsWorkInsideTheWorkspace() {
        HttpResult w = gw.post("/v1/tools/file_write/execute",
                "{\"parameters\":{\"path\":\"out/a.txt\",\"content\":\"你好\"}}");
        assertThat(w.status()).as(w.body()).isEqualTo(200);
        assertThat(w.json().at("/metadata/memory_used").asText()).endsWith("MB");
        assertThat(w.json().at("/metadata/execution_time").isNumber()).isTrue();
        HttpResult r = gw.post("/v1/tools/file_read/execute", "{\"parameters\":{\"path\":\"out/a.txt\"}}");
        assertThat(r.json().at("/result/content").asText()).isEqualTo("你好");
        HttpResult stats = gw.post("/api/v1/skills/file-processor/execute", "{\"args\":[\"stats\",\"notes.txt\"],"
                + "\"session\":\"default\"}");
        assertThat(stats.status()).as(stats.body()).isEqualTo(200);
        assertThat(stats.json().at("/data/result/lines").asInt()).isEqualTo(3);
        assertThat(stats.json().at("/data/executionTime").isNumber()).isTrue();
        HttpResult invoke = gw.post("/tools/invoke", "{\"tool\":\"file_list\",\"args\":{},\"sessionKey\":\"main\"}");
        assertThat(invoke.json().path("ok").asBoolean()).isTrue();
        assertThat(invoke.json().at("/result/entries").toString()).contains("notes.txt");
    }

    @Test
    void pathEscapesAreRefusedSymlinksIncluded() {
        for (String path : new String[] {"../config.yaml", "/etc/passwd", "escape/secret.txt", "secret-link.txt",
            "out/../../openclaw.db"}) {
            HttpResult r = gw.post("/v1/tools/file_read/execute", "{\"parameters\":{\"path\":\"" + path + "\"}}");
            assertThat(r.status()).as(path + ": " + r.body()).isEqualTo(403);
            assertThat(r.json().at("/error/code").asText()).isEqualTo("FORBIDDEN");
            assertThat(r.json().at("/error/message").asText()).contains("outside the agent workspace");
        }
        HttpResult w = gw.post("/v1/tools/file_write/execute",
                "{\"parameters\":{\"path\":\"escape/new.txt\",\"content\":\"x\"}}");
        assertThat(w.status()).isEqualTo(403);
        assertThat(Files.exists(outside.resolve("new.txt"))).isFalse();
        HttpResult list = gw.post("/tools/invoke", "{\"tool\":\"file_list\",\"args\":{\"path\":\"..\"}}");
        assertThat(list.status()).isEqualTo(403);
        assertThat(list.json().path("ok").asBoolean()).isFalse();
    }

    @Test
    void schemaViolationsNameTheField() {
        HttpResult wrongType = gw.post("/v1/tools/file_read/execute", "{\"parameters\":{\"path\":5}}");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json().at("/error/code").asText()).isEqualTo("INVALID_REQUEST");
        assertThat(wrongType.json().at("/error/message").asText()).contains("'parameters.path'");
        HttpResult missing = gw.post("/v1/tools/file_write/execute", "{\"parameters\":{\"path\":\"a.txt\"}}");
        assertThat(missing.json().at("/error/message").asText()).contains("'parameters.content'");
        HttpResult skillArgs = gw.post("/api/v1/skills/file-processor/execute", "{\"args\":[\"stats\"]}");
        assertThat(skillArgs.status()).isEqualTo(400);
        assertThat(skillArgs.json().path("success").asBoolean()).isFalse();
        assertThat(skillArgs.json().at("/error/message").asText()).contains("'args'");
    }

    @Test
    void unknownToolsAndSkillsAreNotFound() {
        HttpResult tool = gw.post("/v1/tools/nope/execute", "{\"parameters\":{}}");
        assertThat(tool.status()).isEqualTo(404);
        assertThat(tool.json().at("/error/message").asText()).contains("unknown tool 'nope'");
        HttpResult skill = gw.post("/api/v1/skills/nope/execute", "{\"args\":[]}");
        assertThat(skill.status()).isEqualTo(404);
        assertThat(skill.json().path("success").asBoolean()).isFalse();
        HttpResult invoke = gw.post("/tools/invoke", "{\"tool\":\"nope\",\"args\":{}}");
        assertThat(invoke.status()).isEqualTo(404);
        assertThat(invoke.json().at("/error/type").asText()).isEqualTo("NOT_FOUND");
        HttpResult install = gw.post("/v2/agents/main/skills", "{\"skillId\":\"nope\",\"version\":\"1.0.0\"}");
        assertThat(install.status()).isEqualTo(404);
    }

    @Test
    void skillScriptsRunConfinedWithoutInheritedSecrets() {
        assumeSandbox();
        HttpResult r = gw.post("/api/v1/skills/echo-args/execute", "{\"args\":[\"北京\",\"two\"]}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        String out = r.json().at("/data/result").asText();
        assertThat(out).contains("args=北京 two");
        assertThat(out).contains("cwd=" + gw.stateDir().resolve("tmp/skill-runs").toAbsolutePath());
        assertThat(out).contains("OPENCLAW_SANDBOX=bwrap");
        assertThat(out).doesNotContain("OPENCLAW_GATEWAY_TOKEN").doesNotContain(TestGateway.TOKEN)
                .doesNotContain("JAVA_HOME");
        assertThat(out).contains("OPENCLAW_ARGS=");
    }

    /** Skips a test that runs skill scripts when bubblewrap (scripts/deps.d/skills-sandbox.sh) is missing. */
    static void assumeSandbox() {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/bwrap")),
                "bubblewrap (bwrap) is not installed: skill scripts are off without a sandbox; run ./scripts/test-deps.sh");
    }

    @Test
    void scriptsCannotWriteOutsideTheirScratchFolderNorReachTheNetwork() throws IOException {
        assumeSandbox();
        HttpResult r = gw.post("/api/v1/skills/escaper/execute", "{\"args\":[]}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        String out = r.json().at("/data/result").asText();
        assertThat(out).contains("scratch=ok").contains("workspace=refused").contains("skill=refused")
                .contains("notes=line one").contains("config=hidden")
                .contains("interfaces=1");
        assertThat(Files.exists(gw.stateDir().resolve("workspace/planted.txt"))).isFalse();
        assertThat(Files.exists(gw.stateDir().resolve("skills/escaper/planted.txt"))).isFalse();
        assertThat(Files.exists(gw.stateDir().resolve("planted.txt"))).as("only a throw-away tmpfs is writable")
                .isFalse();
        try (var left = Files.list(gw.stateDir().resolve("tmp/skill-runs"))) {
            assertThat(left.toList()).as("scratch folders are removed after each run").isEmpty();
        }
    }

    @Test
    void fileToolsCannotPlantSkillsNorExecutables() throws IOException {
        for (String path : new String[] {"skills/evil/SKILL.md", "sub/Skills/evil/run.sh", "./skills/x"}) {
            HttpResult w = gw.post("/v1/tools/file_write/execute",
                    "{\"parameters\":{\"path\":\"" + path + "\",\"content\":\"---\\nentry: run.sh\\n---\\n\"}}");
            assertThat(w.status()).as(path + ": " + w.body()).isEqualTo(403);
            assertThat(w.json().at("/error/message").asText()).contains("skills folder");
        }
        assertThat(Files.exists(gw.stateDir().resolve("workspace/skills/evil"))).isFalse();
        Path tool = gw.stateDir().resolve("workspace/tool.sh");
        Files.writeString(tool, "echo hi\n");
        Files.setPosixFilePermissions(tool, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        HttpResult exec = gw.post("/v1/tools/file_write/execute",
                "{\"parameters\":{\"path\":\"tool.sh\",\"content\":\"rm -rf /\"}}");
        assertThat(exec.status()).as(exec.body()).isEqualTo(403);
        assertThat(Files.readString(tool)).isEqualTo("echo hi\n");
        HttpResult plain = gw.post("/v1/tools/file_write/execute",
                "{\"parameters\":{\"path\":\"run2.sh\",\"content\":\"#!/bin/sh\\necho x\"}}");
        assertThat(plain.status()).isEqualTo(200);
        assertThat(Files.getPosixFilePermissions(gw.stateDir().resolve("workspace/run2.sh")))
                .noneMatch(p -> p.name().endsWith("EXECUTE"));
    }

    @Test
    void hangingFloodingAndFailingScriptsGetClearErrorsAndTheGatewayKeepsServing() {
        assumeSandbox();
        HttpResult hang = gw.post("/api/v1/skills/hang/execute", "{\"args\":[]}");
        assertThat(hang.status()).isEqualTo(504);
        assertThat(hang.json().at("/error/message").asText()).contains("skill 'hang' did not finish within 1 s");
        HttpResult flood = gw.post("/api/v1/skills/flood/execute", "{\"args\":[]}");
        assertThat(flood.status()).isEqualTo(413);
        assertThat(flood.json().at("/error/message").asText()).contains("more than 4096 bytes");
        HttpResult failing = gw.post("/v1/tools/failing/execute", "{\"parameters\":{}}");
        assertThat(failing.status()).isEqualTo(502);
        assertThat(failing.json().at("/error/message").asText()).contains("exit code 3").contains("broken");
        assertThat(gw.get("/health").status()).isEqualTo(200);
        assertThat(gw.post("/api/v1/message", "{\"text\":\"still there?\"}").status()).isEqualTo(200);
    }

    @Test
    void webFetchRefusesLoopbackAndWeatherReportsAnUnreachableProvider() {
        HttpResult fetch = gw.post("/v1/tools/web_fetch/execute",
                "{\"parameters\":{\"url\":\"http://127.0.0.1:" + 1 + "/\"}}");
        assertThat(fetch.status()).isEqualTo(403);
        assertThat(fetch.json().at("/error/message").asText()).contains("tools.webFetch.allowPrivateTargets");
        HttpResult weather = gw.post("/api/v1/skills/weather/execute", "{\"args\":[\"北京\"],\"session\":\"default\"}");
        assertThat(weather.status()).isEqualTo(502);
        assertThat(weather.json().at("/error/message").asText()).contains("weather provider").contains("unreachable");
    }

    @Test
    void offlineModelCallsToolsInATurnAndGetsToolErrorsBack() {
        HttpResult ok = gw.post("/api/v1/message", "{\"text\":\"/skill file-processor stats notes.txt\","
                + "\"session\":\"offline-tools\"}");
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.json().at("/data/text").asText()).contains("file-processor").contains("\"lines\":3");
        HttpResult bad = gw.post("/api/v1/message", "{\"text\":\"/tool file_read {\\\"path\\\": 5}\","
                + "\"session\":\"offline-tools\"}");
        assertThat(bad.json().at("/data/text").asText()).contains("INVALID_REQUEST").contains("'path'");
        HttpResult escape = gw.post("/api/v1/message", "{\"text\":\"/tool file_read {\\\"path\\\": \\\"../config.yaml\\\"}\","
                + "\"session\":\"offline-tools\"}");
        assertThat(escape.json().at("/data/text").asText()).contains("FORBIDDEN").doesNotContain(TestGateway.TOKEN);
        HttpResult stream = gw.post("/api/v1/message/stream", "{\"text\":\"/skill file-processor head notes.txt 1\"}");
        assertThat(stream.body()).contains("\"type\":\"tool_call\"").contains("\"type\":\"tool_result\"")
                .contains("line one");
    }
}
