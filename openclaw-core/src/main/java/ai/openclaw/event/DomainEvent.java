package ai.openclaw.event;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Something that happened in the gateway, fanned out to SSE, WebSocket and webhook subscribers.
 * Types use the webhook event names of seeds 002 and 003 ({@code message.received}, {@code task.completed}, …).
 * Every event carries the owner of the resource it is about, so each subscriber sees only its own owner's events
 * (the operator sees all).
 *
 * @param type the event name; never blank
 * @param timestamp when it happened
 * @param data the event's fields (seed 002's {@code data} object); null values are not allowed
 * @param owner the owner id of the resource the event is about ({@code gateway} for the operator's); null for
 *     instance-wide events (auth failures, system errors), which only the operator sees
 */
public record DomainEvent(String type, Instant timestamp, Map<String, Object> data, String owner) {
    /** Validates the fields and copies the data. */
    public DomainEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(timestamp, "timestamp");
        data = Map.copyOf(data);
        owner = owner == null || owner.isBlank() ? null : owner;
    }

    /** An instance-wide event (no owner): only the operator's subscribers get it. */
    public DomainEvent(String type, Instant timestamp, Map<String, Object> data) {
        this(type, timestamp, data, null);
    }

    /**
     * Whether a subscriber owned by {@code subscriber} may see this event: the operator ({@code gateway}, or
     * {@code operator} true) sees every event; another owner only those about its own resources.
     *
     * @param subscriber the subscriber's owner id
     * @param operator whether the subscriber is the operator
     */
    public boolean visibleTo(String subscriber, boolean operator) {
        return operator || "gateway".equals(subscriber) || (owner != null && owner.equals(subscriber));
    }
}
