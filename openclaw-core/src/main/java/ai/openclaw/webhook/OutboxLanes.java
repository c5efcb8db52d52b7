package ai.openclaw.webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox's senders: one lane per endpoint (or per URL for direct deliveries such as task callbacks). A lane
 * sends its deliveries one after another in the order they were created; different lanes send in parallel, at
 * most {@code concurrency} at once. A retriable failure holds the lane: the deliveries queued behind it are made
 * due again at the failed one's retry time (so they still go after it), and the lane takes no new ones before
 * then.
 */
final class OutboxLanes {
    private static final Logger LOG = LoggerFactory.getLogger("openclaw.webhook");
    /** Deliveries a lane sends before giving its sender to the next waiting lane. */
    private static final int TURN = 64;

    /** What sending one delivery came to: null when it is finished (delivered or failed), else its retry time. */
    interface Sender extends Function<WebhookDelivery, Instant> {
    }

    private final class Lane {
        final String key;
        final ArrayDeque<WebhookDelivery> queue = new ArrayDeque<>();
        boolean scheduled;
        Instant heldUntil = Instant.MIN;

        Lane(String key) {
            this.key = key;
        }
    }

    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();
    private final ArrayDeque<Lane> ready = new ArrayDeque<>();
    private final int concurrency;
    private final ExecutorService executor;
    private final Clock clock;
    private final Sender sender;
    private final BiConsumer<List<WebhookDelivery>, Instant> holdBack;
    private final Runnable onProgress;
    private int active;

    /**
     * @param holdBack makes deliveries due again later (they wait behind a failed one): called with the deliveries
     *     and the time they become due
     * @param onProgress called after each delivery (the dispatcher may fetch more)
     */
    OutboxLanes(int concurrency, ExecutorService executor, Clock clock, Sender sender,
                BiConsumer<List<WebhookDelivery>, Instant> holdBack, Runnable onProgress) {
        this.concurrency = Math.max(1, concurrency);
        this.executor = executor;
        this.clock = clock;
        this.sender = sender;
        this.holdBack = holdBack;
        this.onProgress = onProgress;
    }

    /** The lane key of a delivery: its endpoint, or its URL when it has none. */
    static String key(WebhookDelivery d) {
        return d.endpointId() != null ? "e:" + d.endpointId() : "u:" + d.url();
    }

    /** The time before which the delivery's lane takes nothing (a failure holds it), or null when it is open. */
    synchronized Instant heldUntil(WebhookDelivery d) {
        Lane lane = lanes.get(key(d));
        return lane != null && lane.heldUntil.isAfter(clock.instant()) ? lane.heldUntil : null;
    }

    /** How many deliveries wait in the delivery's lane (not counting the one being sent). */
    synchronized int queued(WebhookDelivery d) {
        Lane lane = lanes.get(key(d));
        return lane == null ? 0 : lane.queue.size();
    }

    /**
     * Appends claimed deliveries (in creation order) to their lanes and starts lanes up to the limit. Deliveries of
     * a lane that a failure has held since they were fetched are made due again behind the failed one instead.
     */
    void offer(List<WebhookDelivery> claimed) {
        Map<Instant, List<WebhookDelivery>> held = new java.util.HashMap<>();
        synchronized (this) {
            Instant now = clock.instant();
            for (WebhookDelivery d : claimed) {
                Lane lane = lanes.computeIfAbsent(key(d), Lane::new);
                if (lane.heldUntil.isAfter(now)) {
                    held.computeIfAbsent(lane.heldUntil, k -> new ArrayList<>()).add(d);
                    continue;
                }
                lane.queue.add(d);
                if (!lane.scheduled) {
                    lane.scheduled = true;
                    ready.add(lane);
                }
            }
            startLanes();
        }
        held.forEach((until, ds) -> holdBack.accept(ds, until));
    }

    private void startLanes() {
        while (active < concurrency && !ready.isEmpty()) {
            Lane lane = ready.poll();
            active++;
            try {
                executor.execute(() -> run(lane));
            } catch (RuntimeException e) {
                active--;
                lane.scheduled = false;
                LOG.debug("webhook sender not started: {}", e.toString());
                return;
            }
        }
    }

    private void run(Lane lane) {
        try {
            for (int sent = 0; sent < TURN; sent++) {
                WebhookDelivery d;
                synchronized (this) {
                    d = lane.queue.poll();
                }
                if (d == null) {
                    break;
                }
                Instant retryAt;
                try {
                    retryAt = sender.apply(d);
                } catch (RuntimeException e) {
                    LOG.warn("webhook delivery {} failed unexpectedly: {}", d.id(), e.toString());
                    retryAt = null;
                }
                if (retryAt != null) {
                    hold(lane, retryAt);
                }
                onProgress.run();
            }
        } finally {
            synchronized (this) {
                active--;
                if (!lane.queue.isEmpty()) {
                    ready.add(lane); // its turn is over: to the back, so every lane gets sent
                } else {
                    lane.scheduled = false;
                    if (!lane.heldUntil.isAfter(clock.instant())) {
                        lanes.remove(lane.key, lane);
                    }
                }
                startLanes();
            }
        }
    }

    private void hold(Lane lane, Instant until) {
        List<WebhookDelivery> behind;
        synchronized (this) {
            lane.heldUntil = until;
            behind = new ArrayList<>(lane.queue);
            lane.queue.clear();
        }
        if (!behind.isEmpty()) {
            holdBack.accept(behind, until);
        }
    }
}
