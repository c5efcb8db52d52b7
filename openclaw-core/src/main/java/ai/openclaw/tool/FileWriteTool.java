package ai.openclaw.tool;

import ai.openclaw.error.ErrorCode;
import ai.openclaw.error.OpenClawException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** {@code file_write}: writes (or appends to) a text file inside the agent workspace. */
public final class FileWriteTool implements Tool {
    private static final ToolDescriptor DESCRIPTOR = new ToolDescriptor("file_write",
            "Write a UTF-8 text file inside the agent workspace (creating folders as needed).", "1.0.0",
            ToolJson.parse("""
            {"type":"object","properties":{"path":{"type":"string","minLength":1},
             "content":{"type":"string"},"append":{"type":"boolean"}},
             "required":["path","content"],"additionalProperties":false}"""),
            ToolJson.parse("{\"type\":\"object\"}"), "files", "builtin", "openclaw");
    private final int maxBytes;

    /** @param maxBytes the largest content accepted, in bytes */
    public FileWriteTool(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public ToolDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public JsonNode execute(JsonNode args, ToolContext context) throws Exception {
        Path p = WorkspacePaths.resolve(context.workspace(), args.path("path").asText(), "path");
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
        ObjectNode out = ToolJson.obj();
        out.put("path", WorkspacePaths.display(context.workspace(), p));
        out.put("bytesWritten", bytes.length);
        return out;
    }
}
