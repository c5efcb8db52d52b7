package ai.openclaw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code openclaw gateway …} runs on a command line holding only the gateway command: same options, same help. */
class GatewayFastPathTest {
    @Test
    void gatewayHelpIsTheFullCommandLinesHelp() {
        CommandLine full = new CommandLine(new Main()).getSubcommands().get("gateway");
        CommandLine fast = Main.gatewayOnly().getSubcommands().get("gateway");
        assertThat(fast.getUsageMessage()).isEqualTo(full.getUsageMessage())
                .startsWith("Usage: openclaw gateway [-hV] [--bind=ADDR] [--log-format=FORMAT] [--port=N]")
                .contains("--port=N", "--bind=ADDR", "--log-format=FORMAT", "-h, --help");
        assertThat(fast.getCommandSpec().qualifiedName()).isEqualTo("openclaw gateway");
    }

    @Test
    void gatewayHelpPrintsTheOptionsAndExitsZero() {
        StringWriter out = new StringWriter();
        CommandLine cli = Main.gatewayOnly();
        cli.setOut(new PrintWriter(out));
        assertThat(cli.execute("gateway", "--help")).isZero();
        assertThat(out.toString()).startsWith("Usage: openclaw gateway ").contains("--port=N").contains("--bind=ADDR");
    }

    @Test
    void gatewayOptionsParseAsOnTheFullCommandLine() {
        CommandLine.ParseResult parsed = Main.gatewayOnly().parseArgs("gateway", "--port", "0", "--bind", "lan",
                "--log-format", "json");
        GatewayCommand gateway = (GatewayCommand) parsed.subcommand().commandSpec().userObject();
        assertThat(gateway.port).isZero();
        assertThat(gateway.bind).isEqualTo("lan");
        assertThat(gateway.logFormat).isEqualTo("json");
        StringWriter err = new StringWriter();
        CommandLine cli = Main.gatewayOnly();
        cli.setErr(new PrintWriter(err));
        assertThat(cli.execute("gateway", "--bogus")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown option: '--bogus'").contains("Usage: openclaw gateway");
    }

    @Test
    void optionsReadWithoutPicocliAreWhatPicocliReads() {
        List<List<String>> handled = List.of(List.of(), List.of("--port", "0"), List.of("--port=23999"),
                List.of("--port", "18789", "--bind", "lan", "--log-format", "json"),
                List.of("--bind=127.0.0.2", "--log-format=text", "--port=1"), List.of("--bind", "a=b"),
                List.of("--log-format", "xml"));
        for (List<String> args : handled) {
            GatewayArgs quick = GatewayArgs.parse(args).orElseThrow(() -> new AssertionError("not read: " + args));
            List<String> all = new ArrayList<>(List.of("gateway"));
            all.addAll(args);
            GatewayCommand picocli = (GatewayCommand) Main.gatewayOnly().parseArgs(all.toArray(String[]::new))
                    .subcommand().commandSpec().userObject();
            assertThat(quick).as(args.toString()).isEqualTo(new GatewayArgs(picocli.port, picocli.bind,
                    picocli.logFormat));
        }
        List<List<String>> leftToPicocli = List.of(List.of("--help"), List.of("-h"), List.of("-V"),
                List.of("--version"), List.of("--port"), List.of("--port", "x"), List.of("--port", "010"),
                List.of("--port", "0x10"), List.of("--port", "-1"), List.of("--port", "1", "--port", "2"),
                List.of("--port="), List.of("--bind", "--port", "3"), List.of("--bind", "@file"), List.of("extra"),
                List.of("--bogus", "1"), List.of("--port", "1", "--"), List.of("--bind", ""),
                List.of("--port", "1234567890"), List.of("--log-format"), List.of("--bind", "a", "--bind", "b"));
        for (List<String> args : leftToPicocli) {
            assertThat(GatewayArgs.parse(args)).as(args.toString()).isEmpty();
        }
    }

    @Test
    void theQuickReaderKnowsEveryValueOptionOfTheGatewayCommand() {
        CommandLine gateway = new CommandLine(new Main()).getSubcommands().get("gateway");
        List<String> names = new ArrayList<>();
        for (CommandLine.Model.OptionSpec option : gateway.getCommandSpec().options()) {
            if (!option.usageHelp() && !option.versionHelp()) {
                names.addAll(List.of(option.names()));
                assertThat(option.arity().max()).as(option.longestName()).isEqualTo(1);
            }
        }
        // an option added to GatewayCommand and not to GatewayArgs would be left to picocli: still correct, but
        // GatewayArgs should learn it
        assertThat(names).containsExactlyInAnyOrder("--port", "--bind", "--log-format");
    }
}
