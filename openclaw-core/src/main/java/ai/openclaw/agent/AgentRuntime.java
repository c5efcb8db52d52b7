package ai.openclaw.agent;

import ai.openclaw.config.GatewayConfig;
import ai.openclaw.config.StatePaths;
import ai.openclaw.event.EventBus;
import ai.openclaw.llm.ModelCatalog;
import ai.openclaw.memory.MemoryService;
import ai.openclaw.memory.MemoryToolPort;
import ai.openclaw.session.ConversationService;
import ai.openclaw.session.TurnEngine;
import ai.openclaw.tool.FileListTool;
import ai.openclaw.tool.FileReadTool;
import ai.openclaw.tool.FileWriteTool;
import ai.openclaw.tool.MemoryAddTool;
import ai.openclaw.tool.MemoryPort;
import ai.openclaw.tool.MemorySearchTool;
import ai.openclaw.tool.SessionsListTool;
import ai.openclaw.tool.ToolRegistry;
import ai.openclaw.tool.WebFetchTool;
import ai.openclaw.tool.skill.ScriptRunner;
import ai.openclaw.tool.skill.SkillCatalog;
import ai.openclaw.tool.skill.SkillSandbox;
import ai.openclaw.tool.skill.WeatherSkill;
import ai.openclaw.tool.skill.WebSearchSettings;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Agents, tools, skills and sub-agents wired together from config, for the gateway to hand to the conversation
 * service ({@link #engine()}) and the HTTP dialects. Config (all optional):
 * <pre>
 * agents:  { maxSteps: 8, maxToolSeconds: 60, turnTimeoutSeconds: 300, toolsByDefault: false,
 *            spawn: { maxDepth: 2, maxChildren: 5, defaultTimeoutSeconds: 120 } }
 * tools:   { webFetch: { allowPrivateTargets: false, maxBytes: 1048576, timeoutSeconds: 15 },
 *            files: { maxReadBytes: 262144, maxWriteBytes: 1048576 } }
 * skills:  { timeoutSeconds: 30, maxOutputBytes: 65536, weather: { url: "https://wttr.in/{city}?format=3" },
 *            sandbox: auto, allowUnsandboxedScripts: false, allowNetwork: false }
 * </pre>
 */
public final class AgentRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AgentRuntime.class);
    private final ToolRegistry tools;
    private final SkillCatalog skills;
    private final AgentService agents;
    private final SubAgentService subAgents;
    private final AgentTurnEngine engine;
    private final AgentLimits limits;
    private ExecutorService executor;

    private AgentRuntime(ToolRegistry tools, SkillCatalog skills, AgentService agents, SubAgentService subAgents,
                         AgentTurnEngine engine, AgentLimits limits) {
        this.tools = tools;
        this.skills = skills;
        this.agents = agents;
        this.subAgents = subAgents;
        this.engine = engine;
        this.limits = limits;
    }

    /**
     * Builds the runtime.
     *
     * @param config the gateway config ({@code agents}, {@code tools}, {@code skills} sections)
     * @param paths the state dir
     * @param models the model catalog
     * @param store where agents are stored
     * @param events the event bus
     * @param clock time source
     * @param executor runs model calls, tools and children (virtual threads)
     * @param memory the memory service for {@code memory_search}/{@code memory_add}, recall into turns and
     *     conversation memories ({@code memory.recall}, {@code memory.conversation}; see {@link AgentMemorySettings}),
     *     or null to leave memory out
     * @param spawns where sub-agent states are persisted, or null for memory only
     * @throws IllegalArgumentException for out-of-range limits or memory settings
     */
    public static AgentRuntime create(GatewayConfig config, StatePaths paths, ModelCatalog models, AgentStore store,
                                      EventBus events, Clock clock, ExecutorService executor, MemoryService memory,
                                      SpawnStore spawns) {
        JsonNode root = config.tree();
        JsonNode a = root.path("agents");
        JsonNode spawn = a.path("spawn");
        AgentLimits d = AgentLimits.DEFAULTS;
        AgentLimits limits = new AgentLimits(a.path("maxSteps").asInt(d.maxSteps()),
                Duration.ofMillis(seconds(a.path("maxToolSeconds"), d.maxToolTime())),
                Duration.ofMillis(seconds(a.path("turnTimeoutSeconds"), d.turnTimeout())),
                spawn.path("maxDepth").asInt(d.maxSpawnDepth()), spawn.path("maxChildren").asInt(d.maxChildren()),
                Duration.ofMillis(seconds(spawn.path("defaultTimeoutSeconds"), d.defaultChildTimeout())),
                a.path("workspaceFileChars").asInt(d.workspaceFileChars()), d.maxToolResultChars(),
                a.path("toolsByDefault").asBoolean(d.toolsByDefault()));
        JsonNode t = root.path("tools");
        JsonNode s = root.path("skills");
        ToolRegistry tools = ToolRegistry.create(executor);
        AtomicReference<ai.openclaw.tool.ConversationFiles> attached = new AtomicReference<>(
                ai.openclaw.tool.ConversationFiles.NONE);
        tools.register(new FileReadTool(t.path("files").path("maxReadBytes").asInt(256 * 1024), attached::get));
        tools.register(new FileWriteTool(t.path("files").path("maxWriteBytes").asInt(1024 * 1024),
                java.util.List.of(paths.skills(), paths.workspace().resolve("skills"))));
        tools.register(new FileListTool());
        JsonNode wf = t.path("webFetch");
        tools.register(new WebFetchTool(executor, wf.path("maxBytes").asInt(1024 * 1024),
                Duration.ofSeconds(wf.path("timeoutSeconds").asLong(15)),
                wf.path("allowPrivateTargets").asBoolean(false)));
        AgentMemory agentMemory = null;
        if (memory != null) {
            MemoryPort port = MemoryToolPort.of(memory);
            tools.register(new MemorySearchTool(port));
            tools.register(new MemoryAddTool(port));
            agentMemory = new AgentMemory(memory, AgentMemorySettings.from(root.path("memory")), executor);
        }
        SkillCatalog skills = new SkillCatalog(tools, executor, paths.workspace().resolve("skills"), paths.skills(),
                s.path("weather").path("url").asText(WeatherSkill.DEFAULT_URL),
                s.path("timeoutSeconds").asInt(30), scriptRunner(s, paths, executor),
                s.path("allowWorkspaceScripts").asBoolean(false), WebSearchSettings.from(s));
        AgentService agents = AgentService.create(store, models, tools, events, clock);
        AtomicReference<ConversationService> ref = new AtomicReference<>();
        SubAgentService subAgents = SubAgentService.create(() -> require(ref), events, executor, clock,
                spawns);
        tools.register(new SessionsListTool(() -> require(ref)));
        tools.register(new SpawnAgentTool(subAgents, limits, clock));
        AgentTurnEngine engine = new AgentTurnEngine(models, agents, tools, skills, executor, clock, limits,
                paths.stateDir(), agentMemory);
        ToolPolicy policy = ToolPolicy.from(t, ToolPolicy.FULL);
        java.util.Map<String, ToolPolicy> perAgent = new java.util.HashMap<>();
        a.path("tools").fields().forEachRemaining(e -> perAgent.put(e.getKey(), ToolPolicy.from(e.getValue(),
                policy)));
        engine.toolPolicy(policy, perAgent);
        AgentRuntime runtime = new AgentRuntime(tools, skills, agents, subAgents, engine, limits);
        runtime.conversationsRef = ref;
        runtime.attachedFiles = attached;
        runtime.executor = executor;
        return runtime;
    }

    private AtomicReference<ConversationService> conversationsRef;
    private AtomicReference<ai.openclaw.tool.ConversationFiles> attachedFiles;

    /** Connects the conversations' attached files, which {@code file_read} reads as {@code attachments/<name>}. */
    public void attachFiles(ai.openclaw.tool.ConversationFiles files) {
        attachedFiles.set(java.util.Objects.requireNonNull(files, "files"));
    }

    private static ScriptRunner scriptRunner(JsonNode s, StatePaths paths, ExecutorService executor) {
        SkillSandbox sandbox = SkillSandbox.detect(s.path("sandbox").asText("auto"));
        boolean unsandboxed = s.path("allowUnsandboxedScripts").asBoolean(false);
        if (!sandbox.confined()) {
            if (unsandboxed) {
                LOG.warn("no sandbox for skill scripts (install bubblewrap): skills.allowUnsandboxedScripts is on, "
                        + "so scripts run as the gateway's user with only env/cwd/timeout/output limits");
            } else {
                LOG.warn("no sandbox for skill scripts (install bubblewrap): script skills are off; set "
                        + "skills.allowUnsandboxedScripts: true to run them unconfined");
            }
        } else {
            LOG.info("skill scripts run in a bubblewrap sandbox ({})", sandbox.executable());
        }
        return new ScriptRunner(executor, s.path("maxOutputBytes").asInt(64 * 1024), sandbox, unsandboxed,
                s.path("allowNetwork").asBoolean(false), paths.stateDir().resolve("tmp").resolve("skill-runs"));
    }

    private static long seconds(JsonNode n, Duration fallback) {
        if (n.isNumber()) {
            return (long) (n.asDouble() * 1000);
        }
        return fallback.toMillis();
    }

    private static ConversationService require(AtomicReference<ConversationService> ref) {
        ConversationService cs = ref.get();
        if (cs == null) {
            throw new IllegalStateException("agent runtime not attached to a conversation service yet");
        }
        return cs;
    }

    /** Connects the conversation service built with {@link #engine()} (tools and sub-agents use it). */
    public void attach(ConversationService service) {
        conversationsRef.set(service);
    }

    /** The agent loop, for {@link ConversationService#create}. */
    public TurnEngine engine() {
        return engine;
    }

    /** The agent loop itself (workspaces, tool sets). */
    public AgentTurnEngine loop() {
        return engine;
    }

    /** The tool registry. */
    public ToolRegistry tools() {
        return tools;
    }

    /** The skills. */
    public SkillCatalog skills() {
        return skills;
    }

    /** The agents. */
    public AgentService agents() {
        return agents;
    }

    /** The sub-agents. */
    public SubAgentService subAgents() {
        return subAgents;
    }

    /** Stops running tools, children and skill scripts' readers (the executor given at creation). */
    @Override
    public void close() {
        executor.shutdownNow();
    }

    /** The loop limits. */
    public AgentLimits limits() {
        return limits;
    }
}
