package ai.openclaw.agent;

import ai.openclaw.config.StatePaths;
import ai.openclaw.error.ErrorCode;
import ai.openclaw.error.OpenClawException;
import ai.openclaw.llm.ChatMessage;
import ai.openclaw.llm.ChatRequest;
import ai.openclaw.llm.ChatResponse;
import ai.openclaw.llm.ModelCatalog;
import ai.openclaw.llm.ResolvedModel;
import ai.openclaw.llm.StreamListener;
import ai.openclaw.llm.ToolCall;
import ai.openclaw.llm.ToolSpec;
import ai.openclaw.llm.Usage;
import ai.openclaw.session.Session;
import ai.openclaw.session.ToolMessages;
import ai.openclaw.session.TurnEngine;
import ai.openclaw.session.TurnOutcome;
import ai.openclaw.session.TurnOptions;
import ai.openclaw.session.TurnPlan;
import ai.openclaw.tool.ToolContext;
import ai.openclaw.tool.ToolDescriptor;
import ai.openclaw.tool.ToolExecution;
import ai.openclaw.tool.ToolJson;
import ai.openclaw.tool.ToolRegistry;
import ai.openclaw.tool.skill.Skill;
import ai.openclaw.tool.skill.SkillCatalog;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The agent loop as the conversation service's {@link TurnEngine}: call the model with the agent's system prompt,
 * history and tools; run the tool calls it asks for (in parallel), append the results and call again, until it
 * answers in text. Max steps, the per-call tool time and the whole-turn time are enforced; hitting one ends the
 * turn with a {@link TurnOutcome#failure()} (stored as a record by the service).
 *
 * <p>A session made by {@link SubAgentService} carries {@code context.spawn} ({@code depth}, {@code skills},
 * {@code timeoutMs}), which narrows the tools and the time of its turns.
 */
public final class AgentTurnEngine implements TurnEngine {
    private final ModelCatalog models;
    private final AgentService agents;
    private final ToolRegistry tools;
    private final SkillCatalog skills;
    private final ExecutorService executor;
    private final Clock clock;
    private final AgentLimits limits;
    private final Path stateDir;
    private final AgentMemory memory;
    private volatile ToolPolicy toolPolicy = ToolPolicy.FULL;
    private volatile Map<String, ToolPolicy> agentPolicies = Map.of();
    /** The most tool calls run from one model answer; further ones get an error result. */
    static final int MAX_CALLS_PER_STEP = 16;
    private static final OpenClawException TURN_DEADLINE = new OpenClawException(ErrorCode.TIMEOUT,
            "turn deadline reached", null, true, null);

    /**
     * @param models resolves models
     * @param agents the agent configurations
     * @param tools the tool registry
     * @param skills skill instructions, or null
     * @param executor runs model calls and tools (virtual threads)
     * @param clock time source for deadlines
     * @param limits loop limits
     * @param stateDir the state dir (agent workspaces are resolved against it)
     */
    public AgentTurnEngine(ModelCatalog models, AgentService agents, ToolRegistry tools, SkillCatalog skills,
                           ExecutorService executor, Clock clock, AgentLimits limits, Path stateDir) {
        this(models, agents, tools, skills, executor, clock, limits, stateDir, null);
    }

    /**
     * As the other constructor, with long-term memory.
     *
     * @param memory recalls memories into turns of agents with {@code memoryEnabled} and records conversations, or
     *     null for none
     */
    public AgentTurnEngine(ModelCatalog models, AgentService agents, ToolRegistry tools, SkillCatalog skills,
                           ExecutorService executor, Clock clock, AgentLimits limits, Path stateDir,
                           AgentMemory memory) {
        this.memory = memory;
        this.models = Objects.requireNonNull(models, "models");
        this.agents = Objects.requireNonNull(agents, "agents");
        this.tools = Objects.requireNonNull(tools, "tools");
        this.skills = skills;
        this.executor = Objects.requireNonNull(executor, "executor");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.stateDir = Objects.requireNonNull(stateDir, "stateDir");
    }

    /**
     * Sets which tools agents that name no skills are offered (config {@code tools.profile/allow/deny} and
     * {@code agents.tools.<id>}).
     *
     * @param global the policy of every agent
     * @param perAgent agent id → its own policy
     */
    public void toolPolicy(ToolPolicy global, Map<String, ToolPolicy> perAgent) {
        this.toolPolicy = Objects.requireNonNull(global, "global");
        this.agentPolicies = Map.copyOf(perAgent);
    }

    /**
     * The operator's workspace of an agent: its configured folder, else the state dir's {@code workspace/}. Its
     * {@code AGENTS.md}/{@code SOUL.md} go into every owner's turns of the agent; only the operator's file tools
     * work in it.
     */
    public Path workspace(Agent agent) {
        if (agent.workspace() == null) {
            return stateDir.resolve("workspace");
        }
        Path p = Path.of(agent.workspace());
        return p.isAbsolute() ? p : stateDir.resolve(p).normalize();
    }

    /**
     * The workspace the file tools and scripts of {@code owner} use with {@code agent}: the operator's
     * ({@link #workspace(Agent)}) for the operator, else that owner's own folder ({@link StatePaths#ownerWorkspace}),
     * whatever the agent says.
     *
     * @param agent the agent
     * @param owner the owner id of the session or caller ({@code gateway} = operator)
     */
    public Path workspace(Agent agent, String owner) {
        if (owner == null || Session.GATEWAY_OWNER.equals(owner)) {
            return workspace(agent);
        }
        return StatePaths.of(stateDir).ownerWorkspace(owner);
    }

    /**
     * The tools an agent is offered at a depth, with every provider: its skills when it names some, else the tools
     * its {@link ToolPolicy} allows (OpenClaw's {@code tools.profile}, default {@code full}). A model configured
     * {@code supportsTools: false} is offered none (decided by the caller).
     */
    public List<ToolDescriptor> toolsFor(Agent agent, List<String> only, int depth, boolean offlineModel) {
        return toolsFor(tools, agent, only, depth);
    }

    /**
     * The tools of one owner's turns and tool calls: the gateway's, plus the skills of the owner's own workspace
     * ({@link SkillCatalog#ownerTools}; none for the operator, whose skills are the gateway's).
     *
     * @param owner the owner id ({@code gateway} or null = operator)
     * @param workspace the owner's workspace ({@link #workspace(Agent, String)})
     */
    public ToolRegistry toolsOf(String owner, Path workspace) {
        if (skills == null || owner == null || Session.GATEWAY_OWNER.equals(owner)) {
            return tools;
        }
        return ToolRegistry.overlay(tools, skills.ownerTools(workspace), executor);
    }

    private List<ToolDescriptor> toolsFor(ToolRegistry registry, Agent agent, List<String> only, int depth) {
        List<String> allowed = only != null ? only : agent.enabledSkills();
        List<ToolDescriptor> out = new ArrayList<>();
        ToolPolicy policy = agentPolicies.getOrDefault(agent.id(), toolPolicy);
        for (ToolDescriptor d : registry.list()) {
            if (!allowed.isEmpty() && !allowed.contains(d.name())) {
                continue;
            }
            if (allowed.isEmpty() && !policy.allows(d.name())) {
                continue;
            }
            if (!agent.memoryEnabled() && d.name().startsWith("memory_")) {
                continue;
            }
            if (d.name().equals(SpawnAgentTool.NAME) && depth >= limits.maxSpawnDepth()) {
                continue;
            }
            out.add(d);
        }
        return out;
    }

    @Override
    public TurnOutcome run(TurnPlan plan, StreamListener listener) {
        Session session = plan.session();
        Agent agent = agents.forTurn(session.agentId(), session.owner());
        JsonNode spawn = ToolJson.MAPPER.valueToTree(session.context()).path("spawn");
        int depth = spawn.path("depth").asInt(0);
        List<String> only = null;
        if (spawn.path("skills").isArray() && !spawn.path("skills").isEmpty()) {
            only = new ArrayList<>();
            for (JsonNode n : spawn.path("skills")) {
                only.add(n.asText());
            }
        }
        String modelRef = session.model() != null ? session.model() : agent.model();
        ResolvedModel model = plan.requestedModel() != null ? plan.requestedModel() : models.resolve(modelRef);
        Duration turnTimeout = limits.turnTimeout();
        if (spawn.path("timeoutMs").asLong(0) > 0) {
            turnTimeout = min(turnTimeout, Duration.ofMillis(spawn.path("timeoutMs").asLong()));
        }
        Instant deadline = clock.instant().plus(turnTimeout);
        Path workspace = workspace(agent, session.owner());
        ToolRegistry turnTools = toolsOf(session.owner(), workspace);
        TurnOptions client = plan.options();
        boolean direct = client.direct();
        boolean toolsOk = models.supportsTools(model.id());
        if (!client.clientTools().isEmpty() && !toolsOk) {
            throw OpenClawException.invalid("field 'tools': model '" + model.id() + "' does not support tools "
                    + "(supportsTools: false)");
        }
        List<ToolDescriptor> offered = direct || !toolsOk ? List.of()
                : toolsFor(turnTools, agent, only, depth).stream()
                        .filter(d -> !client.isClientTool(d.name())).toList();
        Map<String, ToolDescriptor> byName = new LinkedHashMap<>();
        offered.forEach(d -> byName.put(d.name(), d));
        List<ToolSpec> specs = new ArrayList<>(offered.stream().map(ToolDescriptor::toSpec).toList());
        specs.addAll(client.clientTools());

        List<ChatMessage> messages = new ArrayList<>();
        List<String> explicit = only != null ? only : agent.enabledSkills();
        String system = direct ? (plan.systemPrompt() == null ? "" : plan.systemPrompt())
                : systemPrompt(plan, agent, workspace(agent), workspace, offered.stream().filter(d -> explicit.contains(d.name()))
                        .toList(), turnTools == tools ? List.of() : skills.ownerSkills(workspace));
        if (!system.isBlank()) {
            messages.add(ChatMessage.system(system));
        }
        String ownerFilter = Session.GATEWAY_OWNER.equals(session.owner()) ? null : session.owner();
        if (memory != null && !direct) {
            // the recall block is context for this call only; it is never part of the stored transcript
            memory.recall(agent, ownerFilter, plan.input()).ifPresent(messages::add);
        }
        messages.addAll(plan.conversation());
        Double temperature = plan.temperature() != null || direct ? plan.temperature() : agent.temperature();
        Integer maxTokens = plan.maxTokens() != null || direct ? plan.maxTokens() : agent.maxTokens();
        ToolContext toolContext = new ToolContext(session.id(), agent.id(), session.owner(), ownerFilter, workspace,
                depth, deadline);

        List<ChatMessage> steps = new ArrayList<>();
        Usage total = Usage.ZERO;
        long providerNanos = 0;
        for (int step = 1; step <= limits.maxSteps(); step++) {
            Duration remaining = Duration.between(clock.instant(), deadline);
            if (remaining.isNegative() || remaining.isZero()) {
                return failed(model, steps, total, providerNanos, turnTimedOut(turnTimeout));
            }
            Duration callTimeout = min(plan.modelTimeout(), remaining);
            ChatRequest call = new ChatRequest(model.id().model(), messages, temperature, maxTokens, callTimeout,
                    specs, client.chat());
            long start = System.nanoTime();
            ChatResponse response;
            try {
                response = listener == null ? callWithDeadline(model, call, remaining)
                        : models.stream(model, call, listener, List.of());
            } catch (OpenClawException e) {
                providerNanos += System.nanoTime() - start;
                boolean deadlineReached = !clock.instant().plusMillis(100).isBefore(deadline);
                if (e.code() == ErrorCode.TIMEOUT && (e == TURN_DEADLINE || deadlineReached)) {
                    return failed(model, steps, total, providerNanos, turnTimedOut(turnTimeout));
                }
                if (steps.isEmpty()) {
                    throw e;
                }
                return failed(model, steps, total, providerNanos, e);
            }
            providerNanos += System.nanoTime() - start;
            total = total.plus(response.usage());
            if (!response.hasToolCalls()) {
                if (memory != null && !direct) {
                    memory.record(agent, session, plan.input(), response.text());
                }
                return new TurnOutcome(model, response, steps, total, providerNanos, null);
            }
            List<ToolCall> clientCalls = response.toolCalls().stream().filter(c -> client.isClientTool(c.name()))
                    .toList();
            List<ToolCall> serverCalls = response.toolCalls().stream().filter(c -> !client.isClientTool(c.name()))
                    .toList();
            if (!clientCalls.isEmpty()) {
                // a call of a client tool ends the turn: it goes back to the client; server calls of the same
                // answer run first so that their results are in the transcript
                if (!serverCalls.isEmpty()) {
                    ChatMessage ask = ChatMessage.assistantToolCalls("", serverCalls);
                    steps.add(ask);
                    messages.add(ask);
                    OpenClawException limit = runTools(turnTools, serverCalls, byName, toolContext, deadline, turnTimeout,
                            listener, steps, messages);
                    if (limit != null) {
                        return failed(model, steps, total, providerNanos, limit);
                    }
                }
                return new TurnOutcome(model, response.withToolCalls(clientCalls, "tool_calls"), steps, total,
                        providerNanos, null);
            }
            ChatMessage ask = ChatMessage.assistantToolCalls(response.text(), response.toolCalls());
            steps.add(ask);
            messages.add(ask);
            OpenClawException limit = runTools(turnTools, response.toolCalls(), byName, toolContext, deadline,
                    turnTimeout,
                    listener, steps, messages);
            if (limit != null) {
                return failed(model, steps, total, providerNanos, limit);
            }
        }
        return failed(model, steps, total, providerNanos, new OpenClawException(ErrorCode.UPSTREAM_ERROR,
                "agent loop stopped: the model asked for tools " + limits.maxSteps() + " times without giving an "
                        + "answer (limit agents.maxSteps = " + limits.maxSteps() + ")", null, false, null));
    }

    /**
     * A non-streamed model call bounded by the turn's remaining time: on the calling thread when the adapter
     * honours the call's timeout and no fallback could add calls, else on another thread watched from here;
     * a streamed call runs on the request thread and honours {@link ChatRequest#timeout()} itself.
     */
    private ChatResponse callWithDeadline(ResolvedModel model, ChatRequest call, Duration remaining) {
        if (model.provider().chatModel().honoursTimeout() && models.fallbacks(model.id()).isEmpty()
                && call.timeout().compareTo(remaining) <= 0) {
            // the adapter ends the call by its timeout (within the turn's time): no watchdog thread needed
            return models.chat(model, call);
        }
        Future<ChatResponse> f = executor.submit(() -> models.chat(model, call));
        try {
            return f.get(Math.max(1, remaining.toMillis()), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw TURN_DEADLINE;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw OpenClawException.internal("model call failed", e.getCause());
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw new OpenClawException(ErrorCode.UNAVAILABLE, "turn interrupted", null, true, e);
        }
    }

    /** Runs one response's tool calls in parallel; returns the limit that stopped the turn, or null. */
    private OpenClawException runTools(ToolRegistry tools, List<ToolCall> calls, Map<String, ToolDescriptor> offered,
                                       ToolContext ctx,
                                       Instant deadline, Duration turnTimeout, StreamListener listener,
                                       List<ChatMessage> steps, List<ChatMessage> messages) {
        Instant toolDeadline = clock.instant().plus(limits.maxToolTime());
        boolean turnBound = deadline.isBefore(toolDeadline);
        Instant until = turnBound ? deadline : toolDeadline;
        Duration registryTimeout = limits.maxToolTime().multipliedBy(2).plusSeconds(1);
        List<Future<ToolExecution>> futures = new ArrayList<>();
        List<String> immediate = new ArrayList<>();
        for (ToolCall call : calls) {
            if (listener != null) {
                listener.onToolCall(call);
            }
            if (futures.size() >= MAX_CALLS_PER_STEP) {
                futures.add(null);
                immediate.add(error(ErrorCode.INVALID_REQUEST, "not run: at most " + MAX_CALLS_PER_STEP
                        + " tool calls per model answer"));
                continue;
            }
            if (!offered.containsKey(call.name())) {
                futures.add(null);
                immediate.add(error(ErrorCode.NOT_FOUND, "unknown tool '" + call.name() + "'; available tools: "
                        + String.join(", ", offered.keySet())));
                continue;
            }
            JsonNode args;
            try {
                args = ToolJson.MAPPER.readTree(call.argumentsJson());
            } catch (IOException e) {
                futures.add(null);
                immediate.add(error(ErrorCode.INVALID_REQUEST, "the arguments of tool call '" + call.name()
                        + "' are not valid JSON"));
                continue;
            }
            futures.add(executor.submit(() -> tools.execute(call.name(), args, ctx, registryTimeout, "")));
            immediate.add(null);
        }
        OpenClawException limit = null;
        for (int i = 0; i < calls.size(); i++) {
            ToolCall call = calls.get(i);
            String text;
            boolean isError;
            long millis = 0;
            if (futures.get(i) == null) {
                text = immediate.get(i);
                isError = true;
            } else if (limit != null) {
                futures.get(i).cancel(true);
                text = error(ErrorCode.TIMEOUT, "not finished: the turn was stopped");
                isError = true;
            } else {
                long start = System.nanoTime();
                try {
                    long wait = Math.max(1, Duration.between(clock.instant(), until).toMillis());
                    ToolExecution done = futures.get(i).get(wait, TimeUnit.MILLISECONDS);
                    text = cap(done.resultText());
                    isError = false;
                    millis = done.millis();
                } catch (TimeoutException e) {
                    futures.get(i).cancel(true);
                    limit = turnBound ? turnTimedOut(turnTimeout) : new OpenClawException(ErrorCode.TIMEOUT,
                            "tool '" + call.name() + "' exceeded the tool time limit of "
                                    + limits.maxToolTime().toSeconds() + " s (agents.maxToolSeconds); turn stopped",
                            null, true, null);
                    text = error(ErrorCode.TIMEOUT, limit.getMessage());
                    isError = true;
                    millis = (System.nanoTime() - start) / 1_000_000;
                } catch (ExecutionException e) {
                    Throwable c = e.getCause();
                    text = c instanceof OpenClawException oe ? error(oe.code(), oe.getMessage())
                            : error(ErrorCode.UPSTREAM_ERROR, "tool '" + call.name() + "' failed: " + c);
                    isError = true;
                    millis = (System.nanoTime() - start) / 1_000_000;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    futures.get(i).cancel(true);
                    limit = new OpenClawException(ErrorCode.UNAVAILABLE, "turn interrupted", null, true, e);
                    text = error(ErrorCode.UNAVAILABLE, "interrupted");
                    isError = true;
                }
            }
            if (listener != null) {
                listener.onToolResult(call, text, isError, millis);
            }
            ChatMessage result = ChatMessage.toolResult(call.id(), call.name(), text);
            steps.add(result);
            messages.add(result);
        }
        return limit;
    }

    /**
     * The gateway prompt, the agent's prompt, AGENTS.md/SOUL.md of the operator's workspace and then of the owner's own
     * (never another owner's), the instructions of explicitly enabled skills, and those of the owner's own workspace
     * skills (that owner's only, like its AGENTS.md).
     */
    private String systemPrompt(TurnPlan plan, Agent agent, Path shared, Path workspace,
                                List<ToolDescriptor> enabled, List<Skill> ownSkills) {
        StringBuilder sb = new StringBuilder();
        if (plan.systemPrompt() != null) {
            sb.append(plan.systemPrompt());
        }
        if (agent.systemPrompt() != null && !agent.systemPrompt().isBlank()) {
            sb.append(sb.isEmpty() ? "" : "\n\n").append(agent.systemPrompt());
        }
        sb.append(WorkspaceFiles.promptSections(shared, limits.workspaceFileChars()));
        if (!workspace.equals(shared)) {
            sb.append(WorkspaceFiles.promptSections(workspace, limits.workspaceFileChars()));
        }
        if (skills != null) {
            for (ToolDescriptor d : enabled) {
                if ("skill".equals(d.kind())) {
                    skills.find(d.name()).filter(s -> !s.instructions().isBlank()).ifPresent(s -> sb
                            .append("\n\n## Skill: ").append(s.name()).append("\n\n")
                            .append(s.instructions().length() > 4000 ? s.instructions().substring(0, 4000)
                                    : s.instructions()));
                }
            }
        }
        for (Skill s : ownSkills) {
            if (!s.instructions().isBlank()) {
                sb.append("\n\n## Skill: ").append(s.name()).append(" (your workspace)\n\n")
                        .append(s.instructions().length() > 4000 ? s.instructions().substring(0, 4000)
                                : s.instructions());
            }
        }
        return sb.toString().strip();
    }

    private String cap(String text) {
        return text.length() <= limits.maxToolResultChars() ? text
                : text.substring(0, limits.maxToolResultChars()) + "\n[… truncated]";
    }

    private static String error(ErrorCode code, String message) {
        return ToolJson.obj().set("error", ToolJson.obj().put("code", code.name()).put("message", message))
                .toString();
    }

    private static OpenClawException turnTimedOut(Duration turnTimeout) {
        return new OpenClawException(ErrorCode.TIMEOUT, "turn stopped: it exceeded its time limit of "
                + turnTimeout.toMillis() / 1000.0 + " s (agents.turnTimeoutSeconds or the spawn timeout)", null, true,
                null);
    }

    private static TurnOutcome failed(ResolvedModel model, List<ChatMessage> steps, Usage usage, long nanos,
                                      OpenClawException failure) {
        return new TurnOutcome(model, null, steps, usage, nanos, failure);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
