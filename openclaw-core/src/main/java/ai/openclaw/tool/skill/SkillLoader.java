package ai.openclaw.tool.skill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads skill directories: every subdirectory holding a {@code SKILL.md}. The entry point comes from the front
 * matter's {@code entry} (a string or a list: script then arguments), or {@code metadata.openclaw.entry} /
 * {@code metadata.entry}; {@code timeout} (seconds) and {@code category} likewise. {@code metadata} may be YAML
 * or a JSON string, as OpenClaw writes it. Broken skills are logged and skipped.
 */
public final class SkillLoader {
    private static final Logger LOG = LoggerFactory.getLogger(SkillLoader.class);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_SKILL_MD = 64 * 1024;

    private SkillLoader() {
    }

    /**
     * Loads the skills under {@code root}.
     *
     * @param root a folder of skill folders (missing is fine)
     * @param source what to report as the skills' source
     * @param defaultTimeout the timeout for skills that name none, in seconds
     * @return the skills found, by folder name order
     */
    public static List<Skill> loadDir(Path root, String source, int defaultTimeout) {
        List<Skill> out = new ArrayList<>();
        if (root == null || !Files.isDirectory(root)) {
            return out;
        }
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.sorted().toList()) {
                Path md = dir.resolve("SKILL.md");
                if (!Files.isRegularFile(md)) {
                    continue;
                }
                try {
                    if (Files.size(md) > MAX_SKILL_MD) {
                        LOG.warn("skipping skill {}: SKILL.md is larger than {} bytes", dir, MAX_SKILL_MD);
                        continue;
                    }
                    out.add(parse(Files.readString(md, StandardCharsets.UTF_8), dir, source, defaultTimeout,
                            dir.getFileName().toString()));
                } catch (IOException | RuntimeException e) {
                    LOG.warn("skipping skill {}: {}", dir, e.getMessage());
                }
            }
        } catch (IOException e) {
            LOG.warn("cannot list skills in {}: {}", root, e.getMessage());
        }
        return out;
    }

    /**
     * Parses a SKILL.md text.
     *
     * @param text the file's content
     * @param dir the skill directory, or null for bundled skills
     * @param source the source label
     * @param defaultTimeout seconds
     * @param fallbackName the name when the front matter has none
     * @throws IllegalArgumentException for malformed front matter or an invalid name
     */
    public static Skill parse(String text, Path dir, String source, int defaultTimeout, String fallbackName)
            throws IOException {
        String body = text;
        JsonNode fm = JSON.createObjectNode();
        String normalized = text.replace("\r\n", "\n");
        if (normalized.startsWith("---\n")) {
            int end = normalized.indexOf("\n---", 4);
            if (end < 0) {
                throw new IllegalArgumentException("front matter is not closed with ---");
            }
            JsonNode parsed = YAML.readTree(normalized.substring(4, end));
            fm = parsed == null || !parsed.isObject() ? JSON.createObjectNode() : parsed;
            int bodyStart = normalized.indexOf('\n', end + 4);
            body = bodyStart < 0 ? "" : normalized.substring(bodyStart + 1);
        }
        JsonNode meta = fm.path("metadata");
        if (meta.isTextual()) {
            meta = JSON.readTree(meta.textValue());
        }
        JsonNode oc = meta.path("openclaw");
        JsonNode entryNode = first(fm.path("entry"), oc.path("entry"), meta.path("entry"));
        List<String> entry = new ArrayList<>();
        if (entryNode.isTextual()) {
            entry.add(entryNode.textValue());
        } else if (entryNode.isArray()) {
            entryNode.forEach(e -> entry.add(e.asText()));
        } else if (entryNode.isObject()) {
            entry.add(entryNode.path("command").asText());
            entryNode.path("args").forEach(e -> entry.add(e.asText()));
        }
        int timeout = first(fm.path("timeout"), oc.path("timeout"), meta.path("timeout")).asInt(defaultTimeout);
        Map<String, Object> metadata = new LinkedHashMap<>();
        if (meta.isObject()) {
            metadata.putAll(JSON.convertValue(meta, LinkedHashMap.class));
        }
        if (fm.path("author").isValueNode() && !fm.path("author").asText().isBlank()) {
            metadata.put("author", fm.path("author").asText());
        }
        if (fm.path("network").isBoolean()) {
            metadata.put("network", fm.path("network").booleanValue());
        }
        String name = fm.path("name").asText(fallbackName);
        return new Skill(name, fm.path("description").asText(""),
                first(fm.path("version"), meta.path("version"), oc.path("version")).asText("1.0.0"),
                first(fm.path("category"), meta.path("category"), oc.path("category")).asText("general"),
                body.strip(), metadata, dir, entry, timeout <= 0 ? defaultTimeout : timeout, source);
    }

    private static JsonNode first(JsonNode... nodes) {
        for (JsonNode n : nodes) {
            if (n != null && !n.isMissingNode() && !n.isNull()) {
                return n;
            }
        }
        return JSON.missingNode();
    }
}
