package ai.openclaw.event;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The default {@link EventBus}: a copy-on-write list of subscribers called in order. */
final class InProcessEventBus implements EventBus {
    private static final Logger LOG = LoggerFactory.getLogger(InProcessEventBus.class);
    private final List<Consumer<DomainEvent>> subscribers = new CopyOnWriteArrayList<>();

    @Override
    public void publish(DomainEvent event) {
        for (Consumer<DomainEvent> s : subscribers) {
            try {
                s.accept(event);
            } catch (RuntimeException e) {
                LOG.warn("event subscriber failed on {}: {}", event.type(), e.toString());
            }
        }
    }

    @Override
    public AutoCloseable subscribe(Consumer<DomainEvent> subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }
}
