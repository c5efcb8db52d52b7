package ai.openclaw.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DeferredTest {
    @Test
    void buildsOnFirstUseOnceWhenNoExecutorRanIt() {
        AtomicInteger builds = new AtomicInteger();
        List<Runnable> queued = new ArrayList<>();
        Deferred<Object> value = Deferred.of("a value", () -> {
            builds.incrementAndGet();
            return new Object();
        }).prepareOn(queued::add);
        assertFalse(value.isDone());
        assertEquals(0, builds.get(), "nothing is built before it is needed or the executor runs");
        Object first = value.get();
        assertSame(first, value.get());
        queued.forEach(Runnable::run); // the executor coming late builds nothing more
        assertSame(first, value.get());
        assertEquals(1, builds.get());
    }

    @Test
    void aCallerArrivingDuringTheBackgroundBuildWaitsForIt() throws Exception {
        CountDownLatch building = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger builds = new AtomicInteger();
        ExecutorService background = Executors.newSingleThreadExecutor(r -> new Thread(r, "background"));
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            Deferred<String> value = Deferred.of("a value", () -> {
                builds.incrementAndGet();
                building.countDown();
                await(release);
                return "built on " + Thread.currentThread().getName();
            }).prepareOn(background);
            assertTrue(building.await(10, TimeUnit.SECONDS));
            List<Future<String>> got = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                got.add(callers.submit(value::get));
            }
            assertFalse(value.isDone());
            release.countDown();
            String expected = got.get(0).get(10, TimeUnit.SECONDS);
            for (Future<String> f : got) {
                assertSame(expected, f.get(10, TimeUnit.SECONDS));
            }
            assertEquals("built on background", expected, "built by the background thread, not a caller");
            assertEquals(1, builds.get());
        } finally {
            release.countDown();
            background.shutdownNow();
            callers.shutdownNow();
        }
    }

    @Test
    void aFailedBuildFailsEveryGetNamingWhatAndTheCause() {
        AtomicInteger builds = new AtomicInteger();
        Deferred<String> value = Deferred.<String>of("the schema", () -> {
            builds.incrementAndGet();
            throw new IllegalArgumentException("bad type Foo");
        }).prepareOn(Runnable::run);
        assertTrue(value.isDone());
        IllegalStateException e = assertThrows(IllegalStateException.class, value::get);
        assertTrue(e.getMessage().contains("the schema could not be built"), e.getMessage());
        assertTrue(e.getCause() instanceof IllegalArgumentException);
        assertThrows(IllegalStateException.class, value::get);
        assertEquals(1, builds.get(), "not retried");
    }

    @Test
    void aRefusingExecutorLeavesTheBuildToTheFirstGetAndNullIsRefused() {
        ExecutorService stopped = Executors.newSingleThreadExecutor();
        stopped.shutdown();
        assertEquals("x", Deferred.of("x", () -> "x").prepareOn(stopped).get());
        Deferred<String> nothing = Deferred.of("nothing", () -> null);
        IllegalStateException e = assertThrows(IllegalStateException.class, nothing::get);
        assertTrue(e.getMessage().contains("nothing was built as null"), e.getMessage());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
