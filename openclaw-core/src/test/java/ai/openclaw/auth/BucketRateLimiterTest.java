package ai.openclaw.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.openclaw.error.ErrorCode;
import ai.openclaw.error.OpenClawException;
import ai.openclaw.error.RateLimitException;
import ai.openclaw.event.DomainEvent;
import ai.openclaw.event.EventBus;
import ai.openclaw.llm.Usage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The token-bucket limiter under a controlled clock: refill, Retry-After, plans, overrides, slots and budgets. */
class BucketRateLimiterTest {
    /** A clock that moves only when told. */
    static final class MutableClock extends Clock {
        private volatile Instant now = Instant.parse("2026-03-12T10:30:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final MutableClock clock = new MutableClock();
    final EventBus events = EventBus.inProcess();
    final List<DomainEvent> seen = new java.util.concurrent.CopyOnWriteArrayList<>();

    {
        events.subscribe(seen::add);
    }

    static Principal key(String id, String plan, KeyLimits limits) {
        return new Principal(id, id + "-name", Scopes.DEFAULT, plan, limits);
    }

    RateLimiter limiter(RateLimitConfig config) {
        return RateLimiter.create(config, events, clock);
    }

    @Test
    void burstThenRefillAtTheConfiguredRateWithRetryAfter() {
        RateLimiter rl = limiter(RateLimitConfig.defaults());
        Principal p = key("k1", "free", new KeyLimits(60L, 3L, 0L, null, null, null, null, null));
        for (int i = 0; i < 3; i++) {
            try (RequestPermit permit = rl.acquire(p)) {
                assertThat(permit.limit()).isEqualTo(60);
                assertThat(permit.remaining()).isEqualTo(2 - i);
            }
        }
        assertThatThrownBy(() -> rl.acquire(p)).isInstanceOfSatisfying(RateLimitException.class, e -> {
            assertThat(e.retryAfterSeconds()).isEqualTo(1);
            assertThat(e.details()).isEqualTo("Try again in 1 seconds");
            assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMIT_EXCEEDED);
        });
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0).type()).isEqualTo("rate_limit.exceeded");
        assertThat(seen.get(0).data()).containsEntry("key_id", "k1").containsEntry("limit", "requests_per_minute");
        clock.advance(Duration.ofSeconds(1));
        rl.acquire(p).close();
        assertThatThrownBy(() -> rl.acquire(p)).isInstanceOf(RateLimitException.class);
        assertThat(seen).hasSize(1);
        clock.advance(Duration.ofSeconds(60));
        for (int i = 0; i < 4; i++) {
            try {
                rl.acquire(p).close();
            } catch (RateLimitException e) {
                // the fourth is refused
            }
        }
        assertThat(seen).as("a minute later the next refusal is announced again").hasSize(2);
    }

    @Test
    void slowRatesGiveLongerRetryAfter() {
        RateLimiter rl = limiter(RateLimitConfig.defaults());
        Principal p = key("k2", "free", new KeyLimits(2L, 1L, 0L, null, null, null, null, null));
        rl.acquire(p).close();
        assertThatThrownBy(() -> rl.acquire(p)).isInstanceOfSatisfying(RateLimitException.class,
                e -> assertThat(e.retryAfterSeconds()).isEqualTo(30));
        clock.advance(Duration.ofSeconds(29));
        assertThatThrownBy(() -> rl.acquire(p)).isInstanceOfSatisfying(RateLimitException.class,
                e -> assertThat(e.retryAfterSeconds()).isEqualTo(1));
        clock.advance(Duration.ofSeconds(1));
        rl.acquire(p).close();
    }

    @Test
    void hourlyTierAppliesAfterTheMinuteBucket() {
        RateLimiter rl = limiter(RateLimitConfig.defaults());
        Principal p = key("k3", "free", new KeyLimits(0L, null, 5L, null, null, null, null, null));
        for (int i = 0; i < 5; i++) {
            rl.acquire(p).close();
        }
        assertThatThrownBy(() -> rl.acquire(p)).isInstanceOfSatisfying(RateLimitException.class,
                e -> assertThat(e.retryAfterSeconds()).isEqualTo(720));
    }

    @Test
    void plansFollowSeed003AndTheGatewayTokenIsUnlimited() {
        RateLimitConfig c = RateLimitConfig.defaults();
        assertThat(c.policyFor(key("a", "free", null)).requestsPerMinute()).isEqualTo(60);
        assertThat(c.policyFor(key("a", "free", null)).concurrent()).isEqualTo(5);
        assertThat(c.policyFor(key("a", "free", null)).batchSize()).isEqualTo(10);
        assertThat(c.policyFor(key("a", "free", null)).requestsPerHour()).isEqualTo(1000);
        assertThat(c.policyFor(key("a", "pro", null)).requestsPerMinute()).isEqualTo(600);
        assertThat(c.policyFor(key("a", "pro", null)).concurrent()).isEqualTo(20);
        assertThat(c.policyFor(key("a", "pro", null)).requestsPerHour()).isEqualTo(10_000);
        assertThat(c.policyFor(key("a", "enterprise", null)).requestsPerMinute()).isZero();
        assertThat(c.policyFor(key("a", "enterprise", null)).batchSize()).isEqualTo(100);
        assertThat(c.policyFor(Principal.GATEWAY)).isEqualTo(RateLimitPolicy.UNLIMITED);
        RateLimiter rl = limiter(c);
        for (int i = 0; i < 10_000; i++) {
            rl.acquire(Principal.GATEWAY).close();
        }
        assertThat(seen).isEmpty();
    }

    @Test
    void concurrentSlotsAreHeldUntilClosedAndReleasedOnce() {
        RateLimiter rl = limiter(RateLimitConfig.defaults());
        Principal p = key("k4", "free", new KeyLimits(0L, null, 0L, 2L, null, null, null, null));
        RequestPermit a = rl.acquire(p);
        RequestPermit b = rl.acquire(p);
        assertThatThrownBy(() -> rl.acquire(p)).isInstanceOf(RateLimitException.class)
                .hasMessageContaining("concurrent");
        a.close();
        a.close();
        RequestPermit c = rl.acquire(p);
        assertThatThrownBy(() -> rl.acquire(p)).isInstanceOf(RateLimitException.class);
        b.close();
        c.close();
    }

    @Test
    void concurrentLimitHoldsUnderContention() throws Exception {
        RateLimiter rl = limiter(RateLimitConfig.defaults());
        Principal p = key("k5", "free", new KeyLimits(0L, null, 0L, 3L, null, null, null, null));
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger max = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch done = new CountDownLatch(8);
        for (int t = 0; t < 8; t++) {
            pool.execute(() -> {
                for (int i = 0; i < 2000; i++) {
                    try (RequestPermit permit = rl.acquire(p)) {
                        max.accumulateAndGet(inside.incrementAndGet(), Math::max);
                        inside.decrementAndGet();
                    } catch (RateLimitException e) {
                        // expected under contention
                    }
                }
                done.countDown();
            });
        }
        assertThat(done.await(60, TimeUnit.SECONDS)).isTrue();
        pool.shutdown();
        assertThat(max.get()).isBetween(1, 3);
        for (int i = 0; i < 3; i++) {
            rl.acquire(p);
        }
    }

    @Test
    void theBucketNeverOverAdmitsUnderContention() throws Exception {
        RateLimiter rl = limiter(RateLimitConfig.defaults());
        Principal p = key("k10", "free", new KeyLimits(60L, 50L, 0L, 0L, null, null, null, null));
        AtomicInteger admitted = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch done = new CountDownLatch(8);
        for (int t = 0; t < 8; t++) {
            pool.execute(() -> {
                for (int i = 0; i < 100; i++) {
                    try {
                        rl.acquire(p).close();
                        admitted.incrementAndGet();
                    } catch (RateLimitException e) {
                        // over the limit
                    }
                }
                done.countDown();
            });
        }
        assertThat(done.await(60, TimeUnit.SECONDS)).isTrue();
        pool.shutdown();
        assertThat(admitted.get()).as("the clock is frozen: exactly the burst is admitted").isEqualTo(50);
        assertThat(seen).as("one event per caller and limit per minute, however often it is hit").hasSize(1);
    }

    @Test
    void streamsAreCappedPerKey() throws Exception {
        RateLimiter rl = limiter(RateLimitConfig.defaults());
        Principal p = key("k6", "free", new KeyLimits(null, null, null, null, null, null, null, 1L));
        AutoCloseable s = rl.openStream(p);
        assertThatThrownBy(() -> rl.openStream(p)).isInstanceOf(RateLimitException.class)
                .hasMessageContaining("streams");
        rl.openStream(key("other", "free", null)).close();
        s.close();
        rl.openStream(p).close();
    }

    @Test
    void tokenBudgetsRefuseOnceSpentAndRecoverWithTime() {
        RateLimiter rl = limiter(RateLimitConfig.defaults());
        Principal p = key("k7", "free", new KeyLimits(null, null, null, null, null, 600L, 300L, null));
        rl.checkTokens(p);
        rl.recordTokens(p, new Usage(100, 550));
        assertThatThrownBy(() -> rl.checkTokens(p)).isInstanceOfSatisfying(RateLimitException.class,
                e -> assertThat(e.getMessage()).contains("600 tokens per minute"));
        clock.advance(Duration.ofSeconds(6));
        rl.checkTokens(p);
        rl.recordTokens(p, new Usage(400, 0));
        assertThatThrownBy(() -> rl.checkTokens(p)).isInstanceOf(RateLimitException.class);
    }

    @Test
    void batchSizeFollowsThePlan() {
        RateLimiter rl = limiter(RateLimitConfig.defaults());
        rl.checkBatch(key("b", "free", null), 10);
        assertThatThrownBy(() -> rl.checkBatch(key("b", "free", null), 11)).isInstanceOfSatisfying(
                OpenClawException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
                    assertThat(e.getMessage()).contains("'operations'").contains("10");
                });
        rl.checkBatch(key("b", "pro", null), 50);
        rl.checkBatch(key("b", "enterprise", null), 100);
    }

    @Test
    void failedAuthenticationIsLimitedPerAddress() {
        RateLimiter rl = limiter(new RateLimitConfig(true, RateLimitConfig.DEFAULT_PLANS, RateLimitPolicy.UNLIMITED,
                3));
        for (int i = 0; i < 3; i++) {
            rl.checkAuthAllowed("10.0.0.1");
            rl.authFailed("10.0.0.1");
        }
        assertThatThrownBy(() -> rl.checkAuthAllowed("10.0.0.1")).isInstanceOf(RateLimitException.class);
        rl.checkAuthAllowed("10.0.0.2");
        clock.advance(Duration.ofSeconds(20));
        rl.checkAuthAllowed("10.0.0.1");
        assertThat(seen).anySatisfy(e -> assertThat(e.data()).containsEntry("limit", "auth_failures_per_minute"));
    }

    @Test
    void changedOverridesTakeEffectOnTheNextRequest() {
        RateLimiter rl = limiter(RateLimitConfig.defaults());
        Principal strict = key("k8", "free", new KeyLimits(60L, 1L, 0L, null, null, null, null, null));
        rl.acquire(strict).close();
        assertThatThrownBy(() -> rl.acquire(strict)).isInstanceOf(RateLimitException.class);
        Principal relaxed = key("k8", "free", new KeyLimits(600L, 100L, 0L, null, null, null, null, null));
        rl.acquire(relaxed).close();
    }

    @Test
    void disabledConfigLimitsNothing() {
        RateLimiter rl = limiter(new RateLimitConfig(false, RateLimitConfig.DEFAULT_PLANS, RateLimitPolicy.UNLIMITED,
                1));
        Principal p = key("k9", "free", new KeyLimits(1L, 1L, 1L, 1L, null, null, null, null));
        for (int i = 0; i < 100; i++) {
            rl.acquire(p);
            rl.authFailed("1.2.3.4");
            rl.checkAuthAllowed("1.2.3.4");
        }
        assertThat(seen).isEmpty();
    }
}
