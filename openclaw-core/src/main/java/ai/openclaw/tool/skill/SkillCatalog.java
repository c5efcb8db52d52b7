package ai.openclaw.tool.skill;

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
 */
public final class SkillCatalog {
    private final Map<String, Skill> skills = new LinkedHashMap<>();

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
        Skill weather = bundled("weather", scriptTimeoutSeconds);
        Skill files = bundled("file-processor", scriptTimeoutSeconds);
        skills.put(weather.name(), weather);
        registry.register(new WeatherSkill(weather, weatherUrl, executor, Duration.ofSeconds(10)));
        skills.put(files.name(), files);
        registry.register(new FileProcessorSkill(files));
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
}
