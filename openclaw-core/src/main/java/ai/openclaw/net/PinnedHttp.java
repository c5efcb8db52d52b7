package ai.openclaw.net;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * A small HTTP/1.1 client that connects only to the addresses of a {@link CheckedTarget} (never resolving the host
 * again): one request per connection ({@code Connection: close}), or keep-alive connections from a
 * {@link PinnedConnections} pool, reused only for a target whose checked addresses include the connected one. TLS uses the JDK's default trust store with SNI and
 * certificate checks against the URL's host name, as any HTTPS client. Redirects are never followed here; callers
 * that follow them check each {@code Location} again.
 */
public final class PinnedHttp {
    private static final Set<String> OWN_HEADERS = Set.of("host", "content-length", "connection",
            "transfer-encoding", "upgrade", "te", "trailer", "keep-alive", "expect", "proxy-connection");
    private static final int MAX_HEAD_BYTES = 64 * 1024;

    private PinnedHttp() {
    }

    /**
     * An answer.
     *
     * @param status the status code
     * @param headers the response headers, names in lower case, first value of each
     * @param body the body, at most the requested number of bytes
     * @param truncated whether the body was longer than that
     */
    public record Response(int status, Map<String, String> headers, byte[] body, boolean truncated) {
        /** A header's value (name in any case), or empty. */
        public Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
        }

        /** The body as UTF-8 text. */
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /**
     * Sends one request on a new connection ({@code Connection: close}) and reads the answer.
     *
     * @param target where to connect (only its checked addresses are used)
     * @param method {@code GET}, {@code POST}, …
     * @param headers request headers; {@code Host}, {@code Content-Length}, {@code Connection} and other
     *     hop-by-hop headers are the client's own and skipped; a name or value with CR, LF or NUL is skipped
     * @param body the request body, or null
     * @param timeout the longest the whole exchange may take (connect, send, read)
     * @param maxBodyBytes the most body bytes kept
     * @throws SocketTimeoutException when the timeout passes
     * @throws IOException when no address accepts the connection or the answer is not HTTP
     */
    public static Response send(CheckedTarget target, String method, Map<String, String> headers, byte[] body,
                                Duration timeout, int maxBodyBytes) throws IOException {
        return send(null, target, method, headers, body, timeout, maxBodyBytes);
    }

