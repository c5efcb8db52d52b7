package ai.openclaw.it;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.testkit.CliRun;
import ai.openclaw.testkit.TestGateway;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seed 003's migration guide as a user runs it, each command a separate {@code openclaw} process on a running
 * gateway's state dir: {@code openclaw api check-compatibility --from v1 --to v2 [--scan DIR]} lists each v1 usage
 * with its v2 replacement (exit 0 compatible, 1 changes needed, 2 bad input) and {@code openclaw api migrate --from
 * v1 --to v2 [--dry-run]} renames the config's v1 keys keeping comments and a backup, idempotently.
 */
class ApiMigrationCliTest {
    private static final String V1_CONFIG = """
            # my gateway (seed 002 layout)
            gateway:
              cors: { enabled: true }   # CORS on
            cron:
              jobs:
                - name: daily   # the morning report
                  session_id: user_123
                  bot_id: main
                  payload: { url: "http://localhost:18789/api/v1/chat" }
            """;

    @Test
    void helpAndBadInputAreClearWithExitCodeTwo(@TempDir Path tmp) throws Exception {
        try (TestGateway gw = TestGateway.start()) {
            CliRun help = CliRun.of(gw, "api", "check-compatibility", "--help");
            assertThat(help.exit()).as(help.err()).isZero();
            assertThat(help.out()).contains("--from", "--to", "--scan", "Exit status: 0 compatible, 1 changes needed");
            CliRun mhelp = CliRun.of(gw, "api", "migrate", "--help");
            assertThat(mhelp.exit()).isZero();
            assertThat(mhelp.out()).contains("--dry-run", "--from", "--to", "Idempotent");

            CliRun from = CliRun.of(gw, "api", "check-compatibility", "--from", "v3", "--to", "v2");
            assertThat(from.exit()).isEqualTo(2);
            assertThat(from.err()).contains("--from must be v1");
            CliRun to = CliRun.of(gw, "api", "migrate", "--from", "v1", "--to", "v9");
            assertThat(to.exit()).isEqualTo(2);
            assertThat(to.err()).contains("--to must be v2");
            CliRun missing = CliRun.of(gw, "api", "check-compatibility", "--scan", tmp.resolve("nope").toString());
            assertThat(missing.exit()).isEqualTo(2);
            assertThat(missing.err()).contains("does not exist");
            CliRun unknown = CliRun.of(gw, "api", "migrate", "--bogus");
            assertThat(unknown.exit()).isEqualTo(2);
            assertThat(unknown.err()).contains("Unknown option: '--bogus'");

            Path broken = tmp.resolve("broken.yaml");
            Files.writeString(broken, "gateway: [unclosed\n");
            CliRun bad = CliRun.of(gw, "api", "check-compatibility", "--config", broken.toString());
            assertThat(bad.exit()).isEqualTo(2);
            assertThat(bad.err()).contains("is not valid YAML").doesNotContain("Exception", "at org.");
            CliRun badMigrate = CliRun.of(gw, "api", "migrate", "--config", broken.toString());
            assertThat(badMigrate.exit()).isEqualTo(2);
            assertThat(Files.readString(broken)).isEqualTo("gateway: [unclosed\n");
            assertThat(Files.exists(tmp.resolve("broken.yaml.v1.bak"))).isFalse();
        }
    }

