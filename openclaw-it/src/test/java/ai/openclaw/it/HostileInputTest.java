package ai.openclaw.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.openclaw.testkit.GatewayExtension;
import ai.openclaw.testkit.HttpResult;
import ai.openclaw.testkit.TestGateway;
import ai.openclaw.testkit.fake.FakeProvider;
import ai.openclaw.testkit.fake.FakeReply;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Connection-level hostile input: oversized headers (431 with a JSON body), slow clients (slowloris: disconnected by
 * the idle timeout without affecting others), over-long JSON strings, and CORS preflights.
 */
class HostileInputTest {
    @RegisterExtension
    static final GatewayExtension ENV = GatewayExtension.withConfig(f -> TestGateway.providerConfig(f.openAiBaseUrl(),
            null) + "gateway:\n  idle_timeout_ms: 1000\n  max_header_bytes: 8192\n  max_body_bytes: 4000000\n"
            + "  cors:\n    enabled: true\n    origins: [\"https://your-app.com\", \"http://localhost:3000\"]\n");
    static FakeProvider fake;
    static TestGateway gw;

    @BeforeAll
    static void start() {
        fake = ENV.fake();
        gw = ENV.gateway();
    }

    static Socket connect() throws IOException {
        URI u = URI.create(gw.baseUrl());
        Socket s = new Socket(u.getHost(), u.getPort());
        s.setSoTimeout(20_000);
        return s;
    }

    static String readAll(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void oversizedHeadersGet431WithAJsonBody() {
        HttpResult r = gw.send("GET", "/api/v1/status", null, Map.of("Authorization", "Bearer " + TestGateway.TOKEN,
                "X-Padding", "p".repeat(20_000)));
        assertThat(r.status()).isEqualTo(431);
        assertThat(r.body()).contains("\"code\":\"INVALID_REQUEST\"").contains("headers are too large")
                .doesNotContain("<html").doesNotContain("Exception");
        assertThat(gw.get("/api/v1/status").status()).isEqualTo(200);
    }

    @Test
    void garbageRequestLineGetsAJsonError() throws Exception {
        try (Socket s = connect()) {
            OutputStream out = s.getOutputStream();
            out.write("\u0001\u0002 NOT HTTP AT ALL\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String answer = readAll(s);
            assertThat(answer).startsWith("HTTP/1.1 400").doesNotContain("<html").doesNotContain("Exception");
        }
        assertThat(gw.get("/health").status()).isEqualTo(200);
    }

    @Test
    void slowlorisClientsAreDisconnectedWithoutAffectingOthers() throws Exception {
        try (Socket slow = connect(); Socket slowBody = connect()) {
            slow.getOutputStream().write("GET /api/v1/status HTTP/1.1\r\nHost: x\r\nX-Slow: "
                    .getBytes(StandardCharsets.US_ASCII));
            slow.getOutputStream().flush();
            slowBody.getOutputStream().write(("POST /api/v1/message HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                    + TestGateway.TOKEN + "\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"te")
                    .getBytes(StandardCharsets.US_ASCII));
            slowBody.getOutputStream().flush();
            assertThat(gw.get("/api/v1/status").status()).as("others are served meanwhile").isEqualTo(200);
            await().atMost(Duration.ofSeconds(15)).until(() -> closedByServer(slow));
            await().atMost(Duration.ofSeconds(15)).until(() -> closedByServer(slowBody));
        }
        assertThat(gw.get("/health").status()).isEqualTo(200);
        assertThat(gw.get("/api/v1/sessions?limit=200").body()).doesNotContain("\"te");
    }

    private static boolean closedByServer(Socket s) {
        try {
            s.setSoTimeout(200);
            InputStream in = s.getInputStream();
            while (true) {
                int b = in.read();
                if (b < 0) {
                    return true;
                }
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    @Test
    void aSlowProviderIsNotCutOffByTheIdleTimeout() {
        fake.enqueue(FakeReply.delayed(Duration.ofMillis(2500), FakeReply.text("worth the wait")));
        HttpResult r = gw.post("/api/v1/message", "{\"text\": \"take your time\", \"session\": \"slow-provider\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().at("/data/text").asText()).isEqualTo("worth the wait");
    }

    @Test
    void overLongJsonStringsAreRefusedNamingTheLimit() {
        String big = "{\"text\": \"" + "x".repeat(1_000_001) + "\", \"session\": \"too-long\"}";
        HttpResult r = gw.post("/api/v1/message", big);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().at("/error/message").asText()).contains("string length 1000000");
        assertThat(gw.get("/api/v1/sessions/too-long").status()).isEqualTo(404);
    }

    @Test
    void corsPreflightsAreAnsweredCorrectly() {
        HttpResult ok = gw.send("OPTIONS", "/api/v1/message", null, Map.of("Origin", "https://your-app.com",
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers",
                "authorization, content-type"));
        assertThat(ok.status()).isEqualTo(204);
        assertThat(ok.header("Access-Control-Allow-Origin")).isEqualTo("https://your-app.com");
        assertThat(ok.header("Access-Control-Allow-Credentials")).isEqualTo("true");
        assertThat(ok.header("Access-Control-Allow-Methods")).contains("POST");
        assertThat(ok.header("Access-Control-Allow-Headers")).contains("authorization").contains("content-type");
        assertThat(ok.header("Vary")).contains("Origin");

        HttpResult denied = gw.send("OPTIONS", "/api/v1/message", null, Map.of("Origin", "https://evil.example",
                "Access-Control-Request-Method", "POST"));
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.header("Access-Control-Allow-Origin")).isNull();

        HttpResult actual = gw.send("GET", "/api/v1/status", null, Map.of("Origin", "http://localhost:3000",
                "Authorization", "Bearer " + TestGateway.TOKEN));
        assertThat(actual.status()).isEqualTo(200);
        assertThat(actual.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:3000");
        assertThat(actual.header("Access-Control-Expose-Headers")).contains("X-RateLimit-Remaining")
                .contains("Retry-After");
        HttpResult foreign = gw.send("GET", "/api/v1/status", null, Map.of("Origin", "https://evil.example",
                "Authorization", "Bearer " + TestGateway.TOKEN));
        assertThat(foreign.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void wildcardOriginsNeverAllowCredentials() {
        try (TestGateway any = TestGateway.start("gateway:\n  cors:\n    enabled: true\n    origins: [\"*\"]\n")) {
            HttpResult pre = any.send("OPTIONS", "/v2/conversations", null, Map.of("Origin", "https://a.example",
                    "Access-Control-Request-Method", "GET"));
            assertThat(pre.status()).isEqualTo(204);
            assertThat(pre.header("Access-Control-Allow-Origin")).isEqualTo("*");
            assertThat(pre.header("Access-Control-Allow-Credentials")).isNull();
        }
    }
}
