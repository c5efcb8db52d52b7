package ai.openclaw.tool;

import ai.openclaw.error.OpenClawException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Resolves paths that tools receive so they stay inside a workspace directory: no {@code ..} escapes, no absolute
 * paths elsewhere, and no symbolic links that lead outside (every existing part is resolved to its real path).
 */
public final class WorkspacePaths {
    private WorkspacePaths() {
    }

    /**
     * Resolves {@code relative} inside {@code workspace}.
     *
     * @param workspace the workspace directory (created if missing)
     * @param relative a path relative to it (an absolute path must lie inside it)
     * @param field the argument name, for error messages
     * @return the resolved path, normalised, inside the workspace's real path
     * @throws OpenClawException INVALID_REQUEST for an empty path; FORBIDDEN when it escapes the workspace
     */
    public static Path resolve(Path workspace, String relative, String field) {
        if (relative == null || relative.isBlank() || relative.indexOf('\0') >= 0) {
            throw OpenClawException.invalid("field '" + field + "' must be a non-empty path inside the workspace");
        }
        Path root;
        try {
            Files.createDirectories(workspace);
            root = workspace.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("workspace " + workspace + " is not usable", e);
        }
        Path asked = Path.of(relative);
        Path target = (asked.isAbsolute() ? asked : root.resolve(asked)).normalize();
        if (!target.startsWith(root)) {
            throw escape(relative, field);
        }
        Path existing = target;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            throw escape(relative, field);
        }
        try {
            Path real = existing.toRealPath();
            if (!real.startsWith(root)) {
                throw escape(relative, field);
            }
            Path rest = existing.relativize(target);
            Path out = rest.toString().isEmpty() ? real : real.resolve(rest).normalize();
            if (!out.startsWith(root)) {
                throw escape(relative, field);
            }
            return out;
        } catch (IOException e) {
            // a dangling symbolic link: its target cannot be checked, so refuse it
            throw escape(relative, field);
        }
    }

    /** The path relative to the workspace, for display. */
    public static String display(Path workspace, Path path) {
        try {
            return workspace.toRealPath().relativize(path).toString().replace('\\', '/');
        } catch (IOException e) {
            return path.getFileName() == null ? "." : path.getFileName().toString();
        }
    }

    private static OpenClawException escape(String relative, String field) {
        return OpenClawException.forbidden("field '" + field + "': path '" + relative
                + "' is outside the agent workspace");
    }
}
