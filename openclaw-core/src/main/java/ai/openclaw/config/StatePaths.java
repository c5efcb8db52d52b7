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

    /**
     * The workspace of a non-operator owner ({@code AGENTS.md}, {@code SOUL.md}, {@code MEMORY.md}, {@code memory/},
     * files): {@code workspaces/<owner>} in the state dir. The operator's is {@link #workspace()}.
     *
     * @param owner an owner id (an API key id, or a tenant's owner id)
     * @throws IllegalArgumentException for an owner id that is not a safe folder name
     */
    public Path ownerWorkspace(String owner) {
        if (owner == null || !owner.matches("[A-Za-z0-9_-]{1,128}") || owner.equals("gateway")) {
            throw new IllegalArgumentException("not an owner id usable as a workspace folder: " + owner);
        }
        return ownerWorkspaces().resolve(owner);
    }

    /** The folder of the non-operator owners' workspaces. */
    public Path ownerWorkspaces() {
        return stateDir.resolve("workspaces");
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
