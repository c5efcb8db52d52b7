package ai.openclaw.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs an external program (python3, node, go) for tests that drive the SDKs and the seeds' snippets: stdout and
 * stderr merged, bounded by a time limit (the process is destroyed when it runs over).
 *
 * @param exit the exit code, or -1 when the time limit ended it
 * @param output stdout and stderr, merged, as UTF-8
 */
public record ExternalProcess(int exit, String output) {
    /**
     * Whether a program can be started and exits 0 (e.g. {@code "go", "version"}).
     *
     * @param command the program and its arguments
     */
    public static boolean available(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Runs {@code command} in {@code dir} with extra environment variables, waiting at most {@code timeoutSeconds}.
     *
     * @param command the program and its arguments
     * @param dir the working directory
     * @param env variables added to this JVM's environment
     * @param timeoutSeconds the time limit in seconds
     * @return the exit code and output
     * @throws UncheckedIOException when the program cannot be started
     */
    public static ExternalProcess run(List<String> command, Path dir, Map<String, String> env, long timeoutSeconds) {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            // A thread of its own: blocking a ForkJoinPool.commonPool() thread (CompletableFuture.supplyAsync) starves
            // the gateway's streaming on a 2-core machine, where that pool has a single thread.
            CompletableFuture<String> out = new CompletableFuture<>();
            Thread reader = new Thread(() -> {
                try {
                    out.complete(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    out.complete("(output lost: " + e.getMessage() + ")");
                }
            }, "external-process-output");
            reader.setDaemon(true);
            reader.start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
                String partial;
                try {
                    partial = out.get(10, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                    partial = "(output not available)";
                }
                return new ExternalProcess(-1, partial + "\n(killed after " + timeoutSeconds + " s)");
            }
            return new ExternalProcess(p.exitValue(), out.join());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
