package ai.openclaw.tool.skill;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A skill in OpenClaw's format: a directory with {@code SKILL.md} whose YAML front matter gives {@code name},
 * {@code description} and {@code metadata}, and whose body is the instructions given to the model when the skill
 * is enabled for an agent.
 *
 * @param name the skill name (also its tool name); 1-64 letters, digits, {@code _} or {@code -}
 * @param description what it does; never null
 * @param version its version; never null
 * @param category its category for {@code GET /v2/skills?category=}; never null
 * @param instructions the SKILL.md body; never null
 * @param metadata the front matter's {@code metadata}; never null
 * @param dir the skill directory, or null for a bundled skill implemented in Java
 * @param entry the executable entry point and its fixed arguments (relative to {@code dir}), or empty for none
 * @param timeoutSeconds how long one run of the entry point may take
 * @param source {@code bundled}, {@code state} (the state dir's {@code skills/}) or {@code workspace} (the
 *     operator's workspace): all operator-controlled, the only places scripts are loaded from
 */
public record Skill(String name, String description, String version, String category, String instructions,
                   Map<String, Object> metadata, Path dir, List<String> entry, int timeoutSeconds, String source) {
    /** Validates the fields and copies the collections. */
    public Skill {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalArgumentException("skill name must be 1-64 letters, digits, _ or -: " + name);
        }
        description = description == null ? "" : description;
        version = version == null || version.isBlank() ? "1.0.0" : version;
        category = category == null || category.isBlank() ? "general" : category;
        instructions = instructions == null ? "" : instructions;
        metadata = ai.openclaw.util.JsonMaps.copy(metadata);
        entry = entry == null ? List.of() : List.copyOf(entry);
        if (timeoutSeconds <= 0) {
            throw new IllegalArgumentException("timeoutSeconds must be > 0");
        }
        Objects.requireNonNull(source, "source");
    }

    /**
     * Who wrote it (seed 003's {@code author}): the front matter's {@code author}, else {@code metadata.author} or
     * {@code metadata.openclaw.author}, else {@code openclaw}.
     */
    public String author() {
        if (metadata.get("author") instanceof String a && !a.isBlank()) {
            return a;
        }
        if (metadata.get("openclaw") instanceof Map<?, ?> oc && oc.get("author") instanceof String a && !a.isBlank()) {
            return a;
        }
        return "openclaw";
    }

    /**
     * Whether the skill asks for network access: {@code network: true} in the front matter, or
     * {@code metadata.network} / {@code metadata.openclaw.network}. It gets it only when {@code skills.allowNetwork}
     * is on as well.
     */
    public boolean wantsNetwork() {
        if (Boolean.TRUE.equals(metadata.get("network"))) {
            return true;
        }
        return metadata.get("openclaw") instanceof Map<?, ?> oc && Boolean.TRUE.equals(oc.get("network"));
    }
}
