package ai.openclaw.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A WebSocket client of the gateway protocol over a real socket (JDK {@link java.net.http.WebSocket}): every frame
 * received is queued as JSON; {@link #connect} answers the challenge (optionally signed with a {@link DeviceKey});
 * {@link #request} sends a {@code req} and waits for its {@code res}. The close code and reason are kept.
 */
public final class WsTestClient implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    private final java.util.Deque<JsonNode> stash = new java.util.ArrayDeque<>();
    private final CompletableFuture<int[]> closed = new CompletableFuture<>();
    private final AtomicLong ids = new AtomicLong();
    private volatile String closeReason;
    private final WebSocket ws;
    private final String challengeNonce;

    private WsTestClient(String url, Map<String, String> headers, HttpClient http) {
        WebSocket.Builder b = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        headers.forEach(b::header);
        StringBuilder partial = new StringBuilder();
        this.ws = b.buildAsync(URI.create(url), new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    try {
                        frames.add(JSON.readTree(partial.toString()));
                    } catch (Exception e) {
                        frames.add(JSON.createObjectNode().put("type", "unparseable").put("text", partial.toString()));
                    }
                    partial.setLength(0);
                }
                w.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket w, int code, String reason) {
                closeReason = reason;
                closed.complete(new int[] {code});
                return null;
            }

            @Override
            public void onError(WebSocket w, Throwable error) {
                closeReason = String.valueOf(error);
                closed.complete(new int[] {-1});
            }
        }).join();
        JsonNode challenge = next(Duration.ofSeconds(10));
        if (challenge == null || !"connect.challenge".equals(challenge.path("event").asText())) {
            throw new IllegalStateException("expected connect.challenge, got " + challenge);
        }
        this.challengeNonce = challenge.path("payload").path("nonce").asText();
    }

    /** Opens a socket (no handshake yet: the challenge has been read). */
    public static WsTestClient open(String url, Map<String, String> headers) {
        return new WsTestClient(url, headers, HTTP);
    }

    /** Opens a socket on the given HTTP client (e.g. one with its own executor, for load tests). */
    public static WsTestClient open(String url, Map<String, String> headers, HttpClient http) {
        return new WsTestClient(url, headers, http);
    }

    /** The nonce of this socket's {@code connect.challenge}. */
    public String nonce() {
        return challengeNonce;
    }

    /**
     * The {@code connect} params OpenClaw clients send.
     *
     * @param token auth.token, or null
     * @param device the device identity to sign with, or null for none
     * @param nonce the nonce to sign (normally {@link #nonce()})
     * @param signedAt the signature time in epoch milliseconds
     */
    public ObjectNode connectParams(String token, DeviceKey device, String nonce, long signedAt) {
        List<String> scopes = List.of("operator.read", "operator.write", "operator.admin");
        ObjectNode p = JSON.createObjectNode().put("minProtocol", 4).put("maxProtocol", 4);
        p.putObject("client").put("id", "java-test").put("version", "1").put("platform", "linux").put("mode", "backend");
        p.put("role", "operator");
        ArrayNode s = p.putArray("scopes");
        scopes.forEach(s::add);
        if (token != null) {
            p.putObject("auth").put("token", token);
        }
        if (device != null) {
            p.putObject("device").put("id", device.id()).put("publicKey", device.publicKey())
                    .put("signature", device.sign("java-test", "backend", "operator", scopes, signedAt, token, nonce))
                    .put("signedAt", signedAt).put("nonce", nonce);
        }
        return p;
    }

    /** Sends {@code connect} with these params and returns its {@code res}. */
    public JsonNode connect(ObjectNode params) {
        return request("connect", params);
    }

    /** Sends a request and waits (up to 30 s) for its {@code res}; events received meanwhile stay queued. */
    public JsonNode request(String method, ObjectNode params) {
        String id = "r" + ids.incrementAndGet();
        send(JSON.createObjectNode().put("type", "req").put("id", id).put("method", method).set("params", params));
        return await(f -> "res".equals(f.path("type").asText()) && id.equals(f.path("id").asText()),
                Duration.ofSeconds(30));
    }

    /** Sends a raw frame. */
    public void send(JsonNode frame) {
        sendText(frame.toString());
    }

    /** Sends raw text. */
    public void sendText(String text) {
        ws.sendText(text, true).join();
    }

    /** The next frame (frames passed over by {@link #await} first), or null after {@code timeout}. */
    public JsonNode next(Duration timeout) {
        synchronized (stash) {
            if (!stash.isEmpty()) {
                return stash.poll();
            }
        }
        return poll(timeout);
    }

    private JsonNode poll(Duration timeout) {
        try {
            return frames.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /**
     * The first queued or arriving frame matching {@code match}, or null after {@code timeout}; the frames passed
     * over stay queued, in order, for {@link #next} and later awaits.
     */
    public JsonNode await(Predicate<JsonNode> match, Duration timeout) {
        synchronized (stash) {
            for (var it = stash.iterator(); it.hasNext(); ) {
                JsonNode f = it.next();
                if (match.test(f)) {
                    it.remove();
                    return f;
                }
            }
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode f = poll(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (f == null) {
                continue;
            }
            if (match.test(f)) {
                return f;
            }
            synchronized (stash) {
                stash.add(f);
            }
        }
        return null;
    }

    /** The close code once the socket closed (-1 for an error), waiting up to {@code timeout}; null if still open. */
    public Integer closeCode(Duration timeout) {
        try {
            return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS)[0];
        } catch (Exception e) {
            return null;
        }
    }

    /** The close reason, once closed. */
    public String closeReason() {
        return closeReason;
    }

    @Override
    public void close() {
        if (!closed.isDone()) {
            try {
                ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                ws.abort();
            }
        }
        ws.abort();
    }
}
