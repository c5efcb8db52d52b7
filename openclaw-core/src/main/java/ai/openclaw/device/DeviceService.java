package ai.openclaw.device;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Device pairing (OpenClaw's rules): a device presented by a direct loopback client is paired at once; one from
 * anywhere else waits as a pairing request until an administrator approves it ({@code openclaw devices approve},
 * {@code pairing.approve}). A paired device gets a device token: a credential bound to the device and to the owner
 * that paired it, accepted instead of the gateway token or API key on later connects. Tokens are derived (HMAC)
 * from a server secret, the device id and its generation, so they are stable across connects and never stored.
 */
public interface DeviceService {
    /**
     * Admits a device for {@code ownerId}: known and paired → a device token; unknown and local → paired now;
     * otherwise a (new or existing) pending request.
     *
     * @param claim the verified device
     * @param ownerId the authenticated principal's owner id
     * @return the admission
     * @throws ai.openclaw.error.OpenClawException UNAUTHORIZED when the device id is paired to another owner or its
     *     stored public key differs
     */
    DeviceAdmission admit(DeviceClaim claim, String ownerId);

    /**
     * The owner a device token was issued for, when it is a current token of that paired device.
     *
     * @param deviceId the device id the client claims
     * @param token the presented token
     * @return the device, or empty for a wrong, stale or unknown token
     */
    Optional<Device> verifyToken(String deviceId, String token);

    /** Every device and pending pairing request, oldest first. */
    List<Device> list();

    /**
     * Approves a pending request by request id (or device id).
     *
     * @throws ai.openclaw.error.OpenClawException NOT_FOUND for an unknown request
     */
    Device approve(String requestIdOrDeviceId);

    /**
     * Removes a device (rejecting a pending request or revoking a paired device: its tokens stop working).
     *
     * @throws ai.openclaw.error.OpenClawException NOT_FOUND for an unknown device or request
     */
    Device remove(String requestIdOrDeviceId);

    /**
     * The default implementation.
     *
     * @param store where devices live
     * @param secret the server secret device tokens are derived from (e.g. the gateway token); never blank
     * @param clock the time source
     */
    static DeviceService create(DeviceStore store, String secret, Clock clock) {
        return new DefaultDeviceService(store, secret, clock);
    }
}
