package ai.openclaw.cli;

import ai.openclaw.config.ConfigDocument;
import ai.openclaw.config.GatewayConfig;
import ai.openclaw.config.StatePaths;
import ai.openclaw.sdk.OpenClawApiException;
import ai.openclaw.sdk.OpenClawClient;
import java.time.Duration;
import java.util.Map;

/** What the client commands share: the state paths, the config, and the SDK client of the running gateway. */
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

    /** A client (the Java SDK) for the running gateway at {@code --url} or the default, with the gateway token. */
    static OpenClawClient client(String url) {
        return OpenClawClient.builder().baseUrl(baseUrl(url)).token(token()).timeout(Duration.ofMinutes(5)).build();
    }

    /** An SDK error as the CLI prints it: {@code CODE: message (details)}. */
    static String describe(OpenClawApiException e) {
        if (e.status() == 0 && "CONNECTION_ERROR".equals(e.code())) {
            return e.getMessage() + (e.getMessage().startsWith("the gateway is not running")
                    ? " (start it with: openclaw gateway)" : "");
        }
        String details = e.details() != null && e.details().isTextual() ? " (" + e.details().asText() + ")" : "";
        return (e.code() == null ? "" : e.code() + ": ") + e.getMessage() + details;
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
