package ai.openclaw.server;

import ai.openclaw.error.OpenClawException;
import ai.openclaw.net.CheckedTarget;
import ai.openclaw.net.PinnedHttp;
import ai.openclaw.util.OutboundTargets;
import ai.openclaw.webhook.WebhookSettings;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;

/**
 * Reads a task input URL as text: the private-target rule of {@code webhooks.allowPrivateTargets} (resolved once and
 * connected to the checked address), no redirects,
 * a 30 s timeout and at most {@link #MAX_BYTES} bytes.
 */
final class UrlText {
    /** The most bytes read from a URL. */
    static final int MAX_BYTES = 2 * 1024 * 1024;
    private final WebhookSettings settings;

    /**
     * @param http unused (kept for the callers' wiring): fetches connect only to checked addresses ({@link PinnedHttp})
     * @param settings the private-target rule
     */
    UrlText(HttpClient http, WebhookSettings settings) {
        this.settings = settings;
    }

    /**
     * Fetches a URL's body as UTF-8 text.
     *
     * @throws OpenClawException INVALID_REQUEST for a refused URL; UPSTREAM_ERROR-like failures as exceptions whose
     *     message says what went wrong (the task fails with it)
     */
    String fetch(String url) {
        // resolved once: the connection goes to exactly the addresses that passed the private-target check
        CheckedTarget target = OutboundTargets.resolve("input.fileUrl", url, settings.allowPrivateTargets());
        try {
            PinnedHttp.Response r = PinnedHttp.send(target, "GET", Map.of("User-Agent", "OpenClaw-Task/1.0"), null,
                    Duration.ofSeconds(30), MAX_BYTES);
            if (r.status() / 100 != 2) {
                throw new IllegalStateException("fetching " + url + " answered HTTP " + r.status());
            }
            return r.text();
        } catch (IOException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new IllegalStateException("interrupted while fetching " + url, e);
            }
            throw new IllegalStateException("fetching " + url + " failed: " + e.getMessage(), e);
        }
    }
}
