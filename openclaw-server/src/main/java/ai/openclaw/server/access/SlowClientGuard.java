package ai.openclaw.server.access;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Jetty connection listener against clients that hold connections without sending requests: at most
 * {@code maxPerClient} open connections per client address (more are closed at once), and a deadline for a
 * connection's first request headers (a connection that has not completed a request's headers by then — a header
 * trickling a byte at a time — is closed). Bodies that arrive too slowly are ended by Jetty's minimum request data
 * rate, silent connections by the idle timeout.
 */
final class SlowClientGuard implements Connection.Listener {
    private static final Logger LOG = LoggerFactory.getLogger("openclaw.access");
    private final int maxPerClient;
    private final long headerTimeoutMs;
    private final Scheduler scheduler;
    private final Map<InetAddress, AtomicInteger> perClient = new ConcurrentHashMap<>();
    private final Map<Connection, InetAddress> counted = new ConcurrentHashMap<>();
    private final AtomicInteger refusedLogged = new AtomicInteger();

    /**
     * @param maxPerClient open connections allowed per client address (0 = unlimited)
     * @param headerTimeoutMs the deadline for the first request's headers, in milliseconds (0 = none)
     * @param scheduler the connector's scheduler (runs the deadline checks)
     */
    SlowClientGuard(int maxPerClient, long headerTimeoutMs, Scheduler scheduler) {
        this.maxPerClient = maxPerClient;
        this.headerTimeoutMs = headerTimeoutMs;
        this.scheduler = scheduler;
    }

    @Override
    public void onOpened(Connection connection) {
        EndPoint endPoint = connection.getEndPoint();
        InetAddress client = address(endPoint.getRemoteSocketAddress());
        if (maxPerClient > 0 && client != null) {
            int open = perClient.computeIfAbsent(client, k -> new AtomicInteger()).incrementAndGet();
            counted.put(connection, client);
            if (open > maxPerClient) {
                if (refusedLogged.getAndIncrement() % 1000 == 0) {
                    LOG.warn("client {} holds {} connections (gateway.max_connections_per_client {}); closing new ones",
                            client.getHostAddress(), open - 1, maxPerClient);
                }
                endPoint.close();
                return;
            }
        }
        // only HTTP/1 connections: an upgraded one (WebSocket) may rightly stay silent
        if (headerTimeoutMs > 0 && scheduler != null
                && connection instanceof org.eclipse.jetty.server.internal.HttpConnection) {
            scheduler.schedule(() -> {
                if (endPoint.isOpen() && connection.getMessagesIn() == 0) {
                    endPoint.close();
                }
            }, headerTimeoutMs, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void onClosed(Connection connection) {
        InetAddress client = counted.remove(connection);
        if (client != null) {
            AtomicInteger n = perClient.get(client);
            if (n != null && n.decrementAndGet() <= 0) {
                perClient.remove(client, n);
            }
        }
    }

    private static InetAddress address(SocketAddress a) {
        return a instanceof InetSocketAddress isa ? isa.getAddress() : null;
    }
}
