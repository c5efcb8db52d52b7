package ai.openclaw.webhook;

import ai.openclaw.error.OpenClawException;
import ai.openclaw.event.DomainEvent;
import ai.openclaw.event.EventBus;
import ai.openclaw.util.Ids;
import ai.openclaw.net.CheckedTarget;
import ai.openclaw.net.PinnedConnections;
import ai.openclaw.net.PinnedHttp;
import ai.openclaw.util.OutboundTargets;
import ai.openclaw.util.Page;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The default {@link WebhookService}: an event subscriber that fills the outbox, and a poller that drains it. */
final class DefaultWebhookService implements WebhookService {
    private static final java.time.Duration ENDPOINT_CACHE = java.time.Duration.ofSeconds(2);
    private volatile CachedEndpoints endpointCache;
    private static final Logger LOG = LoggerFactory.getLogger("openclaw.webhook");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Due deliveries fetched (and claimed) per poll. */
    private static final int BATCH = 500;
    /** Claimed deliveries queued in one lane at most (the rest wait in the outbox). */
    private static final int LANE_DEPTH = 100;
    /**
     * How long a receiver's connection is kept idle for the next delivery: below the 5 s after which Node.js
     * servers close idle connections by default, so a reused connection is rarely found closed.
     */
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(4);

    private final WebhookStore store;
    private volatile WebhookSettings settings;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService senders;
    private final HttpClient http;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean pollQueued = new AtomicBoolean();
    private final OutboxLanes lanes;
    private final PinnedConnections connections;
    private volatile boolean morePending;
    private volatile boolean closed;
    private AutoCloseable subscription;

