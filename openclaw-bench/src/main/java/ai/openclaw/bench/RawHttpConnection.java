package ai.openclaw.bench;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One persistent (keep-alive) HTTP/1.1 client connection on a plain blocking {@link Socket}.
 *
 * <p>It writes a pre-built request and reads the response: status line, headers and a body framed
 * by {@code Content-Length}, {@code Transfer-Encoding: chunked} or the closing of the connection.
 * A close-delimited {@code text/event-stream} body also ends at its {@code data: [DONE]} event, after
 * which the connection is dropped. Bodies are discarded as they are read; only the status code,
 * the byte count and one optional numeric header are kept. It allocates nothing per request
 * unless that header is present. Not thread-safe: one connection belongs to one worker thread.
 */
public final class RawHttpConnection implements Closeable {

    private static final byte[] DONE = "data: [DONE]".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] H_CONTENT_LENGTH = lower("content-length");
    private static final byte[] H_TRANSFER_ENCODING = lower("transfer-encoding");
    private static final byte[] H_CONNECTION = lower("connection");
    private static final byte[] H_CONTENT_TYPE = lower("content-type");
    private static final int MAX_HEADERS_BYTES = 256 * 1024;

    private final InetSocketAddress address;
    private final int timeoutMs;
    private final byte[] overheadHeader;      // lower-case name, or null
    private final byte[] buf = new byte[64 * 1024];
    private int pos;
    private int lim;
    private int lineStart;
    private int lineEnd;
    private volatile Socket socket;
    private InputStream in;
    private OutputStream out;
    private long requestsOnSocket;

    // result of the last exchange
    private int status;
    private long bodyBytes;
    private double headerValue = Double.NaN;
    private boolean mustClose;

    // per-response header state
    private long contentLength;
    private boolean chunked;
    private boolean eventStream;
    private boolean http10;
    private boolean keepAliveHeader;

    /**
     * Creates an unconnected connection; {@link #exchange(byte[])} connects on first use.
     *
     * @param address the server
     * @param timeoutMs connect and read timeout in milliseconds
     * @param overheadHeader a response header whose numeric value to capture, or null
     */
    public RawHttpConnection(InetSocketAddress address, int timeoutMs, String overheadHeader) {
        this.address = address;
        this.timeoutMs = timeoutMs;
        this.overheadHeader = overheadHeader == null ? null : lower(overheadHeader);
    }

    private static byte[] lower(String s) {
        return s.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Opens the socket if it is not open; a no-op otherwise.
     *
     * @throws IOException if the connection cannot be made
     */
    public void connect() throws IOException {
        if (socket != null) {
            return;
        }
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            s.setKeepAlive(true);
            s.setSoTimeout(timeoutMs);
            s.connect(address, timeoutMs);
        } catch (IOException e) {
            try {
                s.close();
            } catch (IOException ignored) {
                // nothing to do
            }
            throw e;
        }
        socket = s;
        in = s.getInputStream();
        out = s.getOutputStream();
        pos = 0;
        lim = 0;
        requestsOnSocket = 0;
    }

    /**
     * Returns whether a socket is currently open.
     *
     * @return whether a socket is currently open
     */
    public boolean isOpen() {
        return socket != null;
    }

    /**
     * Closes the socket from another thread to unblock a worker stuck in a read; the worker's
     * exchange then fails with an I/O error and it closes the connection itself.
     */
    public void abort() {
        Socket s = socket;
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // nothing to do
            }
        }
    }

    /** Closes the socket (if any); the next {@link #exchange} reconnects. Owner thread only. */
    @Override
    public void close() {
        Socket s = socket;
        socket = null;
        in = null;
        out = null;
        pos = 0;
        lim = 0;
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // nothing to do
            }
        }
    }

    /**
     * Sends one request and reads its whole response. On a reused keep-alive connection that the
     * server had already closed (no response byte received) the request is retried once on a fresh
     * connection. On an I/O error the connection is closed and the exception is thrown.
     *
     * @param request the complete request bytes (head and body)
     * @return the response status code
     * @throws IOException on a connect, write, read or protocol error
     */
    public int exchange(byte[] request) throws IOException {
        boolean reused = socket != null && requestsOnSocket > 0;
        connect();
        try {
            return exchangeOnce(request);
        } catch (StaleConnectionException e) {
            close();
            if (!reused) {
                throw new EOFException("connection closed before response");
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
        connect();
        try {
            return exchangeOnce(request);
        } catch (StaleConnectionException e) {
            close();
            throw new EOFException("connection closed before response");
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * Returns the body size of the last response in bytes (chunk framing excluded).
     *
     * @return the body size of the last response in bytes (chunk framing excluded)
     */
    public long bodyBytes() {
        return bodyBytes;
    }

    /**
     * Returns the numeric value of the captured header in the last response, or NaN.
     *
     * @return the numeric value of the captured header in the last response, or NaN
     */
    public double headerValue() {
        return headerValue;
    }

    /**
     * Returns the status code of the last response.
     *
     * @return the status code of the last response
     */
    public int status() {
        return status;
    }

    private int exchangeOnce(byte[] request) throws IOException {
        requestsOnSocket++;
        try {
            out.write(request);
            out.flush();
        } catch (IOException e) {
            if (requestsOnSocket > 1) {
                throw new StaleConnectionException();
            }
            throw e;
        }
        bodyBytes = 0;
        headerValue = Double.NaN;
        // interim 1xx responses are skipped
        do {
            readHead();
        } while (status >= 100 && status < 200 && status != 101);
        readBody();
        if (mustClose) {
            close();
        }
        return status;
    }

    /** Thrown when a reused connection turned out to be closed by the server before any response. */
    private static final class StaleConnectionException extends IOException {
        StaleConnectionException() {
            super("stale keep-alive connection", null);
        }
    }

    // ---------------------------------------------------------------- reading

    /** Reads more bytes into the buffer, compacting it first if needed; returns false on EOF. */
    private boolean fill() throws IOException {
        if (pos > 0 && (pos == lim || lim == buf.length)) {
            System.arraycopy(buf, pos, buf, 0, lim - pos);
            lim -= pos;
            pos = 0;
        }
        if (lim == buf.length) {
            throw new IOException("response line longer than " + buf.length + " bytes");
        }
        int n = in.read(buf, lim, buf.length - lim);
        if (n < 0) {
            return false;
        }
        lim += n;
        return true;
    }

    /**
     * Reads one line (LF or CRLF terminated). Sets {@link #lineStart}/{@link #lineEnd} (CR and LF
     * excluded) and advances {@link #pos} past it.
     *
     * @param first whether this is the first line of a response (EOF there means a stale connection)
     */
    private void readLine(boolean first) throws IOException {
        int scanFrom = pos;
        while (true) {
            for (int i = scanFrom; i < lim; i++) {
                if (buf[i] == '\n') {
                    lineStart = pos;
                    lineEnd = (i > pos && buf[i - 1] == '\r') ? i - 1 : i;
                    pos = i + 1;
                    return;
                }
            }
            int scanned = lim - pos;   // fill() may move the unread bytes to the buffer's start
            if (!fill()) {
                if (first && scanned == 0) {
                    throw new StaleConnectionException();
                }
                throw new EOFException("connection closed in the middle of a line");
            }
            scanFrom = pos + scanned;
        }
    }

    private void readHead() throws IOException {
        readLine(true);
        // status line: HTTP/1.x SP 3DIGIT SP reason
        int s = lineStart;
        int e = lineEnd;
        if (e - s < 12 || buf[s] != 'H' || buf[s + 1] != 'T' || buf[s + 2] != 'T' || buf[s + 3] != 'P'
                || buf[s + 4] != '/') {
            throw new IOException("malformed status line: " + text(s, Math.min(e, s + 80)));
        }
        http10 = buf[s + 5] == '1' && buf[s + 6] == '.' && buf[s + 7] == '0';
        int code = 0;
        for (int i = s + 9; i < s + 12; i++) {
            byte b = buf[i];
            if (b < '0' || b > '9') {
                throw new IOException("malformed status line: " + text(s, Math.min(e, s + 80)));
            }
            code = code * 10 + (b - '0');
        }
        status = code;
        contentLength = -1;
        chunked = false;
        eventStream = false;
        keepAliveHeader = false;
        mustClose = false;
        int headerBytes = 0;
        while (true) {
            readLine(false);
            int ls = lineStart;
            int le = lineEnd;
            if (ls == le) {
                break;
            }
            headerBytes += le - ls;
            if (headerBytes > MAX_HEADERS_BYTES) {
                throw new IOException("response headers too large");
            }
            int colon = -1;
            for (int i = ls; i < le; i++) {
                if (buf[i] == ':') {
                    colon = i;
                    break;
                }
            }
            if (colon <= ls) {
                continue;   // tolerate junk lines
            }
            int vs = colon + 1;
            while (vs < le && (buf[vs] == ' ' || buf[vs] == '\t')) {
                vs++;
            }
            int ve = le;
            while (ve > vs && (buf[ve - 1] == ' ' || buf[ve - 1] == '\t')) {
                ve--;
            }
            if (nameIs(ls, colon, H_CONTENT_LENGTH)) {
                contentLength = parseLong(vs, ve);
            } else if (nameIs(ls, colon, H_TRANSFER_ENCODING)) {
                chunked = containsIgnoreCase(vs, ve, "chunked");
            } else if (nameIs(ls, colon, H_CONNECTION)) {
                if (containsIgnoreCase(vs, ve, "close")) {
                    mustClose = true;
                } else if (containsIgnoreCase(vs, ve, "keep-alive")) {
                    keepAliveHeader = true;
                }
            } else if (nameIs(ls, colon, H_CONTENT_TYPE)) {
                eventStream = containsIgnoreCase(vs, ve, "text/event-stream");
            } else if (overheadHeader != null && nameIs(ls, colon, overheadHeader)) {
                try {
                    headerValue = Double.parseDouble(text(vs, ve));
                } catch (NumberFormatException ignored) {
                    headerValue = Double.NaN;
                }
            }
        }
        if (http10 && !keepAliveHeader) {
            mustClose = true;
        }
    }

    private void readBody() throws IOException {
        if (status == 204 || status == 304 || (status >= 100 && status < 200)) {
            return;
        }
        if (chunked) {
            readChunked();
        } else if (contentLength >= 0) {
            skip(contentLength);
        } else {
            readUntilClose();
            mustClose = true;
        }
    }

    private void readChunked() throws IOException {
        while (true) {
            readLine(false);
            long size = 0;
            int digits = 0;
            for (int i = lineStart; i < lineEnd; i++) {
                int d = Character.digit(buf[i], 16);
                if (d < 0) {
                    break;   // chunk extension or whitespace
                }
                size = size * 16 + d;
                digits++;
                if (digits > 15) {
                    throw new IOException("chunk size too large");
                }
            }
            if (digits == 0) {
                throw new IOException("malformed chunk size line: " + text(lineStart, Math.min(lineEnd, lineStart + 40)));
            }
            if (size == 0) {
                // trailers until the empty line
                do {
                    readLine(false);
                } while (lineStart != lineEnd);
                return;
            }
            skip(size);
            readLine(false);   // CRLF after the chunk data
            if (lineStart != lineEnd) {
                throw new IOException("missing CRLF after chunk data");
            }
        }
    }

    private void skip(long n) throws IOException {
        long left = n;
        while (left > 0) {
            if (pos == lim && !fill()) {
                throw new EOFException("connection closed with " + left + " body bytes missing");
            }
            int take = (int) Math.min(left, lim - pos);
            pos += take;
            left -= take;
            bodyBytes += take;
        }
    }

    /** Reads a close-delimited body; an event stream also ends at its {@code data: [DONE]} line. */
    private void readUntilClose() throws IOException {
        int matched = 0;
        while (true) {
            if (pos == lim) {
                pos = 0;
                lim = 0;
                if (!fill()) {
                    return;
                }
            }
            if (eventStream) {
                for (int i = pos; i < lim; i++) {
                    byte b = buf[i];
                    if (b == DONE[matched]) {
                        matched++;
                        if (matched == DONE.length) {
                            bodyBytes += i + 1 - pos;
                            pos = lim;   // the rest is not needed: the connection will be closed
                            return;
                        }
                    } else {
                        matched = b == DONE[0] ? 1 : 0;
                    }
                }
            }
            bodyBytes += lim - pos;
            pos = lim;
        }
    }

    // ---------------------------------------------------------------- byte helpers

    private boolean nameIs(int s, int e, byte[] lowerName) {
        if (e - s != lowerName.length) {
            return false;
        }
        for (int i = 0; i < lowerName.length; i++) {
            byte b = buf[s + i];
            if (b >= 'A' && b <= 'Z') {
                b = (byte) (b + 32);
            }
            if (b != lowerName[i]) {
                return false;
            }
        }
        return true;
    }

    private boolean containsIgnoreCase(int s, int e, String needle) {
        int n = needle.length();
        outer:
        for (int i = s; i + n <= e; i++) {
            for (int j = 0; j < n; j++) {
                byte b = buf[i + j];
                if (b >= 'A' && b <= 'Z') {
                    b = (byte) (b + 32);
                }
                if (b != needle.charAt(j)) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private long parseLong(int s, int e) throws IOException {
        if (s == e || e - s > 18) {
            throw new IOException("bad Content-Length: " + text(s, e));
        }
        long v = 0;
        for (int i = s; i < e; i++) {
            byte b = buf[i];
            if (b < '0' || b > '9') {
                throw new IOException("bad Content-Length: " + text(s, e));
            }
            v = v * 10 + (b - '0');
        }
        return v;
    }

    private String text(int s, int e) {
        return new String(buf, s, e - s, StandardCharsets.ISO_8859_1);
    }
}
