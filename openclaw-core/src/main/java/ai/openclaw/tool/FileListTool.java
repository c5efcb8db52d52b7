package ai.openclaw.tool;

import ai.openclaw.error.OpenClawException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** {@code file_list}: lists a directory inside the agent workspace (at most 500 entries, symlinks not followed). */
public final class FileListTool implements Tool {
    private static final int MAX_ENTRIES = 500;
    private static final ToolDescriptor DESCRIPTOR = new ToolDescriptor("file_list",
            "List the files in a directory of the agent workspace.", "1.0.0", ToolJson.parse("""
            {"type":"object","properties":{"path":{"type":"string"},"recursive":{"type":"boolean"}},
             "additionalProperties":false}"""),
            ToolJson.parse("{\"type\":\"object\"}"), "files", "builtin", "openclaw");

    @Override
    public ToolDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public JsonNode execute(JsonNode args, ToolContext context) throws Exception {
        String asked = args.path("path").asText(".");
        Path dir = WorkspacePaths.resolve(context.workspace(), asked.isBlank() ? "." : asked, "path");
        if (!Files.isDirectory(dir)) {
            throw OpenClawException.notFound("directory", asked);
        }
        boolean recursive = args.path("recursive").asBoolean(false);
        List<Path> paths;
        try (Stream<Path> s = recursive ? Files.walk(dir, 8) : Files.list(dir)) {
            paths = s.filter(p -> !p.equals(dir)).limit(MAX_ENTRIES + 1L).sorted().toList();
        }
        ObjectNode out = ToolJson.obj();
        out.put("path", WorkspacePaths.display(context.workspace(), dir).isEmpty() ? "."
                : WorkspacePaths.display(context.workspace(), dir));
        ArrayNode entries = out.putArray("entries");
        for (Path p : paths.subList(0, Math.min(paths.size(), MAX_ENTRIES))) {
            ObjectNode e = entries.addObject();
            e.put("path", WorkspacePaths.display(context.workspace(), p));
            boolean link = Files.isSymbolicLink(p);
            e.put("type", link ? "symlink" : Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? "directory" : "file");
            e.put("size", link ? 0 : Files.size(p));
        }
        out.put("truncated", paths.size() > MAX_ENTRIES);
        return out;
    }
}
