package ai.openclaw.testkit.fake;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * The command-line entry point that runs a {@link FakeProvider} as a stand-alone upstream for benchmarks.
 *
 * <p>Usage: {@code FakeProviderMain [--port N] [--reply TEXT] [--delay-ms N] [--stream-chunks N]}.
 * Every chat request (OpenAI or Anthropic, streamed or not) is answered with the fixed reply text
 * after the given server-side delay. Requests are not recorded, so memory stays flat however long
 * it runs. When ready it prints exactly one line, {@code fake provider listening on
 * http://127.0.0.1:PORT}, and then serves until the process is killed.
 */
public final class FakeProviderMain {

    private static final String USAGE = """
            usage: FakeProviderMain [--port N] [--reply TEXT] [--delay-ms N] [--stream-chunks N]
              --port N           TCP port on 127.0.0.1 (default 0: a free port)
              --reply TEXT       the reply text of every chat request (default "pong")
              --delay-ms N       server-side think time before each answer (default 0)
              --stream-chunks N  SSE content deltas per streamed reply (default: one per word)""";

    private FakeProviderMain() {}

    /** Parses the arguments, starts the provider, prints the ready line and blocks until the process is killed. */
    public static void main(String[] args) throws InterruptedException {
        Settings settings;
        try {
            settings = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        if (settings == null) {
            System.out.println(USAGE);
            return;
        }
        FakeProvider provider = FakeProvider.start(new FakeProvider.Options(
                settings.port(), false, settings.streamChunks()));
        FakeReply reply = FakeReply.text(settings.reply());
        if (settings.delayMs() > 0) {
            reply = FakeReply.delayed(Duration.ofMillis(settings.delayMs()), reply);
        }
        provider.setDefaultReply(reply);
        Runtime.getRuntime().addShutdownHook(new Thread(provider::close, "fake-provider-shutdown"));
        System.out.println("fake provider listening on " + provider.rootUrl());
        System.out.flush();
        new CountDownLatch(1).await();
    }

    /** The parsed command line. */
    record Settings(int port, String reply, long delayMs, int streamChunks) {}

    /** Parses the command line; returns null when help was asked for. */
    static Settings parse(String[] args) {
        int port = 0;
        String reply = "pong";
        long delayMs = 0;
        int streamChunks = 0;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            if (name.equals("--help") || name.equals("-h")) {
                return null;
            }
            if (!name.equals("--port") && !name.equals("--reply")
                    && !name.equals("--delay-ms") && !name.equals("--stream-chunks")) {
                throw new IllegalArgumentException("unknown option: " + arg);
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                value = args[++i];
            }
            switch (name) {
                case "--port" -> port = number(name, value, 0, 65535);
                case "--reply" -> reply = value;
                case "--delay-ms" -> delayMs = number(name, value, 0, Integer.MAX_VALUE);
                default -> streamChunks = number(name, value, 1, Integer.MAX_VALUE);
            }
        }
        return new Settings(port, reply, delayMs, streamChunks);
    }

    private static int number(String name, String value, int min, int max) {
        int n;
        try {
            n = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs a whole number, got '" + value + "'");
        }
        if (n < min || n > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", got " + n);
        }
        return n;
    }
}
