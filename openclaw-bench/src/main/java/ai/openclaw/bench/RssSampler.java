package ai.openclaw.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Samples the resident set size of a process from {@code /proc/PID/status} (Linux).
 *
 * <p>Command line: {@code --pid N [--interval-ms 200] [--duration-s N] [--stop-file F] [--once]
 * [--json]}. It samples {@code VmRSS} every interval until the duration is over, the stop file
 * exists or the process is gone (at most 24 h), then prints the largest and the last sampled RSS
 * and the kernel's high-water mark {@code VmHWM} (the peak since the process started, so peaks
 * between samples are not missed), all in MiB. {@code --once} takes a single sample.
 * A SIGTERM / SIGINT also ends the sampling and prints the summary.
 *
 * <p>Exit status: 0 on success, 1 when not even one sample could be read, 2 on bad options.
 */
public final class RssSampler {

    private RssSampler() {
    }

    /**
     * One reading of {@code /proc/PID/status}.
     *
     * @param rssKb {@code VmRSS} in KiB
     * @param hwmKb {@code VmHWM} in KiB
     */
    public record Sample(long rssKb, long hwmKb) {
    }

    /**
     * The summary of a sampling run.
     *
     * @param pid the process
     * @param samples how many samples were read
     * @param maxRssKb the largest sampled {@code VmRSS} in KiB
     * @param lastRssKb the last sampled {@code VmRSS} in KiB
     * @param hwmKb the last {@code VmHWM} (peak RSS since process start) in KiB
     * @param seconds how long the sampling ran
     */
    public record Summary(long pid, long samples, long maxRssKb, long lastRssKb, long hwmKb, double seconds) {

        /**
         * Returns the summary as one JSON line (sizes in MiB with one decimal).
         *
         * @return the summary as one JSON line (sizes in MiB with one decimal)
         */
        public String toJson() {
            return String.format(Locale.ROOT,
                "{\"pid\":%d,\"samples\":%d,\"maxRssMb\":%.1f,\"lastRssMb\":%.1f,\"hwmMb\":%.1f,\"seconds\":%.1f}",
                pid, samples, maxRssKb / 1024.0, lastRssKb / 1024.0, hwmKb / 1024.0, seconds);
        }

        /**
         * Returns the summary as one line of text (sizes in MiB).
         *
         * @return the summary as one line of text (sizes in MiB)
         */
        public String toText() {
            return String.format(Locale.ROOT,
                "pid %d: max RSS %.1f MB, last RSS %.1f MB, VmHWM %.1f MB (%d samples over %.1f s)",
                pid, maxRssKb / 1024.0, lastRssKb / 1024.0, hwmKb / 1024.0, samples, seconds);
        }
    }

    /**
     * Reads {@code VmRSS} and {@code VmHWM} of a process.
     *
     * @param pid the process id
     * @return the sample, or null if the process is gone or has no memory (a zombie)
     */
    public static Sample read(long pid) {
        String text;
        try {
            text = Files.readString(Path.of("/proc", Long.toString(pid), "status"), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return null;
        }
        long rss = -1;
        long hwm = -1;
        for (String line : text.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                rss = kb(line);
            } else if (line.startsWith("VmHWM:")) {
                hwm = kb(line);
            }
        }
        return rss < 0 ? null : new Sample(rss, Math.max(hwm, rss));
    }

    private static long kb(String line) {
        String[] parts = line.substring(line.indexOf(':') + 1).trim().split("\\s+");
        try {
            return Long.parseLong(parts[0]);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Mutable running state, shared with the shutdown hook. */
    private static final class State {
        long samples;
        long maxRss;
        long lastRss;
        long hwm;
        final long startNanos = System.nanoTime();
        volatile boolean done;
    }

    /**
     * Runs the sampler from the command line.
     *
     * @param args see the class description
     */
    public static void main(String[] args) {
        long pid = -1;
        long intervalMs = 200;
        double durationS = 24 * 3600;
        Path stopFile = null;
        boolean once = false;
        boolean json = false;
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--once" -> once = true;
                    case "--json" -> json = true;
                    case "-h", "--help" -> {
                        System.out.println(
                            "usage: RssSampler --pid N [--interval-ms 200] [--duration-s N] [--stop-file F] [--once] [--json]");
                        return;
                    }
                    case "--pid", "--interval-ms", "--duration-s", "--stop-file" -> {
                        if (i + 1 >= args.length) {
                            throw new IllegalArgumentException(a + " needs a value");
                        }
                        String v = args[++i];
                        switch (a) {
                            case "--pid" -> pid = Long.parseLong(v);
                            case "--interval-ms" -> intervalMs = Long.parseLong(v);
                            case "--duration-s" -> durationS = Double.parseDouble(v);
                            default -> stopFile = Path.of(v);
                        }
                    }
                    default -> throw new IllegalArgumentException("unknown option " + a);
                }
            }
            if (pid <= 0) {
                throw new IllegalArgumentException("--pid N is required");
            }
            if (intervalMs < 1 || intervalMs > 60_000) {
                throw new IllegalArgumentException("--interval-ms must be in [1, 60000]");
            }
            if (!(durationS > 0 && durationS <= 24 * 3600)) {
                throw new IllegalArgumentException("--duration-s must be in (0, 86400]");
            }
        } catch (NumberFormatException e) {
            System.err.println("rss-sampler: bad number: " + e.getMessage());
            System.exit(2);
            return;
        } catch (IllegalArgumentException e) {
            System.err.println("rss-sampler: " + e.getMessage());
            System.exit(2);
            return;
        }

        final long thePid = pid;
        final boolean asJson = json;
        State st = new State();
        Thread hook = new Thread(() -> {
            if (!st.done) {
                st.done = true;
                report(thePid, st, asJson);
            }
        });
        Runtime.getRuntime().addShutdownHook(hook);

        long deadline = st.startNanos + (long) (durationS * 1e9);
        while (true) {
            Sample s = read(thePid);
            if (s == null) {
                break;
            }
            synchronized (st) {
                st.samples++;
                st.lastRss = s.rssKb();
                st.maxRss = Math.max(st.maxRss, s.rssKb());
                st.hwm = Math.max(st.hwm, s.hwmKb());
            }
            if (once || System.nanoTime() - deadline >= 0 || (stopFile != null && Files.exists(stopFile))) {
                break;
            }
            try {
                long sleep = Math.min(intervalMs, Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
                Thread.sleep(sleep);
            } catch (InterruptedException e) {
                break;
            }
        }
        boolean any;
        synchronized (st) {
            any = st.samples > 0;
        }
        if (!st.done) {
            st.done = true;
            report(thePid, st, asJson);
        }
        if (!any) {
            System.err.println("rss-sampler: cannot read /proc/" + thePid + "/status");
            System.exit(1);
        }
    }

    private static void report(long pid, State st, boolean json) {
        Summary sum;
        synchronized (st) {
            sum = new Summary(pid, st.samples, st.maxRss, st.lastRss, st.hwm, (System.nanoTime() - st.startNanos) / 1e9);
        }
        System.out.println(json ? sum.toJson() : sum.toText());
        System.out.flush();
    }
}
