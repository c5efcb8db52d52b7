package ai.openclaw.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code openclaw} command line: {@code gateway}, {@code status}, {@code config}, {@code auth}, {@code api},
 * {@code chat}. Every command has {@code --help}.
 */
@Command(name = "openclaw", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "OpenClaw gateway: an AI-agent gateway speaking the OpenClaw HTTP APIs.",
        subcommands = {GatewayCommand.class, StatusCommand.class, ConfigCommand.class, AuthCommand.class,
                ApiCommand.class, ChatCommand.class, CronCommand.class,
                DevicesCommand.class, DashboardCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Runs the CLI and exits with the command's status. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI and returns the exit status (for tests). */
    public static int run(String... args) {
        return new CommandLine(new Main()).setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return 1;
        }).execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Prints the gateway version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"openclaw " + ai.openclaw.server.Gateway.VERSION};
        }
    }
}
