package ai.openclaw.memory;

/** Names of the workspace memory files that are indexed as memory ({@code MEMORY.md}, {@code memory/*.md}). */
public final class WorkspaceSources {
    /** The long-term memory file, relative to the workspace. */
    public static final String MEMORY_FILE = "MEMORY.md";
    /** The folder of daily notes, relative to the workspace. */
    public static final String MEMORY_DIR = "memory";

    /** The folder of the non-operator owners' workspaces in the state dir; their sources start with it. */
    public static final String OWNER_DIR = "workspaces";

    private WorkspaceSources() {
    }

    /**
     * Whether {@code source} names a workspace memory file: the operator's ({@code MEMORY.md}, {@code memory/x.md})
     * or an owner's ({@code workspaces/<owner>/MEMORY.md}, {@code workspaces/<owner>/memory/x.md}).
     */
    public static boolean isWorkspaceSource(String source) {
        if (source == null) {
            return false;
        }
        String s = source;
        if (s.startsWith(OWNER_DIR + "/")) {
            int slash = s.indexOf('/', OWNER_DIR.length() + 1);
            if (slash < 0) {
                return false;
            }
            s = s.substring(slash + 1);
        }
        return s.equals(MEMORY_FILE) || (s.startsWith(MEMORY_DIR + "/") && s.endsWith(".md") && s.indexOf('/',
                MEMORY_DIR.length() + 1) < 0);
    }
}
