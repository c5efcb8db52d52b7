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
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Jetty connection listener against clients that hold connections without sending requests: at most
 * {@code maxPerClient} open connections per client address (more are closed at once), and a deadline for every
 * request's headers. A new connection that has not completed its first request's headers {@code headerTimeoutMs}
 * after it opened is closed; on a kept-alive connection, a later request whose headers have been arriving (the parser
 * past the start of a request but not at its end) for {@code headerTimeoutMs} is closed too, checked by one sweep
 * every half deadline (so it closes between 1 and 1.5 deadlines after its first byte was seen). A kept-alive
 * connection idle between requests is left to the idle timeout. Bodies that arrive too slowly are ended by Jetty's
 * minimum request data rate, silent connections by the idle timeout.
 */
final class SlowClientGuard implements Connection.Listener {
    private static final Logger LOG = LoggerFactory.getLogger("openclaw.access");
    private final int maxPerClient;
    private final long headerTimeoutMs;
    private final Scheduler scheduler;
    private final Map<InetAddress, AtomicInteger> perClient = new ConcurrentHashMap<>();
    private final Map<Connection, InetAddress> counted = new ConcurrentHashMap<>();
    private final AtomicInteger refusedLogged = new AtomicInteger();
    /** Kept-alive HTTP/1 connections past their first request, watched by the sweep. */
    private final Map<HttpConnection, Watch> watched = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicBoolean sweeping = new java.util.concurrent.atomic.AtomicBoolean();

    /** What the sweep last saw of a connection: its request count, and since when (nanos) headers were arriving. */
    private static final class Watch {
        long messages;
        long headerSince = -1;
    }

    /**
     * @param maxPerClient open connections allowed per client address (0 = unlimited)
     * @param headerTimeoutMs the deadline for each request's headers, in milliseconds (0 = none)
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
        if (headerTimeoutMs > 0 && scheduler != null && connection instanceof HttpConnection http) {
            scheduler.schedule(() -> {
                if (!endPoint.isOpen()) {
                    return;
                }
                if (connection.getMessagesIn() == 0) {
                    endPoint.close();
                } else if (endPoint.getConnection() == http) {
                    watched.put(http, new Watch());
                    if (sweeping.compareAndSet(false, true)) {
                        scheduleSweep();
                    }
                }
            }, headerTimeoutMs, TimeUnit.MILLISECONDS);
        }
    }

    private void scheduleSweep() {
        try {
            scheduler.schedule(this::sweep, Math.max(1, headerTimeoutMs / 2), TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            sweeping.set(false); // the connector is stopping
        }
    }

    /**
     * Closes kept-alive connections whose current request's headers have been arriving for a whole deadline. The
     * parser's state is read from this thread without the connection's lock: a stale read only delays a close to
     * the next sweep.
     */
    private void sweep() {
        long now = System.nanoTime();
        long deadline = TimeUnit.MILLISECONDS.toNanos(headerTimeoutMs);
        for (var it = watched.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            HttpConnection c = e.getKey();
            Watch w = e.getValue();
            EndPoint endPoint = c.getEndPoint();
            if (!endPoint.isOpen() || endPoint.getConnection() != c) {
                it.remove(); // closed, or upgraded (a WebSocket may rightly stay silent)
                continue;
            }
            long messages = c.getMessagesIn();
            var parser = c.getParser();
            boolean inHeaders = parser.inHeaderState() && !parser.isStart();
            if (!inHeaders) {
                w.headerSince = -1;
            } else if (w.headerSince < 0 || messages != w.messages) {
                w.headerSince = now;
            } else if (now - w.headerSince >= deadline) {
                it.remove();
                endPoint.close();
            }
            w.messages = messages;
        }
        if (watched.isEmpty()) {
            sweeping.set(false);
            if (watched.isEmpty() || !sweeping.compareAndSet(false, true)) {
                return;
            }
        }
        scheduleSweep();
    }

    @Override
    public void onClosed(Connection connection) {
        if (connection instanceof HttpConnection http) {
            watched.remove(http);
        }
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
