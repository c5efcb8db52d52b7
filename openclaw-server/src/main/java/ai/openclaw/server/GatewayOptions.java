package ai.openclaw.server;

import ai.openclaw.config.StatePaths;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * How to start a gateway.
 *
 * @param paths the state dir and config file
 * @param env the environment used for {@code ${VAR}} substitution and {@code OPENCLAW_GATEWAY_TOKEN}
 * @param port a port overriding the config (0 picks a free one), or null to use the config
 * @param bind {@code loopback}, {@code lan} or an IP overriding the config, or null to use the config
 * @param clock the time source
 */
public record GatewayOptions(StatePaths paths, Map<String, String> env, Integer port, String bind, Clock clock) {
    /** Validates the fields and copies the environment. */
    public GatewayOptions {
        Objects.requireNonNull(paths, "paths");
        env = Map.copyOf(env);
        Objects.requireNonNull(clock, "clock");
        if (port != null && (port < 0 || port > 65535)) {
            throw new IllegalArgumentException("port must be 0-65535, got " + port);
        }
    }

    /** Options from the process environment with the config's port and bind. */
    public static GatewayOptions fromEnvironment() {
        return new GatewayOptions(StatePaths.fromEnvironment(System.getenv(), StatePaths.userHome(System.getenv())),
                System.getenv(), null, null, Clock.tickMillis(java.time.ZoneOffset.UTC));
    }

    /** The same options with a port and bind override (either may be null). */
    public GatewayOptions withListen(Integer newPort, String newBind) {
        return new GatewayOptions(paths, env, newPort, newBind, clock);
    }
}
