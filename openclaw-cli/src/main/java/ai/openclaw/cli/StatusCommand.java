package ai.openclaw.cli;

import ai.openclaw.sdk.OpenClawApiException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code openclaw status}: asks the running gateway for its status (through the Java SDK). */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Show the running gateway's status.")
final class StatusCommand implements Callable<Integer> {
    @Option(names = "--url", description = "Gateway URL (default: http://127.0.0.1:<gateway.port>).")
    String url;

    @Option(names = "--json", description = "Print the status as JSON (the answer's data).")
    boolean json;

    @Override
    public Integer call() {
        String base = Cli.baseUrl(url);
        JsonNode d;
        try {
            d = Cli.client(url).status();
        } catch (OpenClawApiException e) {
            System.err.println("error: " + Cli.describe(e));
            return 1;
        }
        if (json) {
            System.out.println(d.toString());
            return 0;
        }
        System.out.println("gateway   " + d.path("gateway").path("status").asText() + " at " + base + " (version "
                + d.path("gateway").path("version").asText() + ", up " + d.path("gateway").path("uptime").asLong()
                + " s)");
        System.out.println("model     " + d.path("models").path("default").asText()
                + (d.path("models").path("offline").asBoolean() ? " (offline responder: configure a provider)" : ""));
        System.out.println("sessions  " + d.path("sessions").path("active").asLong() + " active, "
                + d.path("sessions").path("total").asLong() + " total");
        return 0;
    }
}
