package ai.openclaw.net;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;

/**
 * A URL that passed {@link OutboundPolicy#check}: the addresses its host resolved to at that moment, which are the
 * only ones {@link PinnedHttp} connects to.
 *
 * @param uri the URL
 * @param host the host as written (no brackets), sent as {@code Host} and used for TLS SNI and certificate checks
 * @param port the port (the scheme's default when the URL has none)
 * @param https whether the connection uses TLS
 * @param addresses the checked addresses, tried in order; never empty
 */
public record CheckedTarget(URI uri, String host, int port, boolean https, List<InetAddress> addresses) {
    /** Validates and copies. */
    public CheckedTarget {
        addresses = List.copyOf(addresses);
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("a checked target needs at least one address");
        }
    }
}
