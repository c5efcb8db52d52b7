package ai.openclaw.it;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.testkit.TestGateway;
import ai.openclaw.testkit.WsTestClient;
import ai.openclaw.testkit.fake.FakeProvider;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Load: {@value #CLIENTS} WebSocket clients, each subscribed to one of {@value #SESSIONS} sessions, while turns stream
 * over HTTP on every session. The gateway runs as its own process with the heap limit {@code ./openclaw} gives it
 * ({@code -Xmx112m}, exit on OutOfMemoryError). Every client must see every event of every turn of its session,
 * each run's events in sequence, runs in the order they were sent, connection seq strictly increasing.
 */
class WsLoadTest {
    static final int CLIENTS = Integer.getInteger("ws.load.clients", 1000);
    static final int SESSIONS = 100;
    static final int TURNS = Integer.getInteger("ws.load.turns", 4);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void thousandSubscribersSeeEveryEventInOrderWithinTheMemoryLimit() throws Exception {
        Path state = Files.createTempDirectory("openclaw-wsload-");
        try (FakeProvider fake = FakeProvider.start()) {
            Files.writeString(state.resolve("config.yaml"), TestGateway.providerConfig(fake.openAiBaseUrl(), null)
                    .replace("timeoutMs: 5000", "timeoutMs: 120000")
                    // every client is on 127.0.0.1: lift the per-address connection cap (default 512) for this test
                    + "gateway:\n  max_connections_per_client: 4000\n");
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder pb = new ProcessBuilder(java, "-XX:+UseSerialGC", "-Xms32m", "-Xmx112m",
                    "-XX:MaxMetaspaceSize=160m", "-XX:+ExitOnOutOfMemoryError", "-cp",
                    System.getProperty("java.class.path"), "ai.openclaw.cli.Main", "gateway", "--port",
                    Integer.toString(port)).redirectErrorStream(true);
            pb.environment().put("OPENCLAW_STATE_DIR", state.toString());
            pb.environment().put("OPENCLAW_GATEWAY_TOKEN", TestGateway.TOKEN);
            Process gw = pb.start();
            StringBuffer log = new StringBuffer();
            CompletableFuture<Void> listening = new CompletableFuture<>();
            Thread.ofPlatform().daemon().start(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(gw.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        log.append(line).append('\n');
                        if (line.contains("gateway listening on")) {
                            listening.complete(null);
                        }
                    }
                } catch (Exception e) {
                    // the process ended
                }
            });
            try {
                listening.get(120, TimeUnit.SECONDS);
                try {
                    run(port, gw);
                } catch (Throwable e) {
                    throw new AssertionError("load run failed; gateway log tail:\n" + tail(log), e);
                }
                assertThat(gw.isAlive()).as("gateway still running (no OutOfMemoryError)\n" + tail(log)).isTrue();
                long peakRssKb = peakRssKb(gw.pid());
                System.out.println("ws load: gateway peak RSS " + peakRssKb / 1024 + " MiB with -Xmx112m");
                assertThat(log.toString()).doesNotContain("OutOfMemoryError");
            } finally {
                gw.destroy();
                if (!gw.waitFor(20, TimeUnit.SECONDS)) {
                    gw.destroyForcibly();
                }
            }
        } finally {
            try (var files = Files.walk(state)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void run(int port, Process gw) throws Exception {
        String ws = "ws://127.0.0.1:" + port + "/ws";
        ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4)).build();
        List<WsTestClient> clients = new ArrayList<>();
        long t0 = System.nanoTime();
        try {
            Semaphore opening = new Semaphore(64);
            List<CompletableFuture<WsTestClient>> opened = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                String session = "load-" + (i % SESSIONS);
                opened.add(CompletableFuture.supplyAsync(() -> {
                    opening.acquireUninterruptibly();
                    try {
                        WsTestClient c = WsTestClient.open(ws, Map.of(), http);
                        JsonNode hello = c.connect(c.connectParams(TestGateway.TOKEN, null, c.nonce(), 0));
                        assertThat(hello.path("ok").asBoolean()).as(hello.toString()).isTrue();
                        JsonNode sub = c.request("sessions.messages.subscribe",
                                JSON.createObjectNode().put("key", session));
                        assertThat(sub.path("ok").asBoolean()).as(sub.toString()).isTrue();
                        return c;
                    } finally {
                        opening.release();
                    }
                }, pool));
            }
            for (CompletableFuture<WsTestClient> f : opened) {
                clients.add(f.get(180, TimeUnit.SECONDS));
            }
            long connectedMs = (System.nanoTime() - t0) / 1_000_000;
            // turns over HTTP: sessions in parallel, each session's turns one after another
            HttpClient driver = HttpClient.newHttpClient();
            List<CompletableFuture<Void>> turns = new ArrayList<>();
            long t1 = System.nanoTime();
            Semaphore parallel = new Semaphore(16);
            for (int s = 0; s < SESSIONS; s++) {
                int session = s;
                turns.add(CompletableFuture.runAsync(() -> {
                    for (int t = 0; t < TURNS; t++) {
                        parallel.acquireUninterruptibly();
                        try {
                            String body = "{\"text\":\"turn " + t + " of session " + session + " streams\",\"session\":\"load-"
                                    + session + "\"}";
                            HttpResponse<String> r = driver.send(HttpRequest.newBuilder(URI.create(
                                            "http://127.0.0.1:" + port + "/api/v1/message/stream"))
                                    .header("Authorization", "Bearer " + TestGateway.TOKEN)
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                    HttpResponse.BodyHandlers.ofString());
                            assertThat(r.statusCode()).isEqualTo(200);
                            assertThat(r.body()).contains("[DONE]");
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        } finally {
                            parallel.release();
                        }
                    }
                }, pool));
            }
            for (CompletableFuture<Void> f : turns) {
                f.get(300, TimeUnit.SECONDS);
            }
            long turnsMs = (System.nanoTime() - t1) / 1_000_000;
            long events = 0;
            for (int i = 0; i < clients.size(); i++) {
                events += verify(clients.get(i), i % SESSIONS);
            }
            System.out.printf("ws load: %d clients connected+subscribed in %d ms; %d turns streamed in %d ms; "
                    + "%d events delivered, none lost or out of order%n", clients.size(), connectedMs,
                    SESSIONS * TURNS, turnsMs, events);
            assertThat(gw.isAlive()).isTrue();
        } finally {
            clients.forEach(WsTestClient::close);
            pool.shutdownNow();
        }
    }

    /** Reads one client's events until its session's last turn ended; checks completeness and order. */
    private static long verify(WsTestClient c, int session) {
        long frameSeq = 0;
        long events = 0;
        int turn = 0;
        long runSeq = 0;
        String runId = null;
        StringBuilder text = new StringBuilder();
        int messages = 0;
        while (turn < TURNS) {
            JsonNode f = c.next(Duration.ofSeconds(60));
            assertThat(f).as("client of session %d: turn %d never completed", session, turn).isNotNull();
            if (!f.path("type").asText().equals("event")) {
                continue;
            }
            events++;
            assertThat(f.path("seq").asLong()).as("connection seq").isGreaterThan(frameSeq);
            frameSeq = f.path("seq").asLong();
            JsonNode p = f.path("payload");
            assertThat(p.path("sessionKey").asText()).isEqualTo("load-" + session);
            if (f.path("event").asText().equals("session.message")) {
                messages++;
                continue;
            }
            if (runId == null) {
                runId = p.path("runId").asText();
                runSeq = 0;
            }
            assertThat(p.path("runId").asText()).as("events of one run are not interleaved").isEqualTo(runId);
            assertThat(p.path("seq").asLong()).as("run seq (nothing lost)").isEqualTo(++runSeq);
            String stream = p.path("stream").asText();
            String phase = p.path("data").path("phase").asText();
            if (runSeq == 1) {
                assertThat(stream + ":" + phase).isEqualTo("lifecycle:start");
            } else if (stream.equals("assistant")) {
                text.append(p.path("data").path("delta").asText());
            } else if (stream.equals("lifecycle")) {
                assertThat(phase).isEqualTo("end");
                assertThat(text.toString()).as("the run's deltas, in order")
                        .isEqualTo("echo: turn " + turn + " of session " + session + " streams");
                turn++;
                runId = null;
                text.setLength(0);
            }
        }
        while (messages < 2 * TURNS) {
            JsonNode f = c.next(Duration.ofSeconds(30));
            assertThat(f).as("session.message events").isNotNull();
            if (f.path("event").asText().equals("session.message")) {
                messages++;
                events++;
            }
        }
        return events;
    }

    private static long peakRssKb(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                    .filter(l -> l.startsWith("VmHWM:")).map(l -> l.replaceAll("\\D", "")).map(Long::parseLong)
                    .findFirst().orElse(-1L);
        } catch (Exception e) {
            return -1;
        }
    }

    private static String tail(StringBuffer log) {
        String s = log.toString();
        return s.length() > 4000 ? s.substring(s.length() - 4000) : s;
    }
}
