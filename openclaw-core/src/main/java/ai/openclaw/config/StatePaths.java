package ai.openclaw.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Where the gateway keeps its state (DESIGN.md §4): {@code $OPENCLAW_STATE_DIR}, else
 * {@code $OPENCLAW_HOME/.openclaw}, else {@code ~/.openclaw}; the config file is
 * {@code $OPENCLAW_CONFIG_PATH}, else {@code <state>/config.yaml}.
 *
 * @param stateDir the state directory
 * @param configFile the YAML config file
 */
public record StatePaths(Path stateDir, Path configFile) {
    /** Validates that both paths are present. */
    public StatePaths {
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(configFile, "configFile");
    }

    /**
     * Resolves the paths from environment variables.
     *
     * @param env the environment (usually {@link System#getenv()})
     * @param userHome the user's home directory, used when neither variable is set
     */
    public static StatePaths fromEnvironment(Map<String, String> env, String userHome) {
        Path state;
        if (notBlank(env.get("OPENCLAW_STATE_DIR"))) {
            state = Path.of(env.get("OPENCLAW_STATE_DIR"));
        } else if (notBlank(env.get("OPENCLAW_HOME"))) {
            state = Path.of(env.get("OPENCLAW_HOME"), ".openclaw");
        } else {
            state = Path.of(userHome, ".openclaw");
        }
        Path config = notBlank(env.get("OPENCLAW_CONFIG_PATH")) ? Path.of(env.get("OPENCLAW_CONFIG_PATH"))
                : state.resolve("config.yaml");
        return new StatePaths(state.toAbsolutePath().normalize(), config.toAbsolutePath().normalize());
    }

    /**
     * The user's home directory: {@code $HOME} when set (so a test, a service manager or {@code sudo -u} can point
     * it elsewhere), else the JVM's {@code user.home} (which Java reads from the account database, not from
     * {@code $HOME}).
     *
     * @param env the environment (usually {@link System#getenv()})
     */
    public static String userHome(Map<String, String> env) {
        String home = env.get("HOME");
        return notBlank(home) ? home : System.getProperty("user.home");
    }

    /** Paths for a given state directory with the config file inside it. */
    public static StatePaths of(Path stateDir) {
        return new StatePaths(stateDir.toAbsolutePath().normalize(), stateDir.toAbsolutePath().normalize()
                .resolve("config.yaml"));
    }

    /** The default SQLite database file. */
    public Path database() {
        return stateDir.resolve("openclaw.db");
    }

    /** The agent workspace ({@code AGENTS.md}, {@code MEMORY.md}, {@code memory/}). */
    public Path workspace() {
        return stateDir.resolve("workspace");
    }

    /** Managed skills. */
    public Path skills() {
        return stateDir.resolve("skills");
    }

    /** Log files. */
    public Path logs() {
        return stateDir.resolve("logs");
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
