package ai.openclaw.webhook;

import ai.openclaw.util.Page;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where API-registered webhook endpoints and the delivery outbox are kept (the JDBC store implements it). */
public interface WebhookStore {
    /** Stores a new endpoint. */
    void insertEndpoint(WebhookEndpoint endpoint);

    /** The endpoint with this id, if stored. */
    Optional<WebhookEndpoint> endpoint(String id);

    /** Stored endpoints of {@code owner} (null = all), oldest first. */
    List<WebhookEndpoint> endpoints(String owner);

    /** Deletes an endpoint; false if it did not exist. Its deliveries stay in the log. */
    boolean deleteEndpoint(String id);

    /** Disables an endpoint with a reason. */
    void disableEndpoint(String id, String reason);

    /** Enqueues deliveries in one durable write. */
    void enqueue(List<WebhookDelivery> deliveries);

    /** Up to {@code limit} pending deliveries due at {@code now}, oldest (by creation) first. */
    List<WebhookDelivery> due(Instant now, int limit);

    /**
     * Claims a due delivery for one attempt by moving its next attempt to {@code leaseUntil}, only if it is still
     * pending with the {@code nextAttemptAt} that was read (so two dispatchers never send the same attempt).
     *
     * @return whether this caller won the claim
     */
    boolean claim(String id, Instant expectedNextAttempt, Instant leaseUntil);

    /**
     * Claims several due deliveries at once (one transaction), each only if it is still pending with the
     * {@code nextAttemptAt} that was read.
     *
     * @return the ids this caller won
     */
    default java.util.Set<String> claimAll(List<WebhookDelivery> deliveries, Instant leaseUntil) {
        java.util.Set<String> won = new java.util.HashSet<>();
        for (WebhookDelivery d : deliveries) {
            if (claim(d.id(), d.nextAttemptAt(), leaseUntil)) {
                won.add(d.id());
            }
        }
        return won;
    }

    /**
     * Makes a claimed, still pending delivery due at {@code at} again (its attempt was cut short by a shutdown, or
     * it waits behind an earlier delivery to its endpoint); also extends a claim's lease.
     */
    void release(String id, Instant at);

    /** {@link #release} of several deliveries at once (one transaction). */
    default void releaseAll(java.util.Collection<String> ids, Instant at) {
        for (String id : ids) {
            release(id, at);
        }
    }

    /** Records an attempt's outcome: new status, attempts, next attempt time, last status/error. */
    void recordAttempt(String id, String status, int attempts, Instant nextAttemptAt, Integer lastStatus,
                       String lastError, Instant now);

    /**
     * Deletes delivered and failed deliveries last changed before {@code before}.
     *
     * @return how many were deleted
     */
    int purge(Instant before);

    /** A delivery by id. */
    Optional<WebhookDelivery> delivery(String id);

    /** A page of one endpoint's deliveries, newest first. */
    Page<WebhookDelivery> deliveries(String endpointId, int offset, int limit);
}
