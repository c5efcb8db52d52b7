package ai.openclaw.webhook;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One outbox entry: a signed POST of {@code body} to {@code url}, retried until delivered or given up.
 *
 * @param id the delivery id, sent as the stable {@code webhook-id} header on every attempt
 * @param endpointId the endpoint it belongs to, or null for a task callback
 * @param url the target URL
 * @param secret the signing secret for callbacks (endpoints' secrets are looked up at send time), or null
 * @param headers extra request headers (task callbacks' {@code callback.headers}); never null
 * @param event the event name
 * @param body the exact bytes sent, as UTF-8 text (compact JSON)
 * @param status {@link #PENDING}, {@link #DELIVERED} or {@link #FAILED}
 * @param attempts attempts made so far
 * @param nextAttemptAt when the next attempt is due (pending only)
 * @param lastStatus the last HTTP status received, or null
 * @param lastError the last failure's description, or null
 * @param createdAt when it was enqueued
 * @param updatedAt when it last changed
 * @param deliveredAt when a 2xx was received, or null
 */
public record WebhookDelivery(String id, String endpointId, String url, String secret, Map<String, String> headers,
                              String event, String body, String status, int attempts, Instant nextAttemptAt,
                              Integer lastStatus, String lastError, Instant createdAt, Instant updatedAt,
                              Instant deliveredAt) {
    /** Waiting for its next attempt. */
    public static final String PENDING = "pending";
    /** A receiver answered 2xx. */
    public static final String DELIVERED = "delivered";
    /** Given up: a non-retriable answer, too many attempts, a refused target, or a deleted endpoint. */
    public static final String FAILED = "failed";

    /** Validates the fields and copies the headers. */
    public WebhookDelivery {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(url, "url");
        headers = Map.copyOf(headers);
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** This delivery with its next attempt time (a claim's lease) set to {@code at}. */
    public WebhookDelivery withLease(Instant at) {
        return new WebhookDelivery(id, endpointId, url, secret, headers, event, body, status, attempts, at, lastStatus,
                lastError, createdAt, updatedAt, deliveredAt);
    }
}
