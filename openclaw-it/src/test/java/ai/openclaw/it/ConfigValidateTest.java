package ai.openclaw.it;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.testkit.CliRun;
import ai.openclaw.testkit.TestGateway;
import org.junit.jupiter.api.Test;

/**
 * Config validation (issue 16): a gateway with unknown keys or wrong types still starts (they are warnings), and
 * {@code openclaw config validate} lists each with its file, line and path and exits 1; a valid config exits 0.
 */
class ConfigValidateTest {
    @Test
    void validateReportsUnknownKeysWithLinesAndExitsOne() {
        try (TestGateway gw = TestGateway.start("""
                gateway:
                  cors: { enabled: true }
                  rate_limt: { requests_per_minute: 5 }
                mcpServers:
                  fs: { command: npx, arg: [x] }
                """)) {
            assertThat(gw.get("/health").status()).isEqualTo(200);
            CliRun r = CliRun.of(gw, "config", "validate");
            assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
            assertThat(r.out()).contains("config.yaml:3: unknown key 'gateway.rate_limt' (did you mean 'rate_limit'?)")
                    .contains("config.yaml:5: unknown key 'mcpServers.fs.arg' (did you mean 'args'?)");
            assertThat(r.err()).contains("2 problem(s)");
        }
    }

    @Test
    void aValidConfigPasses() {
        try (TestGateway gw = TestGateway.start("gateway:\n  cors: { enabled: true, origins: [\"http://a\"] }\n")) {
            CliRun r = CliRun.of(gw, "config", "validate");
            assertThat(r.exit()).as(r.out() + r.err()).isZero();
            assertThat(r.out()).contains("valid");
        }
    }
}
