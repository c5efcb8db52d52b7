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

/** Renders a {@link LoadGenerator.Result} as the human-readable report and as one JSON line. */
final class LoadReport {
    private LoadReport() {
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e6);
    }

    private static String num(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
    }

    /**
     * Prints the human-readable report.
     *
     * @param r the results
     * @param out where to print
     */
    public static void printText(LoadGenerator.Result r, PrintStream out) {
        LoadGenerator.Options o = r.options();
        StringBuilder sb = new StringBuilder();
        if (o.label() != null) {
            sb.append("== ").append(o.label()).append('\n');
        }
        sb.append(o.method()).append(' ').append(o.url()).append("  connections=").append(o.connections())
            .append(o.rate() > 0 ? "  rate=" + num(o.rate()) + " req/s" : "  closed-loop")
            .append("  warmup=").append(o.warmupS()).append("s duration=").append(o.durationS()).append("s\n");
        sb.append("requests: ").append(r.requests()).append(" (ok ").append(r.ok()).append(", errors ")
            .append(r.errors()).append(": status ").append(r.statusErrors()).append(", io ").append(r.ioErrors())
            .append("), incomplete ").append(r.incomplete()).append(", warm-up ").append(r.warmupRequests())
            .append('\n');
        sb.append("throughput: ").append(num(r.throughput())).append(" req/s (2xx ").append(num(r.okThroughput()))
            .append(" req/s) over ").append(String.format(Locale.ROOT, "%.3f", r.windowS())).append(" s\n");
        LatencyHistogram h = r.latency();
        sb.append("latency ms").append(o.rate() > 0 ? " (from intended send)" : "").append(": p50 ")
            .append(ms(h.valueAtPercentile(50))).append("  p90 ").append(ms(h.valueAtPercentile(90)))
            .append("  p99 ").append(ms(h.valueAtPercentile(99))).append("  p99.9 ")
            .append(ms(h.valueAtPercentile(99.9))).append("  max ").append(ms(h.max())).append("  mean ")
            .append(ms((long) h.mean())).append('\n');
        if (o.rate() > 0) {
            LatencyHistogram s = r.service();
            sb.append("service ms (from actual send): p50 ").append(ms(s.valueAtPercentile(50))).append("  p99 ")
                .append(ms(s.valueAtPercentile(99))).append("  max ").append(ms(s.max())).append('\n');
        }
        if (o.overheadHeader() != null) {
            LatencyHistogram oh = r.overhead();
            if (oh.count() == 0) {
                sb.append(o.overheadHeader()).append(": not present in responses\n");
            } else {
                sb.append(o.overheadHeader()).append(" ms: n ").append(oh.count()).append("  p50 ")
                    .append(ms(oh.valueAtPercentile(50))).append("  p99 ").append(ms(oh.valueAtPercentile(99)))
                    .append("  max ").append(ms(oh.max())).append('\n');
            }
        }
        sb.append("status:");
        for (int s = 0; s < r.statusCounts().length; s++) {
            if (r.statusCounts()[s] > 0) {
                sb.append(' ').append(s == 0 ? "io" : Integer.toString(s)).append('=').append(r.statusCounts()[s]);
            }
        }
        sb.append('\n');
        if (r.firstError() != null) {
            sb.append("first io error: ").append(r.firstError()).append('\n');
        }
        out.print(sb);
        out.flush();
    }

    /**
     * Renders the results as one flat JSON object (nested only for {@code statusCounts}).
     *
     * @param r the results
     * @return the JSON text, without a line break
     */
    public static String toJson(LoadGenerator.Result r) {
        LoadGenerator.Options o = r.options();
        LatencyHistogram h = r.latency();
        StringBuilder sb = new StringBuilder(1024).append('{');
        field(sb, "label", o.label());
        field(sb, "url", o.url().toString());
        field(sb, "method", o.method());
        raw(sb, "connections", Long.toString(o.connections()));
        raw(sb, "rate", num(o.rate()));
        raw(sb, "warmupS", Double.toString(o.warmupS()));
        raw(sb, "durationS", Double.toString(o.durationS()));
        raw(sb, "windowS", String.format(Locale.ROOT, "%.3f", r.windowS()));
        raw(sb, "requests", Long.toString(r.requests()));
        raw(sb, "ok", Long.toString(r.ok()));
        raw(sb, "errors", Long.toString(r.errors()));
        raw(sb, "statusErrors", Long.toString(r.statusErrors()));
        raw(sb, "ioErrors", Long.toString(r.ioErrors()));
        raw(sb, "incomplete", Long.toString(r.incomplete()));
        raw(sb, "warmupRequests", Long.toString(r.warmupRequests()));
        raw(sb, "throughput", num(r.throughput()));
        raw(sb, "okThroughput", num(r.okThroughput()));
        raw(sb, "bytes", Long.toString(r.bytes()));
        raw(sb, "p50Ms", ms(h.valueAtPercentile(50)));
        raw(sb, "p90Ms", ms(h.valueAtPercentile(90)));
        raw(sb, "p99Ms", ms(h.valueAtPercentile(99)));
        raw(sb, "p999Ms", ms(h.valueAtPercentile(99.9)));
        raw(sb, "maxMs", ms(h.max()));
        raw(sb, "meanMs", ms((long) h.mean()));
        if (o.rate() > 0) {
            raw(sb, "serviceP50Ms", ms(r.service().valueAtPercentile(50)));
            raw(sb, "serviceP99Ms", ms(r.service().valueAtPercentile(99)));
        }
        if (o.overheadHeader() != null) {
            LatencyHistogram oh = r.overhead();
            field(sb, "overheadHeader", o.overheadHeader());
            raw(sb, "overheadCount", Long.toString(oh.count()));
            raw(sb, "overheadP50Ms", oh.count() == 0 ? "null" : ms(oh.valueAtPercentile(50)));
            raw(sb, "overheadP99Ms", oh.count() == 0 ? "null" : ms(oh.valueAtPercentile(99)));
            raw(sb, "overheadMaxMs", oh.count() == 0 ? "null" : ms(oh.max()));
        }
        field(sb, "firstError", r.firstError());
        sb.append("\"statusCounts\":{");
        boolean first = true;
        for (int s = 0; s < r.statusCounts().length; s++) {
            if (r.statusCounts()[s] > 0) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                sb.append('"').append(s == 0 ? "io" : Integer.toString(s)).append("\":").append(r.statusCounts()[s]);
            }
        }
        return sb.append("}}").toString();
    }

    private static void raw(StringBuilder sb, String name, String value) {
        sb.append('"').append(name).append("\":").append(value).append(',');
    }

    private static void field(StringBuilder sb, String name, String value) {
        sb.append('"').append(name).append("\":");
        if (value == null) {
            sb.append("null,");
            return;
        }
        sb.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append("\",");
    }
}
