package ai.openclaw.cli;

import ai.openclaw.sdk.OpenClawApiException;
import ai.openclaw.sdk.OpenClawClient;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code openclaw chat "message"}: sends one message to the running gateway (through the Java SDK). */
@Command(name = "chat", mixinStandardHelpOptions = true,
        description = "Send a message to the running gateway (POST /api/v1/message) and print the reply.")
final class ChatCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "MESSAGE", description = "The message text.")
    String message;

    @Option(names = "--session", description = "Session id or key (default: default).")
    String session;

    @Option(names = "--stream", description = "Print the reply as it streams.")
    boolean stream;

    @Option(names = "--model", description = "provider/model for this message.")
    String model;

    @Option(names = "--url", description = "Gateway URL (default: http://127.0.0.1:<gateway.port>).")
    String url;

    @Override
    public Integer call() {
        OpenClawClient client = Cli.client(url);
        String s = session == null ? "default" : session;
        if (!stream) {
            try {
                System.out.println(client.message().send(message, s, model).text());
                return 0;
            } catch (OpenClawApiException e) {
                System.err.println("error: " + Cli.describe(e));
                return 1;
            }
        }
        boolean started = false;
        try (Stream<String> pieces = client.message().stream(message, s, model)) {
            started = true;
            pieces.forEach(p -> {
                System.out.print(p);
                System.out.flush();
            });
            System.out.println();
            return 0;
        } catch (OpenClawApiException e) {
            if (started) {
                System.out.println();
            }
            System.err.println("error: " + Cli.describe(e));
            return 1;
        }
    }
}
