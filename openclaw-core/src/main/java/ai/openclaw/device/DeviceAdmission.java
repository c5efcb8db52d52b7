package ai.openclaw.device;

import java.util.Objects;

/**
 * The outcome of presenting a device: admitted with a device token, or waiting for pairing approval.
 *
 * @param device the device as stored now
 * @param deviceToken the device token to hand back ({@code hello-ok.auth.deviceToken}), or null while pairing is
 *     pending
 */
public record DeviceAdmission(Device device, String deviceToken) {
    /** Validates the device. */
    public DeviceAdmission {
        Objects.requireNonNull(device, "device");
    }

    /** Whether the connection may proceed. */
    public boolean admitted() {
        return deviceToken != null;
    }
}