    @Test
    void checkListsConfigAndSourceUsagesWithTheirReplacements(@TempDir Path tmp) throws Exception {
        try (TestGateway gw = TestGateway.start()) {
            CliRun clean = CliRun.of(gw, "api", "check-compatibility", "--from", "v1", "--to", "v2");
            assertThat(clean.exit()).as(clean.out() + clean.err()).isZero();
            assertThat(clean.out()).contains("compatible with v2: no v1 usages in");

            Files.writeString(gw.stateDir().resolve("config.yaml"), V1_CONFIG);
            Path src = Files.createDirectories(tmp.resolve("client"));
            Files.writeString(src.resolve("app.js"), """
                    const res = await fetch('http://localhost:18789/api/v1/chat', {
                      method: 'POST',
                      body: JSON.stringify({ session_id: 'user_123', message: 'hi' })
                    });
                    """);
            Files.writeString(src.resolve("client.py"), """
                    import requests
                    r = requests.post(BASE + "/api/v1/message/stream", json={"bot_id": "main"}, stream=True)
                    """);
            Files.writeString(src.resolve("openai.py"), "client.post('/v1/chat/completions', json=body)\n");
            Path deps = Files.createDirectories(src.resolve("node_modules/lib"));
            Files.writeString(deps.resolve("index.js"), "var session_id = 1;\n");

            CliRun r = CliRun.of(gw, "api", "check-compatibility", "--from", "v1", "--to", "v2", "--scan",
                    src.toString());
            assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
            assertThat(r.out())
                    .contains("config.yaml:7: cron.jobs[0].session_id: session_id → conversation_id (命名统一")
                    .contains("config.yaml:8: cron.jobs[0].bot_id: bot_id → agent_id")
                    .contains("config.yaml:9: cron.jobs[0].payload.url: /api/v1/chat → /v2/conversations/{id}/messages"
                            + " (端点重构")
                    .contains("app.js:1: /api/v1/chat → /v2/conversations/{id}/messages")
                    .contains("app.js:3: session_id → conversation_id")
                    .contains("client.py:2: /api/v1/message/stream → POST /v2/conversations/{id}/messages with "
                            + "\"stream\": true (SSE) (完整 SSE")
                    .contains("client.py:2: bot_id → agent_id")
                    .contains("7 change(s) needed: 2 in the config rewritten by 'openclaw api migrate --from v1 --to "
                            + "v2', 5 to change by hand")
                    .doesNotContain("openai.py", "node_modules");

            CliRun json = CliRun.of(gw, "api", "check-compatibility", "--scan", src.resolve("client.py").toString(),
                    "--json");
            assertThat(json.exit()).isEqualTo(1);
            JsonNode out = new ObjectMapper().readTree(json.out());
            assertThat(out.path("compatible").asBoolean(true)).isFalse();
            assertThat(out.path("usages")).hasSize(5);
            assertThat(out.path("usages").get(0).path("source").asText()).isEqualTo("config");
            assertThat(out.path("usages").get(0).path("automatic").asBoolean()).isTrue();
            assertThat(out.path("usages").get(4).path("file").asText()).endsWith("client.py");
        }
    }

    @Test
    void migrateRenamesInPlaceKeepsCommentsAndABackupAndIsIdempotent() throws Exception {
        try (TestGateway gw = TestGateway.start()) {
            Path config = gw.stateDir().resolve("config.yaml");
            Files.writeString(config, V1_CONFIG);

            CliRun dry = CliRun.of(gw, "api", "migrate", "--from", "v1", "--to", "v2", "--dry-run");
            assertThat(dry.exit()).as(dry.out() + dry.err()).isEqualTo(1); // the URL needs a hand edit
            assertThat(dry.out()).contains("would rename", "cron.jobs[0].session_id: session_id → conversation_id",
                    "dry run:", "change by hand:", "/api/v1/chat");
            assertThat(Files.readString(config)).isEqualTo(V1_CONFIG);
            assertThat(Files.exists(gw.stateDir().resolve("config.yaml.v1.bak"))).isFalse();

            CliRun run = CliRun.of(gw, "api", "migrate", "--from", "v1", "--to", "v2");
            assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(1);
            assertThat(run.out()).contains("migrated", "2 key(s) renamed", "config.yaml.v1.bak");
            String migrated = Files.readString(config);
            assertThat(migrated).isEqualTo(V1_CONFIG.replace("session_id:", "conversation_id:")
                    .replace("bot_id:", "agent_id:"));
            assertThat(Files.readString(gw.stateDir().resolve("config.yaml.v1.bak"))).isEqualTo(V1_CONFIG);

            CliRun again = CliRun.of(gw, "api", "migrate", "--from", "v1", "--to", "v2");
            assertThat(again.out()).contains("nothing to migrate");
            assertThat(Files.readString(config)).isEqualTo(migrated);

            CliRun check = CliRun.of(gw, "api", "check-compatibility", "--from", "v1", "--to", "v2");
            assertThat(check.exit()).isEqualTo(1);
            assertThat(check.out()).contains("1 change(s) needed: 0 in the config").doesNotContain("session_id");

            Files.writeString(config, migrated.replace("/api/v1/chat", "/v2/conversations/c1/messages"));
            CliRun done = CliRun.of(gw, "api", "check-compatibility", "--from", "v1", "--to", "v2");
            assertThat(done.exit()).as(done.out()).isZero();
            CliRun validate = CliRun.of(gw, "config", "validate");
            assertThat(validate.exit()).as(validate.out()).isZero();
            assertThat(gw.get("/health").status()).isEqualTo(200);
        }
    }
}
