package ai.openclaw.testkit;

import ai.openclaw.config.StatePaths;
import ai.openclaw.server.Gateway;
import ai.openclaw.server.GatewayOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The GatewayTest harness: a real gateway on 127.0.0.1, port 0, with a temporary state dir and a known token,
 * plus an HTTP client that talks to it over a real socket. {@link #restart()} keeps the state dir (for
 * crash/restart tests); {@link #close()} stops it and deletes the state dir.
 */
public final class TestGateway implements AutoCloseable {
    /** The gateway token every test gateway uses. */
    public static final String TOKEN = "test-gateway-token-0123456789";

    private final Path stateDir;
    private final Map<String, String> env;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private Gateway gateway;

    private TestGateway(Path stateDir, Map<String, String> env) {
        this.stateDir = stateDir;
        this.env = env;
        try {
            this.gateway = Gateway.start(options());
        } catch (RuntimeException e) {
            deleteStateDir();
            throw e;
        }
    }

    /** Starts a gateway with no provider configured ({@code builtin/offline} answers). */
    public static TestGateway start() {
        return start("");
    }

    /**
     * Starts a gateway with the given config.yaml text.
     *
     * @param configYaml the config file's content (may be empty)
     */
    public static TestGateway start(String configYaml) {
        return start(configYaml, Map.of());
    }

    /** Starts a gateway with a config and extra environment variables. */
    public static TestGateway start(String configYaml, Map<String, String> extraEnv) {
        try {
            Path dir = Files.createTempDirectory("openclaw-test-");
            Files.writeString(dir.resolve("config.yaml"), configYaml, StandardCharsets.UTF_8);
            Map<String, String> env = new HashMap<>(extraEnv);
            env.putIfAbsent("OPENCLAW_GATEWAY_TOKEN", TOKEN);
            return new TestGateway(dir, env);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A config.yaml whose default model is {@code fake/fake-model} served by an OpenAI-compatible provider at
     * {@code baseUrl}, plus an Anthropic provider {@code claude} at {@code anthropicBaseUrl} (may be null). Both
     * with {@code retries: 0}, so that a scripted failure reaches the gateway's client (retry tests set their own).
     */
    public static String providerConfig(String openAiBaseUrl, String anthropicBaseUrl) {
        StringBuilder sb = new StringBuilder();
        sb.append("models:\n  default: fake/fake-model\n  providers:\n");
        sb.append("    fake: { api: openai-completions, baseUrl: \"").append(openAiBaseUrl)
                .append("\", apiKey: \"sk-test\", models: [fake-model], timeoutMs: 5000, retries: 0 }\n");
        if (anthropicBaseUrl != null) {
            sb.append("    claude: { api: anthropic-messages, baseUrl: \"").append(anthropicBaseUrl)
                    .append("\", apiKey: \"sk-ant-test\", models: [claude-test], timeoutMs: 5000, retries: 0 }\n");
        }
        return sb.toString();
    }

    private GatewayOptions options() {
        return new GatewayOptions(StatePaths.of(stateDir), env, 0, "loopback", Clock.tickMillis(ZoneOffset.UTC));
    }

    /** The base URL, e.g. {@code http://127.0.0.1:41234}. */
    public String baseUrl() {
        return gateway.baseUrl();
    }

    /** The state directory. */
    public Path stateDir() {
        return stateDir;
    }

    /** The running gateway. */
    public Gateway gateway() {
        return gateway;
    }

    /** Stops the gateway and starts a new one on the same state dir (a new port). */
    public void restart() {
        gateway.close();
        gateway = Gateway.start(options());
    }

    /** Stops the gateway, runs {@code whileStopped} (e.g. deleting index files), and starts a new one on the same
     * state dir. */
    public void restart(Runnable whileStopped) {
        gateway.close();
        whileStopped.run();
        gateway = Gateway.start(options());
    }

    /** GET with the gateway token. */
    public HttpResult get(String path) {
        return send("GET", path, null, Map.of("Authorization", "Bearer " + TOKEN));
    }

    /** POST a JSON body with the gateway token. */
    public HttpResult post(String path, String json) {
        return send("POST", path, json, Map.of("Authorization", "Bearer " + TOKEN,
                "Content-Type", "application/json"));
    }

    /** DELETE with the gateway token. */
    public HttpResult delete(String path) {
        return send("DELETE", path, null, Map.of("Authorization", "Bearer " + TOKEN));
    }

    /**
     * Any request.
     *
     * @param method the HTTP method
     * @param path the path and query
     * @param body the body, or null for none
     * @param headers request headers (no auth is added)
     */
    public HttpResult send(String method, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(b::header);
        return HttpResult.send(http, b.build(), method + " " + path);
    }

    /** Stops the gateway and deletes its state dir. */
    @Override
    public void close() {
        gateway.close();
        deleteStateDir();
    }

    private void deleteStateDir() {
        try (Stream<Path> files = Files.walk(stateDir)) {
            List<Path> all = files.sorted(Comparator.reverseOrder()).toList();
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // best effort
        }
    }
}
