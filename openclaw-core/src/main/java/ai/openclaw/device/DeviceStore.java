package ai.openclaw.device;

import java.util.List;
import java.util.Optional;

/** The persistence port for devices and pairing requests (SQLite/PostgreSQL in openclaw-store). */
public interface DeviceStore {
    /** The device with this id, if known. */
    Optional<Device> find(String id);

    /** Inserts the device, or replaces the stored one with the same id. */
    void save(Device device);

    /** Every known device, pending and paired, oldest first. */
    List<Device> list();

    /** Removes a device; returns whether it existed. */
    boolean delete(String id);
}
