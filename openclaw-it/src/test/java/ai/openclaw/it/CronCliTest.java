package ai.openclaw.it;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.testkit.TestGateway;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code openclaw cron add|list|run|runs|rm} as a real process against a running gateway. */
class CronCliTest {
    record Run(int exit, String out, String err) {
    }

    static Run cli(TestGateway gw, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), "ai.openclaw.cli.Main"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("OPENCLAW_STATE_DIR", gw.stateDir().toString());
        pb.environment().remove("OPENCLAW_CONFIG_PATH");
        pb.environment().put("OPENCLAW_GATEWAY_TOKEN", TestGateway.TOKEN);
        pb.environment().put("OPENCLAW_GATEWAY_URL", gw.baseUrl());
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8).strip(),
                new String(err, StandardCharsets.UTF_8));
    }

    @Test
    void cronCommandsManageTheGatewaysJobs() throws Exception {
        try (TestGateway gw = TestGateway.start()) {
            Run add = cli(gw, "cron", "add", "--name", "daily-backup", "--every", "1d", "--system-event",
                    "Running daily backup");
            assertThat(add.exit()).as(add.err()).isZero();
            String id = add.out();
            assertThat(id).startsWith("job_");
            Run list = cli(gw, "cron", "list");
            assertThat(list.out()).contains(id, "daily-backup", "enabled", "every 86400000ms");
            Run run = cli(gw, "cron", "run", id);
            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(run.out()).isEqualTo("Running daily backup");
            assertThat(cli(gw, "cron", "runs", id).out()).contains("manual", "ok", "Running daily backup");
            Run bad = cli(gw, "cron", "add", "--name", "x", "--cron", "nope", "--system-event", "t");
            assertThat(bad.exit()).isEqualTo(1);
            assertThat(bad.err()).contains("INVALID_REQUEST", "schedule.expr");
            assertThat(cli(gw, "cron", "rm", id).out()).isEqualTo("deleted " + id);
            assertThat(gw.get("/api/v1/cron/jobs/" + id).status()).isEqualTo(404);
        }
    }
}
