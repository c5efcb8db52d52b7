package ai.openclaw.cli;

import ai.openclaw.server.Gateway;
import ai.openclaw.server.GatewayOptions;
import java.util.concurrent.CountDownLatch;
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

    @Override
    public void run() {
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
