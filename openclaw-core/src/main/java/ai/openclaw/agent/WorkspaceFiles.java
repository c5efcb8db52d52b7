package ai.openclaw.agent;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads an agent workspace's {@code AGENTS.md} and {@code SOUL.md} for the system prompt, size-capped. */
final class WorkspaceFiles {
    private WorkspaceFiles() {
    }

    /** The files' text as prompt sections, or "" when neither exists. */
    static String promptSections(Path workspace, int maxChars) {
        StringBuilder sb = new StringBuilder();
        for (String name : new String[] {"AGENTS.md", "SOUL.md"}) {
            String text = read(workspace.resolve(name), maxChars);
            if (text != null && !text.isBlank()) {
                sb.append("\n\n## ").append(name).append("\n\n").append(text.strip());
            }
        }
        return sb.toString();
    }

    private static String read(Path file, int maxChars) {
        if (maxChars <= 0 || !Files.isRegularFile(file)) {
            return null;
        }
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            char[] buf = new char[maxChars + 1];
            int n = 0;
            int got;
            while (n < buf.length && (got = r.read(buf, n, buf.length - n)) > 0) {
                n += got;
            }
            return n > maxChars ? new String(buf, 0, maxChars) + "\n[… truncated at " + maxChars + " characters]"
                    : new String(buf, 0, n);
        } catch (IOException e) {
            return null;
        }
    }
}
