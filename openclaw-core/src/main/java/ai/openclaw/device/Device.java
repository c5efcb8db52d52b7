package ai.openclaw.device;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A client device known to the gateway (OpenClaw's device pairing): an Ed25519 public key, the credential owner it
 * was paired for, and whether it is paired yet.
 *
 * @param id the device id: lowercase hex SHA-256 of the raw 32-byte public key
 * @param publicKey the raw public key, base64url without padding
 * @param ownerId the principal that presented it ({@code gateway} for the gateway token, else an API key id)
 * @param clientId the client's id as it announced itself (e.g. {@code gateway-client}), or null
 * @param clientMode the client's mode (e.g. {@code backend}, {@code webchat}), or null
 * @param platform the client's platform (e.g. {@code linux}), or null
 * @param role the role it asked for ({@code operator} or {@code node})
 * @param scopes the OpenClaw scopes it asked for (e.g. {@code operator.read}); never null
 * @param status {@link #PENDING} or {@link #PAIRED}
 * @param requestId the pairing request id (shown by {@code openclaw devices list}); never blank
 * @param remoteAddress the client address of the connection that first presented it
 * @param generation bumped to invalidate every device token issued before
 * @param createdAt when it first connected
 * @param approvedAt when it was paired, or null while pending
 * @param lastSeenAt when it last connected
 */
public record Device(String id, String publicKey, String ownerId, String clientId, String clientMode, String platform,
                     String role, List<String> scopes, String status, String requestId, String remoteAddress,
                     int generation, Instant createdAt, Instant approvedAt, Instant lastSeenAt) {
    /** Waiting for an administrator's approval. */
    public static final String PENDING = "pending";
    /** Approved: connections from it are admitted and get a device token. */
    public static final String PAIRED = "paired";

    /** Validates the fields and copies the scopes. */
    public Device {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(role, "role");
        scopes = List.copyOf(scopes);
        if (!PENDING.equals(status) && !PAIRED.equals(status)) {
            throw new IllegalArgumentException("status must be pending or paired, got " + status);
        }
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastSeenAt, "lastSeenAt");
    }

    /** Whether it is paired. */
    public boolean paired() {
        return PAIRED.equals(status);
    }

    /** This device, approved at {@code at}. */
    public Device approve(Instant at) {
        return new Device(id, publicKey, ownerId, clientId, clientMode, platform, role, scopes, PAIRED, requestId,
                remoteAddress, generation, createdAt, at, lastSeenAt);
    }

    /** This device, seen again at {@code at}. */
    public Device seen(Instant at) {
        return new Device(id, publicKey, ownerId, clientId, clientMode, platform, role, scopes, status, requestId,
                remoteAddress, generation, createdAt, approvedAt, at);
    }
}
