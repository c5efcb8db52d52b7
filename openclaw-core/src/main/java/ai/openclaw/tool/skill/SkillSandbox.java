package ai.openclaw.tool.skill;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * How skill scripts are confined: with bubblewrap ({@code bwrap}) a script runs in fresh namespaces (no network
 * unless allowed, its own PID tree, a read-only view of {@code /usr} and a few {@code /etc} files, its skill folder
 * and the caller's workspace read-only, and one writable scratch folder); without it the process runs directly
 * (only when the operator opted in with {@code skills.allowUnsandboxedScripts}).
 *
 * @param kind {@code bwrap} or {@code none}
 * @param executable the bubblewrap binary, or null for {@code none}
 */
public record SkillSandbox(String kind, Path executable) {
    /** The sandbox kind for bubblewrap. */
    public static final String BWRAP = "bwrap";
    /** The kind for running scripts without a sandbox. */
    public static final String NONE = "none";
    private static final List<String> ETC_FILES = List.of("/etc/resolv.conf", "/etc/hosts", "/etc/nsswitch.conf",
            "/etc/ssl", "/etc/ca-certificates", "/etc/passwd", "/etc/group", "/etc/localtime", "/etc/alternatives",
            "/etc/ld.so.cache", "/etc/mime.types");
    private static final Map<String, SkillSandbox> FOUND = new ConcurrentHashMap<>();
    private static final List<String> TOP_DIRS = List.of("/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32");

    /** Validates the kind. */
    public SkillSandbox {
        if (!BWRAP.equals(kind) && !NONE.equals(kind)) {
            throw new IllegalArgumentException("sandbox kind must be bwrap or none: " + kind);
        }
        if (BWRAP.equals(kind) && executable == null) {
            throw new IllegalArgumentException("a bwrap sandbox needs its executable");
        }
    }

    /** Whether scripts run confined. */
    public boolean confined() {
        return BWRAP.equals(kind);
    }

    /**
     * Finds a working sandbox: {@code mode} {@code auto} (default) or {@code bwrap} look for bubblewrap on the usual
     * paths and check that it can create namespaces here (some containers forbid it; checked once per JVM);
     * {@code none} never sandboxes.
     *
     * @param mode {@code auto}, {@code bwrap} or {@code none} (config {@code skills.sandbox})
     * @return the sandbox, {@code none} when none works
     * @throws IllegalArgumentException for another mode
     */
    public static SkillSandbox detect(String mode) {
        String m = mode == null || mode.isBlank() ? "auto" : mode.strip();
        if (NONE.equals(m)) {
            return new SkillSandbox(NONE, null);
        }
        if (!"auto".equals(m) && !BWRAP.equals(m)) {
            throw new IllegalArgumentException("skills.sandbox must be auto, bwrap or none, got '" + mode + "'");
        }
        return FOUND.computeIfAbsent("bwrap", k -> {
            for (String candidate : List.of("/usr/bin/bwrap", "/usr/local/bin/bwrap", "/bin/bwrap")) {
                Path p = Path.of(candidate);
                if (Files.isExecutable(p) && works(p)) {
                    return new SkillSandbox(BWRAP, p);
                }
            }
            return new SkillSandbox(NONE, null);
        });
    }

    private static boolean works(Path bwrap) {
        List<String> cmd = new ArrayList<>(List.of(bwrap.toString(), "--unshare-all", "--die-with-parent"));
        addSystem(cmd);
        cmd.add("true");
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect
                    .DISCARD).start();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * The command that runs {@code command} in the sandbox.
     *
     * @param command the script's own command line
     * @param skillDir the skill folder (read-only inside)
     * @param workspace the caller's workspace (read-only inside), or null
     * @param scratch the only writable folder (the working directory and {@code HOME})
     * @param network whether the script may use the network
     * @return the full command line; {@code command} itself for {@code none}
     */
    public List<String> wrap(List<String> command, Path skillDir, Path workspace, Path scratch, boolean network) {
        if (!confined()) {
            return command;
        }
        List<String> cmd = new ArrayList<>(List.of(executable.toString(), "--unshare-all"));
        if (network) {
            cmd.add("--share-net");
        }
        cmd.addAll(List.of("--die-with-parent", "--new-session"));
        addSystem(cmd);
        for (String etc : ETC_FILES) {
            cmd.addAll(List.of("--ro-bind-try", etc, etc));
        }
        if (workspace != null && Files.isDirectory(workspace)) {
            String ws = workspace.toAbsolutePath().toString();
            cmd.addAll(List.of("--ro-bind", ws, ws));
        }
        String dir = skillDir.toAbsolutePath().toString();
        cmd.addAll(List.of("--ro-bind", dir, dir));
        String s = scratch.toAbsolutePath().toString();
        cmd.addAll(List.of("--bind", s, s, "--chdir", s, "--"));
        cmd.addAll(command);
        return cmd;
    }

    private static void addSystem(List<String> cmd) {
        cmd.addAll(List.of("--ro-bind", "/usr", "/usr", "--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp"));
        for (String top : TOP_DIRS) {
            Path p = Path.of(top);
            if (Files.isSymbolicLink(p)) {
                try {
                    cmd.addAll(List.of("--symlink", Files.readSymbolicLink(p).toString(), top));
                } catch (IOException e) {
                    // unreadable link: leave it out
                }
            } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                cmd.addAll(List.of("--ro-bind", top, top));
            }
        }
    }
}
