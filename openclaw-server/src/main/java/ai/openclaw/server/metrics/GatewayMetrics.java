package ai.openclaw.server.metrics;

import ai.openclaw.auth.Principal;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The gateway's Prometheus metrics (issue 16): one {@link PrometheusMeterRegistry} per gateway, with JVM and process
 * metrics, HTTP requests by route template, method, status and dialect, rate-limit rejections by plan and the open
 * SSE streams. The registry also joins Micrometer's global registry while the gateway runs, so core code that
 * records through {@code Metrics.globalRegistry} (turns, tool calls, model calls) shows up in the same scrape.
 *
 * <p>Labels are low-cardinality by construction: route templates ({@code /v2/conversations/{id}}), never raw paths,
 * session ids or user text. Not thread-confined: every method may be called from any request thread.
 */
public final class GatewayMetrics implements AutoCloseable {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final AtomicInteger openStreams = new AtomicInteger();
    private final JvmGcMetrics gc = new JvmGcMetrics();

    /** Creates the registry, binds the JVM and process metrics and joins the global registry. */
    public GatewayMetrics() {
        // Micrometer's process.cpu.time is exported as process_cpu_time_ns_total, which promtool's lint refuses
        // (abbreviated unit); the Prometheus-standard process_cpu_seconds_total below replaces it.
        registry.config().meterFilter(io.micrometer.core.instrument.config.MeterFilter.denyNameStartsWith(
                "process.cpu.time"));
        // system_cpu_count: promtool refuses a gauge ending in _count
        registry.config().meterFilter(new io.micrometer.core.instrument.config.MeterFilter() {
            @Override
            public io.micrometer.core.instrument.Meter.Id map(io.micrometer.core.instrument.Meter.Id id) {
                return id.getName().equals("system.cpu.count") ? id.withName("system.cpus") : id;
            }
        });
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            io.micrometer.core.instrument.FunctionCounter.builder("process.cpu", os,
                            o -> o.getProcessCpuTime() / 1e9).baseUnit("seconds")
                    .description("CPU time used by the gateway process").register(registry);
        }
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        io.micrometer.core.instrument.Gauge.builder("openclaw_sse_streams_active", openStreams, AtomicInteger::get)
                .description("Server-Sent-Events streams open now").register(registry);
        Metrics.addRegistry(registry);
    }

    /** The registry, for binding further meters (e.g. {@link BacklogGauges}). */
    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** The Prometheus text exposition (format 0.0.4) of every meter. */
    public String scrape() {
        return registry.scrape();
    }

    /** The request timers by route template, method and status (route templates are few: a bounded map). */
    private final java.util.concurrent.ConcurrentMap<java.util.List<Object>, Timer> httpTimers =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Records one finished HTTP request.
     *
     * @param route the matched route template, e.g. {@code /v2/conversations/{id}}; null when no route matched
     * @param method the HTTP method
     * @param status the response status code
     * @param duration how long the request took
     * @param principal the authenticated caller, or null (for the plan of a 429)
     */
    public void recordHttp(String route, String method, int status, Duration duration, Principal principal) {
        String template = route == null ? "unmatched" : route;
        httpTimers.computeIfAbsent(java.util.List.of(template, method, status), k -> Timer.builder(
                        "openclaw_http_requests")
                .description("HTTP requests by route template, method, status and dialect")
                .tags(Tags.of("route", template, "method", method, "status", Integer.toString(status),
                        "dialect", Dialects.of(template)))
                .publishPercentileHistogram()
                .register(registry))
                .record(duration);
        if (status == 429) {
            Counter.builder("openclaw_rate_limit_rejections")
                    .description("Requests refused with 429 RATE_LIMIT_EXCEEDED, by the caller's plan")
                    .tag("plan", principal == null ? "unauthenticated" : principal.plan())
                    .register(registry).increment();
        }
    }

    /** Counts an SSE stream as open; call {@link #streamClosed()} when it ends. */
    public void streamOpened() {
        openStreams.incrementAndGet();
    }

    /** Counts an SSE stream as closed. */
    public void streamClosed() {
        openStreams.decrementAndGet();
    }

    /** Leaves the global registry and closes the meters. */
    @Override
    public void close() {
        Metrics.removeRegistry(registry);
        gc.close();
        registry.close();
    }
}
