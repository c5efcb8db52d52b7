package ai.openclaw.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One run of the {@code openclaw} CLI as a separate process (the test's own JVM and class path), pointed at a
 * {@link TestGateway}'s state dir, token and URL, as a user's shell would be.
 *
 * @param exit the exit status
 * @param out standard output, stripped
 * @param err standard error
 */
public record CliRun(int exit, String out, String err) {
    /**
     * Runs {@code openclaw ARGS…} against the gateway and waits (at most 60 s) for it to exit.
     *
     * @throws IllegalStateException if the process does not exit in time
     * @throws UncheckedIOException if the process cannot be started
     */
    public static CliRun of(TestGateway gw, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("ai.openclaw.cli.Main");
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("OPENCLAW_STATE_DIR", gw.stateDir().toString());
        pb.environment().remove("OPENCLAW_CONFIG_PATH");
        pb.environment().put("OPENCLAW_GATEWAY_TOKEN", TestGateway.TOKEN);
        pb.environment().put("OPENCLAW_GATEWAY_URL", gw.baseUrl());
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            byte[] err = p.getErrorStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("openclaw " + String.join(" ", args) + " did not exit in 60 s");
            }
            return new CliRun(p.exitValue(), new String(out, StandardCharsets.UTF_8).strip(),
                    new String(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the CLI", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
