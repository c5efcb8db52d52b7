package ai.openclaw.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A gateway in a separate JVM ({@code openclaw gateway --port 0}, the test's own class path) on a temporary state
 * dir with {@link TestGateway#TOKEN}: for tests that crash it for real ({@link #kill9()}, SIGKILL — no shutdown
 * hook, no clean close) and start it again on the same state dir ({@link #start()}).
 */
public final class GatewayProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("gateway listening on (http://[0-9.]+:[0-9]+)");
    private final Path stateDir;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> log = java.util.Collections.synchronizedList(new ArrayList<>());
    private Process process;
    private String baseUrl;

    private GatewayProcess(Path stateDir) {
        this.stateDir = stateDir;
    }

    /**
     * Creates a state dir with {@code configYaml} and starts a gateway process on it.
     *
     * @throws IllegalStateException if it does not log that it listens within 120 s
     */
    public static GatewayProcess start(String configYaml) {
        try {
            Path dir = Files.createTempDirectory("openclaw-proc-");
            Files.writeString(dir.resolve("config.yaml"), configYaml, StandardCharsets.UTF_8);
            GatewayProcess g = new GatewayProcess(dir);
            g.start();
            return g;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts the gateway process (again) on the state dir and waits until it listens.
     *
     * @throws IllegalStateException if one is running, or it does not become ready within 120 s
     */
    public synchronized void start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("the gateway process is running");
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.add("-Xmx512m");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("ai.openclaw.cli.Main");
        cmd.addAll(List.of("gateway", "--port", "0", "--bind", "loopback"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("OPENCLAW_STATE_DIR", stateDir.toString());
        pb.environment().remove("OPENCLAW_CONFIG_PATH");
        pb.environment().put("OPENCLAW_GATEWAY_TOKEN", TestGateway.TOKEN);
        CompletableFuture<String> ready = new CompletableFuture<>();
        try {
            process = pb.start();
            process.getOutputStream().close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the gateway process", e);
        }
        Process p = process;
        Thread.ofVirtual().start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    log.add(line);
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        ready.complete(m.group(1));
                    }
                }
            } catch (IOException e) {
                // the process died
            }
            ready.completeExceptionally(new IllegalStateException("the gateway process exited before it was "
                    + "ready; log:\n" + String.join("\n", tail(40))));
        });
        try {
            baseUrl = ready.get(120, TimeUnit.SECONDS);
        } catch (Exception e) {
            p.destroyForcibly();
            throw new IllegalStateException("the gateway process did not become ready: " + e.getMessage(), e);
        }
    }

    /** Kills the process with SIGKILL (no shutdown hook runs) and waits until it is gone. */
    public synchronized void kill9() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the gateway process did not die");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The running process's base URL, e.g. {@code http://127.0.0.1:41234}. */
    public String baseUrl() {
        return baseUrl;
    }

    /** The state directory. */
    public Path stateDir() {
        return stateDir;
    }

    /** The last {@code n} lines the process logged. */
    public List<String> tail(int n) {
        synchronized (log) {
            return List.copyOf(log.subList(Math.max(0, log.size() - n), log.size()));
        }
    }

    /** GET with the gateway token. */
    public HttpResult get(String path) {
        return send("GET", path, null);
    }

    /** POST of JSON with the gateway token. */
    public HttpResult post(String path, String json) {
        return send("POST", path, json);
    }

    /**
     * A request with the gateway token ({@code Content-Type: application/json} when there is a body).
     *
     * @throws UncheckedIOException when the gateway cannot be reached
     */
    public HttpResult send(String method, String path, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + TestGateway.TOKEN)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        return HttpResult.send(http, b.build(), method + " " + path);
    }

    /** Kills the process and deletes the state dir. */
    @Override
    public void close() {
        kill9();
        try (Stream<Path> files = Files.walk(stateDir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // best effort
        }
    }
}
