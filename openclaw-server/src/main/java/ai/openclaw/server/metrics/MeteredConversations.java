package ai.openclaw.server.metrics;

import ai.openclaw.error.OpenClawException;
import ai.openclaw.llm.StreamListener;
import ai.openclaw.session.ConversationService;
import ai.openclaw.session.ForwardingConversationService;
import ai.openclaw.session.TurnRequest;
import ai.openclaw.session.TurnResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Locale;

/**
 * Wraps a {@link ConversationService} so that every turn ({@code runTurn} and {@code streamTurn}, from any
 * dialect) is counted and timed by model and outcome, and its prompt/completion tokens counted by model (issue 16).
 * Also registers the turn-queue gauges from {@link ConversationService#stats()}. Every other call is forwarded
 * ({@link ForwardingConversationService}).
 */
public final class MeteredConversations {
    private MeteredConversations() {
    }

    /**
     * The metering wrapper.
     *
     * @param delegate the real service
     * @param registry where the meters go
     * @return a service that behaves as {@code delegate} and records every turn
     */
    public static ConversationService wrap(ConversationService delegate, MeterRegistry registry) {
        Gauge.builder("openclaw_turn_queue_waiting", delegate, d -> d.stats().queueDepth())
                .description("Turns waiting for their session's turn queue").register(registry);
        Gauge.builder("openclaw_turns_in_flight", delegate, d -> d.stats().turnsInFlight())
                .description("Turns running now").register(registry);
        return new Metered(delegate, registry, new Meters());
    }

    /** The decorator: times and counts {@code runTurn} and {@code streamTurn}. */
    private static final class Metered extends ForwardingConversationService {
        private final MeterRegistry registry;
        private final Meters meters;

        Metered(ConversationService delegate, MeterRegistry registry, Meters meters) {
            super(delegate);
            this.registry = registry;
            this.meters = meters;
        }

        @Override
        public TurnResult runTurn(TurnRequest request) {
            return metered("false", () -> delegate().runTurn(request));
        }

        @Override
        public TurnResult streamTurn(TurnRequest request, StreamListener listener) {
            return metered("true", () -> delegate().streamTurn(request, listener));
        }

        private TurnResult metered(String streamed, java.util.function.Supplier<TurnResult> turn) {
            long start = System.nanoTime();
            try {
                TurnResult r = turn.get();
                String model = r.model().toString();
                turns(meters, registry, model, "ok", streamed).record(System.nanoTime() - start,
                        java.util.concurrent.TimeUnit.NANOSECONDS);
                tokens(meters, registry, model, "prompt").increment(r.usage().inputTokens());
                tokens(meters, registry, model, "completion").increment(r.usage().outputTokens());
                return r;
            } catch (RuntimeException | Error e) {
                String outcome = e instanceof OpenClawException oe ? oe.code().name().toLowerCase(Locale.ROOT)
                        : "internal_error";
                turns(meters, registry, "unknown", outcome, streamed).record(System.nanoTime() - start,
                        java.util.concurrent.TimeUnit.NANOSECONDS);
                throw e;
            }
        }
    }

    private static Timer turns(Meters meters, MeterRegistry registry, String model, String outcome, String streamed) {
        return (Timer) meters.computeIfAbsent(List.of("turns", model, outcome, streamed), k ->
                Timer.builder("openclaw_turns").description("Agent turns by model, outcome and whether streamed")
                        .tags("model", model, "outcome", outcome, "streamed", streamed)
                        .publishPercentileHistogram().register(registry));
    }

    private static Counter tokens(Meters meters, MeterRegistry registry, String model, String kind) {
        return (Counter) meters.computeIfAbsent(List.of("tokens", model, kind), k ->
                Counter.builder("openclaw_tokens").description("Prompt and completion tokens of turns, by model")
                        .tags("model", model, "kind", kind).register(registry));
    }

    /** This wrapper's meters by their tags, so that a turn does not build and look up a meter id per call. */
    private static final class Meters extends java.util.concurrent.ConcurrentHashMap<List<Object>, Object> {
    }
}
