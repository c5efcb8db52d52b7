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
        boolean gateway = args.length > 0 && args[0].equals("gateway");
        if (gateway) {
            java.util.Optional<GatewayArgs> quick = GatewayArgs.parse(java.util.List.of(args).subList(1, args.length));
            if (quick.isPresent()) {
                return runGateway(GatewayCommand.warmingUp(false).with(quick.get()));
            }
        }
        CommandLine cli = gateway ? gatewayOnly() : new CommandLine(new Main());
        return cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println(errorLine(e));
            return 1;
        }).execute(args);
    }

    /** Runs {@code gateway} parsed without picocli, with the exit status and error line picocli's run would give. */
    private static int runGateway(GatewayCommand command) {
        try {
            command.run();
            return 0;
        } catch (RuntimeException e) {
            System.err.println(errorLine(e));
            System.err.flush();
            return 1;
        }
    }

    private static String errorLine(Exception e) {
        return "error: " + (e.getMessage() == null ? e.toString() : e.getMessage());
    }

    /**
     * The command line for {@code openclaw gateway …}: {@code openclaw} with only its {@code gateway} subcommand, so
     * that the gateway's start does not wait for picocli to build, by reflection, the model of every other command
     * (about 0.3 s). It parses and prints help for {@code gateway} exactly as the full command line does. Logging
     * initialises on a helper thread meanwhile ({@link GatewayCommand#warmingUp}).
     */
    static CommandLine gatewayOnly() {
        CommandLine.Model.CommandSpec root = CommandLine.Model.CommandSpec.create().name("openclaw");
        root.addSubcommand("gateway", new CommandLine(GatewayCommand.warmingUp(true)));
        return new CommandLine(root);
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
