package ai.openclaw.cli;

import ai.openclaw.config.ConfigDocument;
import ai.openclaw.config.GatewayConfig;
import ai.openclaw.config.StatePaths;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** What the client commands share: the state paths, the config, and calls to the running gateway. */
final class Cli {
    private Cli() {
    }

    static Map<String, String> env() {
        return System.getenv();
    }

    static StatePaths paths() {
        return StatePaths.fromEnvironment(env(), StatePaths.userHome(env()));
    }

    static ConfigDocument config() {
        return ConfigDocument.load(paths().configFile(), env());
    }

    /** The token for calling the running gateway: {@code $OPENCLAW_GATEWAY_TOKEN}, else the config's. */
    static String token() {
        String t = env().get("OPENCLAW_GATEWAY_TOKEN");
        if (t != null && !t.isBlank()) {
            return t;
        }
        String fromConfig = GatewayConfig.from(config()).token();
        if (fromConfig == null) {
            throw new IllegalStateException("no gateway token: set OPENCLAW_GATEWAY_TOKEN or start the gateway once "
                    + "so it generates one");
        }
        return fromConfig;
    }

    /** The running gateway's URL: {@code --url}, else {@code $OPENCLAW_GATEWAY_URL}, else the config's port. */
    static String baseUrl(String override) {
        if (override != null && !override.isBlank()) {
            return stripSlash(override);
        }
        String env = env().get("OPENCLAW_GATEWAY_URL");
        if (env != null && !env.isBlank()) {
            return stripSlash(env);
        }
        return "http://127.0.0.1:" + GatewayConfig.from(config()).port();
    }

    static HttpClient http() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    static HttpRequest.Builder request(String baseUrl, String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofMinutes(5))
                .header("Authorization", "Bearer " + token()).header("Content-Type", "application/json");
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return http().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.net.ConnectException e) {
            throw new IllegalStateException("the gateway is not running at " + request.uri().getScheme() + "://"
                    + request.uri().getAuthority() + " (start it with: openclaw gateway)");
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot reach the gateway: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
