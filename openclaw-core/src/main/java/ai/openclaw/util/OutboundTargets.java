package ai.openclaw.util;

import ai.openclaw.error.OpenClawException;
import ai.openclaw.net.CheckedTarget;
import ai.openclaw.net.OutboundPolicy;
import java.net.InetAddress;
import java.net.URI;

/**
 * The rule for URLs the gateway itself calls (webhooks, task callbacks, fetched task inputs): http or https only,
 * and no private, loopback, link-local or otherwise internal address unless the config allows private targets
 * ({@code webhooks.allowPrivateTargets: true}) — so a caller cannot make the gateway probe its own network. The
 * check itself is {@link OutboundPolicy}'s (IP literals in every spelling, one resolution); this class words its
 * errors as request-field errors.
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
        return resolve(field, url, allowPrivate).uri();
    }

    /**
     * Checks a URL and resolves its host once: the returned target's addresses are the ones to connect to
     * ({@link ai.openclaw.net.PinnedHttp}).
     *
     * @throws OpenClawException as {@link #check}
     */
    public static CheckedTarget resolve(String field, String url, boolean allowPrivate) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (Exception e) {
            throw OpenClawException.invalid("field '" + field + "' is not a valid URL: " + url);
        }
        return OutboundPolicy.of(allowPrivate).check(uri,
                why -> OpenClawException.invalid("field '" + field + "' " + why + ": " + url),
                () -> OpenClawException.invalid("field '" + field + "' names a host that does not resolve: "
                        + OutboundPolicy.host(uri)),
                a -> OpenClawException.invalid("field '" + field + "' points at a private or loopback address ("
                        + a.getHostAddress() + "); set webhooks.allowPrivateTargets: true in config to allow it"));
    }

    /** Whether an address is internal ({@link OutboundPolicy#isInternal}). */
    public static boolean isInternal(InetAddress a) {
        return OutboundPolicy.isInternal(a);
    }
}
