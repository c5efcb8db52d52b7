package ai.openclaw.task;

import ai.openclaw.error.OpenClawException;
import ai.openclaw.tool.WorkspacePaths;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Files a task's parameters name ({@code input_file}, {@code inputFile}, {@code file}, {@code path}, or any
 * {@code *_file} / {@code *File}), read from the owner's workspace with the file tools' confinement ({@code ..},
 * absolute paths and symlinks out of the workspace are refused), and the instructions of a task without a handler.
 */
final class TaskFiles {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TaskFiles() {
    }

    /**
     * Text read from workspace files.
     *
     * @param source the files, e.g. {@code workspace file data.csv}
     * @param text their contents, each under a {@code --- name ---} line
     */
    record Read(String source, String text) {
    }

    /** The parameters that name files: parameter name → relative path. */
    static Map<String, String> named(Map<String, Object> p) {
        Map<String, String> out = new LinkedHashMap<>();
        p.forEach((k, v) -> {
            if (v instanceof String s && !s.isBlank() && (k.equals("file") || k.equals("path") || k.endsWith("_file")
                    || k.endsWith("File") || k.endsWith("_path"))) {
                out.put(k, s);
            }
        });
        return out;
    }

    /**
     * Reads the named files from a workspace.
     *
     * @throws OpenClawException NOT_FOUND naming the parameter when a file does not exist; INVALID_REQUEST for a path
     *     out of the workspace or when there is no workspace
     */
    static Read read(Map<String, Object> p, Path workspace, int maxChars) {
        if (workspace == null) {
            throw OpenClawException.invalid("this task names workspace files, but no workspace is configured");
        }
        StringBuilder text = new StringBuilder();
        StringBuilder source = new StringBuilder("workspace file");
        Map<String, String> files = named(p);
        if (files.size() > 1) {
            source.append('s');
        }
        for (Map.Entry<String, String> e : files.entrySet()) {
            Path f = WorkspacePaths.resolve(workspace, e.getValue(), "parameters." + e.getKey());
            if (!Files.isRegularFile(f)) {
                throw new OpenClawException(ai.openclaw.error.ErrorCode.NOT_FOUND, "parameters." + e.getKey() + ": file '"
                        + e.getValue() + "' not found in the workspace", null, false, null);
            }
            source.append(' ').append(e.getValue());
            try (InputStream in = Files.newInputStream(f)) {
                byte[] bytes = in.readNBytes(Math.max(0, maxChars - text.length()) * 4 + 4);
                String s = new String(bytes, StandardCharsets.UTF_8);
                text.append("--- ").append(e.getValue()).append(" ---\n").append(s).append('\n');
            } catch (IOException ex) {
                throw new UncheckedIOException("reading " + e.getValue() + " failed", ex);
            }
        }
        String t = text.length() > maxChars ? text.substring(0, maxChars) + "\n[… truncated]" : text.toString();
        return new Read(source.toString(), t);
    }

    /** The instructions of a task run as an agent task: its name, type and parameters. */
    static String describe(TaskContext ctx, Map<String, Object> p) {
        String params;
        try {
            params = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(p);
        } catch (JsonProcessingException e) {
            params = String.valueOf(p);
        }
        return "You are running a background task.\nTask name: " + ctx.name() + "\nTask type: "
                + (ctx.type() == null ? "(none)" : ctx.type()) + "\nParameters:\n" + params
                + "\nCarry out the task and report the result.";
    }
}
