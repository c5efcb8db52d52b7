package ai.openclaw.tool;

import ai.openclaw.error.ErrorCode;
import ai.openclaw.error.OpenClawException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * {@code file_write}: writes (or appends to) a text file inside the agent workspace. It never makes code the gateway
 * would run: a path through a {@code skills} folder (any case) or into one of the protected roots (the folders
 * skills are loaded from) is refused, an existing executable file is not overwritten, and written files never keep
 * an execute bit.
 */
public final class FileWriteTool implements Tool {
    private static final ToolDescriptor DESCRIPTOR = new ToolDescriptor("file_write",
            "Write a UTF-8 text file inside the agent workspace (creating folders as needed).", "1.0.0",
            ToolJson.parse("""
            {"type":"object","properties":{"path":{"type":"string","minLength":1},
             "content":{"type":"string"},"append":{"type":"boolean"}},
             "required":["path","content"],"additionalProperties":false}"""),
            ToolJson.parse("{\"type\":\"object\"}"), "files", "builtin", "openclaw");
    private static final Set<PosixFilePermission> EXEC = Set.of(PosixFilePermission.OWNER_EXECUTE,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_EXECUTE);
    private final int maxBytes;
    private final List<Path> protectedRoots;

    /** @param maxBytes the largest content accepted, in bytes */
    public FileWriteTool(int maxBytes) {
        this(maxBytes, List.of());
    }

    /**
     * @param maxBytes the largest content accepted, in bytes
     * @param protectedRoots folders no write may land in (the skill folders), whatever the workspace
     */
    public FileWriteTool(int maxBytes, List<Path> protectedRoots) {
        this.maxBytes = maxBytes;
        this.protectedRoots = List.copyOf(protectedRoots);
    }

    @Override
    public ToolDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public JsonNode execute(JsonNode args, ToolContext context) throws Exception {
        Path p = WorkspacePaths.resolve(context.workspace(), args.path("path").asText(), "path");
        refuseCode(context.workspace(), p, args.path("path").asText());
        byte[] bytes = args.path("content").asText().getBytes(StandardCharsets.UTF_8);
        if (bytes.length > maxBytes) {
            throw new OpenClawException(ErrorCode.PAYLOAD_TOO_LARGE, "field 'content' is larger than " + maxBytes
                    + " bytes", null, false, null);
        }
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            throw OpenClawException.invalid("field 'path' names a directory");
        }
        Files.createDirectories(p.getParent());
        if (args.path("append").asBoolean(false)) {
            Files.write(p, bytes, StandardOpenOption.CREATE, StandardOpenOption.APPEND, LinkOption.NOFOLLOW_LINKS);
        } else {
            Files.write(p, bytes, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        }
        stripExecute(p);
        ObjectNode out = ToolJson.obj();
        out.put("path", WorkspacePaths.display(context.workspace(), p));
        out.put("bytesWritten", bytes.length);
        return out;
    }

    private void refuseCode(Path workspace, Path target, String asked) throws IOException {
        Path rel = workspace.toRealPath().relativize(target);
        for (Path part : rel) {
            if (part.toString().equalsIgnoreCase("skills")) {
                throw OpenClawException.forbidden("field 'path': '" + asked + "' is inside a skills folder; skills "
                        + "are installed by the operator, never written by tools");
            }
        }
        for (Path root : protectedRoots) {
            Path real = root.toAbsolutePath().normalize();
            try {
                real = root.toRealPath();
            } catch (IOException e) {
                // not created yet: compare with its normalised path
            }
            if (target.startsWith(real) || target.startsWith(root.toAbsolutePath().normalize())) {
                throw OpenClawException.forbidden("field 'path': '" + asked + "' is inside a skills folder; skills "
                        + "are installed by the operator, never written by tools");
            }
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)
                && hasExecute(target)) {
            throw OpenClawException.forbidden("field 'path': '" + asked + "' is an executable file; tools do not "
                    + "change executables");
        }
    }

    private static boolean hasExecute(Path p) throws IOException {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
            return perms.stream().anyMatch(EXEC::contains);
        } catch (UnsupportedOperationException e) {
            return false;
        }
    }

    private static void stripExecute(Path p) throws IOException {
        try {
            Set<PosixFilePermission> perms = EnumSet.copyOf(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
            if (perms.removeAll(EXEC)) {
                Files.setPosixFilePermissions(p, perms);
            }
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            // not a POSIX file system: nothing to strip
        }
    }
}
