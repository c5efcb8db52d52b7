package ai.openclaw.event;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Something that happened in the gateway, fanned out to SSE, WebSocket and webhook subscribers.
 * Types use the webhook event names of seeds 002 and 003 ({@code message.received}, {@code task.completed}, …).
 *
 * @param type the event name; never blank
 * @param timestamp when it happened
 * @param data the event's fields (seed 002's {@code data} object); null values are not allowed
 */
public record DomainEvent(String type, Instant timestamp, Map<String, Object> data) {
    /** Validates the fields and copies the data. */
    public DomainEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(timestamp, "timestamp");
        data = Map.copyOf(data);
    }
}
