package ai.openclaw.server;

import ai.openclaw.error.OpenClawException;
import ai.openclaw.util.OutboundTargets;
import ai.openclaw.webhook.WebhookSettings;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Reads a task input URL as text: the private-target rule of {@code webhooks.allowPrivateTargets}, no redirects,
 * a 30 s timeout and at most {@link #MAX_BYTES} bytes.
 */
final class UrlText {
    /** The most bytes read from a URL. */
    static final int MAX_BYTES = 2 * 1024 * 1024;
    private final HttpClient http;
    private final WebhookSettings settings;

    UrlText(HttpClient http, WebhookSettings settings) {
        this.http = http;
        this.settings = settings;
    }

    /**
     * Fetches a URL's body as UTF-8 text.
     *
     * @throws OpenClawException INVALID_REQUEST for a refused URL; UPSTREAM_ERROR-like failures as exceptions whose
     *     message says what went wrong (the task fails with it)
     */
    String fetch(String url) {
        URI uri = OutboundTargets.check("input.fileUrl", url, settings.allowPrivateTargets());
        HttpRequest req = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build();
        try {
            HttpResponse<InputStream> r = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = r.body()) {
                if (r.statusCode() / 100 != 2) {
                    throw new IllegalStateException("fetching " + url + " answered HTTP " + r.statusCode());
                }
                byte[] bytes = in.readNBytes(MAX_BYTES);
                return new String(bytes, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new IllegalStateException("fetching " + url + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fetching " + url, e);
        }
    }
}
