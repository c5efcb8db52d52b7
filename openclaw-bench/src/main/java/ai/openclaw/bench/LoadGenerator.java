package ai.openclaw.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * An HTTP/1.1 load generator with persistent keep-alive connections, written on plain blocking
 * sockets ({@link RawHttpConnection}) so that the client costs far less CPU than the server it
 * measures. One platform thread drives one connection.
 *
 * <p>Two modes:
 * <ul>
 *   <li><b>closed loop</b> ({@code --rate 0}, the default): every connection sends its next request
 *       as soon as the previous response is read; latency runs from the actual send.</li>
 *   <li><b>fixed rate</b> ({@code --rate R}): requests are scheduled at {@code R} per second in
 *       total, request {@code i} at {@code start + i/R}; a free connection takes the next slot.
 *       Latency runs from the <em>intended</em> send time, so a server that stalls is charged for
 *       every request it delayed (no coordinated omission). The service time (from the actual
 *       send) is reported beside it.</li>
 * </ul>
 *
 * <p>Every run first warms up for {@code --warmup-s}, then measures for {@code --duration-s};
 * a request belongs to the measurement when its (intended) send time falls in that window. The
 * run is bounded by {@code --max-requests} in total and by time: requests still unanswered a
 * grace period after the window are cut off and reported as {@code incomplete}.
 *
 * <p>The text {@code {{conn}}} in the body or in a header value is replaced by the connection's
 * number (0 … N-1), e.g. to give every connection its own session id.
 *
 * <p>Exit status: 0 after any run (errors are reported, not fatal), 2 on bad options.
 */
public final class LoadGenerator {

    private static final String CONN_PLACEHOLDER = "{{conn}}";

    private LoadGenerator() {
    }

    /**
     * The parsed command line.
     *
     * @param url the target, {@code http://host[:port]/path[?query]}
     * @param method the request method
     * @param body the request body, or null for none
     * @param headers extra request headers as {@code "Name: value"}
     * @param connections the number of connections (and threads)
     * @param durationS the measurement duration in seconds
     * @param warmupS the warm-up duration in seconds
     * @param rate the total request rate in req/s, 0 for closed loop
     * @param maxRequests the hard bound on requests sent (warm-up included)
     * @param overheadHeader a response header whose numeric value (ms) is collected, or null
     * @param label a free text label for the report, or null
     * @param json whether to print one JSON line instead of the text report
     * @param timeoutMs connect and read timeout per request in milliseconds
     */
    public record Options(URI url, String method, byte[] body, List<String> headers, int connections,
                          double durationS, double warmupS, double rate, long maxRequests,
                          String overheadHeader, String label, boolean json, int timeoutMs) {
    }

    /**
     * The results of one run (measurement window only).
     *
     * @param options the options of the run
     * @param requests requests answered in the window (any status) plus I/O failures
     * @param ok 2xx responses
     * @param statusErrors non-2xx responses
     * @param ioErrors connect, read, write or protocol failures
     * @param incomplete requests still unanswered when the run was cut off
     * @param warmupRequests requests sent during warm-up
     * @param windowS the measurement window in seconds (to the last answer)
     * @param bytes body bytes received in the window
     * @param latency latency histogram (ns) of answered requests in the window
     * @param service service-time histogram (ns, from the actual send), fixed-rate mode only
     * @param overhead histogram (ns) of the overhead header's values, empty when never present
     * @param statusCounts count per status code (index = code, 0..599)
     * @param firstError the first I/O error seen, or null
     */
    public record Result(Options options, long requests, long ok, long statusErrors, long ioErrors,
                         long incomplete, long warmupRequests, double windowS, long bytes,
                         LatencyHistogram latency, LatencyHistogram service, LatencyHistogram overhead,
                         long[] statusCounts, String firstError) {

        /**
         * Returns the number of errors: non-2xx responses plus I/O failures.
         *
         * @return the number of errors: non-2xx responses plus I/O failures
         */
        public long errors() {
            return statusErrors + ioErrors;
        }

        /**
         * Returns answered requests per second (any status).
         *
         * @return answered requests per second (any status)
         */
        public double throughput() {
            return windowS <= 0 ? 0 : requests / windowS;
        }

        /**
         * Returns 2xx responses per second.
         *
         * @return 2xx responses per second
         */
        public double okThroughput() {
            return windowS <= 0 ? 0 : ok / windowS;
        }
    }

