package ai.openclaw.cli;

import ai.openclaw.config.ConfigDocument;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code openclaw config get|set}: reads and edits config.yaml. */
@Command(name = "config", mixinStandardHelpOptions = true, description = "Read or change config.yaml.",
        subcommands = {ConfigCommand.Get.class, ConfigCommand.Set.class, ConfigCommand.Validate.class})
final class ConfigCommand implements Runnable {
    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    /** {@code config get <dotted.path>}. */
    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Check config.yaml for unknown keys and values of the wrong type (exit 1 when any).")
    static final class Validate implements Callable<Integer> {
        @Override
        public Integer call() {
            ConfigDocument doc = Cli.config();
            java.util.List<ai.openclaw.config.ConfigProblem> problems = ai.openclaw.config.ConfigValidator.validate(
                    doc.resolved(), doc.file());
            for (ai.openclaw.config.ConfigProblem p : problems) {
                System.out.println(p.format(doc.file().toString()));
            }
            if (problems.isEmpty()) {
                System.out.println(doc.file() + ": valid");
                return 0;
            }
            System.err.println(problems.size() + " problem(s) in " + doc.file());
            return 1;
        }
    }

    @Command(name = "get", mixinStandardHelpOptions = true,
            description = "Print the value at a dotted path, e.g. gateway.auth.token (with ${VAR} substituted).")
    static final class Get implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "PATH", description = "Dotted path, e.g. gateway.port.")
        String path;

        @Override
        public Integer call() throws Exception {
            ConfigDocument doc = Cli.config();
            Optional<JsonNode> value = doc.get(path);
            if (path.equals("gateway.auth.token")) {
                String env = Cli.env().get("OPENCLAW_GATEWAY_TOKEN");
                if (env != null && !env.isBlank()) {
                    value = Optional.of(com.fasterxml.jackson.databind.node.TextNode.valueOf(env));
                }
            }
            if (value.isEmpty() || value.get().isNull()) {
                System.err.println(path + " is not set in " + doc.file());
                return 1;
            }
            JsonNode v = value.get();
            if (v.isValueNode()) {
                System.out.println(v.asText());
            } else {
                ObjectMapper yaml = new ObjectMapper(new YAMLFactory()
                        .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER));
                System.out.print(yaml.writeValueAsString(v));
            }
            return 0;
        }
    }

    /** {@code config set <dotted.path> <value>}. */
    @Command(name = "set", mixinStandardHelpOptions = true,
            description = "Set the value at a dotted path (numbers, true/false and [lists] are typed), keeping the "
                    + "file's comments and layout. A running gateway applies gateway.auth.token, gateway.rate_limit "
                    + "and gateway.cors within a second; other keys at its next start.")
    static final class Set implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "PATH", description = "Dotted path, e.g. gateway.port.")
        String path;

        @Parameters(index = "1", paramLabel = "VALUE", description = "The new value.")
        String value;

        @Override
        public Integer call() {
            ConfigDocument doc = Cli.config();
            doc.set(path, value);
            ai.openclaw.config.GatewayConfig.from(doc); // refuse values the gateway could not start with
            doc.save();
            boolean live = path.startsWith("gateway.auth") || path.startsWith("gateway.rate_limit")
                    || path.startsWith("gateway.rateLimit") || path.startsWith("gateway.cors");
            System.out.println("set " + path + " in " + doc.file() + (live ? " (a running gateway applies it within a "
                    + "second)" : " (restart the gateway to apply)"));
            return 0;
        }
    }
}
