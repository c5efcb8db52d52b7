package ai.openclaw.cli;

import ai.openclaw.migration.ApiMigration;
import ai.openclaw.migration.ApiUsage;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code openclaw api check-compatibility --from v1 --to v2 [--scan DIR]…} (seed 003, 迁移指南): lists each v1 usage in
 * the config and in client sources with its v2 replacement. Exit 0 when compatible, 1 when changes are needed, 2 when
 * the check could not run (bad flags, a config that is not YAML, a missing directory).
 */
@Command(name = "check-compatibility", mixinStandardHelpOptions = true,
        description = {"List each v1 API usage in config.yaml (and, with --scan, in client source files) with its v2 "
                + "replacement (seed 003: /chat -> /conversations/{id}/messages, session_id -> conversation_id, "
                + "bot_id -> agent_id, limited streaming -> SSE).",
                "Exit status: 0 compatible, 1 changes needed, 2 the check could not run."},
        exitCodeOnInvalidInput = 2, exitCodeOnExecutionException = 2)
final class ApiCompatibilityCommand implements Callable<Integer> {
    @Option(names = "--from", paramLabel = "VERSION", defaultValue = "v1", description = "API version migrated from "
            + "(default: ${DEFAULT-VALUE}; the only one).")
    String from;

    @Option(names = "--to", paramLabel = "VERSION", defaultValue = "v2", description = "API version migrated to "
            + "(default: ${DEFAULT-VALUE}).")
    String to;

    @Option(names = "--scan", paramLabel = "DIR", description = "Also scan the client sources under DIR (or one file); "
            + "repeatable. Skips node_modules, .git, target, build, dist, venv.")
    List<Path> scan = new ArrayList<>();

    @Option(names = "--config", paramLabel = "FILE", description = "The config file (default: the state dir's "
            + "config.yaml, or $OPENCLAW_CONFIG_PATH).")
    Path config;

    @Option(names = "--json", description = "Print {compatible, usages: [...]} as JSON.")
    boolean json;

    @Override
    public Integer call() {
        try {
            ApiMigration.checkVersions(from, to);
            Path file = config != null ? config : Cli.paths().configFile();
            List<ApiUsage> inConfig = ApiMigration.checkConfig(file);
            List<ApiUsage> inSources = new ArrayList<>();
            long scanned = 0;
            for (Path dir : scan) {
                inSources.addAll(ApiMigration.scan(dir, Path.of("").toAbsolutePath()));
                scanned += ApiMigration.sourceFiles(dir);
            }
            boolean compatible = inConfig.isEmpty() && inSources.isEmpty();
            if (json) {
                printJson(compatible, inConfig, inSources);
            } else {
                print(file, compatible, inConfig, inSources, scanned);
            }
            return compatible ? 0 : 1;
        } catch (IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
            System.err.println("error: " + e.getMessage());
            return 2;
        }
    }

    private void print(Path file, boolean compatible, List<ApiUsage> inConfig, List<ApiUsage> inSources,
                       long scanned) {
        String where = file + (scan.isEmpty() ? "" : " and " + scanned + " source file(s) under "
                + String.join(", ", scan.stream().map(Path::toString).toList()));
        if (compatible) {
            System.out.println("compatible with " + to + ": no " + from + " usages in " + where);
            return;
        }
        System.out.println(from + " usages to change for " + to + " (seed 003 迁移指南) in " + where + ":");
        for (ApiUsage u : inConfig) {
            System.out.println("  " + u.format());
        }
        for (ApiUsage u : inSources) {
            System.out.println("  " + u.format());
        }
        long auto = inConfig.stream().filter(ApiUsage::automatic).count();
        System.out.println((inConfig.size() + inSources.size()) + " change(s) needed: " + auto
                + " in the config rewritten by 'openclaw api migrate --from " + from + " --to " + to + "', "
                + (inConfig.size() + inSources.size() - auto) + " to change by hand");
    }

    private static void printJson(boolean compatible, List<ApiUsage> inConfig, List<ApiUsage> inSources) {
        ObjectMapper m = new ObjectMapper();
        ObjectNode out = m.createObjectNode();
        out.put("compatible", compatible);
        ArrayNode usages = out.putArray("usages");
        for (ApiUsage u : inConfig) {
            usages.add(((ObjectNode) m.valueToTree(u)).put("source", "config"));
        }
        for (ApiUsage u : inSources) {
            usages.add(((ObjectNode) m.valueToTree(u)).put("source", "scan"));
        }
        System.out.println(out.toPrettyString());
    }
}
