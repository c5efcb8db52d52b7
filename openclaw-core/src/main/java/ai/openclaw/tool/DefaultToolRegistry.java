package ai.openclaw.tool;

import ai.openclaw.error.ErrorCode;
import ai.openclaw.error.OpenClawException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** {@link ToolRegistry#create(ExecutorService)}. */
final class DefaultToolRegistry implements ToolRegistry {
    private final ExecutorService executor;
    private final ConcurrentHashMap<String, Tool> tools = new ConcurrentHashMap<>();
    private final SchemaValidator validator = new SchemaValidator();

    DefaultToolRegistry(ExecutorService executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    @Override
    public void register(Tool tool) {
        tools.put(tool.descriptor().name(), tool);
    }

    @Override
    public List<ToolDescriptor> list() {
        List<ToolDescriptor> out = new ArrayList<>();
        tools.values().forEach(t -> out.add(t.descriptor()));
        out.sort(Comparator.comparing(ToolDescriptor::name));
        return out;
    }

    @Override
    public Optional<Tool> find(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(tools.get(name));
    }

    @Override
    public ToolExecution execute(String name, JsonNode args, ToolContext context, Duration timeout,
                                 String fieldPrefix) {
        long started = System.nanoTime();
        String outcome = "error";
        try {
            ToolExecution done = run(name, args, context, timeout, fieldPrefix);
            outcome = "ok";
            return done;
        } catch (OpenClawException e) {
            outcome = switch (e.code()) {
                case TIMEOUT -> "timeout";
                case INVALID_REQUEST -> "invalid";
                case NOT_FOUND -> "unknown";
                default -> "error";
            };
            throw e;
        } finally {
            io.micrometer.core.instrument.Timer.builder("openclaw_tool_calls")
                    .description("Tool calls (agent turns and the tool APIs) by tool and outcome")
                    .tag("tool", find(name).isPresent() ? name : "unknown").tag("outcome", outcome)
                    .register(io.micrometer.core.instrument.Metrics.globalRegistry)
                    .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    private ToolExecution run(String name, JsonNode args, ToolContext context, Duration timeout, String fieldPrefix) {
        Tool tool = find(name).orElseThrow(() -> new OpenClawException(ErrorCode.NOT_FOUND, "unknown tool '" + name
                + "'", "GET /v1/tools lists the available tools", false, null));
        JsonNode a = args == null || args.isNull() ? JsonNodeFactory.instance.objectNode() : args;
        validator.validate(tool.descriptor(), a, fieldPrefix == null ? "" : fieldPrefix);
        long start = System.nanoTime();
        Future<Object[]> f = executor.submit(() -> {
            long before = allocated();
            JsonNode result = tool.execute(a, context);
            long after = allocated();
            return new Object[] {result, before < 0 || after < 0 ? 0L : Math.max(0, after - before)};
        });
        try {
            Object[] r = f.get(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
            JsonNode result = r[0] == null ? JsonNodeFactory.instance.nullNode() : (JsonNode) r[0];
            return new ToolExecution(name, result, (System.nanoTime() - start) / 1_000_000, (Long) r[1]);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new OpenClawException(ErrorCode.TIMEOUT, "tool '" + name + "' did not finish within "
                    + timeout.toMillis() + " ms", null, true, null);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof OpenClawException oe) {
                throw oe;
            }
            throw new OpenClawException(ErrorCode.UPSTREAM_ERROR, "tool '" + name + "' failed: " + cause.getMessage(),
                    cause.getClass().getSimpleName(), false, null);
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw new OpenClawException(ErrorCode.TIMEOUT, "tool '" + name + "' was interrupted", null, true, null);
        }
    }

    private static long allocated() {
        try {
            if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean mx) {
                return mx.getCurrentThreadAllocatedBytes();
            }
        } catch (RuntimeException | LinkageError e) {
            return -1;
        }
        return -1;
    }
}