    /**
     * Runs the generator from the command line.
     *
     * @param args see {@link #usage()}
     */
    public static void main(String[] args) {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("load-generator: " + e.getMessage());
            System.err.println(usage());
            System.exit(2);
            return;
        }
        if (options == null) {
            System.out.println(usage());
            return;
        }
        Result result;
        try {
            result = run(options);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.err.println("load-generator: interrupted");
            return;
        }
        if (options.json()) {
            System.out.println(LoadReport.toJson(result));
            LoadReport.printText(result, System.err);
        } else {
            LoadReport.printText(result, System.out);
        }
    }

    /**
     * Returns the usage text.
     *
     * @return the usage text
     */
    public static String usage() {
        return """
            usage: LoadGenerator --url http://HOST:PORT/PATH [options]
              --url URL               target (http only)
              --method M              POST|GET (also PUT, PATCH, DELETE); default POST with a body, else GET
              --body STRING           request body ({{conn}} is replaced by the connection number)
              --body-file FILE        request body read from FILE
              --header 'K: V'         extra request header, repeatable ({{conn}} allowed in V)
              --connections N         keep-alive connections, one thread each (default 64)
              --duration-s N          measurement seconds (default 10)
              --warmup-s N            warm-up seconds before measuring (default 3)
              --rate R                fixed total rate in req/s, latency from intended send time
                                      (default 0 = closed loop, as fast as possible)
              --max-requests N        hard bound on requests sent, warm-up included (default 2000000)
              --timeout-ms N          connect/read timeout per request (default 30000)
              --overhead-header NAME  collect this response header's numeric values (ms)
              --label TEXT            label for the report
              --json                  print one JSON line of results on stdout (text report on stderr)
            """;
    }

    // ------------------------------------------------------------------------------- options

    /**
     * Parses the command line.
     *
     * @param args the arguments
     * @return the options, or null when help was asked for
     * @throws IllegalArgumentException on a bad option
     */
    public static Options parse(String[] args) {
        String url = null;
        String method = null;
        byte[] body = null;
        List<String> headers = new ArrayList<>();
        int connections = 64;
        double durationS = 10;
        double warmupS = 3;
        double rate = 0;
        long maxRequests = 2_000_000;
        int timeoutMs = 30_000;
        String overheadHeader = null;
        String label = null;
        boolean json = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String inline = null;
            if (a.startsWith("--") && a.indexOf('=') > 0) {
                inline = a.substring(a.indexOf('=') + 1);
                a = a.substring(0, a.indexOf('='));
            }
            switch (a) {
                case "-h", "--help" -> {
                    return null;
                }
                case "--json" -> json = true;
                case "--url", "--method", "--body", "--body-file", "--header", "--connections",
                     "--duration-s", "--warmup-s", "--rate", "--max-requests", "--timeout-ms",
                     "--overhead-header", "--label" -> {
                    String v;
                    if (inline != null) {
                        v = inline;
                    } else if (i + 1 < args.length) {
                        v = args[++i];
                    } else {
                        throw new IllegalArgumentException(a + " needs a value");
                    }
                    switch (a) {
                        case "--url" -> url = v;
                        case "--method" -> method = v.toUpperCase(Locale.ROOT);
                        case "--body" -> {
                            if (body != null) {
                                throw new IllegalArgumentException("give one of --body and --body-file");
                            }
                            body = v.getBytes(StandardCharsets.UTF_8);
                        }
                        case "--body-file" -> {
                            if (body != null) {
                                throw new IllegalArgumentException("give one of --body and --body-file");
                            }
                            try {
                                body = Files.readAllBytes(Path.of(v));
                            } catch (IOException e) {
                                throw new IllegalArgumentException("cannot read --body-file " + v + ": " + e.getMessage());
                            }
                        }
                        case "--header" -> {
                            int colon = v.indexOf(':');
                            if (colon <= 0 || v.indexOf('\r') >= 0 || v.indexOf('\n') >= 0
                                    || !v.substring(0, colon).strip().equals(v.substring(0, colon))
                                    || v.substring(0, colon).contains(" ")) {
                                throw new IllegalArgumentException("bad --header '" + v + "', expected 'Name: value'");
                            }
                            headers.add(v.substring(0, colon) + ": " + v.substring(colon + 1).strip());
                        }
                        case "--connections" -> connections = (int) parseLong(a, v, 1, 10_000);
                        case "--duration-s" -> durationS = parseDouble(a, v, 0.001, 86_400);
                        case "--warmup-s" -> warmupS = parseDouble(a, v, 0, 86_400);
                        case "--rate" -> rate = parseDouble(a, v, 0, 10_000_000);
                        case "--max-requests" -> maxRequests = parseLong(a, v, 1, Long.MAX_VALUE / 2);
                        case "--timeout-ms" -> timeoutMs = (int) parseLong(a, v, 1, 3_600_000);
                        case "--overhead-header" -> {
                            if (v.isBlank() || v.contains(":") || v.contains(" ")) {
                                throw new IllegalArgumentException("bad --overhead-header " + v);
                            }
                            overheadHeader = v;
                        }
                        case "--label" -> label = v;
                        default -> throw new IllegalStateException(a);
                    }
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (url == null) {
            throw new IllegalArgumentException("--url is required");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("bad --url " + url + ": " + e.getMessage());
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("--url must be http://HOST[:PORT]/PATH, got " + url);
        }
        if (method == null) {
            method = body != null ? "POST" : "GET";
        }
        if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
            throw new IllegalArgumentException("--method must be POST or GET (or PUT, PATCH, DELETE), got " + method);
        }
        return new Options(uri, method, body, List.copyOf(headers), connections, durationS, warmupS, rate,
            maxRequests, overheadHeader, label, json, timeoutMs);
    }

    private static long parseLong(String name, String v, long min, long max) {
        long n;
        try {
            n = Long.parseLong(v.replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs an integer, got " + v);
        }
        if (n < min || n > max) {
            throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "], got " + v);
        }
        return n;
    }

    private static double parseDouble(String name, String v, double min, double max) {
        double d;
        try {
            d = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs a number, got " + v);
        }
        if (!(d >= min && d <= max)) {
            throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "], got " + v);
        }
        return d;
    }

    /**
     * Builds the complete request bytes for one connection.
     *
     * @param o the options
     * @param conn the connection number, substituted for {@code {{conn}}}
     * @return the request head and body
     */
    static byte[] buildRequest(Options o, int conn) {
        URI u = o.url();
        String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
        if (u.getRawQuery() != null) {
            path += "?" + u.getRawQuery();
        }
        String id = Integer.toString(conn);
        StringBuilder h = new StringBuilder(256);
        h.append(o.method()).append(' ').append(path).append(" HTTP/1.1\r\n");
        boolean host = false;
        boolean contentType = false;
        boolean userAgent = false;
        boolean accept = false;
        for (String header : o.headers()) {
            String name = header.substring(0, header.indexOf(':')).toLowerCase(Locale.ROOT);
            switch (name) {
                case "host" -> host = true;
                case "content-type" -> contentType = true;
                case "user-agent" -> userAgent = true;
                case "accept" -> accept = true;
                case "content-length", "transfer-encoding" -> {
                    continue;   // framing is ours
                }
                default -> {
                }
            }
            h.append(header.replace(CONN_PLACEHOLDER, id)).append("\r\n");
        }
        if (!host) {
            h.append("Host: ").append(u.getHost());
            if (u.getPort() > 0) {
                h.append(':').append(u.getPort());
            }
            h.append("\r\n");
        }
        if (!userAgent) {
            h.append("User-Agent: openclaw-bench\r\n");
        }
        if (!accept) {
            h.append("Accept: */*\r\n");
        }
        byte[] body = o.body();
        if (body != null) {
            String text = new String(body, StandardCharsets.UTF_8);
            if (text.contains(CONN_PLACEHOLDER)) {
                body = text.replace(CONN_PLACEHOLDER, id).getBytes(StandardCharsets.UTF_8);
            }
            if (!contentType) {
                h.append("Content-Type: application/json\r\n");
            }
        }
        if (body != null || !o.method().equals("GET")) {
            h.append("Content-Length: ").append(body == null ? 0 : body.length).append("\r\n");
        }
        h.append("\r\n");
        byte[] head = h.toString().getBytes(StandardCharsets.UTF_8);
        if (body == null || body.length == 0) {
            return head;
        }
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    // ------------------------------------------------------------------------------- the run

    /** Shared clock and bounds of a run, fixed before the workers start. */
    private static final class Plan {
        final boolean fixedRate;
        final double nanosPerRequest;
        final long maxRequests;
        final AtomicLong tickets = new AtomicLong();
        final CountDownLatch start = new CountDownLatch(1);
        volatile boolean stopping;
        long t0;
        long measureStart;
        long end;

        Plan(Options o) {
            this.fixedRate = o.rate() > 0;
            this.nanosPerRequest = fixedRate ? 1e9 / o.rate() : 0;
            this.maxRequests = o.maxRequests();
        }
    }

    /** One connection and its thread-confined statistics. */
    private static final class Worker implements Runnable {
        final Plan plan;
        final byte[] request;
        final RawHttpConnection conn;
        final LatencyHistogram latency = new LatencyHistogram();
        final LatencyHistogram service;
        final LatencyHistogram overhead;
        final long[] statusCounts = new long[600];
        final CountDownLatch ready;
        long ok;
        long statusErrors;
        long ioErrors;
        long incomplete;
        long warmup;
        long bytes;
        long lastDone;
        String firstError;

        Worker(Plan plan, Options o, int id, InetSocketAddress address, CountDownLatch ready) {
            this.plan = plan;
            this.request = buildRequest(o, id);
            this.conn = new RawHttpConnection(address, o.timeoutMs(), o.overheadHeader());
            this.service = plan.fixedRate ? new LatencyHistogram() : null;
            this.overhead = o.overheadHeader() != null ? new LatencyHistogram() : null;
            this.ready = ready;
        }

        @Override
        public void run() {
            try {
                conn.connect();
            } catch (IOException e) {
                // retried (and counted) on the first request
            }
            ready.countDown();
            try {
                plan.start.await();
            } catch (InterruptedException e) {
                conn.close();
                return;
            }
            try {
                loop();
            } finally {
                conn.close();
            }
        }

        private void loop() {
            Plan p = plan;
            long wait0;
            while ((wait0 = p.t0 - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait0);   // all workers start together at t0
                if (p.stopping) {
                    return;
                }
            }
            while (!p.stopping) {
                long ticket = p.tickets.getAndIncrement();
                if (ticket >= p.maxRequests) {
                    return;
                }
                long intended;
                if (p.fixedRate) {
                    intended = p.t0 + (long) (ticket * p.nanosPerRequest);
                    if (intended - p.end >= 0) {
                        return;
                    }
                    long wait;
                    while ((wait = intended - System.nanoTime()) > 0) {
                        LockSupport.parkNanos(wait);
                        if (p.stopping) {
                            return;
                        }
                    }
                } else {
                    intended = System.nanoTime();
                    if (intended - p.end >= 0) {
                        return;
                    }
                }
                boolean measured = intended - p.measureStart >= 0;
                long sent = System.nanoTime();
                int status;
                try {
                    status = conn.exchange(request);
                } catch (IOException | RuntimeException e) {
                    if (p.stopping) {
                        incomplete++;
                        return;
                    }
                    if (measured) {
                        ioErrors++;
                        statusCounts[0]++;
                        lastDone = System.nanoTime();
                    } else {
                        warmup++;
                    }
                    if (firstError == null) {
                        firstError = e.getClass().getSimpleName() + ": " + e.getMessage();
                    }
                    if (!p.fixedRate || e instanceof ConnectException) {
                        // do not spin on a dead server; bounded by the run's end
                        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
                    }
                    continue;
                }
                long done = System.nanoTime();
                if (!measured) {
                    warmup++;
                    continue;
                }
                lastDone = done;
                latency.record(done - intended);
                if (service != null) {
                    service.record(done - sent);
                }
                if (overhead != null) {
                    double v = conn.headerValue();
                    if (v >= 0 && v < 1e9) {
                        overhead.record(Math.round(v * 1_000_000.0));
                    }
                }
                bytes += conn.bodyBytes();
                statusCounts[status >= 0 && status < 600 ? status : 599]++;
                if (status >= 200 && status < 300) {
                    ok++;
                } else {
                    statusErrors++;
                }
            }
        }
    }

    /**
     * Runs the load as the options say and returns the measurement.
     *
     * @param o the options
     * @return the results of the measurement window
     * @throws InterruptedException if the calling thread is interrupted
     */
    public static Result run(Options o) throws InterruptedException {
        InetSocketAddress address = new InetSocketAddress(o.url().getHost(),
            o.url().getPort() > 0 ? o.url().getPort() : 80);
        Plan plan = new Plan(o);
        CountDownLatch ready = new CountDownLatch(o.connections());
        List<Worker> workers = new ArrayList<>(o.connections());
        List<Thread> threads = new ArrayList<>(o.connections());
        for (int i = 0; i < o.connections(); i++) {
            Worker w = new Worker(plan, o, i, address, ready);
            workers.add(w);
            Thread t = new Thread(null, w, "load-" + i, 256 * 1024);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        // every worker has tried to connect once (bounded by the connect timeout)
        ready.await(o.timeoutMs() + 5_000L, TimeUnit.MILLISECONDS);

        long warmupNanos = (long) (o.warmupS() * 1e9);
        long durationNanos = (long) (o.durationS() * 1e9);
        plan.t0 = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1);
        plan.measureStart = plan.t0 + warmupNanos;
        plan.end = plan.measureStart + durationNanos;
        plan.start.countDown();

        // wait for the window to end (or for every worker to finish early, e.g. --max-requests)
        long grace = TimeUnit.MILLISECONDS.toNanos(Math.max(2_000, Math.min(o.timeoutMs(), 10_000)));
        long hardStop = plan.end + grace;
        for (Thread t : threads) {
            long left = hardStop - System.nanoTime();
            if (left > 0) {
                TimeUnit.NANOSECONDS.timedJoin(t, left);
            }
        }
        plan.stopping = true;
        for (int i = 0; i < threads.size(); i++) {
            if (threads.get(i).isAlive()) {
                workers.get(i).conn.abort();
                threads.get(i).interrupt();
            }
        }
        for (Thread t : threads) {
            t.join(2_000);
        }

        LatencyHistogram latency = new LatencyHistogram();
        LatencyHistogram service = new LatencyHistogram();
        LatencyHistogram overhead = new LatencyHistogram();
        long[] statusCounts = new long[600];
        long ok = 0;
        long statusErrors = 0;
        long ioErrors = 0;
        long incomplete = 0;
        long warmup = 0;
        long bytes = 0;
        long lastDone = plan.measureStart;
        String firstError = null;
        for (int i = 0; i < workers.size(); i++) {
            Worker w = workers.get(i);
            if (threads.get(i).isAlive()) {
                incomplete++;   // never came back; its counters may be torn, skip them
                continue;
            }
            latency.add(w.latency);
            if (w.service != null) {
                service.add(w.service);
            }
            if (w.overhead != null) {
                overhead.add(w.overhead);
            }
            for (int s = 0; s < statusCounts.length; s++) {
                statusCounts[s] += w.statusCounts[s];
            }
            ok += w.ok;
            statusErrors += w.statusErrors;
            ioErrors += w.ioErrors;
            incomplete += w.incomplete;
            warmup += w.warmup;
            bytes += w.bytes;
            if (w.lastDone != 0 && w.lastDone - lastDone > 0) {
                lastDone = w.lastDone;
            }
            if (firstError == null) {
                firstError = w.firstError;
            }
        }
        long requests = ok + statusErrors + ioErrors;
        double windowS = requests == 0 ? o.durationS() : (lastDone - plan.measureStart) / 1e9;
        return new Result(o, requests, ok, statusErrors, ioErrors, incomplete, warmup, windowS, bytes,
            latency, service, overhead, statusCounts, firstError);
    }

    // ------------------------------------------------------------------------------- output
}
