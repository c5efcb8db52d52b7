package ai.openclaw.auth;

import ai.openclaw.error.OpenClawException;
import ai.openclaw.error.RateLimitException;
import ai.openclaw.event.DomainEvent;
import ai.openclaw.event.EventBus;
import ai.openclaw.llm.Usage;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.local.LocalBucketBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The default {@link RateLimiter}: one set of Bucket4j buckets and semaphores per caller, rebuilt when the caller's
 * policy changes (plan or overrides edited). Bucket time comes from the injected {@link Clock}.
 */
final class BucketRateLimiter implements RateLimiter {
    /** Past this many tracked client addresses, those back at full allowance are forgotten. */
    private static final int MAX_ADDRESSES = 10_000;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final Duration ANNOUNCE_EVERY = Duration.ofMinutes(1);

    private volatile RateLimitConfig config;
    private final EventBus events;
    private final Clock clock;
    private final TimeMeter time;
    private final ConcurrentHashMap<String, Limits> callers = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Bucket> addresses = new ConcurrentHashMap<>();
    /** When a {@code rate_limit.exceeded} event was last published per caller (or address) and limit. */
    private final ConcurrentHashMap<String, Instant> announced = new ConcurrentHashMap<>();

    BucketRateLimiter(RateLimitConfig config, EventBus events, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                Instant now = clock.instant();
                return now.getEpochSecond() * NANOS_PER_SECOND + now.getNano();
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }

    /** A caller's buckets and semaphores under one policy. */
    private final class Limits {
        final RateLimitPolicy policy;
        final Bucket requests;
        final Bucket tokens;
        final Bucket context;
        final Semaphore inFlight;
        final Semaphore streams;

        Limits(RateLimitPolicy p) {
            this.policy = p;
            this.requests = p.limitsRequests() ? requestBucket(p) : null;
            this.tokens = p.tokensPerMinute() > 0 ? perMinute(p.tokensPerMinute()) : null;
            this.context = p.contextTokensPerMinute() > 0 ? perMinute(p.contextTokensPerMinute()) : null;
            this.inFlight = p.concurrent() > 0 ? new Semaphore((int) Math.min(Integer.MAX_VALUE, p.concurrent()))
                    : null;
            this.streams = p.streams() > 0 ? new Semaphore((int) Math.min(Integer.MAX_VALUE, p.streams())) : null;
        }
    }

    private Bucket requestBucket(RateLimitPolicy p) {
        LocalBucketBuilder b = Bucket.builder().withCustomTimePrecision(time);
        if (p.requestsPerMinute() > 0) {
            b.addLimit(l -> l.capacity(p.burstCapacity()).refillGreedy(p.requestsPerMinute(), Duration.ofMinutes(1)));
        }
        if (p.requestsPerHour() > 0) {
            b.addLimit(l -> l.capacity(p.requestsPerHour()).refillGreedy(p.requestsPerHour(), Duration.ofHours(1)));
        }
        return b.build();
    }

    private Bucket perMinute(long n) {
        return Bucket.builder().withCustomTimePrecision(time)
                .addLimit(l -> l.capacity(n).refillGreedy(n, Duration.ofMinutes(1))).build();
    }

    private Limits limits(Principal p) {
        RateLimitPolicy policy = config.policyFor(p);
        Limits current = callers.get(p.id());
        if (current != null && current.policy.equals(policy)) {
            return current;
        }
        return callers.compute(p.id(), (id, old) -> old != null && old.policy.equals(policy) ? old
                : new Limits(policy));
    }

    @Override
    public void reconfigure(RateLimitConfig next) {
        this.config = Objects.requireNonNull(next, "config");
    }

    @Override
    public RateLimitPolicy policyFor(Principal principal) {
        return config.policyFor(principal);
    }

