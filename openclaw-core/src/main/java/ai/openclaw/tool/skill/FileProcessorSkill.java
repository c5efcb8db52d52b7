package ai.openclaw.tool.skill;

import ai.openclaw.error.OpenClawException;
import ai.openclaw.tool.Tool;
import ai.openclaw.tool.ToolContext;
import ai.openclaw.tool.ToolDescriptor;
import ai.openclaw.tool.ToolJson;
import ai.openclaw.tool.WorkspacePaths;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The bundled {@code file-processor} skill: {@code stats}, {@code head} and {@code tail} of a text file inside the
 * workspace (files up to 4 MiB).
 */
public final class FileProcessorSkill implements Tool {
    private static final long MAX_FILE = 4L * 1024 * 1024;
    private final Skill skill;
    private final ToolDescriptor descriptor;

    /** @param skill the parsed bundled SKILL.md */
    public FileProcessorSkill(Skill skill) {
        this.skill = skill;
        this.descriptor = new ToolDescriptor(skill.name(), skill.description(), skill.version(), ToolJson.parse("""
                {"type":"object","properties":{"args":{"type":"array","items":{"type":"string"},"minItems":2,
                 "description":"[operation, path, n?]; operation is stats, head or tail"}},"required":["args"]}"""),
                ToolJson.parse("{\"type\":\"object\"}"), skill.category(), "skill", "openclaw");
    }

    /** The skill description. */
    public Skill skill() {
        return skill;
    }

    @Override
    public ToolDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public JsonNode execute(JsonNode args, ToolContext context) throws IOException {
        String op = args.path("args").path(0).asText();
        Path p = WorkspacePaths.resolve(context.workspace(), args.path("args").path(1).asText(), "args[1]");
        if (!Files.isRegularFile(p)) {
            throw OpenClawException.notFound("file", args.path("args").path(1).asText());
        }
        if (Files.size(p) > MAX_FILE) {
            throw OpenClawException.invalid("field 'args[1]': file is larger than " + MAX_FILE + " bytes");
        }
        String text = Files.readString(p, StandardCharsets.UTF_8);
        List<String> lines = text.lines().toList();
        int n = 10;
        if (args.path("args").size() > 2) {
            try {
                n = Math.max(1, Math.min(1000, Integer.parseInt(args.path("args").path(2).asText())));
            } catch (NumberFormatException e) {
                throw OpenClawException.invalid("field 'args[2]' must be a number of lines");
            }
        }
        ObjectNode out = ToolJson.obj();
        out.put("path", WorkspacePaths.display(context.workspace(), p));
        switch (op) {
            case "stats" -> {
                out.put("lines", lines.size());
                out.put("words", text.isBlank() ? 0 : text.strip().split("\\s+").length);
                out.put("chars", text.codePointCount(0, text.length()));
                out.put("bytes", Files.size(p));
            }
            case "head" -> out.put("content", String.join("\n", lines.subList(0, Math.min(n, lines.size()))));
            case "tail" -> out.put("content", String.join("\n", lines.subList(Math.max(0, lines.size() - n),
                    lines.size())));
            default -> throw OpenClawException.invalid("field 'args[0]' must be stats, head or tail; got '" + op + "'");
        }
        return out;
    }
}
