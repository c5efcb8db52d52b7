package ai.openclaw.cli;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.net.URL;
import java.util.Locale;
import org.slf4j.LoggerFactory;

/**
 * The gateway's log format (issue 16): {@code text} (the default, {@code logback.xml}) or {@code json} — one JSON
 * object a line from logback's {@code JsonEncoder} ({@code logback-json.xml}), with the access log on: every request
 * as a line whose {@code mdc} carries {@code requestId}, {@code route}, {@code method}, {@code status},
 * {@code principal} and {@code durationMs}.
 */
final class LogFormat {
    private LogFormat() {
    }

    /**
     * Switches logging to a format.
     *
     * @param format {@code text} or {@code json} (case-insensitive), or null for the default
     * @throws IllegalArgumentException for any other value
     */
    static void apply(String format) {
        if (format == null || format.equalsIgnoreCase("text")) {
            return;
        }
        if (!format.toLowerCase(Locale.ROOT).equals("json")) {
            throw new IllegalArgumentException("--log-format must be 'text' or 'json', not '" + format + "'");
        }
        URL config = LogFormat.class.getClassLoader().getResource("logback-json.xml");
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context) || config == null) {
            return;
        }
        context.reset();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(config);
        } catch (JoranException e) {
            throw new IllegalStateException("cannot configure JSON logging: " + e.getMessage(), e);
        }
    }
}
