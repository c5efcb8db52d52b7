package ai.openclaw.tool.skill;

import ai.openclaw.error.ErrorCode;
import ai.openclaw.error.OpenClawException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a skill's entry point as a child process inside the {@link SkillSandbox}: working directory a fresh scratch
 * folder (the only place it may write; removed afterwards), the caller's workspace and the skill folder read-only,
 * no network unless its {@code SKILL.md} asks ({@link Skill#wantsNetwork()}) and {@code skills.allowNetwork} is on,
 * an environment with nothing inherited but a fixed {@code PATH} (no secrets), stdin the arguments as JSON, stdout
 * and stderr merged and capped, and a timeout after which the process tree is killed. Without a working sandbox
 * scripts are refused unless the operator set {@code skills.allowUnsandboxedScripts: true}.
 */
public final class ScriptRunner {
    private static final String PATH = "/usr/local/bin:/usr/bin:/bin";
    private final ExecutorService executor;
    private final int maxOutputBytes;
    private final SkillSandbox sandbox;
    private final boolean allowUnsandboxed;
    private final boolean allowNetwork;
    private final Path scratchRoot;

    /**
     * @param executor reads the process output
     * @param maxOutputBytes the most output kept; a process that writes more is killed
     * @param sandbox how scripts are confined
     * @param allowUnsandboxed whether scripts may run when the sandbox is {@code none}
     * @param allowNetwork whether a skill that asks for the network gets it
     * @param scratchRoot where the per-run scratch folders are made
     */
    public ScriptRunner(ExecutorService executor, int maxOutputBytes, SkillSandbox sandbox, boolean allowUnsandboxed,
                        boolean allowNetwork, Path scratchRoot) {
        this.executor = executor;
        this.maxOutputBytes = maxOutputBytes;
        this.sandbox = sandbox;
        this.allowUnsandboxed = allowUnsandboxed;
        this.allowNetwork = allowNetwork;
        this.scratchRoot = scratchRoot;
    }

    /** Whether scripts may run at all: a sandbox works, or the operator opted in to running them without one. */
    public boolean scriptsEnabled() {
        return sandbox.confined() || allowUnsandboxed;
    }

    /** The sandbox in use. */
    public SkillSandbox sandbox() {
        return sandbox;
    }

    /**
     * Runs the skill's entry point.
     *
     * @param skill the skill (with {@link Skill#dir()} and a non-empty {@link Skill#entry()})
     * @param args extra command-line arguments
     * @param argsJson the arguments object as JSON, written to stdin and {@code OPENCLAW_ARGS}
     * @param workspace the caller's workspace (read-only for the script)
     * @param timeout the longest it may run
     * @return the output, trimmed
     * @throws OpenClawException TIMEOUT when it runs too long; PAYLOAD_TOO_LARGE when it writes too much;
     *     UPSTREAM_ERROR when it exits non-zero or cannot start; FORBIDDEN when the entry lies outside the skill or
     *     scripts are off (no sandbox and no opt-in)
     */
    public String run(Skill skill, List<String> args, String argsJson, Path workspace, Duration timeout) {
        if (!scriptsEnabled()) {
            throw OpenClawException.forbidden("skill '" + skill.name() + "' runs a script, and scripts are off: no "
                    + "sandbox is available (install bubblewrap) and skills.allowUnsandboxedScripts is false");
        }
        Path scratch;
        try {
            Files.createDirectories(scratchRoot);
            scratch = Files.createTempDirectory(scratchRoot, skill.name() + "-");
        } catch (IOException e) {
            throw new OpenClawException(ErrorCode.INTERNAL_ERROR, "skill '" + skill.name() + "': no scratch folder",
                    null, false, null);
        }
        try {
            return runIn(skill, args, argsJson, workspace, timeout, scratch);
        } finally {
            deleteTree(scratch);
        }
    }

    private String runIn(Skill skill, List<String> args, String argsJson, Path workspace, Duration timeout,
                         Path scratch) {
        Path dir = skill.dir().toAbsolutePath().normalize();
        Path script = dir.resolve(skill.entry().get(0)).normalize();
        try {
            if (!script.startsWith(dir) || !script.toRealPath().startsWith(dir.toRealPath())) {
                throw OpenClawException.forbidden("skill '" + skill.name() + "': entry point is outside its folder");
            }
        } catch (IOException e) {
            throw new OpenClawException(ErrorCode.UPSTREAM_ERROR, "skill '" + skill.name() + "': entry point "
                    + skill.entry().get(0) + " not found", null, false, null);
        }
        List<String> cmd = new ArrayList<>();
        String file = script.getFileName().toString();
        if (file.endsWith(".sh")) {
            cmd.add("sh");
        } else if (file.endsWith(".py")) {
            cmd.add("python3");
        }
        cmd.add(script.toString());
        cmd.addAll(skill.entry().subList(1, skill.entry().size()));
        cmd.addAll(args);
        boolean network = skill.wantsNetwork() && allowNetwork;
        Path ws = workspace.toAbsolutePath().normalize();
        ProcessBuilder pb = new ProcessBuilder(sandbox.wrap(cmd, dir, ws, scratch, network))
                .directory(scratch.toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.clear();
        env.put("PATH", PATH);
        env.put("HOME", scratch.toString());
        env.put("TMPDIR", scratch.toString());
        env.put("OPENCLAW_SCRATCH", scratch.toString());
        env.put("OPENCLAW_SANDBOX", sandbox.kind());
        env.put("LANG", "C.UTF-8");
        env.put("OPENCLAW_SKILL_DIR", dir.toString());
        env.put("OPENCLAW_WORKSPACE", ws.toString());
        env.put("OPENCLAW_ARGS", argsJson);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new OpenClawException(ErrorCode.UPSTREAM_ERROR, "skill '" + skill.name() + "' could not start: "
                    + e.getMessage(), null, false, null);
        }
        Future<byte[]> reader = executor.submit(() -> readCapped(p));
        try (OutputStream stdin = p.getOutputStream()) {
            stdin.write(argsJson.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the script does not read stdin
        }
        try {
            byte[] out = reader.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (out == null) {
                kill(p);
                throw new OpenClawException(ErrorCode.PAYLOAD_TOO_LARGE, "skill '" + skill.name()
                        + "' wrote more than " + maxOutputBytes + " bytes of output and was stopped", null, false,
                        null);
            }
            if (!p.waitFor(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS)) {
                kill(p);
                throw timeout(skill, timeout);
            }
            String text = new String(out, StandardCharsets.UTF_8).strip();
            if (p.exitValue() != 0) {
                throw new OpenClawException(ErrorCode.UPSTREAM_ERROR, "skill '" + skill.name() + "' failed with exit "
                        + "code " + p.exitValue() + (text.isEmpty() ? "" : ": " + tail(text)), null, false, null);
            }
            return text;
        } catch (TimeoutException e) {
            kill(p);
            reader.cancel(true);
            throw timeout(skill, timeout);
        } catch (ExecutionException e) {
            kill(p);
            throw new OpenClawException(ErrorCode.UPSTREAM_ERROR, "skill '" + skill.name() + "': reading its output "
                    + "failed", null, false, null);
        } catch (InterruptedException e) {
            kill(p);
            Thread.currentThread().interrupt();
            throw timeout(skill, timeout);
        }
    }

    private byte[] readCapped(Process p) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        try (InputStream in = p.getInputStream()) {
            int n;
            while ((n = in.read(chunk)) > 0) {
                if (buf.size() + n > maxOutputBytes) {
                    return null;
                }
                buf.write(chunk, 0, n);
            }
        }
        return buf.toByteArray();
    }

    private static void deleteTree(Path root) {
        try (var walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            // a leftover scratch folder is harmless; the next start does not reuse it
        }
    }

    private static void kill(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
    }

    private static OpenClawException timeout(Skill skill, Duration timeout) {
        return new OpenClawException(ErrorCode.TIMEOUT, "skill '" + skill.name() + "' did not finish within "
                + timeout.toSeconds() + " s and was stopped", null, true, null);
    }

    private static String tail(String text) {
        return text.length() <= 500 ? text : "…" + text.substring(text.length() - 500);
    }
}
