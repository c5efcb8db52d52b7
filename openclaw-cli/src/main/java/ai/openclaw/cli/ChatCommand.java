package ai.openclaw.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code openclaw chat "message"}: sends one message to the running gateway and prints the reply. */
@Command(name = "chat", mixinStandardHelpOptions = true,
        description = "Send a message to the running gateway (POST /api/v1/message) and print the reply.")
final class ChatCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

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
    public Integer call() throws Exception {
        ObjectNode body = JSON.createObjectNode().put("text", message).put("session",
                session == null ? "default" : session);
        if (model != null) {
            body.put("model", model);
        }
        String base = Cli.baseUrl(url);
        HttpRequest.Builder req = Cli.request(base, stream ? "/api/v1/message/stream" : "/api/v1/message")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (!stream) {
            HttpResponse<String> r = Cli.send(req.build());
            JsonNode json = JSON.readTree(r.body());
            if (r.statusCode() != 200) {
                System.err.println("error: " + json.path("error").path("code").asText() + ": "
                        + json.path("error").path("message").asText() + detail(json));
                return 1;
            }
            System.out.println(json.path("data").path("text").asText());
            return 0;
        }
        HttpResponse<InputStream> r;
        try {
            r = Cli.http().send(req.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (java.net.ConnectException e) {
            System.err.println("error: the gateway is not running at " + base + " (start it with: openclaw gateway)");
            return 1;
        }
        try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
            if (r.statusCode() != 200) {
                JsonNode json = JSON.readTree(in);
                System.err.println("error: " + json.path("error").path("code").asText() + ": "
                        + json.path("error").path("message").asText() + detail(json));
                return 1;
            }
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.startsWith("data: ")) {
                    continue;
                }
                String data = line.substring(6);
                if (data.equals("[DONE]")) {
                    break;
                }
                JsonNode event = JSON.readTree(data);
                if (event.has("error")) {
                    System.out.println();
                    System.err.println("error: " + event.path("error").path("message").asText() + detail(event));
                    return 1;
                }
                System.out.print(event.path("chunk").asText());
                System.out.flush();
            }
            System.out.println();
        }
        return 0;
    }

    private static String detail(JsonNode json) {
        JsonNode d = json.path("error").path("details");
        return d.isTextual() ? " (" + d.asText() + ")" : "";
    }
}