    @Override
    public RequestPermit acquire(Principal principal) {
        Limits l = limits(principal);
        long limit = l.policy.requestsPerMinute() > 0 ? l.policy.requestsPerMinute() : l.policy.requestsPerHour();
        long remaining = 0;
        long reset = 0;
        if (l.requests != null) {
            ConsumptionProbe probe = l.requests.tryConsumeAndReturnRemaining(1);
            if (!probe.isConsumed()) {
                throw exceeded(principal, "requests_per_minute", "request rate limit of " + describe(l.policy)
                        + " exceeded", seconds(probe.getNanosToWaitForRefill()), limit);
            }
            remaining = probe.getRemainingTokens();
            reset = (probe.getNanosToWaitForReset() + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND;
        }
        if (l.inFlight != null && !l.inFlight.tryAcquire()) {
            throw exceeded(principal, "concurrent", "too many concurrent requests: at most " + l.policy.concurrent()
                    + " at once for this key", 1, limit);
        }
        return new Permit(limit, remaining, reset, l.inFlight);
    }

    private static String describe(RateLimitPolicy p) {
        if (p.requestsPerMinute() > 0) {
            return p.requestsPerMinute() + " requests per minute (burst " + p.burstCapacity() + ")"
                    + (p.requestsPerHour() > 0 ? " and " + p.requestsPerHour() + " per hour" : "");
        }
        return p.requestsPerHour() + " requests per hour";
    }

    @Override
    public AutoCloseable openStream(Principal principal) {
        Limits l = limits(principal);
        if (l.streams == null) {
            return () -> { };
        }
        if (!l.streams.tryAcquire()) {
            throw exceeded(principal, "streams", "too many open streams: at most " + l.policy.streams()
                    + " at once for this key", 1, l.policy.streams());
        }
        return new Release(l.streams);
    }

    @Override
    public void checkTokens(Principal principal) {
        Limits l = limits(principal);
        checkBudget(principal, l.tokens, "tokens_per_minute", "model token budget of " + l.policy.tokensPerMinute()
                + " tokens per minute spent");
        checkBudget(principal, l.context, "context_tokens_per_minute", "context token budget of "
                + l.policy.contextTokensPerMinute() + " input tokens per minute spent");
    }

    private void checkBudget(Principal principal, Bucket bucket, String name, String message) {
        if (bucket == null || bucket.getAvailableTokens() > 0) {
            return;
        }
        long wait = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
        throw exceeded(principal, name, message, seconds(wait), 0);
    }

    @Override
    public void recordTokens(Principal principal, Usage usage) {
        if (usage == null) {
            return;
        }
        Limits l = limits(principal);
        if (l.tokens != null && usage.totalTokens() > 0) {
            l.tokens.consumeIgnoringRateLimits(usage.totalTokens());
        }
        if (l.context != null && usage.inputTokens() > 0) {
            l.context.consumeIgnoringRateLimits(usage.inputTokens());
        }
    }

    @Override
    public void checkBatch(Principal principal, int operations) {
        long max = limits(principal).policy.batchSize();
        if (max > 0 && operations > max) {
            throw OpenClawException.invalid("field 'operations' has " + operations + " operations; this key's plan ("
                    + principal.plan() + ") allows at most " + max + " per batch");
        }
    }

    @Override
    public void checkAuthAllowed(String address) {
        if (!config.enabled() || config.authFailuresPerMinute() <= 0 || address == null) {
            return;
        }
        Bucket b = addresses.get(address);
        if (b != null && b.getAvailableTokens() <= 0) {
            long wait = seconds(b.estimateAbilityToConsume(1).getNanosToWaitForRefill());
            publish(address + "|auth", Map.of("limit", "auth_failures_per_minute", "client_address", address,
                    "retry_after", wait), null);
            throw new RateLimitException("too many failed authentication attempts from this address", wait);
        }
    }

    @Override
    public void authFailed(String address) {
        if (!config.enabled() || config.authFailuresPerMinute() <= 0 || address == null) {
            return;
        }
        if (addresses.size() >= MAX_ADDRESSES) {
            long n = config.authFailuresPerMinute();
            addresses.values().removeIf(b -> b.getAvailableTokens() >= n);
            if (addresses.size() >= MAX_ADDRESSES) {
                addresses.clear();
            }
        }
        addresses.computeIfAbsent(address, a -> perMinute(config.authFailuresPerMinute())).tryConsume(1);
    }

    private RateLimitException exceeded(Principal p, String limit, String message, long retryAfter, long value) {
        publish(p.id() + "|" + limit, Map.of("key_id", p.id(), "key_name", p.name(), "plan", p.plan(), "limit", limit,
                "limit_value", value, "retry_after", retryAfter), p.ownerId());
        return new RateLimitException(message, retryAfter);
    }

    /**
     * Publishes {@code rate_limit.exceeded} at most once per minute per caller and limit, so a client hammering a
     * limit cannot flood webhook subscribers.
     */
    private void publish(String what, Map<String, Object> data, String owner) {
        Instant now = clock.instant();
        Instant last = announced.get(what);
        if (last != null && now.isBefore(last.plus(ANNOUNCE_EVERY))) {
            return;
        }
        if (announced.size() >= MAX_ADDRESSES) {
            announced.values().removeIf(t -> !now.isBefore(t.plus(ANNOUNCE_EVERY)));
        }
        if (last == null ? announced.putIfAbsent(what, now) != null : !announced.replace(what, last, now)) {
            return;
        }
        events.publish(new DomainEvent("rate_limit.exceeded", now, data, owner));
    }

    private static long seconds(long nanos) {
        return Math.max(1, (nanos + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND);
    }

    /** Frees one slot of a semaphore once. */
    private static final class Release implements AutoCloseable {
        private final Semaphore semaphore;
        private final AtomicBoolean done = new AtomicBoolean();

        Release(Semaphore semaphore) {
            this.semaphore = semaphore;
        }

        @Override
        public void close() {
            if (semaphore != null && done.compareAndSet(false, true)) {
                semaphore.release();
            }
        }
    }

    /** A limited request's permit. */
    private static final class Permit implements RequestPermit {
        private final long limit;
        private final long remaining;
        private final long reset;
        private final Release release;

        Permit(long limit, long remaining, long reset, Semaphore inFlight) {
            this.limit = limit;
            this.remaining = remaining;
            this.reset = reset;
            this.release = new Release(inFlight);
        }

        @Override
        public long limit() {
            return limit;
        }

        @Override
        public long remaining() {
            return remaining;
        }

        @Override
        public long resetSeconds() {
            return reset;
        }

        @Override
        public void close() {
            release.close();
        }
    }
}
