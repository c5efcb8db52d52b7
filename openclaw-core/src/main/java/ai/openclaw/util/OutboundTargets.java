package ai.openclaw.util;

import ai.openclaw.error.OpenClawException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * The rule for URLs the gateway itself calls (webhooks, task callbacks, fetched task inputs): http or https only,
 * and no private, loopback, link-local or otherwise internal address unless the config allows private targets
 * ({@code webhooks.allowPrivateTargets: true}) — so a caller cannot make the gateway probe its own network.
 */
public final class OutboundTargets {
    private OutboundTargets() {
    }

    /**
     * Checks a URL and returns it parsed.
     *
     * @param field the request field named in errors, e.g. {@code url}
     * @param url the URL text
     * @param allowPrivate whether private and loopback targets are allowed
     * @throws OpenClawException INVALID_REQUEST naming the field for a malformed URL, a scheme other than http(s),
     *     an unresolvable host, or a private target that is not allowed
     */
    public static URI check(String field, String url, boolean allowPrivate) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (Exception e) {
            throw OpenClawException.invalid("field '" + field + "' is not a valid URL: " + url);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw OpenClawException.invalid("field '" + field + "' must be an http or https URL, got '" + url + "'");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw OpenClawException.invalid("field '" + field + "' has no host: " + url);
        }
        if (allowPrivate) {
            return uri;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw OpenClawException.invalid("field '" + field + "' names a host that does not resolve: "
                    + uri.getHost());
        }
        for (InetAddress a : addresses) {
            if (isInternal(a)) {
                throw OpenClawException.invalid("field '" + field + "' points at a private or loopback address ("
                        + a.getHostAddress() + "); set webhooks.allowPrivateTargets: true in config to allow it");
            }
        }
        return uri;
    }

    /** Whether an address is loopback, private, link-local, multicast, unspecified, CGNAT or IPv6 unique-local. */
    public static boolean isInternal(InetAddress a) {
        if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (b.length == 4) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 || (first == 100 && second >= 64 && second < 128) || (first == 169 && second == 254)
                    || first >= 240;
        }
        return (b[0] & 0xfe) == 0xfc;
    }
}
