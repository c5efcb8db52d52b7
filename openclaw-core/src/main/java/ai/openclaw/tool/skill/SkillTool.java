package ai.openclaw.tool.skill;

import ai.openclaw.tool.Tool;
import ai.openclaw.tool.ToolContext;
import ai.openclaw.tool.ToolDescriptor;
import ai.openclaw.tool.ToolJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A skill as a tool: arguments {@code {"args": [..]}} (seed 001 {@code args}) plus any other fields; runs the
 * entry point with {@link ScriptRunner}, or, for a skill without one, returns its instructions.
 */
public final class SkillTool implements Tool {
    /** The input schema of skills: an optional list of string arguments, other fields allowed. */
    public static final JsonNode INPUT_SCHEMA = ToolJson.parse("""
            {"type":"object","properties":{"args":{"type":"array","items":{"type":"string"},
             "description":"command-line style arguments, e.g. [\\"北京\\"]"}}}""");
    private final Skill skill;
    private final ScriptRunner runner;
    private final ToolDescriptor descriptor;

    /**
     * @param skill the skill
     * @param runner runs its entry point
     */
    public SkillTool(Skill skill, ScriptRunner runner) {
        this.skill = skill;
        this.runner = runner;
        this.descriptor = new ToolDescriptor(skill.name(), skill.description(), skill.version(), INPUT_SCHEMA,
                ToolJson.parse("{\"type\":\"string\"}"), skill.category(), "skill",
                skill.author());
    }

    /** The skill behind the tool. */
    public Skill skill() {
        return skill;
    }

    @Override
    public ToolDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public JsonNode execute(JsonNode args, ToolContext context) {
        if (skill.entry().isEmpty() || skill.dir() == null) {
            return ToolJson.obj().put("skill", skill.name()).put("instructions", skill.instructions());
        }
        List<String> argv = new ArrayList<>();
        args.path("args").forEach(a -> argv.add(a.asText()));
        return TextNode.valueOf(runner.run(skill, argv, args.toString(), context.workspace(),
                Duration.ofSeconds(skill.timeoutSeconds())));
    }
}
