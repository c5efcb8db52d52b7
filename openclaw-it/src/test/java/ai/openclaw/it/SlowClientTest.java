package ai.openclaw.it;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.testkit.HttpResult;
import ai.openclaw.testkit.TestGateway;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Slow clients cannot exhaust the gateway: thousands of connections from one address (127.0.0.2) that trickle a
 * request header a byte at a time are capped per address and closed at the header deadline, while health checks
 * and chat from another address (127.0.0.1) keep answering. {@code -Dslowclient.connections=20000
 * -Dslowclient.addresses=100} runs the 20,000 from 127.0.0.2–127.0.0.101 (docs/BENCHMARKS.md § Hardening);
 * the header deadline also holds for a later request on a kept-alive connection.
 */
class SlowClientTest {
    private static final int CONNECTIONS = Integer.getInteger("slowclient.connections", 3000);
    /** Client addresses the trickling connections come from: 127.0.0.2 onwards. */
    private static final int ADDRESSES = Math.max(1, Math.min(250, Integer.getInteger("slowclient.addresses", 1)));
    /** Connections opened per round (a round every ~0.5 s for 8 s). */
    private static final int PER_ROUND = Math.max(300, (CONNECTIONS + 13) / 14);
    private static final int CAP = 200;

    @Test
    void tricklingConnectionsAreCappedAndClosedWhileHealthAndChatAnswer() throws Exception {
        try (TestGateway gw = TestGateway.start("gateway:\n  header_timeout_ms: 2000\n  max_connections_per_client: "
                + CAP + "\n")) {
            URI base = URI.create(gw.baseUrl());
            AtomicBoolean attacking = new AtomicBoolean(true);
            AtomicInteger healthOk = new AtomicInteger();
            AtomicInteger chatOk = new AtomicInteger();
            List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
            Thread checker = Thread.ofPlatform().start(() -> {
                while (attacking.get()) {
                    try {
                        HttpResult h = gw.get("/health");
                        if (h.status() == 200) {
                            healthOk.incrementAndGet();
                        } else {
                            failures.add("health " + h.status());
                        }
                        HttpResult c = gw.post("/api/v1/message", "{\"text\": \"still there?\", \"session\": \"slow\"}");
                        if (c.status() == 200) {
                            chatOk.incrementAndGet();
                        } else {
                            failures.add("chat " + c.status() + " " + c.body());
                        }
                        Thread.sleep(200);
                    } catch (RuntimeException e) {
                        failures.add(e.toString());
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            List<Socket> open = new ArrayList<>();
            AtomicInteger refused = new AtomicInteger();
            java.util.concurrent.ExecutorService openers = java.util.concurrent.Executors.newFixedThreadPool(32);
            int maxAliveAfterASecond = 0;
            int opened = 0;
            int stillOpen;
            byte[] head = "GET /health HTTP/1.1\r\nHost: x\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII);
            try {
                long begin = System.nanoTime();
                // 8 s, or longer for a larger count (at most 120 s): connects wait while the accept queue is full
                long openingNanos = Math.min(120, Math.max(8, CONNECTIONS / 250)) * 1_000_000_000L;
                long stopOpening = begin + openingNanos;
                long end = stopOpening + 6_000_000_000L; // the last ones opened are past the 2 s deadline by then
                List<long[]> openedAt = new ArrayList<>();
                while (System.nanoTime() < end) {
                    // opened from many threads: one connect waits while the gateway's accept queue is full
                    List<java.util.concurrent.Future<Socket>> round = new ArrayList<>();
                    for (int i = 0; i < PER_ROUND && opened < CONNECTIONS && System.nanoTime() < stopOpening; i++) {
                        String from = "127.0.0." + (2 + opened % ADDRESSES);
                        round.add(openers.submit(() -> {
                            Socket s = new Socket();
                            try {
                                s.bind(new InetSocketAddress(from, 0));
                                s.connect(new InetSocketAddress("127.0.0.1", base.getPort()), 2000);
                                s.getOutputStream().write(head);
                                return s;
                            } catch (IOException e) {
                                s.close();
                                refused.incrementAndGet();
                                return null;
                            }
                        }));
                        opened++;
                    }
                    for (var f : round) {
                        Socket s = f.get();
                        if (s != null) {
                            open.add(s);
                            openedAt.add(new long[] {System.nanoTime()});
                        }
                    }
                    Thread.sleep(500);
                    int alive = 0;
                    Iterator<Socket> it = open.iterator();
                    Iterator<long[]> at = openedAt.iterator();
                    while (it.hasNext()) {
                        Socket s = it.next();
                        long t = at.next()[0];
                        try {
                            OutputStream out = s.getOutputStream();
                            out.write('a');
                            out.flush();
                            if (System.nanoTime() - t > 1_000_000_000L) {
                                alive++;
                            }
                        } catch (IOException e) {
                            s.close();
                            it.remove();
                            at.remove();
                        }
                    }
                    maxAliveAfterASecond = Math.max(maxAliveAfterASecond, alive);
                }
                stillOpen = open.size();
            } finally {
                attacking.set(false);
                openers.shutdownNow();
                checker.join(30_000);
                for (Socket s : open) {
                    s.close();
                }
            }
            System.out.printf("slow clients: %d trickling connections tried from %d address(es) (%d not accepted "
                    + "within 2 s), at most %d alive after 1 s (cap %d per address), %d still open at the end; %d "
                    + "health and %d chat answers meanwhile%n", opened, ADDRESSES, refused.get(),
                    maxAliveAfterASecond, CAP, stillOpen, healthOk.get(), chatOk.get());
            assertThat(stillOpen).as("trickling connections closed at the header deadline").isZero();
            assertThat(failures).isEmpty();
            assertThat(healthOk.get()).isGreaterThanOrEqualTo(5);
            assertThat(chatOk.get()).isGreaterThanOrEqualTo(5);
            assertThat(opened).isGreaterThanOrEqualTo(Math.min(CONNECTIONS, 1000));
            // a closed socket may take one more write to notice: allow one round of slack over the cap
            assertThat(maxAliveAfterASecond).isLessThanOrEqualTo(CAP * ADDRESSES + PER_ROUND);
            assertThat(gw.get("/health").status()).isEqualTo(200);
        }
    }

    @Test
    void aLaterRequestOnAKeptAliveConnectionHasAHeaderDeadlineTooButAnIdleOneIsLeftAlone() throws Exception {
        try (TestGateway gw = TestGateway.start("gateway:\n  header_timeout_ms: 2000\n")) {
            int port = URI.create(gw.baseUrl()).getPort();
            byte[] request = "GET /health HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 30_000);
                s.setSoTimeout(60_000);
                OutputStream out = s.getOutputStream();
                InputStream in = s.getInputStream();
                out.write(request);
                assertThat(readStatusLine(in)).startsWith("HTTP/1.1 200");
                // idle between requests for longer than the header deadline: that is the idle timeout's business
                Thread.sleep(3000);
                out.write(request);
                assertThat(readStatusLine(in)).as("a kept-alive connection idle past the header deadline")
                        .startsWith("HTTP/1.1 200");
                out.write("GET /health HTTP/1.1\r\nHost: x\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
                long giveUp = System.nanoTime() + 60_000_000_000L;
                boolean closed = false;
                while (!closed && System.nanoTime() < giveUp) {
                    try {
                        out.write('a');
                        out.flush();
                        Thread.sleep(250);
                    } catch (IOException e) {
                        closed = true;
                    }
                }
                assertThat(closed).as("the third request's trickling header closed the connection").isTrue();
            }
            assertThat(gw.get("/health").status()).isEqualTo(200);
        }
    }

    /** Reads one response (head and a Content-Length body) and returns its status line. */
    private static String readStatusLine(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (head.indexOf("\r\n\r\n") < 0) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("connection closed before a complete answer: " + head);
            }
            head.append((char) c);
        }
        int length = 0;
        for (String line : head.toString().split("\r\n")) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).strip());
            }
        }
        in.readNBytes(length);
        return head.substring(0, head.indexOf("\r\n"));
    }
}
