package ai.openclaw.server.ws;

import ai.openclaw.auth.Principal;
import ai.openclaw.error.OpenClawException;
import ai.openclaw.error.RateLimitException;
import ai.openclaw.server.http.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * One WebSocket connection of the gateway protocol: who it is (after {@code connect}), its subscriptions, and its
 * outbound queue. Frames are written one at a time in the order they were queued; each event frame gets the next
 * {@code seq}. A client that lets more than {@link WsSettings#maxQueuedFrames()} frames pile up is a slow consumer
 * and is closed (1008), so a stalled reader never makes the gateway buffer without end.
 */
final class WsClient {
    private final String id;
    private final Session session;
    private final String nonce;
    private final String remoteAddress;
    private final boolean local;
    private final int maxQueued;
    private final ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean writing = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicLong seq = new AtomicLong();
    private final Object eventLock = new Object();
    private final Set<String> subscriptions = ConcurrentHashMap.newKeySet();
    private volatile Principal principal;
    private volatile String deviceId;
    private volatile java.util.List<String> scopes = java.util.List.of();
    private volatile Runnable onClose = () -> { };

    WsClient(String id, Session session, String nonce, String remoteAddress, boolean local, int maxQueued) {
        this.id = id;
        this.session = session;
        this.nonce = nonce;
        this.remoteAddress = remoteAddress;
        this.local = local;
        this.maxQueued = maxQueued;
    }

    String id() {
        return id;
    }

    String nonce() {
        return nonce;
    }

    String remoteAddress() {
        return remoteAddress;
    }

    boolean local() {
        return local;
    }

    Principal principal() {
        return principal;
    }

    String deviceId() {
        return deviceId;
    }

    boolean connected() {
        return principal != null;
    }

    void authenticated(Principal p, String device, java.util.List<String> connectionScopes, Runnable releaseSlot) {
        this.deviceId = device;
        this.scopes = java.util.List.copyOf(connectionScopes);
        this.onClose = releaseSlot;
        this.principal = p;
    }

    java.util.List<String> scopes() {
        return scopes;
    }

    Set<String> subscriptions() {
        return subscriptions;
    }

    boolean isOpen() {
        return !closed.get() && session.isOpen();
    }

    /** Queues {@code {type:"event", event, payload, seq}}. */
    void event(String event, JsonNode payload) {
        synchronized (eventLock) {
            // seq numbers and queue order must agree, so both happen under one lock
            ObjectNode f = Json.obj().put("type", "event").put("event", event);
            f.set("payload", payload);
            f.put("seq", seq.incrementAndGet());
            enqueue(f);
        }
    }

    /** Queues {@code {type:"res", id, ok:true, payload}}. */
    void ok(String requestId, JsonNode payload) {
        ObjectNode f = Json.obj().put("type", "res").put("id", requestId).put("ok", true);
        f.set("payload", payload);
        enqueue(f);
    }

    /** Queues {@code {type:"res", id, ok:false, error:{code, message, details?, retryable, retryAfterMs?}}}. */
    void error(String requestId, OpenClawException e) {
        ObjectNode f = Json.obj().put("type", "res").put("id", requestId).put("ok", false);
        f.set("error", errorShape(e));
        enqueue(f);
    }

    static ObjectNode errorShape(OpenClawException e) {
        ObjectNode err = Json.obj().put("code", e.code().name()).put("message", e.getMessage());
        if (e.details() != null) {
            err.put("details", e.details());
        }
        err.put("retryable", e.retriable());
        if (e instanceof RateLimitException rl) {
            err.put("retryAfterMs", rl.retryAfterSeconds() * 1000L);
        }
        return err;
    }

    /** Closes the socket with a code and reason (reason cut to the protocol's 123 bytes). */
    void close(int code, String reason) {
        if (closed.compareAndSet(false, true)) {
            queue.clear();
            String r = reason.length() > 120 ? reason.substring(0, 120) : reason;
            try {
                session.close(code, r, Callback.NOOP);
            } catch (RuntimeException e) {
                session.disconnect();
            }
            released();
        }
    }

    /** Called when the socket has closed (either side). */
    void released() {
        closed.set(true);
        Runnable r = onClose;
        onClose = () -> { };
        r.run();
    }

    private void enqueue(ObjectNode frame) {
        if (closed.get()) {
            return;
        }
        String text;
        try {
            text = Json.MAPPER.writeValueAsString(frame);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("frame could not be serialised", e);
        }
        if (queued.incrementAndGet() > maxQueued) {
            close(1008, "slow consumer: more than " + maxQueued + " frames queued");
            return;
        }
        queue.add(text);
        drain();
    }

    private void drain() {
        while (!closed.get() && !queue.isEmpty() && writing.compareAndSet(false, true)) {
            String next = queue.poll();
            if (next == null) {
                writing.set(false);
                continue;
            }
            // 0: send in progress; 1: the send call returned first (the callback drains); 2: completed within the call
            AtomicInteger state = new AtomicInteger();
            session.sendText(next, Callback.from(() -> {
                queued.decrementAndGet();
                writing.set(false);
                if (!state.compareAndSet(0, 2)) {
                    drain();
                }
            }, failure -> {
                writing.set(false);
                state.set(2);
                close(1011, "write failed");
            }));
            if (state.compareAndSet(0, 1)) {
                return;
            }
        }
    }
}
