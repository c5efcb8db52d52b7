package ai.openclaw.tool.skill;

import ai.openclaw.tool.Tool;
import ai.openclaw.tool.ToolRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * The skills the gateway knows: bundled ones, then the state dir's {@code skills/}, then the operator workspace's
 * {@code skills/} (a later source replaces an earlier skill of the same name, as in OpenClaw). These are the only
 * places skills, and so scripts, are loaded from; all are operator-controlled (the file tools cannot write into a
 * {@code skills/} folder). Each skill is registered as a tool in the {@link ToolRegistry}.
 *
 * <p>An owner's own workspace may hold skills too ({@code <state>/workspaces/<owner>/skills/}, put there by the
 * operator: the file tools cannot write into a {@code skills/} folder). They are that owner's only
 * ({@link #ownerSkills}), never registered globally, never shadow an operator skill, and are instructions-only: their
 * scripts are dropped unless the operator sets {@code skills.allowWorkspaceScripts: true} (issue 10).
 */
public final class SkillCatalog {
    /** {@link Skill#source()} of a skill from an owner's own workspace. */
    public static final String OWNER_WORKSPACE = "owner-workspace";
    private final Map<String, Skill> skills = new LinkedHashMap<>();
    private final ScriptRunner runner;
    private final int scriptTimeoutSeconds;
    private final boolean allowWorkspaceScripts;

    /**
     * Loads every skill and registers its tool.
     *
     * @param registry where the skill tools go
     * @param executor runs scripts' output readers and HTTP clients
     * @param workspaceSkills the operator workspace's skills folder
     * @param stateSkills the state dir's skills folder
     * @param weatherUrl the weather provider URL template
     * @param scriptTimeoutSeconds the default script timeout
     * @param runner runs (or refuses) script entry points
     */
    public SkillCatalog(ToolRegistry registry, ExecutorService executor, Path workspaceSkills, Path stateSkills,
                        String weatherUrl, int scriptTimeoutSeconds, ScriptRunner runner) {
        this(registry, executor, workspaceSkills, stateSkills, weatherUrl, scriptTimeoutSeconds, runner, false);
    }

    /**
     * Loads every skill and registers its tool; owners' workspace skills may run scripts when
     * {@code allowWorkspaceScripts}.
     *
     * @param allowWorkspaceScripts {@code skills.allowWorkspaceScripts}: whether skills in owners' own workspaces keep
     *     their scripts (default false: instructions only)
     * @see #SkillCatalog(ToolRegistry, ExecutorService, Path, Path, String, int, ScriptRunner)
     */
    public SkillCatalog(ToolRegistry registry, ExecutorService executor, Path workspaceSkills, Path stateSkills,
                        String weatherUrl, int scriptTimeoutSeconds, ScriptRunner runner,
                        boolean allowWorkspaceScripts) {
        this(registry, executor, workspaceSkills, stateSkills, weatherUrl, scriptTimeoutSeconds, runner,
                allowWorkspaceScripts, WebSearchSettings.NONE);
    }

    /**
     * Loads every skill and registers its tool, the bundled {@code web-search} asking {@code webSearch}'s provider.
     *
     * @param webSearch {@code skills.webSearch}
     * @see #SkillCatalog(ToolRegistry, ExecutorService, Path, Path, String, int, ScriptRunner, boolean)
     */
    public SkillCatalog(ToolRegistry registry, ExecutorService executor, Path workspaceSkills, Path stateSkills,
                        String weatherUrl, int scriptTimeoutSeconds, ScriptRunner runner,
                        boolean allowWorkspaceScripts, WebSearchSettings webSearch) {
        this.runner = runner;
        this.scriptTimeoutSeconds = scriptTimeoutSeconds;
        this.allowWorkspaceScripts = allowWorkspaceScripts;
        Skill weather = bundled("weather", scriptTimeoutSeconds);
        Skill files = bundled("file-processor", scriptTimeoutSeconds);
        skills.put(weather.name(), weather);
        registry.register(new WeatherSkill(weather, weatherUrl, executor, Duration.ofSeconds(10)));
        skills.put(files.name(), files);
        registry.register(new FileProcessorSkill(files));
        Skill search = bundled("web-search", scriptTimeoutSeconds);
        skills.put(search.name(), search);
        registry.register(new WebSearchSkill(search, webSearch, executor));
        List<Skill> loaded = new ArrayList<>(SkillLoader.loadDir(stateSkills, "state", scriptTimeoutSeconds));
        loaded.addAll(SkillLoader.loadDir(workspaceSkills, "workspace", scriptTimeoutSeconds));
        for (Skill s : loaded) {
            skills.put(s.name(), s);
            registry.register(new SkillTool(s, runner));
        }
    }

    private static Skill bundled(String name, int timeout) {
        String res = "bundled/" + name + "/SKILL.md";
        try (InputStream in = SkillCatalog.class.getResourceAsStream(res)) {
            if (in == null) {
                throw new IllegalStateException("bundled skill resource missing: " + res);
            }
            return SkillLoader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), null, "bundled", timeout,
                    name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every skill, by name. */
    public List<Skill> list() {
        List<Skill> out = new ArrayList<>(skills.values());
        out.sort(Comparator.comparing(Skill::name));
        return out;
    }

    /** The skill with this name. */
    public Optional<Skill> find(String name) {
        return Optional.ofNullable(name == null ? null : skills.get(name));
    }

    /**
     * The skills of one owner's own workspace ({@code <ownerWorkspace>/skills/}), read now: for that owner's turns and
     * tool calls only. A name an operator skill has is skipped (the operator's wins); without
     * {@code skills.allowWorkspaceScripts} each is instructions-only (its {@code entry} dropped, so no script runs).
     *
     * @param ownerWorkspace the owner's workspace folder, or null (none: the operator's skills are global)
     * @return the skills, by name; empty when the folder has none
     */
    public List<Skill> ownerSkills(Path ownerWorkspace) {
        if (ownerWorkspace == null) {
            return List.of();
        }
        List<Skill> out = new ArrayList<>();
        for (Skill s : SkillLoader.loadDir(ownerWorkspace.resolve("skills"), OWNER_WORKSPACE, scriptTimeoutSeconds)) {
            if (skills.containsKey(s.name())) {
                continue;
            }
            out.add(allowWorkspaceScripts || s.entry().isEmpty() ? s : new Skill(s.name(), s.description(),
                    s.version(), s.category(), s.instructions(), s.metadata(), s.dir(), List.of(), s.timeoutSeconds(),
                    s.source()));
        }
        out.sort(Comparator.comparing(Skill::name));
        return out;
    }

    /** {@link #ownerSkills} as tools (each answers its instructions, or runs its script when allowed). */
    public List<Tool> ownerTools(Path ownerWorkspace) {
        return ownerSkills(ownerWorkspace).stream().<Tool>map(s -> new SkillTool(s, runner)).toList();
    }

    /** Whether skills in owners' own workspaces keep their scripts ({@code skills.allowWorkspaceScripts}). */
    public boolean allowWorkspaceScripts() {
        return allowWorkspaceScripts;
    }
}
