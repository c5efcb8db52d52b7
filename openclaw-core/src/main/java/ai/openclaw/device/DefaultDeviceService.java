package ai.openclaw.device;

import ai.openclaw.error.OpenClawException;
import ai.openclaw.util.Ids;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** {@link DeviceService} over a {@link DeviceStore}; tokens are HMAC-SHA256 of device id and generation. */
final class DefaultDeviceService implements DeviceService {
    private static final String TOKEN_PREFIX = "oc_dev_";
    private final DeviceStore store;
    private final byte[] secret;
    private final Clock clock;
    private final Object lock = new Object();

    DefaultDeviceService(DeviceStore store, String secret, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("secret must not be blank");
        }
        this.secret = ("openclaw-device-token|" + secret).getBytes(StandardCharsets.UTF_8);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public DeviceAdmission admit(DeviceClaim claim, String ownerId) {
        synchronized (lock) {
            Instant now = clock.instant();
            Optional<Device> known = store.find(claim.id());
            if (known.isPresent()) {
                Device d = known.get();
                if (!d.publicKey().equals(claim.publicKey())) {
                    throw OpenClawException.unauthorized("device identity mismatch");
                }
                if (!d.ownerId().equals(ownerId)) {
                    throw OpenClawException.unauthorized("device is paired to another credential");
                }
                if (!d.paired() && claim.local()) {
                    d = d.approve(now);
                }
                Device seen = d.seen(now);
                store.save(seen);
                return new DeviceAdmission(seen, seen.paired() ? token(seen) : null);
            }
            Device fresh = new Device(claim.id(), claim.publicKey(), ownerId, claim.clientId(), claim.clientMode(),
                    claim.platform(), claim.role(), claim.scopes(), claim.local() ? Device.PAIRED : Device.PENDING,
                    Ids.newId("pair"), claim.remoteAddress(), 1, now, claim.local() ? now : null, now);
            store.save(fresh);
            return new DeviceAdmission(fresh, fresh.paired() ? token(fresh) : null);
        }
    }

    @Override
    public Optional<Device> verifyToken(String deviceId, String token) {
        if (deviceId == null || token == null || !token.startsWith(TOKEN_PREFIX)) {
            return Optional.empty();
        }
        return store.find(deviceId).filter(Device::paired).filter(d -> MessageDigest.isEqual(
                token(d).getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public List<Device> list() {
        return store.list();
    }

    @Override
    public Device approve(String requestIdOrDeviceId) {
        synchronized (lock) {
            Device d = find(requestIdOrDeviceId);
            if (d.paired()) {
                return d;
            }
            Device approved = d.approve(clock.instant());
            store.save(approved);
            return approved;
        }
    }

    @Override
    public Device remove(String requestIdOrDeviceId) {
        synchronized (lock) {
            Device d = find(requestIdOrDeviceId);
            store.delete(d.id());
            return d;
        }
    }

    private Device find(String requestIdOrDeviceId) {
        return store.list().stream()
                .filter(d -> d.requestId().equals(requestIdOrDeviceId) || d.id().equals(requestIdOrDeviceId))
                .findFirst().orElseThrow(() -> OpenClawException.notFound("pairing request", requestIdOrDeviceId));
    }

    private String token(Device d) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] sig = mac.doFinal((d.id() + "|" + d.ownerId() + "|" + d.generation())
                    .getBytes(StandardCharsets.UTF_8));
            return TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
