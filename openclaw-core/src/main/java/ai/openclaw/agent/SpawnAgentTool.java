package ai.openclaw.agent;

import ai.openclaw.error.OpenClawException;
import ai.openclaw.tool.Tool;
import ai.openclaw.tool.ToolContext;
import ai.openclaw.tool.ToolDescriptor;
import ai.openclaw.tool.ToolJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code spawn_agent}: fans a task out to sub-agents and gathers their results (seed 002's "主Agent → 子Agent1/2/3
 * → 结果汇总"). At most {@link AgentLimits#maxChildren()} children per call, no deeper than
 * {@link AgentLimits#maxSpawnDepth()}; each child's timeout is capped by the calling turn's deadline, and a child
 * that runs out of time is reported as {@code timeout} without holding up the others.
 */
public final class SpawnAgentTool implements Tool {
    /** The tool name. */
    public static final String NAME = "spawn_agent";
    private static final ToolDescriptor DESCRIPTOR = new ToolDescriptor(NAME,
            "Run sub-agents in parallel, one per task, and return each one's answer.", "1.0.0", ToolJson.parse("""
            {"type":"object","properties":{
              "tasks":{"type":"array","minItems":1,"items":{"anyOf":[{"type":"string","minLength":1},
                {"type":"object","properties":{"task":{"type":"string","minLength":1},"model":{"type":"string"},
                 "skills":{"type":"array","items":{"type":"string"}},"timeout":{"type":"integer","minimum":1}},
                 "required":["task"]}]}},
              "task":{"type":"string","minLength":1},
              "model":{"type":"string"},
              "skills":{"type":"array","items":{"type":"string"}},
              "timeout":{"type":"integer","minimum":1,"description":"seconds per child"}},
             "anyOf":[{"required":["tasks"]},{"required":["task"]}]}"""),
            ToolJson.parse("{\"type\":\"object\"}"), "agents", "builtin", "openclaw");
    private final SubAgentService subAgents;
    private final AgentLimits limits;
    private final Clock clock;

    /**
     * @param subAgents starts the children
     * @param limits depth, count and default timeout
     * @param clock time source for the parent's deadline
     */
    public SpawnAgentTool(SubAgentService subAgents, AgentLimits limits, Clock clock) {
        this.subAgents = subAgents;
        this.limits = limits;
        this.clock = clock;
    }

    @Override
    public ToolDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public JsonNode execute(JsonNode args, ToolContext ctx) {
        if (ctx.depth() >= limits.maxSpawnDepth()) {
            throw OpenClawException.forbidden("spawn_agent: sub-agents may not nest deeper than "
                    + limits.maxSpawnDepth() + " (agents.spawn.maxDepth)");
        }
        List<JsonNode> tasks = new ArrayList<>();
        if (args.has("tasks")) {
            args.path("tasks").forEach(tasks::add);
        } else {
            tasks.add(args.path("task"));
        }
        if (tasks.size() > limits.maxChildren()) {
            throw OpenClawException.invalid("field 'tasks' has " + tasks.size() + " entries; at most "
                    + limits.maxChildren() + " children per call (agents.spawn.maxChildren)");
        }
        Instant now = clock.instant();
        List<SpawnedAgent> started = new ArrayList<>();
        List<Instant> until = new ArrayList<>();
        for (JsonNode t : tasks) {
            String task = t.isTextual() ? t.textValue() : t.path("task").asText();
            String model = t.path("model").isTextual() ? t.path("model").textValue()
                    : args.path("model").isTextual() ? args.path("model").textValue() : null;
            List<String> skills = new ArrayList<>();
            (t.path("skills").isArray() ? t.path("skills") : args.path("skills")).forEach(s -> skills.add(s.asText()));
            long seconds = t.path("timeout").asLong(args.path("timeout").asLong(limits.defaultChildTimeout()
                    .toSeconds()));
            Duration timeout = Duration.ofSeconds(Math.max(1, seconds));
            if (ctx.deadline() != null) {
                Duration left = Duration.between(now, ctx.deadline());
                if (left.compareTo(timeout) < 0) {
                    timeout = left.isNegative() || left.isZero() ? Duration.ofMillis(1) : left;
                }
            }
            started.add(subAgents.spawn(new SpawnRequest(task, model, timeout, skills, ctx.owner(), ctx.sessionId(),
                    ctx.depth() + 1)));
            until.add(now.plus(timeout).plusSeconds(2));
        }
        ObjectNode out = ToolJson.obj();
        ArrayNode results = out.putArray("results");
        for (int i = 0; i < started.size(); i++) {
            SpawnedAgent a = started.get(i);
            Duration wait = Duration.between(clock.instant(), until.get(i));
            SpawnedAgent end = subAgents.await(a.id(), null, wait.isNegative() ? Duration.ZERO : wait);
            ObjectNode r = results.addObject();
            r.put("id", end.id());
            r.put("task", end.task());
            r.put("status", end.done() ? end.status() : "timeout");
            if (end.result() != null) {
                r.put("result", end.result());
            }
            if (end.error() != null || !end.done()) {
                r.put("error", end.error() != null ? end.error() : "the child did not finish within its timeout");
            }
        }
        return out;
    }
}
