package ai.openclaw.server.ws;

import ai.openclaw.auth.Principal;
import ai.openclaw.event.DomainEvent;
import ai.openclaw.event.EventBus;
import ai.openclaw.server.http.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fan-out of live session events to WebSocket clients: agent run events ({@code event agent {runId, sessionKey,
 * stream, data, seq, ts}}) go to the client that started the run and to every client subscribed to the session
 * ({@code sessions.messages.subscribe}); stored messages (the core's {@code message.received} /
 * {@code message.sent} domain events) go to subscribers as {@code event session.message}. Events of one session
 * are published on the thread running its turn (turns of a session run one at a time), and each client's queue
 * keeps them in that order.
 */
final class LiveHub implements AutoCloseable {
    private final Map<String, Set<WsClient>> subscribers = new ConcurrentHashMap<>();
    private final Map<String, WsClient> runOrigins = new ConcurrentHashMap<>();
    private final Clock clock;
    private final AutoCloseable domainEvents;

    LiveHub(EventBus events, Clock clock) {
        this.clock = clock;
        this.domainEvents = events.subscribe(this::onDomainEvent);
    }

    void subscribe(String sessionId, WsClient client) {
        subscribers.computeIfAbsent(sessionId, k -> ConcurrentHashMap.newKeySet()).add(client);
        client.subscriptions().add(sessionId);
    }

    void unsubscribe(String sessionId, WsClient client) {
        client.subscriptions().remove(sessionId);
        subscribers.computeIfPresent(sessionId, (k, set) -> {
            set.remove(client);
            return set.isEmpty() ? null : set;
        });
    }

    /** Forgets a closed client. */
    void remove(WsClient client) {
        for (String s : Set.copyOf(client.subscriptions())) {
            unsubscribe(s, client);
        }
        runOrigins.values().removeIf(c -> c == client);
    }

    /**
     * Routes the events of the run with key {@code runKey} ({@code Runs.key(owner, runId)}: run ids are per owner)
     * to {@code client} (the one that asked for it).
     */
    void originate(String runKey, WsClient client) {
        runOrigins.put(runKey, client);
    }

    void finished(String runKey) {
        runOrigins.remove(runKey);
    }

    /** Whether anybody would receive events of this run or session (so HTTP turns cost nothing otherwise). */
    boolean interested(String sessionId, String runKey) {
        return runOrigins.containsKey(runKey) || subscribers.containsKey(sessionId);
    }

    /** Publishes one agent event of run {@code runId} (key {@code runKey}). */
    void agent(String sessionId, String runId, String runKey, long seq, String stream, ObjectNode data) {
        ObjectNode payload = Json.obj().put("runId", runId).put("sessionKey", sessionId).put("stream", stream);
        payload.set("data", data);
        payload.put("seq", seq).put("ts", clock.millis());
        WsClient origin = runOrigins.get(runKey);
        if (origin != null) {
            origin.event("agent", payload);
        }
        Set<WsClient> subs = subscribers.get(sessionId);
        if (subs != null) {
            for (WsClient c : subs) {
                if (c != origin) {
                    c.event("agent", payload);
                }
            }
        }
    }

    private void onDomainEvent(DomainEvent e) {
        boolean received = e.type().equals("message.received");
        if (!received && !e.type().equals("message.sent")) {
            return;
        }
        Object session = e.data().get("session_id");
        Set<WsClient> subs = session == null ? null : subscribers.get(session.toString());
        if (subs == null || subs.isEmpty()) {
            return;
        }
        ObjectNode message = Json.obj();
        message.put("id", String.valueOf(e.data().get("message_id")));
        message.put("role", received ? "user" : "assistant");
        message.put("content", String.valueOf(e.data().get("content")));
        if (e.data().get("model") != null) {
            message.put("model", e.data().get("model").toString());
        }
        message.put("timestamp", e.timestamp().toEpochMilli());
        ObjectNode payload = Json.obj().put("sessionKey", session.toString());
        payload.set("message", message);
        for (WsClient c : subs) {
            Principal p = c.principal();
            // the event's owner is the session's: only that owner and the operator get it
            if (p != null && e.visibleTo(p.ownerId(), p.isAdmin())) {
                c.event("session.message", payload);
            }
        }
    }

    @Override
    public void close() {
        try {
            domainEvents.close();
        } catch (Exception e) {
            // removing a subscriber cannot fail
        }
    }
}
