package ai.openclaw.memory;

/** Names of the workspace memory files that are indexed as memory ({@code MEMORY.md}, {@code memory/*.md}). */
public final class WorkspaceSources {
    /** The long-term memory file, relative to the workspace. */
    public static final String MEMORY_FILE = "MEMORY.md";
    /** The folder of daily notes, relative to the workspace. */
    public static final String MEMORY_DIR = "memory";

    private WorkspaceSources() {
    }

    /** Whether {@code source} names a workspace memory file. */
    public static boolean isWorkspaceSource(String source) {
        return source != null && (source.equals(MEMORY_FILE)
                || (source.startsWith(MEMORY_DIR + "/") && source.endsWith(".md")));
    }
}
