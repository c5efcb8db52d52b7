package ai.openclaw.tool;

import ai.openclaw.error.OpenClawException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code file_read}: reads a text file inside the agent workspace, up to a size cap. */
public final class FileReadTool implements Tool {
    private static final ToolDescriptor DESCRIPTOR = new ToolDescriptor("file_read",
            "Read a UTF-8 text file inside the agent workspace.", "1.0.0", ToolJson.parse("""
            {"type":"object","properties":{"path":{"type":"string","minLength":1,
             "description":"path relative to the workspace"},
             "maxBytes":{"type":"integer","minimum":1}},"required":["path"],"additionalProperties":false}"""),
            ToolJson.parse("{\"type\":\"object\"}"), "files", "builtin", "openclaw");
    private final int maxBytes;

    /** @param maxBytes the most bytes returned; longer files are cut and marked {@code truncated} */
    public FileReadTool(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public ToolDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public JsonNode execute(JsonNode args, ToolContext context) throws Exception {
        Path p = WorkspacePaths.resolve(context.workspace(), args.path("path").asText(), "path");
        if (!Files.isRegularFile(p)) {
            throw OpenClawException.notFound("file", args.path("path").asText());
        }
        int cap = Math.min(maxBytes, args.path("maxBytes").asInt(maxBytes));
        byte[] bytes;
        try (InputStream in = Files.newInputStream(p)) {
            bytes = in.readNBytes(cap + 1);
        }
        boolean truncated = bytes.length > cap;
        ObjectNode out = ToolJson.obj();
        out.put("path", WorkspacePaths.display(context.workspace(), p));
        out.put("content", new String(bytes, 0, Math.min(bytes.length, cap), StandardCharsets.UTF_8));
        out.put("size", Files.size(p));
        out.put("truncated", truncated);
        return out;
    }
}