    DefaultWebhookService(WebhookStore store, WebhookSettings settings, Clock clock,
                          ScheduledExecutorService scheduler, ExecutorService senders, HttpClient http) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
        this.scheduler = scheduler;
        this.senders = senders;
        this.http = http;
        this.connections = new PinnedConnections(Math.max(16, settings.concurrency()), KEEP_ALIVE);
        this.lanes = new OutboxLanes(settings.concurrency(), senders, clock, this::send, this::holdBack,
                this::progressed);
    }

    void start(EventBus events) {
        subscription = events.subscribe(this::onEvent);
        long poll = Math.max(50, settings.pollInterval().toMillis());
        scheduler.scheduleWithFixedDelay(this::pollSafely, 0, poll, TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(this::purge, 1, 60, TimeUnit.MINUTES);
        scheduler.scheduleWithFixedDelay(connections::evictExpired, KEEP_ALIVE.toMillis(), KEEP_ALIVE.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void purge() {
        try {
            int n = store.purge(clock.instant().minus(settings.retention()));
            if (n > 0) {
                LOG.info("removed {} old webhook deliveries from the log", n);
            }
        } catch (RuntimeException e) {
            LOG.warn("webhook log cleanup failed: {}", e.toString());
        }
    }

    @Override
    public WebhookEndpoint create(String url, List<String> events, String secret, String owner) {
        OutboundTargets.check("url", url, settings.allowPrivateTargets());
        if (events == null || events.isEmpty()) {
            throw OpenClawException.invalid("field 'events' must name at least one event");
        }
        for (int i = 0; i < events.size(); i++) {
            if (!WebhookEvents.ALL.contains(events.get(i))) {
                throw OpenClawException.invalid("field 'events[" + i + "]' is not a known event: '" + events.get(i)
                        + "'", "known events: " + String.join(", ", new java.util.TreeSet<>(WebhookEvents.ALL)));
            }
        }
        if (secret != null && secret.isBlank()) {
            throw OpenClawException.invalid("field 'secret' must not be empty");
        }
        WebhookEndpoint e = new WebhookEndpoint(Ids.newId("wh"), url, new LinkedHashSet<>(events),
                secret != null ? secret : WebhookSigner.newSecret(), owner, true, null, false, clock.instant());
        store.insertEndpoint(e);
        endpointCache = null;
        return e;
    }

    @Override
    public void reconfigure(WebhookSettings next) {
        this.settings = java.util.Objects.requireNonNull(next, "settings");
        endpointCache = null;
    }

    @Override
    public List<WebhookEndpoint> list(String owner) {
        List<WebhookEndpoint> out = new ArrayList<>();
        if (owner == null) {
            out.addAll(settings.endpoints());
        }
        out.addAll(store.endpoints(owner));
        return out;
    }

    @Override
    public WebhookEndpoint get(String id, String owner) {
        return find(id).filter(e -> owner == null || e.owner().equals(owner))
                .orElseThrow(() -> OpenClawException.notFound("webhook", id));
    }

    @Override
    public void delete(String id, String owner) {
        WebhookEndpoint e = get(id, owner);
        if (e.fromConfig()) {
            throw OpenClawException.conflict("webhook " + id + " comes from config.yaml (webhooks.endpoints); "
                    + "remove it there");
        }
        store.deleteEndpoint(id);
        endpointCache = null;
    }

    @Override
    public Page<WebhookDelivery> deliveries(String endpointId, String owner, int offset, int limit) {
        get(endpointId, owner);
        return store.deliveries(endpointId, offset, limit);
    }

    @Override
    public String enqueueDirect(String url, String secret, Map<String, String> headers, String event,
                                Map<String, Object> data) {
        Instant now = clock.instant();
        String id = Ids.newId("msg");
        store.enqueue(List.of(new WebhookDelivery(id, null, url, secret, headers, event, body(event, now, data),
                WebhookDelivery.PENDING, 0, now, null, null, now, now, null)));
        wake();
        return id;
    }

    private Optional<WebhookEndpoint> find(String id) {
        for (WebhookEndpoint e : settings.endpoints()) {
            if (e.id().equals(id)) {
                return Optional.of(e);
            }
        }
        return store.endpoint(id);
    }

    /**
     * Every endpoint, for event fan-out: re-read from the store at most every {@link #ENDPOINT_CACHE} (so endpoints
     * added by another node sharing the database are seen within that time) and at once after a local change.
     */
    private List<WebhookEndpoint> allEndpoints() {
        Instant now = clock.instant();
        CachedEndpoints c = endpointCache;
        if (c == null || !now.isBefore(c.until())) {
            c = new CachedEndpoints(List.copyOf(list(null)), now.plus(ENDPOINT_CACHE));
            endpointCache = c;
        }
        return c.endpoints();
    }

    /** An endpoint from the fan-out cache (a local change clears it; another node's is seen within 2 s). */
    private Optional<WebhookEndpoint> cachedEndpoint(String id) {
        for (WebhookEndpoint e : allEndpoints()) {
            if (e.id().equals(id)) {
                return Optional.of(e);
            }
        }
        endpointCache = null;
        return find(id);
    }

    private record CachedEndpoints(List<WebhookEndpoint> endpoints, Instant until) {
    }

    private void onEvent(DomainEvent event) {
        if (!settings.enabled() || closed) {
            return;
        }
        List<WebhookEndpoint> targets = new ArrayList<>();
        for (WebhookEndpoint e : allEndpoints()) {
            // an endpoint gets only events about its owner's resources; the operator's endpoints get all
            if (e.wants(event.type()) && event.visibleTo(e.owner(), e.operatorOwned())) {
                targets.add(e);
            }
        }
        if (targets.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        String body = body(event.type(), event.timestamp(), event.data());
        List<WebhookDelivery> rows = new ArrayList<>();
        for (WebhookEndpoint e : targets) {
            rows.add(new WebhookDelivery(Ids.newId("msg"), e.id(), e.url(), null, Map.of(), event.type(), body,
                    WebhookDelivery.PENDING, 0, now, null, null, now, now, null));
        }
        store.enqueue(rows);
        wake();
    }

    /** The seed-002 payload {@code {event, timestamp, data}} as JSON.stringify-compatible compact text. */
    static String body(String event, Instant timestamp, Map<String, Object> data) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("event", event);
        root.put("timestamp", timestamp.truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString());
        root.set("data", MAPPER.valueToTree(data));
        return JsJson.stringify(root);
    }

    private void wake() {
        if (!closed && pollQueued.compareAndSet(false, true)) {
            try {
                scheduler.execute(this::pollSafely);
            } catch (RuntimeException e) {
                pollQueued.set(false);
            }
        }
    }

    private void pollSafely() {
        pollQueued.set(false);
        if (closed) {
            return;
        }
        try {
            poll();
        } catch (RuntimeException e) {
            LOG.warn("webhook outbox poll failed: {}", e.toString());
        }
    }

    /**
     * Fetches due deliveries (oldest first), claims them in one write and hands them to their endpoints' lanes.
     * A lane that is held (a failure waits for its retry) or already has {@link #LANE_DEPTH} queued gets none now;
     * the held lane's are moved behind its failed delivery. A full batch asks for another poll as the lanes drain.
     */
    private void poll() {
        Instant now = clock.instant();
        List<WebhookDelivery> due = store.due(now, BATCH);
        List<WebhookDelivery> take = new ArrayList<>();
        Map<Instant, List<String>> heldBack = new java.util.HashMap<>();
        // room per lane, read once per poll: the lanes drain meanwhile, and a later delivery of a lane must never be
        // taken after an earlier one of the same lane was left for the next poll (that would send it first)
        Map<String, Integer> room = new java.util.HashMap<>();
        for (WebhookDelivery d : due) {
            if (closed || inFlight.contains(d.id())) {
                continue;
            }
            Instant held = lanes.heldUntil(d);
            if (held != null) {
                heldBack.computeIfAbsent(held, k -> new ArrayList<>()).add(d.id());
                continue;
            }
            String lane = OutboxLanes.key(d);
            int left = room.computeIfAbsent(lane, k -> LANE_DEPTH - lanes.queued(d));
            if (left <= 0) {
                continue;
            }
            room.put(lane, left - 1);
            take.add(d);
        }
        heldBack.forEach((at, ids) -> store.releaseAll(ids, at));
        if (take.isEmpty()) {
            return;
        }
        Instant lease = now.plus(settings.timeout()).plusSeconds(5).plusMillis(LANE_DEPTH * 50L);
        Set<String> won = store.claimAll(take, lease);
        List<WebhookDelivery> claimed = new ArrayList<>(won.size());
        for (WebhookDelivery d : take) {
            if (won.contains(d.id())) {
                inFlight.add(d.id());
                claimed.add(d.withLease(lease));
            }
        }
        lanes.offer(claimed);
        morePending = due.size() >= BATCH;
    }

    /** After each delivery: when the outbox had more due than one batch and the lanes run low, poll again. */
    private void progressed() {
        if (morePending && inFlight.size() < BATCH / 2) {
            morePending = false;
            wake();
        }
    }

    /** Sends one claimed delivery; null when finished, else the time of its retry (its lane waits until then). */
    private Instant send(WebhookDelivery d) {
        try {
            if (clock.instant().plus(settings.timeout()).isAfter(d.nextAttemptAt())) {
                // its claim would lapse during the attempt (the lane was slow): extend it first
                store.release(d.id(), clock.instant().plus(settings.timeout()).plusSeconds(5));
            }
            return attempt(d);
        } finally {
            inFlight.remove(d.id());
        }
    }

    /** Deliveries behind a failed one in its lane: due again at {@code at}, still in their order. */
    private void holdBack(List<WebhookDelivery> behind, Instant at) {
        List<String> ids = new ArrayList<>(behind.size());
        for (WebhookDelivery d : behind) {
            ids.add(d.id());
        }
        try {
            store.releaseAll(ids, at);
        } catch (RuntimeException e) {
            LOG.warn("could not move {} webhook deliveries behind a failed one: {}", ids.size(), e.toString());
        } finally {
            ids.forEach(inFlight::remove);
        }
    }

    private Instant attempt(WebhookDelivery d) {
        int attempts = d.attempts() + 1;
        Instant now = clock.instant();
        String secret = d.secret();
        if (d.endpointId() != null) {
            Optional<WebhookEndpoint> e = cachedEndpoint(d.endpointId());
            if (e.isEmpty() || !e.get().enabled()) {
                store.recordAttempt(d.id(), WebhookDelivery.FAILED, d.attempts(), now, null,
                        e.isEmpty() ? "endpoint deleted" : "endpoint disabled: " + e.get().disabledReason(), now);
                return null;
            }
            secret = e.get().secret();
        }
        CheckedTarget target;
        try {
            // resolved once: the connection goes to exactly the addresses that passed the private-target check
            target = OutboundTargets.resolve("url", d.url(), settings.allowPrivateTargets());
        } catch (OpenClawException ex) {
            store.recordAttempt(d.id(), WebhookDelivery.FAILED, attempts, now, null, ex.getMessage(), now);
            return null;
        }
        Map<String, String> headers = new LinkedHashMap<>(d.headers());
        headers.put("Content-Type", "application/json");
        headers.put("User-Agent", "OpenClaw-Webhook/1.0");
        headers.put("X-OpenClaw-Event", d.event());
        headers.put("X-OpenClaw-Delivery-Attempt", Integer.toString(attempts));
        if (secret != null) {
            headers.putAll(WebhookSigner.headers(secret, d.id(), now.getEpochSecond(), d.body()));
        } else {
            headers.put("webhook-id", d.id());
            headers.put("webhook-timestamp", Long.toString(now.getEpochSecond()));
        }
        Integer status = null;
        String error;
        Duration retryAfter = null;
        boolean retriable;
        try {
            PinnedHttp.Response r = PinnedHttp.send(connections, target, "POST", headers,
                    d.body().getBytes(StandardCharsets.UTF_8), settings.timeout(), 64 * 1024);
            status = r.status();
            if (status >= 200 && status < 300) {
                recordDelivered(d.id(), attempts, now, status);
                return null;
            }
            error = "HTTP " + status;
            if (status == 410) {
                if (d.endpointId() != null) {
                    store.disableEndpoint(d.endpointId(), "receiver answered 410 Gone");
                    endpointCache = null;
                }
                store.recordAttempt(d.id(), WebhookDelivery.FAILED, attempts, now, status,
                        "410 Gone: endpoint disabled", clock.instant());
                return null;
            }
            retriable = status == 429 || status == 408 || status >= 500;
            if (status == 429) {
                retryAfter = retryAfter(r.header("Retry-After").orElse(null), clock.instant());
            }
            if (status >= 300 && status < 400) {
                error = "HTTP " + status + " redirect (redirects are not followed)";
            }
        } catch (java.net.SocketTimeoutException e) {
            error = "timed out after " + settings.timeout().toMillis() + " ms";
            retriable = true;
        } catch (java.io.IOException e) {
            if (Thread.currentThread().isInterrupted()) {
                try {
                    store.release(d.id(), clock.instant());
                } catch (RuntimeException ignored) {
                    // the claim lapses after its lease instead
                }
                return null;
            }
            error = "network error: " + e;
            retriable = true;
        }
        Instant after = clock.instant();
        if (!retriable || attempts >= settings.maxAttempts()) {
            store.recordAttempt(d.id(), WebhookDelivery.FAILED, attempts, after, status,
                    retriable ? error + " (gave up after " + attempts + " attempts)" : error, after);
            return null;
        }
        Duration delay = retryAfter != null ? retryAfter : backoff(attempts);
        Instant retryAt = after.plus(delay);
        store.recordAttempt(d.id(), WebhookDelivery.PENDING, attempts, retryAt, status, error, after);
        if (delay.toMillis() < settings.pollInterval().toMillis() && !closed) {
            try {
                scheduler.schedule(this::wake, delay.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RuntimeException ignored) {
                // shutting down: the next start picks it up
            }
        }
        return retryAt;
    }

    /**
     * Records a delivery's success without holding its lane: the write is group-committed in the background while
     * the lane sends the next one. Until it lands the delivery's claim keeps it from being sent again; if it never
     * lands (a crash), the delivery is sent again after the claim lapses, with the same {@code webhook-id}.
     */
    private void recordDelivered(String id, int attempts, Instant attemptedAt, int status) {
        Instant done = clock.instant();
        Runnable write = () -> store.recordAttempt(id, WebhookDelivery.DELIVERED, attempts, attemptedAt, status, null,
                done);
        try {
            senders.execute(() -> {
                try {
                    write.run();
                } catch (RuntimeException e) {
                    LOG.warn("could not record webhook delivery {} as delivered ({}); it is sent again after its "
                            + "claim lapses", id, e.toString());
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            write.run();
        }
    }

    /** Exponential backoff with equal jitter: half the capped delay plus a random part of the other half. */
    Duration backoff(int attempts) {
        long base = settings.baseBackoff().toMillis();
        long max = settings.maxBackoff().toMillis();
        long d = base;
        for (int i = 1; i < attempts && d < max; i++) {
            d *= 2;
        }
        d = Math.min(d, max);
        long half = d / 2;
        return Duration.ofMillis(half + (half > 0 ? ThreadLocalRandom.current().nextLong(half + 1) : 0));
    }

    static Duration retryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim())));
        } catch (NumberFormatException e) {
            try {
                Instant at = ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
            } catch (RuntimeException ignored) {
                return null;
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        connections.close();
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception ignored) {
                // in-process bus: cannot fail
            }
        }
    }

    /**
     * Called once the senders have stopped: deliveries whose attempt was cut short are made due again at once
     * (rather than after their claim's lease), so the next start sends them without delay.
     */
    @Override
    public void releaseInFlight() {
        Instant now = clock.instant();
        for (String id : List.copyOf(inFlight)) {
            try {
                store.release(id, now);
            } catch (RuntimeException e) {
                LOG.debug("could not release delivery {}: {}", id, e.toString());
            }
        }
    }
}
