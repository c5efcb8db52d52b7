package ai.openclaw.agent;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which gateway tools an agent that names no skills is offered, as OpenClaw's {@code tools.profile}: a profile
 * ({@code minimal}, {@code coding}, {@code messaging}, {@code full}) narrowed by {@code deny} and widened by
 * {@code allow}. Config: {@code tools: { profile: full, allow: [...], deny: [...] }} for every agent, and
 * {@code agents.tools.<agentId>: { profile, allow, deny }} for one agent (its lists replace the global ones).
 *
 * @param profile the profile name; never null
 * @param allow tool names offered in addition to the profile's; never null
 * @param deny tool names never offered; never null (wins over allow)
 */
public record ToolPolicy(String profile, List<String> allow, List<String> deny) {
    /** Every tool. */
    public static final ToolPolicy FULL = new ToolPolicy("full", List.of(), List.of());
    private static final Map<String, Set<String>> PROFILES = Map.of(
            "minimal", Set.of("sessions_list"),
            "messaging", Set.of("sessions_list", "memory_search", "memory_add"),
            "coding", Set.of("file_read", "file_write", "file_list", "web_fetch", "sessions_list", "memory_search",
                    "memory_add", SpawnAgentTool.NAME));

    /** Validates the profile name and copies the lists. */
    public ToolPolicy {
        Objects.requireNonNull(profile, "profile");
        if (!profile.equals("full") && !PROFILES.containsKey(profile)) {
            throw new IllegalArgumentException("config: tools.profile must be minimal, coding, messaging or full; got '"
                    + profile + "'");
        }
        allow = allow == null ? List.of() : List.copyOf(allow);
        deny = deny == null ? List.of() : List.copyOf(deny);
    }

    /** Whether the tool is offered. */
    public boolean allows(String tool) {
        if (deny.contains(tool)) {
            return false;
        }
        return profile.equals("full") || PROFILES.get(profile).contains(tool) || allow.contains(tool);
    }

    /**
     * Reads a policy from a config node ({@code profile}, {@code allow}, {@code deny}), falling back to
     * {@code base} for what it does not set.
     */
    public static ToolPolicy from(JsonNode node, ToolPolicy base) {
        if (node == null || !node.isObject()) {
            return base;
        }
        return new ToolPolicy(node.path("profile").asText(base.profile()),
                node.has("allow") ? strings(node.path("allow")) : base.allow(),
                node.has("deny") ? strings(node.path("deny")) : base.deny());
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
