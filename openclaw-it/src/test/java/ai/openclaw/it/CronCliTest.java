package ai.openclaw.it;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.testkit.CliRun;
import ai.openclaw.testkit.TestGateway;
import org.junit.jupiter.api.Test;

/** {@code openclaw cron add|list|run|runs|rm} as a real process against a running gateway. */
class CronCliTest {


    @Test
    void cronCommandsManageTheGatewaysJobs() throws Exception {
        try (TestGateway gw = TestGateway.start()) {
            CliRun add = CliRun.of(gw, "cron", "add", "--name", "daily-backup", "--every", "1d", "--system-event",
                    "Running daily backup");
            assertThat(add.exit()).as(add.err()).isZero();
            String id = add.out();
            assertThat(id).startsWith("job_");
            CliRun list = CliRun.of(gw, "cron", "list");
            assertThat(list.out()).contains(id, "daily-backup", "enabled", "every 86400000ms");
            CliRun run = CliRun.of(gw, "cron", "run", id);
            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(run.out()).isEqualTo("Running daily backup");
            assertThat(CliRun.of(gw, "cron", "runs", id).out()).contains("manual", "ok", "Running daily backup");
            CliRun bad = CliRun.of(gw, "cron", "add", "--name", "x", "--cron", "nope", "--system-event", "t");
            assertThat(bad.exit()).isEqualTo(1);
            assertThat(bad.err()).contains("INVALID_REQUEST", "schedule.expr");
            assertThat(CliRun.of(gw, "cron", "rm", id).out()).isEqualTo("deleted " + id);
            assertThat(gw.get("/api/v1/cron/jobs/" + id).status()).isEqualTo(404);
        }
    }
}
