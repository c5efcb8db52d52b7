package ai.openclaw.session;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The per-session turn queue: work for one key runs one at a time in arrival order (a fair lock per key);
 * work for different keys runs in parallel. Lanes are created on demand and dropped when idle.
 */
final class TurnQueue {
    private static final class Lane {
        final ReentrantLock lock = new ReentrantLock(true);
        int users;
    }

    private final ConcurrentHashMap<String, Lane> lanes = new ConcurrentHashMap<>();
    private final AtomicInteger waiting = new AtomicInteger();

    /** Runs {@code work} when every earlier work item for {@code key} has finished; returns its result. */
    <T> T run(String key, Supplier<T> work) {
        Lane lane = lanes.compute(key, (k, l) -> {
            Lane out = l == null ? new Lane() : l;
            out.users++;
            return out;
        });
        waiting.incrementAndGet();
        boolean locked = false;
        try {
            lane.lock.lock();
            locked = true;
            waiting.decrementAndGet();
            return work.get();
        } finally {
            if (locked) {
                lane.lock.unlock();
            } else {
                waiting.decrementAndGet();
            }
            lanes.compute(key, (k, l) -> l == null || --l.users == 0 ? null : l);
        }
    }

    /** How many work items are waiting for their session's lane. */
    int waiting() {
        return waiting.get();
    }

    /** How many threads are parked in one key's lane, waiting for the lock (for tests of arrival order). */
    int parkedOn(String key) {
        Lane lane = lanes.get(key);
        return lane == null ? 0 : lane.lock.getQueueLength();
    }

    /** How many sessions have work running or waiting. */
    int activeLanes() {
        return lanes.size();
    }
}
