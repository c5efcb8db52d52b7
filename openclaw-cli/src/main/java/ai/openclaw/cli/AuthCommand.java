package ai.openclaw.cli;

import ai.openclaw.config.ConfigDocument;
import ai.openclaw.util.Ids;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code openclaw auth generate-token}: rotates the gateway token. */
@Command(name = "auth", mixinStandardHelpOptions = true, description = "Manage the gateway token.",
        subcommands = {AuthCommand.GenerateToken.class})
final class AuthCommand implements Runnable {
    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    /** Generates a new gateway token and saves it to config.yaml. */
    @Command(name = "generate-token", mixinStandardHelpOptions = true,
            description = "Generate a new gateway token, save it as gateway.auth.token (file mode 0600, comments kept) "
                    + "and print it. A running gateway switches to it within a second; the old token then stops "
                    + "working.")
    static final class GenerateToken implements Callable<Integer> {
        @Override
        public Integer call() {
            ConfigDocument doc = Cli.config();
            String token = Ids.newSecret(48);
            doc.set("gateway.auth.token", token);
            doc.save();
            System.out.println(token);
            System.err.println("saved to " + doc.file() + "; a running gateway switches to it within a second");
            String env = Cli.env().get("OPENCLAW_GATEWAY_TOKEN");
            if (env != null && !env.isBlank()) {
                System.err.println("note: OPENCLAW_GATEWAY_TOKEN is set and takes precedence over the saved token");
            }
            return 0;
        }
    }
}
