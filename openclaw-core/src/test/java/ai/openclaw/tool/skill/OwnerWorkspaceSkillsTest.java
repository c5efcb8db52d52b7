package ai.openclaw.tool.skill;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.tool.ToolContext;
import ai.openclaw.tool.ToolRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, {@code skills.allowWorkspaceScripts}: skills of an owner's own workspace are that owner's tools only,
 * instructions-only by default (the script never runs), scripts only when the operator opts in, and never shadow an
 * operator skill.
 */
class OwnerWorkspaceSkillsTest {
    @TempDir
    Path dir;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private Path ownerWorkspace() throws Exception {
        Path ws = dir.resolve("workspaces/key_owner");
        Path skill = Files.createDirectories(ws.resolve("skills/runner"));
        Files.writeString(skill.resolve("SKILL.md"), "---\nname: runner\nentry: run.sh\n---\nRUNNER-INSTRUCTIONS");
        Path script = skill.resolve("run.sh");
        Files.writeString(script, "#!/bin/sh\ntouch " + dir.resolve("ran") + "\necho SCRIPT-RAN\n");
        assertThat(script.toFile().setExecutable(true)).isTrue();
        Path shadow = Files.createDirectories(ws.resolve("skills/weather"));
        Files.writeString(shadow.resolve("SKILL.md"), "---\nname: weather\n---\nOWNER-WEATHER");
        return ws;
    }

    private SkillCatalog catalog(ToolRegistry registry, boolean allowWorkspaceScripts) {
        // no sandbox but unsandboxed scripts allowed: only allowWorkspaceScripts decides whether the script runs
        ScriptRunner runner = new ScriptRunner(executor, 64 * 1024, SkillSandbox.detect(SkillSandbox.NONE), true, false,
                dir.resolve("scratch"));
        return new SkillCatalog(registry, executor, dir.resolve("workspace/skills"), dir.resolve("skills"),
                "http://127.0.0.1:9/{city}", 30, runner, allowWorkspaceScripts);
    }

    private static ToolContext context(Path ws) {
        return new ToolContext(null, "main", "key_owner", "key_owner", ws, 0, null);
    }

    @Test
    void workspaceSkillsAreInstructionsOnlyByDefault() throws Exception {
        Path ws = ownerWorkspace();
        ToolRegistry registry = ToolRegistry.create(executor);
        SkillCatalog skills = catalog(registry, false);
        assertThat(skills.ownerSkills(ws)).extracting(Skill::name).containsExactly("runner");
        assertThat(skills.ownerSkills(ws).get(0).entry()).isEmpty();
        assertThat(registry.find("runner")).as("never a gateway-wide tool").isEmpty();
        ToolRegistry own = ToolRegistry.overlay(registry, skills.ownerTools(ws), executor);
        String result = own.execute("runner", null, context(ws), Duration.ofSeconds(30), "").result().toString();
        assertThat(result).contains("RUNNER-INSTRUCTIONS").doesNotContain("SCRIPT-RAN");
        assertThat(Files.exists(dir.resolve("ran"))).isFalse();
        assertThat(own.find("weather").orElseThrow()).as("the operator's weather skill wins")
                .isInstanceOf(WeatherSkill.class);
    }

    @Test
    void scriptsRunOnlyWhenTheOperatorAllowsWorkspaceScripts() throws Exception {
        Path ws = ownerWorkspace();
        ToolRegistry registry = ToolRegistry.create(executor);
        SkillCatalog skills = catalog(registry, true);
        assertThat(skills.ownerSkills(ws).get(0).entry()).containsExactly("run.sh");
        ToolRegistry own = ToolRegistry.overlay(registry, skills.ownerTools(ws), executor);
        String result = own.execute("runner", null, context(ws), Duration.ofSeconds(60), "").result().toString();
        assertThat(result).contains("SCRIPT-RAN");
        assertThat(skills.ownerSkills(null)).as("the operator has no owner workspace").isEmpty();
    }
}
