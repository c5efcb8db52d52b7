package ai.openclaw.testkit.fake;

import static ai.openclaw.testkit.fake.TestHttp.json;
import static ai.openclaw.testkit.fake.TestHttp.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The benchmark entry point: argument parsing, and a real child process serving requests. */
class FakeProviderMainTest {

    @Test
    void parsesOptionsWithDefaults() {
        FakeProviderMain.Settings defaults = FakeProviderMain.parse(new String[0]);
        assertThat(defaults).isEqualTo(new FakeProviderMain.Settings(0, "pong", 0, 0));

        FakeProviderMain.Settings set = FakeProviderMain.parse(new String[] {
            "--port", "18000", "--reply", "hello world", "--delay-ms=25", "--stream-chunks", "4"});
        assertThat(set).isEqualTo(new FakeProviderMain.Settings(18000, "hello world", 25, 4));

        assertThat(FakeProviderMain.parse(new String[] {"--help"})).isNull();
    }

    @Test
    void rejectsBadOptions() {
        assertThatThrownBy(() -> FakeProviderMain.parse(new String[] {"--bogus", "1"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--bogus");
        assertThatThrownBy(() -> FakeProviderMain.parse(new String[] {"--port"}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FakeProviderMain.parse(new String[] {"--port", "x"}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FakeProviderMain.parse(new String[] {"--stream-chunks", "0"}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void childProcessPrintsTheReadyLineAndServesBothFormats() throws Exception {
        String java = ProcessHandle.current().info().command()
                .orElse(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                FakeProviderMain.class.getName(), "--reply", "bench reply text", "--stream-chunks", "2",
                "--delay-ms", "1")
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try {
            BufferedReader stdout = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line = stdout.readLine();
            assertThat(line).isNotNull();
            Matcher matcher = Pattern.compile("fake provider listening on http://127\\.0\\.0\\.1:(\\d+)").matcher(line);
            assertThat(matcher.matches()).as("ready line: %s", line).isTrue();
            String base = "http://127.0.0.1:" + matcher.group(1) + "/v1";

            String nonStreamed = json(post(base + "/chat/completions",
                    "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"ping\"}]}"))
                    .path("choices").get(0).path("message").path("content").asText();
            assertThat(nonStreamed).isEqualTo("bench reply text");

            List<SseEvent> events = SseEvent.parse(post(base + "/messages",
                    "{\"model\":\"c\",\"max_tokens\":8,\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"ping\"}]}")
                    .body());
            List<String> deltas = events.stream()
                    .filter(e -> "content_block_delta".equals(e.event()))
                    .map(e -> e.json().path("delta").path("text").asText())
                    .toList();
            assertThat(deltas).hasSize(2);
            assertThat(String.join("", deltas)).isEqualTo("bench reply text");
            assertThat(process.isAlive()).isTrue();
        } finally {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
