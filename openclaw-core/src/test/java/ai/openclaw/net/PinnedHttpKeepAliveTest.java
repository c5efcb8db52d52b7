package ai.openclaw.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link PinnedHttp} over pooled keep-alive connections ({@link PinnedConnections}) against a raw local server. */
class PinnedHttpKeepAliveTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** How the server answers each request. */
    enum Mode { KEEP_ALIVE, CHUNKED_WITH_TRAILER, CONNECTION_CLOSE, CLOSE_AFTER_ANSWER }

    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicInteger accepted = new AtomicInteger();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private ServerSocket server;
    private PinnedConnections pool = new PinnedConnections(4, Duration.ofSeconds(30));

    @AfterEach
    void stop() throws IOException {
        pool.close();
        if (server != null) {
            server.close();
        }
        threads.shutdownNow();
    }

    @Test
    void aSecondRequestReusesTheConnection() throws IOException {
        CheckedTarget t = start(Mode.KEEP_ALIVE);
        for (int i = 0; i < 3; i++) {
            PinnedHttp.Response r = PinnedHttp.send(pool, t, "POST", Map.of("X-N", "" + i),
                    ("body" + i).getBytes(StandardCharsets.UTF_8), TIMEOUT, 1024);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).isEqualTo("ok:body" + i);
        }
        assertThat(accepted.get()).isEqualTo(1);
        assertThat(requests).hasSize(3).noneMatch(h -> h.toLowerCase(Locale.ROOT).contains("connection: close"));
        assertThat(pool.idleCount()).isEqualTo(1);
    }

    @Test
    void aChunkedAnswerWithTrailersIsReadToItsEndAndTheConnectionReused() throws IOException {
        CheckedTarget t = start(Mode.CHUNKED_WITH_TRAILER);
        for (int i = 0; i < 2; i++) {
            assertThat(PinnedHttp.send(pool, t, "GET", Map.of(), null, TIMEOUT, 1024).text()).isEqualTo("hello");
        }
        assertThat(accepted.get()).isEqualTo(1);
    }

    @Test
    void anAnswerWithConnectionCloseIsNotPooled() throws IOException {
        CheckedTarget t = start(Mode.CONNECTION_CLOSE);
        PinnedHttp.send(pool, t, "GET", Map.of(), null, TIMEOUT, 1024);
        PinnedHttp.send(pool, t, "GET", Map.of(), null, TIMEOUT, 1024);
        assertThat(accepted.get()).isEqualTo(2);
        assertThat(pool.idleCount()).isZero();
    }

    @Test
    void aConnectionTheReceiverClosedWhileIdleIsReplacedAndTheRequestSentOnTheNewOne() throws IOException {
        CheckedTarget t = start(Mode.CLOSE_AFTER_ANSWER);
        assertThat(PinnedHttp.send(pool, t, "POST", Map.of(), "a".getBytes(StandardCharsets.UTF_8), TIMEOUT, 1024)
                .text()).isEqualTo("ok:a");
        assertThat(PinnedHttp.send(pool, t, "POST", Map.of(), "b".getBytes(StandardCharsets.UTF_8), TIMEOUT, 1024)
                .text()).isEqualTo("ok:b");
        assertThat(accepted.get()).isEqualTo(2);
    }

    @Test
    void aPooledConnectionIsNeverUsedForATargetWhoseCheckedAddressesDoNotIncludeIt() throws IOException {
        CheckedTarget t = start(Mode.KEEP_ALIVE);
        PinnedHttp.send(pool, t, "GET", Map.of(), null, TIMEOUT, 1024);
        assertThat(pool.idleCount()).isEqualTo(1);
        // the same host and port, but this request's check resolved it to another address: the idle connection to
        // 127.0.0.1 must not carry it (the server listens on 127.0.0.1 only, so a new connection is refused)
        CheckedTarget elsewhere = new CheckedTarget(t.uri(), t.host(), t.port(), false,
                List.of(InetAddress.getByName("127.0.0.2")));
        assertThatThrownBy(() -> PinnedHttp.send(pool, elsewhere, "GET", Map.of(), null, TIMEOUT, 1024))
                .isInstanceOf(IOException.class);
        assertThat(requests).hasSize(1);
        assertThat(pool.idleCount()).isEqualTo(1);
    }

    @Test
    void withoutAPoolEveryRequestHasItsOwnConnection() throws IOException {
        CheckedTarget t = start(Mode.KEEP_ALIVE);
        PinnedHttp.send(t, "GET", Map.of(), null, TIMEOUT, 1024);
        PinnedHttp.send(t, "GET", Map.of(), null, TIMEOUT, 1024);
        assertThat(accepted.get()).isEqualTo(2);
        assertThat(requests).allMatch(h -> h.toLowerCase(Locale.ROOT).contains("connection: close"));
    }

    private CheckedTarget start(Mode mode) throws IOException {
        server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
        threads.execute(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    accepted.incrementAndGet();
                    threads.execute(() -> serve(s, mode));
                } catch (IOException e) {
                    return;
                }
            }
        });
        int port = server.getLocalPort();
        return new CheckedTarget(URI.create("http://receiver.test:" + port + "/hook"), "receiver.test", port, false,
                List.of(InetAddress.getByName("127.0.0.1")));
    }

    private void serve(Socket s, Mode mode) {
        try (s) {
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            while (true) {
                String head = head(in);
                if (head == null) {
                    return;
                }
                requests.add(head);
                int length = 0;
                for (String l : head.split("\r\n")) {
                    if (l.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                        length = Integer.parseInt(l.substring(15).strip());
                    }
                }
                String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
                String answer = switch (mode) {
                    case CHUNKED_WITH_TRAILER -> "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                            + "5\r\nhello\r\n0\r\nX-Trailer: 1\r\n\r\n";
                    case CONNECTION_CLOSE -> "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok";
                    default -> "HTTP/1.1 200 OK\r\nContent-Length: " + (3 + body.length()) + "\r\n\r\nok:" + body;
                };
                out.write(answer.getBytes(StandardCharsets.UTF_8));
                out.flush();
                if (mode == Mode.CONNECTION_CLOSE || mode == Mode.CLOSE_AFTER_ANSWER) {
                    return;
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    /** A request's head up to the empty line, or null at the end of the stream. */
    private static String head(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            b.write(c);
            String s = b.toString(StandardCharsets.ISO_8859_1);
            if (s.endsWith("\r\n\r\n")) {
                return s;
            }
        }
        return null;
    }
}
