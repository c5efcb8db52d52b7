package ai.openclaw.cli;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The options of {@code openclaw gateway} read without picocli, for the common case only: every argument is
 * {@code --port N}, {@code --bind ADDR} or {@code --log-format FORMAT} (or {@code --opt=value}), each at most once,
 * with a plain value (a port in decimal without leading zeros; other values not empty and not starting with
 * {@code -} or {@code @}). Anything else — help, version, an unknown or repeated option, a missing or unusual
 * value — is left to picocli, which parses it (or explains the error) as always. Starting picocli costs the
 * gateway's start about 0.3 s of class loading.
 *
 * @param port {@code --port}, or null
 * @param bind {@code --bind}, or null
 * @param logFormat {@code --log-format}, or null
 */
record GatewayArgs(Integer port, String bind, String logFormat) {
    private static final Pattern PORT = Pattern.compile("0|[1-9][0-9]{0,8}");

    GatewayArgs {
        if (port != null && port < 0) {
            throw new IllegalArgumentException("port must not be negative");
        }
    }

    /**
     * Reads the arguments after {@code gateway}.
     *
     * @param args the arguments following {@code gateway}
     * @return the options, or empty when picocli must parse them
     */
    static Optional<GatewayArgs> parse(List<String> args) {
        String port = null;
        String bind = null;
        String logFormat = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg;
            String value;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                return Optional.empty();
            }
            if (value.isEmpty() || value.startsWith("-") || value.startsWith("@")) {
                return Optional.empty();
            }
            switch (name) {
                case "--port" -> {
                    if (port != null || !PORT.matcher(value).matches()) {
                        return Optional.empty();
                    }
                    port = value;
                }
                case "--bind" -> {
                    if (bind != null) {
                        return Optional.empty();
                    }
                    bind = value;
                }
                case "--log-format" -> {
                    if (logFormat != null) {
                        return Optional.empty();
                    }
                    logFormat = value;
                }
                default -> {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(new GatewayArgs(port == null ? null : Integer.valueOf(port), bind, logFormat));
    }
}
