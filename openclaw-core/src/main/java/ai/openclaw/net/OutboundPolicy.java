package ai.openclaw.net;

import ai.openclaw.error.OpenClawException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The one private-target rule for every URL the gateway itself calls ({@code web_fetch}, webhook deliveries, task
 * callbacks, fetched task inputs): http or https only; the host is read as an IP literal in any spelling
 * ({@link IpLiterals}) or resolved once; every address must be public unless private targets are allowed; and the
 * {@link CheckedTarget} carries those very addresses, which {@link PinnedHttp} connects to — there is no second
 * lookup, so a name cannot resolve to a public address for the check and a private one for the connection.
 *
 * @param allowPrivate whether private, loopback and link-local targets are allowed
 * @param resolver the name lookup (the system resolver in production)
 * @param internal which addresses count as internal ({@link #isInternal} in production)
 */
public record OutboundPolicy(boolean allowPrivate, HostResolver resolver, Predicate<InetAddress> internal) {
    /** Looks a host name up; the system resolver is {@code InetAddress::getAllByName}. */
    @FunctionalInterface
    public interface HostResolver {
        /**
         * Every address of a name.
         *
         * @throws UnknownHostException when it does not resolve
         */
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** Checks the fields. */
    public OutboundPolicy {
        java.util.Objects.requireNonNull(resolver, "resolver");
        java.util.Objects.requireNonNull(internal, "internal");
    }

    /** The production policy: the system resolver and {@link #isInternal}. */
    public static OutboundPolicy of(boolean allowPrivate) {
        return new OutboundPolicy(allowPrivate, InetAddress::getAllByName, OutboundPolicy::isInternal);
    }

    /**
     * Checks a URL and resolves its host once.
     *
     * @param uri the URL
     * @param invalid makes the error for a URL that is not http(s) with a host (its argument says why)
     * @param unresolvable makes the error for a host that does not resolve
     * @param refused makes the error for an internal address that is not allowed (its argument is that address)
     * @return the target with the addresses to connect to
     */
    public CheckedTarget check(URI uri, Function<String, OpenClawException> invalid,
                               Supplier<OpenClawException> unresolvable,
                               Function<InetAddress, OpenClawException> refused) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw invalid.apply("must be an http or https URL");
        }
        String host = host(uri);
        if (host == null || host.isBlank()) {
            throw invalid.apply("has no host");
        }
        int port = port(uri, scheme);
        if (port < 1 || port > 65535) {
            throw invalid.apply("has an invalid port");
        }
        Optional<InetAddress> literal = IpLiterals.parse(host);
        List<InetAddress> addresses = new ArrayList<>();
        if (literal.isPresent()) {
            addresses.add(literal.get());
        } else {
            try {
                addresses.addAll(List.of(resolver.resolve(host)));
            } catch (UnknownHostException | SecurityException e) {
                throw unresolvable.get();
            }
            if (addresses.isEmpty()) {
                throw unresolvable.get();
            }
        }
        if (!allowPrivate) {
            for (InetAddress a : addresses) {
                if (internal.test(a)) {
                    throw refused.apply(a);
                }
            }
        }
        return new CheckedTarget(uri, host, port, scheme.equals("https"), addresses);
    }

    /**
     * The host text of a URL as written (brackets kept off), also for hosts {@link URI#getHost()} does not accept
     * (such as {@code 2130706433} or {@code 0x7f.1}, which it reads as a registry authority); null if none.
     */
    public static String host(URI uri) {
        String h = uri.getHost();
        if (h == null) {
            String auth = uri.getRawAuthority();
            if (auth == null) {
                return null;
            }
            int at = auth.lastIndexOf('@');
            h = at >= 0 ? auth.substring(at + 1) : auth;
            if (h.startsWith("[")) {
                int end = h.indexOf(']');
                h = end > 0 ? h.substring(0, end + 1) : h;
            } else if (h.lastIndexOf(':') >= 0) {
                h = h.substring(0, h.lastIndexOf(':'));
            }
            h = java.net.URLDecoder.decode(h, java.nio.charset.StandardCharsets.UTF_8);
        }
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.replace("%25", "%");
    }

    private static int port(URI uri, String scheme) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        String auth = uri.getRawAuthority();
        if (uri.getHost() == null && auth != null) {
            String hostPort = auth.substring(auth.lastIndexOf('@') + 1);
            int close = hostPort.lastIndexOf(']');
            int colon = hostPort.lastIndexOf(':');
            if (colon > close && colon < hostPort.length() - 1) {
                try {
                    return Integer.parseInt(hostPort.substring(colon + 1));
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
        }
        return scheme.equals("https") ? 443 : 80;
    }

    /**
     * Whether an address is internal: loopback, unspecified, private (RFC 1918), link-local, site-local, multicast,
     * CGNAT {@code 100.64/10}, {@code 0/8}, benchmarking {@code 198.18/15}, IETF {@code 192.0.0/24}, reserved
     * {@code 240/4} and broadcast, IPv6 unique-local {@code fc00::/7}, discard {@code 100::/64}, and any IPv6 address
     * embedding an internal IPv4 one ({@link IpLiterals#embeddedIpv4}).
     */
    public static boolean isInternal(InetAddress a) {
        if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (b.length == 4) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            int third = b[2] & 0xff;
            return first == 0 || first == 127 || first == 10 || (first == 100 && second >= 64 && second < 128)
                    || (first == 169 && second == 254) || (first == 172 && second >= 16 && second < 32)
                    || (first == 192 && second == 168) || (first == 198 && (second == 18 || second == 19))
                    || (first == 192 && second == 0 && third == 0) || first >= 240;
        }
        Optional<java.net.Inet4Address> embedded = IpLiterals.embeddedIpv4(a);
        if (embedded.isPresent()) {
            return isInternal(embedded.get());
        }
        boolean discard = (b[0] & 0xff) == 0x01 && b[1] == 0;
        for (int i = 2; discard && i < 8; i++) {
            discard = b[i] == 0;
        }
        return (b[0] & 0xfe) == 0xfc || discard;
    }
}
