package ai.openclaw.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Stress test of the per-session turn queue: one at a time per session, in parallel across sessions. */
class TurnQueueStressTest {
    @Test
    void turnsOfOneSessionNeverOverlapAndAllRun() throws Exception {
        TurnQueue queue = new TurnQueue();
        int sessions = 8;
        int perSession = 250;
        ConcurrentHashMap<String, AtomicInteger> running = new ConcurrentHashMap<>();
        AtomicInteger overlaps = new AtomicInteger();
        AtomicInteger maxParallelSessions = new AtomicInteger();
        AtomicInteger activeSessions = new AtomicInteger();
        ConcurrentHashMap<String, List<Integer>> order = new ConcurrentHashMap<>();
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> futures = new ArrayList<>();
            for (int s = 0; s < sessions; s++) {
                String key = "s" + s;
                order.put(key, Collections.synchronizedList(new ArrayList<>()));
                running.put(key, new AtomicInteger());
                for (int i = 0; i < perSession; i++) {
                    int n = i;
                    futures.add(pool.submit(() -> {
                        go.await();
                        return queue.run(key, () -> {
                            if (running.get(key).incrementAndGet() != 1) {
                                overlaps.incrementAndGet();
                            }
                            int now = activeSessions.incrementAndGet();
                            maxParallelSessions.accumulateAndGet(now, Math::max);
                            Thread.yield();
                            order.get(key).add(n);
                            activeSessions.decrementAndGet();
                            running.get(key).decrementAndGet();
                            return n;
                        });
                    }));
                }
            }
            go.countDown();
            for (Future<?> f : futures) {
                f.get();
            }
        }
        assertThat(overlaps.get()).isZero();
        for (List<Integer> done : order.values()) {
            assertThat(done).hasSize(perSession).doesNotHaveDuplicates();
        }
        assertThat(queue.waiting()).isZero();
        assertThat(queue.activeLanes()).isZero();
    }

    @Test
    void arrivalOrderIsKeptWithinASession() throws Exception {
        TurnQueue queue = new TurnQueue();
        List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> first = pool.submit(() -> queue.run("k", () -> {
                holding.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                seen.add(0);
                return 0;
            }));
            holding.await();
            List<Future<?>> rest = new ArrayList<>();
            for (int i = 1; i <= 20; i++) {
                int n = i;
                rest.add(pool.submit(() -> queue.run("k", () -> seen.add(n))));
                // wait until this one is parked in the lane's fair lock (counting it as waiting happens just before
                // it calls lock(), so the count alone does not fix its place in the queue)
                while (queue.parkedOn("k") < i) {
                    Thread.onSpinWait();
                }
            }
            release.countDown();
            first.get();
            for (Future<?> f : rest) {
                f.get();
            }
        }
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i <= 20; i++) {
            expected.add(i);
        }
        assertThat(seen).containsExactlyElementsOf(expected);
    }
}
