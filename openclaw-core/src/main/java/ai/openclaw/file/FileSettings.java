package ai.openclaw.file;

import java.time.Duration;

/**
 * Limits for stored files ({@code files:} in config.yaml).
 *
 * @param maxBytes the largest file accepted, in bytes (default 20 MiB)
 * @param maxTextChars the most characters of text extracted and kept per file (default 200 000)
 * @param contextChars the most characters of one attachment's text given to a model (default 20 000)
 * @param allowPrivateTargets whether fetched URLs may point at private or loopback addresses (the
 *     {@code web_fetch} rule: {@code tools.webFetch.allowPrivateTargets})
 * @param fetchTimeout the time limit for fetching a URL
 */
public record FileSettings(long maxBytes, int maxTextChars, int contextChars, boolean allowPrivateTargets,
                           Duration fetchTimeout) {
    /** The defaults. */
    public static final FileSettings DEFAULTS = new FileSettings(20L * 1024 * 1024, 200_000, 20_000, false,
            Duration.ofSeconds(30));

    /** Validates the limits. */
    public FileSettings {
        if (maxBytes < 1 || maxTextChars < 0 || contextChars < 0) {
            throw new IllegalArgumentException("files limits must be positive");
        }
        if (fetchTimeout == null || fetchTimeout.isNegative() || fetchTimeout.isZero()) {
            throw new IllegalArgumentException("files.fetchTimeoutSeconds must be positive");
        }
    }
}
