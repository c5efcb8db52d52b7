package ai.openclaw.cli;

import ai.openclaw.server.Gateway;
import ai.openclaw.server.GatewayOptions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code openclaw gateway}: runs the gateway in the foreground until interrupted. */
@Command(name = "gateway", mixinStandardHelpOptions = true,
        description = "Start the gateway in the foreground (logs 'gateway listening on http://HOST:PORT' when ready).")
final class GatewayCommand implements Runnable {
    @Option(names = "--port", paramLabel = "N", description = "Port to listen on (default: gateway.port or 18789; 0 "
            + "picks a free port).")
    Integer port;

    @Option(names = "--bind", paramLabel = "ADDR", description = "loopback (default), lan, or an IP address.")
    String bind;

    @Option(names = "--log-format", paramLabel = "FORMAT", description = "text (default) or json: one JSON object a "
            + "line, with an access log line per request (request id, route, principal, status, duration). Also "
            + "OPENCLAW_LOG_FORMAT.")
    String logFormat;

    /** Logging's initialisation under way on a helper thread, or null. */
    private final CompletableFuture<Void> logging;

    /** The command as picocli makes it for the full command line. */
    GatewayCommand() {
        this(null);
    }

    private GatewayCommand(CompletableFuture<Void> logging) {
        this.logging = logging;
    }

    /**
     * The command, with what every gateway start needs first loading on a helper thread meanwhile: the config
     * classes (Jackson's YAML mapper, the config schema), after logback's initialisation when
     * {@code initLoggingThere} (to overlap picocli's parsing; {@link #run} then waits for logging before it logs;
     * without picocli to overlap, {@link #run}'s thread initialises logging itself, beside the config classes —
     * which do not log, so slf4j's initialisation is not raced).
     */
    static GatewayCommand warmingUp(boolean initLoggingThere) {
        ExecutorService helper = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "openclaw-warm-up");
            t.setDaemon(true);
            return t;
        });
        try {
            CompletableFuture<Void> logging = initLoggingThere
                    ? CompletableFuture.runAsync(LoggerFactory::getILoggerFactory, helper) : null;
            helper.execute(GatewayCommand::loadConfigClasses);
            return new GatewayCommand(logging);
        } finally {
            helper.shutdown();
        }
    }

    /** Takes options read without picocli ({@link GatewayArgs}). */
    GatewayCommand with(GatewayArgs args) {
        port = args.port();
        bind = args.bind();
        logFormat = args.logFormat();
        return this;
    }

    private static void loadConfigClasses() {
        ClassLoader loader = GatewayCommand.class.getClassLoader();
        for (String name : List.of("ai.openclaw.config.ConfigDocument", "ai.openclaw.config.ConfigValidator")) {
            try {
                Class.forName(name, true, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                return; // only an optimisation: the gateway's start loads them (and reports a failure) itself
            }
        }
    }

    @Override
    public void run() {
        if (logging != null) {
            try {
                logging.join(); // slf4j hands a second thread substitute loggers while the first initialises it
            } catch (java.util.concurrent.CompletionException e) {
                // logging reports its own failure when the gateway first logs
            }
        }
        LogFormat.apply(logFormat != null ? logFormat : System.getenv("OPENCLAW_LOG_FORMAT"));
        Gateway gateway = Gateway.start(GatewayOptions.fromEnvironment().withListen(port, bind));
        // through the log, so that with --log-format json every line stays one JSON object
        org.slf4j.LoggerFactory.getLogger("openclaw.gateway").info("OpenClaw gateway: {}/  (Control UI; WebSocket "
                + "protocol at {}/ws; log in with: openclaw config get gateway.auth.token)", gateway.baseUrl(),
                gateway.baseUrl().replaceFirst("^http", "ws"));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            gateway.close();
            stopped.countDown();
        }, "openclaw-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
