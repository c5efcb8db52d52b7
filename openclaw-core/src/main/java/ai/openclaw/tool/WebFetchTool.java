package ai.openclaw.tool;

import ai.openclaw.error.ErrorCode;
import ai.openclaw.error.OpenClawException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * {@code web_fetch}: an HTTP GET with size and time limits. Private, loopback, link-local and other internal
 * addresses are refused unless {@code tools.webFetch.allowPrivateTargets: true}; redirects are not followed
 * (the answer reports the {@code Location}).
 */
public final class WebFetchTool implements Tool {
    private static final ToolDescriptor DESCRIPTOR = new ToolDescriptor("web_fetch",
            "Fetch a web page or API response with HTTP GET and return its text.", "1.0.0", ToolJson.parse("""
            {"type":"object","properties":{"url":{"type":"string","minLength":8,"pattern":"^https?://"},
             "maxBytes":{"type":"integer","minimum":1}},"required":["url"],"additionalProperties":false}"""),
            ToolJson.parse("{\"type\":\"object\"}"), "information", "builtin", "openclaw");
    private final HttpClient http;
    private final int maxBytes;
    private final Duration timeout;
    private final boolean allowPrivate;

    /**
     * @param executor runs the HTTP client
     * @param maxBytes the most body bytes returned
     * @param timeout the longest a fetch may take
     * @param allowPrivate whether private and loopback targets are allowed
     */
    public WebFetchTool(Executor executor, int maxBytes, Duration timeout, boolean allowPrivate) {
        this.http = HttpClient.newBuilder().executor(executor).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
        this.maxBytes = maxBytes;
        this.timeout = timeout;
        this.allowPrivate = allowPrivate;
    }

    @Override
    public ToolDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public JsonNode execute(JsonNode args, ToolContext context) throws Exception {
        String url = args.path("url").asText();
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw OpenClawException.invalid("field 'url' is not a valid URL: " + url);
        }
        if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw OpenClawException.invalid("field 'url' must be an http or https URL with a host");
        }
        checkTarget(uri.getHost(), allowPrivate);
        int cap = Math.min(maxBytes, args.path("maxBytes").asInt(maxBytes));
        HttpRequest req = HttpRequest.newBuilder(uri).timeout(timeout).header("User-Agent", "openclaw-web-fetch")
                .GET().build();
        HttpResponse<InputStream> res;
        try {
            res = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new OpenClawException(ErrorCode.TIMEOUT, "web_fetch: " + uri.getHost() + " did not answer within "
                    + timeout.toMillis() + " ms", null, true, null);
        } catch (IOException e) {
            throw new OpenClawException(ErrorCode.UPSTREAM_ERROR, "web_fetch: cannot reach " + uri.getHost() + ": "
                    + e.getMessage(), null, true, null);
        }
        byte[] body;
        try (InputStream in = res.body()) {
            body = in.readNBytes(cap + 1);
        }
        ObjectNode out = ToolJson.obj();
        out.put("url", url);
        out.put("status", res.statusCode());
        out.put("contentType", res.headers().firstValue("Content-Type").orElse(""));
        res.headers().firstValue("Location").ifPresent(l -> out.put("location", l));
        out.put("content", new String(body, 0, Math.min(body.length, cap), StandardCharsets.UTF_8));
        out.put("truncated", body.length > cap);
        return out;
    }

    /**
     * Refuses hosts that resolve to internal addresses.
     *
     * @throws OpenClawException FORBIDDEN for an internal target; UPSTREAM_ERROR when the name does not resolve
     */
    static void checkTarget(String host, boolean allowPrivate) {
        if (allowPrivate) {
            return;
        }
        InetAddress[] all;
        try {
            all = InetAddress.getAllByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            throw new OpenClawException(ErrorCode.UPSTREAM_ERROR, "web_fetch: cannot resolve host '" + host + "'",
                    null, true, null);
        }
        for (InetAddress a : all) {
            if (isInternal(a)) {
                throw OpenClawException.forbidden("web_fetch refuses private, loopback and link-local targets ("
                        + host + " is " + a.getHostAddress() + "); set tools.webFetch.allowPrivateTargets: true "
                        + "to allow them");
            }
        }
    }

    private static boolean isInternal(InetAddress a) {
        if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet6Address) {
            return (b[0] & 0xfe) == 0xfc;
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return first == 0 || (first == 100 && second >= 64 && second < 128) || (first == 169 && second == 254)
                || (first == 198 && (second == 18 || second == 19)) || first >= 240;
    }
}
