package ai.openclaw.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.openclaw.server.Gateway;
import ai.openclaw.server.GatewayOptions;
import ai.openclaw.testkit.CliRun;
import ai.openclaw.testkit.TestGateway;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * One gateway per state dir (issue 13): the running one holds {@code gateway.lock} with its pid and port; a second
 * {@code openclaw gateway} on the same state dir exits 1 naming them, before touching the database or the memory
 * index (also in the same JVM); a lock file left by a gateway that is gone does not block, and closing empties it.
 */
class StateLockTest {
    @Test
    void aSecondGatewayOnTheSameStateDirExitsOneNamingTheFirst() throws Exception {
        try (TestGateway gw = TestGateway.start()) {
            int port = URI.create(gw.baseUrl()).getPort();
            long pid = ProcessHandle.current().pid();
            // (the lock file is not read here: a POSIX lock is dropped when its process closes any descriptor of it)
            CliRun second = CliRun.of(gw, "gateway", "--port", "0");
            assertThat(second.exit()).as(second.out() + second.err()).isEqualTo(1);
            assertThat(second.out() + second.err()).contains("a gateway is already running on the state dir",
                    "pid " + pid, "port " + port).doesNotContain("memory index", "Exception");
            // the first one is unharmed
            assertThat(gw.get("/v2/conversations").status()).isEqualTo(200);

            // in the same JVM too
            assertThatThrownBy(() -> Gateway.start(new GatewayOptions(ai.openclaw.config.StatePaths.of(gw.stateDir()),
                    java.util.Map.of("OPENCLAW_GATEWAY_TOKEN", TestGateway.TOKEN), 0, "loopback",
                    java.time.Clock.systemUTC())))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("pid " + pid);
            assertThat(gw.get("/v2/conversations").status()).isEqualTo(200);
        }
    }

    @Test
    void aLockFileLeftBehindDoesNotBlockAndIsEmptiedOnClose() throws Exception {
        try (TestGateway gw = TestGateway.start()) {
            Path lock = gw.stateDir().resolve("gateway.lock");
            gw.restart(() -> {
                assertThat(readQuietly(lock)).isEmpty();
                try {
                    Files.writeString(lock, "{\"pid\": 999999, \"port\": 1}\n"); // a crashed gateway's
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            assertThat(gw.get("/health").status()).isEqualTo(200);
        }
    }

    private static String readQuietly(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            return "missing";
        }
    }
}
