package ai.openclaw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
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
}