    /**
     * Sends one request and reads the answer, reusing an idle keep-alive connection of {@code pool} to one of the
     * target's checked addresses when there is one, and leaving the connection there afterwards when the answer
     * allows (HTTP/1.1, delimited body read to its end, no {@code Connection: close}). A reused connection that
     * fails before any byte of the answer arrives (the receiver had closed it while idle) is replaced by a new one
     * and the request sent once more, so a receiver may see it twice, as after any retry.
     *
     * @param pool the idle connections to use and fill, or null for one connection per request
     * @param target where to connect (only its checked addresses are used)
     * @param method {@code GET}, {@code POST}, …
     * @param headers request headers, as for {@link #send(CheckedTarget, String, Map, byte[], Duration, int)}
     * @param body the request body, or null
     * @param timeout the longest the whole exchange may take (connect, send, read)
     * @param maxBodyBytes the most body bytes kept
     * @throws SocketTimeoutException when the timeout passes
     * @throws IOException when no address accepts the connection or the answer is not HTTP
     */
    public static Response send(PinnedConnections pool, CheckedTarget target, String method,
                                Map<String, String> headers, byte[] body, Duration timeout, int maxBodyBytes)
            throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] head = head(target, method, headers, body, pool != null).getBytes(StandardCharsets.UTF_8);
        if (pool != null) {
            PinnedConnections.Idle reused = pool.take(target);
            if (reused != null) {
                try {
                    return exchange(pool, reused.key(), reused.socket(), true, head, body, method, deadline,
                            maxBodyBytes);
                } catch (StaleConnection e) {
                    // closed by the receiver while idle: a new connection below
                }
            }
        }
        Connected c = connect(target, Duration.ofMillis(remainingMillis(deadline)));
        return exchange(pool, PinnedConnections.key(target, c.address()), c.socket(), false, head, body, method,
                deadline, maxBodyBytes);
    }

    /** A reused connection failed before any byte of the answer: the request can go again on a new one. */
    private static final class StaleConnection extends IOException {
        StaleConnection(IOException cause) {
            super(cause);
        }
    }

    private static Response exchange(PinnedConnections pool, PinnedConnections.Key key, Socket socket,
                                     boolean reused, byte[] head, byte[] body, String method, long deadline,
                                     int maxBodyBytes) throws IOException {
        boolean keep = false;
        DeadlineInput in = null;
        try {
            socket.setSoTimeout(remainingMillis(deadline));
            in = new DeadlineInput(socket, deadline);
            // head and body in one write: two small writes on a kept-alive connection meet Nagle's algorithm and
            // the receiver's delayed ACK (~40 ms a request)
            byte[] request = head;
            if (body != null && body.length > 0) {
                request = java.util.Arrays.copyOf(head, head.length + body.length);
                System.arraycopy(body, 0, request, head.length, body.length);
            }
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            while (true) {
                String statusLine = line(in);
                String[] parts = statusLine.split(" ", 3);
                if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
                    throw new IOException("not an HTTP answer: " + abbreviate(statusLine));
                }
                int status;
                try {
                    status = Integer.parseInt(parts[1]);
                } catch (NumberFormatException e) {
                    throw new IOException("bad HTTP status line: " + abbreviate(statusLine));
                }
                Map<String, String> h = readHeaders(in);
                if (status >= 100 && status < 200) {
                    continue;
                }
                boolean reusable = pool != null && parts[0].equals("HTTP/1.1")
                        && !h.getOrDefault("connection", "").toLowerCase(Locale.ROOT).contains("close");
                Body b = readBody(in, method, status, h, maxBodyBytes, reusable);
                keep = reusable && b.delimited() && !b.response().truncated() && in.buffered() == 0;
                return b.response();
            }
        } catch (SocketTimeoutException e) {
            throw e;
        } catch (IOException e) {
            if (reused && in != null && in.total() == 0) {
                throw new StaleConnection(e);
            }
            throw e;
        } finally {
            if (keep) {
                pool.release(key, socket);
            } else {
                PinnedConnections.closeQuietly(socket);
            }
        }
    }

    /** A new connection and the checked address it goes to. */
    private record Connected(Socket socket, InetAddress address) {
    }

    private static Connected connect(CheckedTarget target, Duration timeout) throws IOException {
        IOException last = null;
        int connectMs = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        for (InetAddress a : target.addresses()) {
            Socket s = new Socket();
            try {
                s.setTcpNoDelay(true);
                s.connect(new InetSocketAddress(a, target.port()), connectMs);
                if (!target.https()) {
                    return new Connected(s, a);
                }
                SSLSocket tls = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault())
                        .createSocket(s, target.host(), target.port(), true);
                SSLParameters p = tls.getSSLParameters();
                p.setEndpointIdentificationAlgorithm("HTTPS");
                if (IpLiterals.parse(target.host()).isEmpty()) {
                    p.setServerNames(List.of(new SNIHostName(target.host())));
                }
                tls.setSSLParameters(p);
                tls.setSoTimeout(connectMs);
                tls.startHandshake();
                return new Connected(tls, a);
            } catch (IOException e) {
                s.close();
                last = e;
            }
        }
        throw last != null ? last : new IOException("no address to connect to");
    }

    private static String head(CheckedTarget target, String method, Map<String, String> headers, byte[] body,
                               boolean keepAlive) {
        String path = target.uri().getRawPath() == null || target.uri().getRawPath().isEmpty() ? "/"
                : target.uri().getRawPath();
        if (target.uri().getRawQuery() != null) {
            path += "?" + target.uri().getRawQuery();
        }
        String host = target.host().indexOf(':') >= 0 ? "[" + target.host().replaceFirst("%.*$", "") + "]"
                : target.host();
        boolean defaultPort = target.port() == (target.https() ? 443 : 80);
        StringBuilder sb = new StringBuilder(256);
        sb.append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
        sb.append("Host: ").append(host).append(defaultPort ? "" : ":" + target.port()).append("\r\n");
        if (!keepAlive) {
            sb.append("Connection: close\r\n");
        }
        if (body != null) {
            sb.append("Content-Length: ").append(body.length).append("\r\n");
        }
        headers.forEach((k, v) -> {
            if (k == null || v == null || k.isBlank() || OWN_HEADERS.contains(k.toLowerCase(Locale.ROOT))
                    || unsafe(k) || unsafe(v) || k.indexOf(':') >= 0) {
                return;
            }
            sb.append(k).append(": ").append(v).append("\r\n");
        });
        return sb.append("\r\n").toString();
    }

    private static boolean unsafe(String s) {
        return s.indexOf('\r') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\0') >= 0;
    }

    private static Map<String, String> readHeaders(InputStream in) throws IOException {
        Map<String, String> h = new LinkedHashMap<>();
        int total = 0;
        for (String l = line(in); !l.isEmpty(); l = line(in)) {
            total += l.length();
            if (total > MAX_HEAD_BYTES) {
                throw new IOException("response headers larger than " + MAX_HEAD_BYTES + " bytes");
            }
            int colon = l.indexOf(':');
            if (colon > 0) {
                h.putIfAbsent(l.substring(0, colon).strip().toLowerCase(Locale.ROOT), l.substring(colon + 1).strip());
            }
        }
        return h;
    }

    /** A read answer, and whether its body had a known end (so the connection can carry another request). */
    private record Body(Response response, boolean delimited) {
    }

    private static Body readBody(InputStream in, String method, int status, Map<String, String> h, int max,
                                 boolean readTrailers) throws IOException {
        if (method.equals("HEAD") || status == 204 || status == 304) {
            return new Body(new Response(status, h, new byte[0], false), true);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean truncated;
        boolean delimited = true;
        if ("chunked".equalsIgnoreCase(h.getOrDefault("transfer-encoding", ""))) {
            truncated = false;
            while (true) {
                String size = line(in);
                int semi = size.indexOf(';');
                long n;
                try {
                    n = Long.parseLong((semi >= 0 ? size.substring(0, semi) : size).strip(), 16);
                } catch (NumberFormatException e) {
                    throw new IOException("bad chunk size: " + abbreviate(size));
                }
                if (n == 0) {
                    if (readTrailers) {
                        readHeaders(in); // the trailer section, up to the empty line that ends the message
                    }
                    break;
                }
                truncated |= copy(in, out, n, max);
                if (truncated) {
                    break;
                }
                line(in);
            }
        } else if (h.containsKey("content-length")) {
            long n;
            try {
                n = Long.parseLong(h.get("content-length"));
            } catch (NumberFormatException e) {
                throw new IOException("bad Content-Length: " + abbreviate(h.get("content-length")));
            }
            truncated = copy(in, out, n, max);
        } else {
            truncated = copy(in, out, Long.MAX_VALUE, max);
            delimited = false;
        }
        return new Body(new Response(status, h, out.toByteArray(), truncated), delimited);
    }

    /** Copies up to {@code n} bytes (fewer at end of stream), keeping at most {@code max}; true if it stopped early. */
    private static boolean copy(InputStream in, ByteArrayOutputStream out, long n, int max) throws IOException {
        byte[] buf = new byte[8192];
        long left = n;
        while (left > 0) {
            int room = max - out.size();
            if (room <= 0) {
                return true;
            }
            int r = in.read(buf, 0, (int) Math.min(buf.length, Math.min(left, room)));
            if (r < 0) {
                if (n != Long.MAX_VALUE) {
                    throw new IOException("connection closed before the end of the body");
                }
                return false;
            }
            out.write(buf, 0, r);
            left -= r;
        }
        return false;
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(64);
        while (true) {
            int c = in.read();
            if (c < 0) {
                if (b.size() == 0) {
                    throw new IOException("connection closed before a complete answer");
                }
                break;
            }
            if (c == '\n') {
                break;
            }
            if (c != '\r') {
                b.write(c);
            }
            if (b.size() > MAX_HEAD_BYTES) {
                throw new IOException("response line longer than " + MAX_HEAD_BYTES + " bytes");
            }
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }

    private static int remainingMillis(long deadline) throws SocketTimeoutException {
        long ms = (deadline - System.nanoTime()) / 1_000_000;
        if (ms <= 0) {
            throw new SocketTimeoutException("timed out");
        }
        return (int) Math.min(Integer.MAX_VALUE, ms);
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }

    /** A socket input that keeps the read timeout within the exchange's deadline. */
    private static final class DeadlineInput extends InputStream {
        private final Socket socket;
        private final InputStream in;
        private final long deadline;
        private final byte[] one = new byte[1];
        private final byte[] buf = new byte[8192];
        private int pos;
        private int len;
        private long total;

        DeadlineInput(Socket socket, long deadline) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.deadline = deadline;
        }

        @Override
        public int read() throws IOException {
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int n) throws IOException {
            if (pos >= len) {
                socket.setSoTimeout(remainingMillis(deadline));
                len = in.read(buf, 0, buf.length);
                pos = 0;
                if (len < 0) {
                    len = 0;
                    return -1;
                }
                total += len;
            }
            int k = Math.min(n, len - pos);
            System.arraycopy(buf, pos, b, off, k);
            pos += k;
            return k;
        }

        /** Bytes read from the socket so far. */
        long total() {
            return total;
        }

        /** Bytes read from the socket but not yet taken. */
        int buffered() {
            return len - pos;
        }
    }
}
