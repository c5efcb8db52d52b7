package ai.openclaw.tool;

import ai.openclaw.error.OpenClawException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code file_read}: reads a text file inside the agent workspace, up to a size cap; {@code attachments/<name or
 * fileId>} reads the extracted text of a file attached to the calling conversation.
 */
public final class FileReadTool implements Tool {
    private static final ToolDescriptor DESCRIPTOR = new ToolDescriptor("file_read",
            "Read a UTF-8 text file inside the agent workspace.", "1.0.0", ToolJson.parse("""
            {"type":"object","properties":{"path":{"type":"string","minLength":1,
             "description":"path relative to the workspace, or attachments/<file name or fileId> for a file attached to this conversation"},
             "maxBytes":{"type":"integer","minimum":1}},"required":["path"],"additionalProperties":false}"""),
            ToolJson.parse("{\"type\":\"object\"}"), "files", "builtin", "openclaw");
    private final int maxBytes;
    private final java.util.function.Supplier<ConversationFiles> attachments;

    /** @param maxBytes the most bytes returned; longer files are cut and marked {@code truncated} */
    public FileReadTool(int maxBytes) {
        this(maxBytes, () -> ConversationFiles.NONE);
    }

    /**
     * @param maxBytes the most bytes returned; longer files are cut and marked {@code truncated}
     * @param attachments the calling conversation's attached files (read at each call)
     */
    public FileReadTool(int maxBytes, java.util.function.Supplier<ConversationFiles> attachments) {
        this.maxBytes = maxBytes;
        this.attachments = attachments;
    }

    @Override
    public ToolDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public JsonNode execute(JsonNode args, ToolContext context) throws Exception {
        String path = args.path("path").asText();
        if (path.startsWith("attachments/") && context.sessionId() != null) {
            String ref = path.substring("attachments/".length());
            ConversationFiles.AttachedFile f = attachments.get().find(context.sessionId(), context.ownerFilter(), ref)
                    .orElseThrow(() -> OpenClawException.notFound("attachment", ref));
            int cap = Math.min(maxBytes, args.path("maxBytes").asInt(maxBytes));
            ObjectNode out = ToolJson.obj();
            out.put("path", path);
            out.put("fileId", f.fileId());
            out.put("name", f.name());
            out.put("contentType", f.contentType());
            out.put("content", f.text().length() > cap ? f.text().substring(0, cap) : f.text());
            out.put("size", f.size());
            out.put("truncated", f.text().length() > cap);
            return out;
        }
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
