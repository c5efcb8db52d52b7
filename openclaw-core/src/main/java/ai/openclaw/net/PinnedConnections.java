package ai.openclaw.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Idle keep-alive connections for {@link PinnedHttp}, kept per (scheme, host, port, connected address). A connection
 * is only reused for a request whose freshly {@link OutboundPolicy#check checked} target lists the very address it is
 * connected to, for the same host (TLS identity) and port, so the SSRF guarantee of {@link PinnedHttp} holds: a
 * request goes only to an address that passed the check made for that request. Thread-safe.
 *
 * <p>A connection idle for longer than the idle timeout is closed rather than reused (receivers close idle
 * connections themselves, Node.js after 5 s by default); {@link #evictExpired()} closes them without waiting for the
 * next request.
 */
public final class PinnedConnections implements AutoCloseable {
    /** What an idle connection is kept under; the host in lower case. */
    record Key(boolean https, String host, int port, InetAddress address) {
    }

    /** A connection ready for another request, idle since {@code idleSince} ({@link System#nanoTime()}). */
    record Idle(Key key, Socket socket, long idleSince) {
    }

    private final Map<Key, ArrayDeque<Idle>> idle = new HashMap<>();
    private final int maxIdle;
    private final long idleTimeoutNanos;
    private int count;
    private boolean closed;

    /**
     * A pool.
     *
     * @param maxIdle the most idle connections kept in all (at least 1)
     * @param idleTimeout how long a connection may sit idle and still be reused (positive)
     * @throws IllegalArgumentException for a bad limit or timeout
     */
    public PinnedConnections(int maxIdle, Duration idleTimeout) {
        if (maxIdle < 1 || idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("maxIdle must be >= 1 and idleTimeout positive");
        }
        this.maxIdle = maxIdle;
        this.idleTimeoutNanos = idleTimeout.toNanos();
    }

    static Key key(CheckedTarget target, InetAddress address) {
        return new Key(target.https(), target.host().toLowerCase(Locale.ROOT), target.port(), address);
    }

    /**
     * An idle connection to one of the target's checked addresses (in the target's order), taken out of the pool;
     * null when there is none. Connections found expired or with unread input (the peer closed or sent something
     * unasked) are closed on the way.
     */
    Idle take(CheckedTarget target) {
        List<Socket> stale = new ArrayList<>();
        try {
            synchronized (this) {
                long now = System.nanoTime();
                for (InetAddress a : target.addresses()) {
                    ArrayDeque<Idle> q = idle.get(key(target, a));
                    while (q != null && !q.isEmpty()) {
                        Idle c = q.pollLast(); // the most recently used: the least likely to have been closed
                        count--;
                        if (q.isEmpty()) {
                            idle.remove(c.key());
                        }
                        if (now - c.idleSince() < idleTimeoutNanos && usable(c.socket())) {
                            return c;
                        }
                        stale.add(c.socket());
                    }
                }
                return null;
            }
        } finally {
            stale.forEach(PinnedConnections::closeQuietly);
        }
    }

    /** Puts a connection whose last exchange ended cleanly back; closes it when the pool is full or closed. */
    void release(Key key, Socket socket) {
        Socket drop = null;
        synchronized (this) {
            if (closed || socket.isClosed()) {
                drop = socket;
            } else {
                if (count >= maxIdle) {
                    drop = oldest();
                }
                idle.computeIfAbsent(key, k -> new ArrayDeque<>()).addLast(new Idle(key, socket, System.nanoTime()));
                count++;
            }
        }
        if (drop != null) {
            closeQuietly(drop);
        }
    }

    /** Removes the connection idle the longest (the caller holds the lock); null when there is none. */
    private Socket oldest() {
        Idle oldest = null;
        for (ArrayDeque<Idle> q : idle.values()) {
            Idle c = q.peekFirst();
            if (c != null && (oldest == null || c.idleSince() - oldest.idleSince() < 0)) {
                oldest = c;
            }
        }
        if (oldest == null) {
            return null;
        }
        ArrayDeque<Idle> q = idle.get(oldest.key());
        q.pollFirst();
        if (q.isEmpty()) {
            idle.remove(oldest.key());
        }
        count--;
        return oldest.socket();
    }

    /** Closes the connections idle for longer than the idle timeout. */
    public void evictExpired() {
        List<Socket> expired = new ArrayList<>();
        synchronized (this) {
            long now = System.nanoTime();
            for (Iterator<ArrayDeque<Idle>> it = idle.values().iterator(); it.hasNext(); ) {
                ArrayDeque<Idle> q = it.next();
                while (!q.isEmpty() && now - q.peekFirst().idleSince() >= idleTimeoutNanos) {
                    expired.add(q.pollFirst().socket());
                    count--;
                }
                if (q.isEmpty()) {
                    it.remove();
                }
            }
        }
        expired.forEach(PinnedConnections::closeQuietly);
    }

    /** How many idle connections the pool holds. */
    public synchronized int idleCount() {
        return count;
    }

    /** Closes every idle connection; connections released later are closed at once. */
    @Override
    public void close() {
        List<Socket> all = new ArrayList<>();
        synchronized (this) {
            closed = true;
            idle.values().forEach(q -> q.forEach(c -> all.add(c.socket())));
            idle.clear();
            count = 0;
        }
        all.forEach(PinnedConnections::closeQuietly);
    }

    /** An idle connection is usable when it is open and has nothing to read (an answer nobody asked for, or EOF). */
    private static boolean usable(Socket s) {
        try {
            return !s.isClosed() && !s.isInputShutdown() && s.getInputStream().available() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // nothing more to do with it
        }
    }
}
