package ai.openclaw.event;

import java.util.function.Consumer;

/**
 * The in-process fan-out of {@link DomainEvent}s. Subscribers run on the publisher's thread and must be
 * quick (hand work to a queue or outbox); a failing subscriber never affects the publisher or the others.
 */
public interface EventBus {
    /** Delivers the event to every current subscriber. */
    void publish(DomainEvent event);

    /**
     * Adds a subscriber.
     *
     * @param subscriber receives every event published after this call
     * @return a handle whose {@code close()} removes the subscriber
     */
    AutoCloseable subscribe(Consumer<DomainEvent> subscriber);

    /** A new in-process bus. */
    static EventBus inProcess() {
        return new InProcessEventBus();
    }
}
