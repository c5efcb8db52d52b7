package ai.openclaw.it;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.testkit.DeviceKey;
import ai.openclaw.testkit.GatewayExtension;
import ai.openclaw.testkit.TestGateway;
import ai.openclaw.testkit.WsTestClient;
import ai.openclaw.testkit.fake.FakeReply;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The WebSocket gateway protocol's refusals and guarantees, over real sockets: OpenClaw's pairing of an unknown
 * remote device (told apart by a trusted proxy's X-Forwarded-For), bad signatures, replayed nonces, stale
 * signatures and wrong tokens refused; owner isolation for API keys; upgrade failures in the JSON envelope; limits;
 * chat.abort; live events of turns started over HTTP.
 */
class WsProtocolTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    static final GatewayExtension env = GatewayExtension.withConfig(f -> TestGateway.providerConfig(
            f.openAiBaseUrl(), null) + "gateway:\n  trusted_proxies: [\"127.0.0.1\"]\n"
            + "  ws: { maxConnectionsPerKey: 2, maxFrameBytes: 4096 }\n");

    private static String wsUrl() {
        return env.gateway().baseUrl().replace("http://", "ws://") + "/ws";
    }

    private static WsTestClient local() {
        return WsTestClient.open(wsUrl(), Map.of());
    }

    /** A client the gateway must treat as remote: its trusted proxy (127.0.0.1) forwards for 203.0.113.7. */
    private static WsTestClient remote() {
        return WsTestClient.open(wsUrl(), Map.of("X-Forwarded-For", "203.0.113.7"));
    }

    private static JsonNode admin(WsTestClient c) {
        JsonNode res = c.connect(c.connectParams(TestGateway.TOKEN, DeviceKey.generate(), c.nonce(),
                System.currentTimeMillis()));
        assertThat(res.path("ok").asBoolean()).as(res.toString()).isTrue();
        return res;
    }

    @Test
    void loopbackDeviceIsPairedAtOnceAndGetsADeviceTokenThatWorksAlone() {
        DeviceKey key = DeviceKey.generate();
        String deviceToken;
        try (WsTestClient c = local()) {
            JsonNode res = c.connect(c.connectParams(TestGateway.TOKEN, key, c.nonce(), System.currentTimeMillis()));
            assertThat(res.path("payload").path("type").asText()).isEqualTo("hello-ok");
            assertThat(res.path("payload").path("features").path("methods").toString()).contains("\"agent\"",
                    "\"sessions.messages.subscribe\"", "\"cron.add\"", "\"config.patch\"");
            deviceToken = res.path("payload").path("auth").path("deviceToken").asText();
            assertThat(deviceToken).startsWith("oc_dev_");
        }
        try (WsTestClient c = local()) {
            JsonNode res = c.connect(c.connectParams(deviceToken, key, c.nonce(), System.currentTimeMillis()));
            assertThat(res.path("ok").asBoolean()).as(res.toString()).isTrue();
            assertThat(c.request("health", JSON.createObjectNode()).path("payload").path("ok").asBoolean()).isTrue();
        }
        try (WsTestClient c = local()) {
            // a device token only works for its own device
            JsonNode res = c.connect(c.connectParams(deviceToken, DeviceKey.generate(), c.nonce(),
                    System.currentTimeMillis()));
            assertThat(res.path("ok").asBoolean()).isFalse();
            assertThat(res.path("error").path("code").asText()).isEqualTo("UNAUTHORIZED");
            assertThat(c.closeCode(WAIT)).isEqualTo(1008);
        }
    }

    @Test
    void unknownRemoteDeviceWaitsForPairingUntilAnAdministratorApprovesIt() {
        DeviceKey key = DeviceKey.generate();
        String requestId;
        try (WsTestClient c = remote()) {
            JsonNode res = c.connect(c.connectParams(TestGateway.TOKEN, key, c.nonce(), System.currentTimeMillis()));
            assertThat(res.path("ok").asBoolean()).isFalse();
            assertThat(res.path("error").path("message").asText()).isEqualTo("pairing required");
            assertThat(c.closeCode(WAIT)).isEqualTo(1008);
            assertThat(c.closeReason()).matches("pairing required \\(requestId: pair_[0-9a-z]+\\)");
            requestId = c.closeReason().replaceAll(".*requestId: ([^)]+)\\).*", "$1");
        }
        try (WsTestClient c = remote()) {
            // still pending: the same request again
            c.connect(c.connectParams(TestGateway.TOKEN, key, c.nonce(), System.currentTimeMillis()));
            assertThat(c.closeCode(WAIT)).isEqualTo(1008);
            assertThat(c.closeReason()).contains(requestId);
        }
        try (WsTestClient a = local()) {
            admin(a);
            JsonNode list = a.request("pairing.list", JSON.createObjectNode()).path("payload");
            assertThat(list.path("pending").toString()).contains(requestId, key.id(), "203.0.113.7");
            JsonNode approved = a.request("pairing.approve", JSON.createObjectNode().put("requestId", requestId));
            assertThat(approved.path("payload").path("device").path("status").asText()).isEqualTo("paired");
        }
        try (WsTestClient c = remote()) {
            JsonNode res = c.connect(c.connectParams(TestGateway.TOKEN, key, c.nonce(), System.currentTimeMillis()));
            assertThat(res.path("ok").asBoolean()).as(res.toString()).isTrue();
            assertThat(res.path("payload").path("auth").path("deviceToken").asText()).startsWith("oc_dev_");
        }
        try (WsTestClient c = remote()) {
            // a remote client must prove a device identity
            JsonNode res = c.connect(c.connectParams(TestGateway.TOKEN, null, c.nonce(), System.currentTimeMillis()));
            assertThat(res.path("error").path("message").asText()).startsWith("device identity required");
            assertThat(c.closeCode(WAIT)).isEqualTo(1008);
        }
    }

    @Test
    void cliListsAndApprovesPairingRequests() {
        DeviceKey key = DeviceKey.generate();
        String requestId;
        try (WsTestClient c = remote()) {
            c.connect(c.connectParams(TestGateway.TOKEN, key, c.nonce(), System.currentTimeMillis()));
            assertThat(c.closeCode(WAIT)).isEqualTo(1008);
            requestId = c.closeReason().replaceAll(".*requestId: ([^)]+)\\).*", "$1");
        }
        ai.openclaw.testkit.CliRun list = ai.openclaw.testkit.CliRun.of(env.gateway(), "devices", "list");
        assertThat(list.exit()).as(list.err()).isZero();
        assertThat(list.out()).contains("pending", requestId, "203.0.113.7");
        ai.openclaw.testkit.CliRun approve = ai.openclaw.testkit.CliRun.of(env.gateway(), "devices", "approve",
                requestId);
        assertThat(approve.exit()).as(approve.err()).isZero();
        assertThat(approve.out()).contains("approved device " + key.id());
        try (WsTestClient c = remote()) {
            JsonNode res = c.connect(c.connectParams(TestGateway.TOKEN, key, c.nonce(), System.currentTimeMillis()));
            assertThat(res.path("ok").asBoolean()).as(res.toString()).isTrue();
        }
        ai.openclaw.testkit.CliRun dashboard = ai.openclaw.testkit.CliRun.of(env.gateway(), "dashboard", "--no-open");
        assertThat(dashboard.out()).contains("Control UI: " + env.gateway().baseUrl() + "/");
    }

    @Test
    void badSignatureReplayedNonceStaleSignatureAndWrongTokenAreRefused() {
        DeviceKey key = DeviceKey.generate();
        try (WsTestClient c = local()) {
            ObjectNode p = c.connectParams(TestGateway.TOKEN, key, c.nonce(), System.currentTimeMillis());
            String sig = p.path("device").path("signature").asText();
            ((ObjectNode) p.path("device")).put("signature", (sig.charAt(0) == 'A' ? "B" : "A") + sig.substring(1));
            assertRefused(c, p, "INVALID_REQUEST", "device signature invalid");
        }
        try (WsTestClient c = local()) {
            // signed for another scope set than the one sent
            ObjectNode p = c.connectParams(TestGateway.TOKEN, key, c.nonce(), System.currentTimeMillis());
            p.putArray("scopes").add("operator.read");
            assertRefused(c, p, "INVALID_REQUEST", "device signature invalid");
        }
        ObjectNode captured;
        try (WsTestClient first = local()) {
            captured = first.connectParams(TestGateway.TOKEN, key, first.nonce(), System.currentTimeMillis());
            assertThat(first.connect(captured).path("ok").asBoolean()).isTrue();
        }
        try (WsTestClient second = local()) {
            // the recorded connect (signature over the first socket's nonce) replayed on a new socket
            assertRefused(second, captured, "INVALID_REQUEST", "device nonce mismatch");
        }
        try (WsTestClient c = local()) {
            ObjectNode p = c.connectParams(TestGateway.TOKEN, key, c.nonce(), System.currentTimeMillis() - 3_600_000);
            assertRefused(c, p, "INVALID_REQUEST", "device signature expired");
        }
        try (WsTestClient c = local()) {
            ObjectNode p = c.connectParams("wrong-token", key, c.nonce(), System.currentTimeMillis());
            assertRefused(c, p, "UNAUTHORIZED", "unauthorized: gateway token mismatch");
            assertThat(c.closeReason()).isEqualTo("unauthorized");
        }
        try (WsTestClient c = local()) {
            ObjectNode p = c.connectParams(TestGateway.TOKEN, key, c.nonce(), System.currentTimeMillis());
            p.put("minProtocol", 5).put("maxProtocol", 6);
            assertRefused(c, p, "INVALID_REQUEST", "protocol mismatch");
        }
        try (WsTestClient c = local()) {
            JsonNode res = c.request("health", JSON.createObjectNode());
            assertThat(res.path("error").path("message").asText()).isEqualTo("the first request must be connect");
            assertThat(c.closeCode(WAIT)).isEqualTo(1008);
        }
    }

    private static void assertRefused(WsTestClient c, ObjectNode params, String code, String message) {
        JsonNode res = c.connect(params);
        assertThat(res.path("ok").asBoolean()).as(res.toString()).isFalse();
        assertThat(res.path("error").path("code").asText()).isEqualTo(code);
        assertThat(res.path("error").path("message").asText()).startsWith(message);
        assertThat(c.closeCode(WAIT)).isEqualTo(1008);
    }

    @Test
    void apiKeysSeeOnlyTheirOwnSessionsAndNoAdminMethods() {
        String secret = env.gateway().gateway().services().auth().generate("ws-key-" + System.nanoTime(), Set.of("chat", "memory:read"),
                null, null).secret();
        env.gateway().post("/api/v1/message", "{\"text\":\"gateway secret stuff\",\"session\":\"ws-private\"}");
        try (WsTestClient c = local()) {
            JsonNode hello = c.connect(c.connectParams(secret, DeviceKey.generate(), c.nonce(),
                    System.currentTimeMillis()));
            assertThat(hello.path("ok").asBoolean()).as(hello.toString()).isTrue();
            JsonNode list = c.request("sessions.list", JSON.createObjectNode()).path("payload");
            assertThat(list.toString()).doesNotContain("ws-private");
            JsonNode history = c.request("chat.history", JSON.createObjectNode().put("sessionKey", "ws-private"));
            assertThat(history.path("payload").path("messages").size()).isZero();
            JsonNode describe = c.request("sessions.describe", JSON.createObjectNode().put("key", "ws-private"));
            assertThat(describe.path("error").path("code").asText()).isEqualTo("NOT_FOUND");
            JsonNode config = c.request("config.get", JSON.createObjectNode());
            assertThat(config.path("error").path("code").asText()).isEqualTo("FORBIDDEN");
            JsonNode unknown = c.request("nope.nope", JSON.createObjectNode());
            assertThat(unknown.path("error").path("message").asText()).isEqualTo("unknown method: nope.nope");
            // the key's own 'ws-private' is another session than the gateway token's
            JsonNode run = c.request("agent", JSON.createObjectNode().put("message", "mine").put("sessionKey",
                    "ws-private"));
            assertThat(run.path("payload").path("status").asText()).isEqualTo("accepted");
            JsonNode done = c.await(f -> f.path("type").asText().equals("res") && f.path("payload").has("result"),
                    WAIT);
            assertThat(done.path("payload").path("result").path("meta").path("sessionKey").asText())
                    .endsWith(":ws-private").isNotEqualTo("ws-private");
            try (WsTestClient second = local(); WsTestClient third = local()) {
                assertThat(second.connect(second.connectParams(secret, DeviceKey.generate(), second.nonce(),
                        System.currentTimeMillis())).path("ok").asBoolean()).isTrue();
                JsonNode over = third.connect(third.connectParams(secret, DeviceKey.generate(), third.nonce(),
                        System.currentTimeMillis()));
                assertThat(over.path("error").path("code").asText()).isEqualTo("RATE_LIMIT_EXCEEDED");
                assertThat(third.closeCode(WAIT)).isEqualTo(1013);
            }
        }
    }

    @Test
    void chatAbortCancelsTheRunningTurn() {
        env.fake().enqueue(FakeReply.hang());
        try (WsTestClient c = local()) {
            admin(c);
            JsonNode accepted = c.request("agent", JSON.createObjectNode().put("message", "never ends")
                    .put("sessionKey", "ws-abort").put("idempotencyKey", "run-abort-1"));
            assertThat(accepted.path("payload").path("runId").asText()).isEqualTo("run-abort-1");
            JsonNode abort = c.request("chat.abort", JSON.createObjectNode().put("sessionKey", "ws-abort"));
            assertThat(abort.path("payload").path("runIds").toString()).contains("run-abort-1");
            JsonNode wait = c.request("agent.wait", JSON.createObjectNode().put("runId", "run-abort-1")
                    .put("timeoutMs", 20_000));
            assertThat(wait.path("payload").path("status").asText()).isEqualTo("aborted");
            JsonNode lifecycle = c.await(f -> f.path("event").asText().equals("agent")
                    && f.path("payload").path("stream").asText().equals("lifecycle")
                    && f.path("payload").path("data").path("phase").asText().equals("error"), WAIT);
            assertThat(lifecycle).isNotNull();
        }
    }

    @Test
    void subscribersSeeTurnsStartedOverHttpInOrder() {
        try (WsTestClient c = local()) {
            admin(c);
            JsonNode sub = c.request("sessions.messages.subscribe", JSON.createObjectNode().put("key", "ws-live"));
            assertThat(sub.path("payload").path("key").asText()).isEqualTo("ws-live");
            var http = env.gateway().post("/api/v1/message/stream", "{\"text\":\"over http\",\"session\":\"ws-live\"}");
            assertThat(http.status()).isEqualTo(200);
            List<JsonNode> events = new ArrayList<>();
            JsonNode last = c.await(f -> {
                if (f.path("type").asText().equals("event")) {
                    events.add(f);
                }
                return f.path("payload").path("data").path("phase").asText().equals("end");
            }, WAIT);
            assertThat(last).as(events.toString()).isNotNull();
            StringBuilder text = new StringBuilder();
            long seq = 0;
            long frameSeq = 0;
            for (JsonNode e : events) {
                assertThat(e.path("seq").asLong()).isGreaterThan(frameSeq);
                frameSeq = e.path("seq").asLong();
                assertThat(e.path("payload").path("sessionKey").asText()).isEqualTo("ws-live");
                if (e.path("event").asText().equals("agent")) {
                    assertThat(e.path("payload").path("seq").asLong()).isEqualTo(++seq);
                    if (e.path("payload").path("stream").asText().equals("assistant")) {
                        text.append(e.path("payload").path("data").path("delta").asText());
                    }
                }
            }
            assertThat(text.toString()).isEqualTo("echo: over http");
            assertThat(events.stream().filter(e -> e.path("event").asText().equals("session.message")).count())
                    .isEqualTo(2);
        }
    }

    @Test
    void oversizedFramesCloseTheSocket() {
        try (WsTestClient c = local()) {
            admin(c);
            c.sendText("{\"type\":\"req\",\"id\":\"big\",\"method\":\"health\",\"params\":{\"x\":\"" + "x".repeat(8000)
                    + "\"}}");
            assertThat(c.closeCode(WAIT)).isEqualTo(1009);
        }
    }

    @Test
    void upgradeFailuresAnswerInTheJsonEnvelopeWithARequestIdAndNoSessionCookie() throws Exception {
        String notFound = rawUpgrade("/not-a-ws-endpoint");
        assertThat(notFound).startsWith("HTTP/1.1 404");
        assertThat(notFound.toLowerCase()).contains("x-request-id: req_").doesNotContain("set-cookie")
                .doesNotContain("jsessionid");
        assertThat(notFound).contains("\"code\":\"NOT_FOUND\"");
        String ok = rawUpgrade("/");
        assertThat(ok).startsWith("HTTP/1.1 101");
        assertThat(ok.toLowerCase()).contains("x-request-id: req_").doesNotContain("set-cookie");
    }

    private static String rawUpgrade(String path) throws Exception {
        URI base = URI.create(env.gateway().baseUrl());
        try (Socket s = new Socket(base.getHost(), base.getPort())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                    + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[8192];
            StringBuilder sb = new StringBuilder();
            CompletableFuture<Void> none = CompletableFuture.completedFuture(null);
            int n;
            while ((n = in.read(buf)) > 0) {
                sb.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
                String text = sb.toString();
                int head = text.indexOf("\r\n\r\n");
                if (head >= 0 && (text.startsWith("HTTP/1.1 101") || text.substring(head + 4).contains("}}"))) {
                    break;
                }
            }
            none.join();
            return sb.toString();
        }
    }
}
