package ai.openclaw.provider;

import java.time.Duration;

/**
 * Waits between retries. The gateway's pauser parks the calling (virtual) thread; tests inject one that records the
 * waits and returns at once.
 */
@FunctionalInterface
public interface Pauser {
    /** Parks the calling virtual thread for the given time. */
    Pauser PARK = d -> Thread.sleep(d);

    /**
     * Waits.
     *
     * @param duration how long; not negative
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    void pause(Duration duration) throws InterruptedException;
}
