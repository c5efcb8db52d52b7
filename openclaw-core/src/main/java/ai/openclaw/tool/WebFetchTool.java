package ai.openclaw.tool;

import ai.openclaw.error.ErrorCode;
import ai.openclaw.error.OpenClawException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ai.openclaw.net.CheckedTarget;
import ai.openclaw.net.OutboundPolicy;
import ai.openclaw.net.PinnedHttp;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * {@code web_fetch}: an HTTP GET with size and time limits. Private, loopback, link-local and other internal
 * addresses are refused unless {@code tools.webFetch.allowPrivateTargets: true} ({@link OutboundPolicy}: IP literals
 * in every spelling, the host resolved once and the connection made to the checked address); up to
 * {@link #MAX_REDIRECTS} redirects are followed, each {@code Location} checked again (a redirect to an internal
 * address is refused like a direct request). The answer's {@code url} is the last one fetched.
 */
public final class WebFetchTool implements Tool {
    private static final ToolDescriptor DESCRIPTOR = new ToolDescriptor("web_fetch",
            "Fetch a web page or API response with HTTP GET and return its text.", "1.0.0", ToolJson.parse("""
            {"type":"object","properties":{"url":{"type":"string","minLength":8,"pattern":"^https?://"},
             "maxBytes":{"type":"integer","minimum":1}},"required":["url"],"additionalProperties":false}"""),
            ToolJson.parse("{\"type\":\"object\"}"), "information", "builtin", "openclaw");
    /** The most redirects followed; each {@code Location} is checked again before it is fetched. */
    static final int MAX_REDIRECTS = 5;
    private final int maxBytes;
    private final Duration timeout;
    private final OutboundPolicy policy;

    /**
     * @param executor unused (fetches run on the calling thread)
     * @param maxBytes the most body bytes returned
     * @param timeout the longest a fetch may take
     * @param allowPrivate whether private and loopback targets are allowed
     */
    public WebFetchTool(Executor executor, int maxBytes, Duration timeout, boolean allowPrivate) {
        this(maxBytes, timeout, OutboundPolicy.of(allowPrivate));
    }

    /** A tool with its own target policy (tests: a resolver and an internal-address rule of their own). */
    WebFetchTool(int maxBytes, Duration timeout, OutboundPolicy policy) {
        this.maxBytes = maxBytes;
        this.timeout = timeout;
        this.policy = policy;
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
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw OpenClawException.invalid("field 'url' is not a valid URL: " + url);
        }
        int cap = Math.min(maxBytes, args.path("maxBytes").asInt(maxBytes));
        PinnedHttp.Response res = null;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            CheckedTarget target = checkTarget(uri);
            try {
                res = PinnedHttp.send(target, "GET", Map.of("User-Agent", "openclaw-web-fetch", "Accept", "*/*"),
                        null, timeout, cap + 1);
            } catch (SocketTimeoutException e) {
                throw new OpenClawException(ErrorCode.TIMEOUT, "web_fetch: " + target.host() + " did not answer "
                        + "within " + timeout.toMillis() + " ms", null, true, null);
            } catch (IOException e) {
                throw new OpenClawException(ErrorCode.UPSTREAM_ERROR, "web_fetch: cannot reach " + target.host()
                        + ": " + e.getMessage(), null, true, null);
            }
            String location = res.header("Location").orElse(null);
            if (res.status() / 100 != 3 || location == null || hop == MAX_REDIRECTS) {
                break;
            }
            try {
                uri = uri.resolve(new URI(location.strip()));
            } catch (URISyntaxException | IllegalArgumentException e) {
                break;
            }
        }
        byte[] body = res.body();
        ObjectNode out = ToolJson.obj();
        out.put("url", uri.toString());
        out.put("status", res.status());
        out.put("contentType", res.header("Content-Type").orElse(""));
        res.header("Location").ifPresent(l -> out.put("location", l));
        out.put("content", new String(body, 0, Math.min(body.length, cap), StandardCharsets.UTF_8));
        out.put("truncated", body.length > cap || res.truncated());
        return out;
    }

    /**
     * Checks a URL (the first one and every redirect's {@code Location}) and resolves its host once.
     *
     * @throws OpenClawException INVALID_REQUEST for a URL that is not http(s) with a host; FORBIDDEN for an internal
     *     target; UPSTREAM_ERROR when the name does not resolve
     */
    CheckedTarget checkTarget(URI uri) {
        return policy.check(uri,
                why -> OpenClawException.invalid("field 'url' " + why + ": " + uri),
                () -> new OpenClawException(ErrorCode.UPSTREAM_ERROR, "web_fetch: cannot resolve host '"
                        + OutboundPolicy.host(uri) + "'", null, true, null),
                a -> OpenClawException.forbidden("web_fetch refuses private, loopback and link-local targets ("
                        + OutboundPolicy.host(uri) + " is " + a.getHostAddress() + "); set "
                        + "tools.webFetch.allowPrivateTargets: true to allow them"));
    }
}
