package ai.openclaw.device;

import java.util.List;
import java.util.Objects;

/**
 * What a connecting client says about its device, already verified by the dialect (the signature over the
 * server's nonce checks out against {@code publicKey}, and {@code id} is the key's SHA-256).
 *
 * @param id the device id (hex SHA-256 of the raw public key)
 * @param publicKey the raw public key, base64url
 * @param clientId the client id, or null
 * @param clientMode the client mode, or null
 * @param platform the platform, or null
 * @param role the requested role
 * @param scopes the requested OpenClaw scopes
 * @param remoteAddress the client's address
 * @param local whether the connection is a direct loopback one (auto-approved, as OpenClaw does)
 */
public record DeviceClaim(String id, String publicKey, String clientId, String clientMode, String platform,
                          String role, List<String> scopes, String remoteAddress, boolean local) {
    /** Validates the fields and copies the scopes. */
    public DeviceClaim {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(role, "role");
        scopes = List.copyOf(scopes);
    }
}
