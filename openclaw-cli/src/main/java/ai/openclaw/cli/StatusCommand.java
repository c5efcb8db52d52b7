package ai.openclaw.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code openclaw status}: asks the running gateway for its status. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Show the running gateway's status.")
final class StatusCommand implements Callable<Integer> {
    @Option(names = "--url", description = "Gateway URL (default: http://127.0.0.1:<gateway.port>).")
    String url;

    @Option(names = "--json", description = "Print the raw JSON answer.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        String base = Cli.baseUrl(url);
        HttpResponse<String> r = Cli.send(Cli.request(base, "/api/v1/status").GET().build());
        if (json) {
            System.out.println(r.body());
            return r.statusCode() == 200 ? 0 : 1;
        }
        JsonNode body = new ObjectMapper().readTree(r.body());
        if (r.statusCode() != 200) {
            System.err.println("error: " + body.path("error").path("message").asText(r.body()));
            return 1;
        }
        JsonNode d = body.path("data");
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
