package ai.openclaw.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code openclaw gateway --log-format json} (issue 16), as a separate process: every line it prints is one JSON
 * object, and a request shows up as an access line whose {@code mdc} has the request id, route template, principal
 * and duration.
 */
class JsonLogTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyLogLineIsJsonAndRequestsAreLoggedWithTheirId() throws Exception {
        Path state = Files.createTempDirectory("openclaw-jsonlog-");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "ai.openclaw.cli.Main", "gateway", "--port", "0", "--log-format", "json").redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("OPENCLAW_STATE_DIR", state.toString());
        pb.environment().put("OPENCLAW_GATEWAY_TOKEN", "json-log-token-0123456789");
        Process p = pb.start();
        List<String> lines = new ArrayList<>();
        java.util.concurrent.BlockingQueue<String> queue = new java.util.concurrent.LinkedBlockingQueue<>();
        Thread reader = Thread.ofVirtual().start(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String l = out.readLine(); l != null; l = out.readLine()) {
                    queue.add(l);
                }
            } catch (java.io.IOException e) {
                // the process ended
            }
        });
        try {
            String port = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (port == null && System.nanoTime() < deadline) {
                String line = queue.poll(1, TimeUnit.SECONDS);
                if (line == null) {
                    continue;
                }
                lines.add(line);
                Matcher m = Pattern.compile("gateway listening on http://[^:]+:(\\d+)")
                        .matcher(JSON.readTree(line).path("formattedMessage").asText());
                if (m.find()) {
                    port = m.group(1);
                }
            }
            assertThat(port).as("start-up log: %s", lines).isNotNull();
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + port + "/v2/conversations/conv_unknown")).header("Authorization",
                    "Bearer json-log-token-0123456789").header("X-Request-ID", "req-json-log-1").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(404);
            JsonNode access = null;
            while (access == null && System.nanoTime() < deadline) {
                String line = queue.poll(1, TimeUnit.SECONDS);
                if (line == null) {
                    continue;
                }
                lines.add(line);
                JsonNode n = JSON.readTree(line);
                if ("req-json-log-1".equals(n.at("/mdc/requestId").asText())) {
                    access = n;
                }
            }
            assertThat(access).as("an access line for the request in %s", lines).isNotNull();
            assertThat(access.path("loggerName").asText()).isEqualTo("openclaw.access");
            assertThat(access.at("/mdc/route").asText()).isEqualTo("/v2/conversations/{id}");
            assertThat(access.at("/mdc/status").asText()).isEqualTo("404");
            assertThat(access.at("/mdc/principal").asText()).isEqualTo("gateway token");
            assertThat(access.at("/mdc/durationMs").asDouble()).isNotNegative();
            for (String l : lines) {
                assertThat(JSON.readTree(l).isObject()).as("a JSON object: %s", l).isTrue();
            }
        } finally {
            p.destroy();
            reader.interrupt();
            if (!p.waitFor(15, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }
}
