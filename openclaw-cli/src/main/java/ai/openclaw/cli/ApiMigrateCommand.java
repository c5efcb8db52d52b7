package ai.openclaw.cli;

import ai.openclaw.config.ConfigDocument;
import ai.openclaw.config.GatewayConfig;
import ai.openclaw.migration.ApiMigration;
import ai.openclaw.migration.ApiUsage;
import ai.openclaw.migration.ConfigMigration;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code openclaw api migrate --from v1 --to v2 [--dry-run]} (seed 003, 迁移指南): renames the config's v1 keys to
 * their v2 spellings in place (comments and layout kept), after copying the file to {@code config.yaml.v1.bak}.
 * Running it again changes nothing. Exit 0 when the config is then v2-clean, 1 when usages remain that need a hand
 * edit (listed), 2 when it could not run.
 */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = {"Rewrite config.yaml's v1 spellings to v2 (session_id -> conversation_id, bot_id -> agent_id), "
                + "keeping comments and layout; the old file is kept as config.yaml.v1.bak. Idempotent.",
                "Exit status: 0 the config is v2-compatible, 1 usages remain that need a hand edit, 2 it could not "
                        + "run."},
        exitCodeOnInvalidInput = 2, exitCodeOnExecutionException = 2)
final class ApiMigrateCommand implements Callable<Integer> {
    @Option(names = "--from", paramLabel = "VERSION", defaultValue = "v1", description = "API version migrated from "
            + "(default: ${DEFAULT-VALUE}).")
    String from;

    @Option(names = "--to", paramLabel = "VERSION", defaultValue = "v2", description = "API version migrated to "
            + "(default: ${DEFAULT-VALUE}).")
    String to;

    @Option(names = "--dry-run", description = "Print what would change; write nothing.")
    boolean dryRun;

    @Option(names = "--config", paramLabel = "FILE", description = "The config file (default: the state dir's "
            + "config.yaml, or $OPENCLAW_CONFIG_PATH).")
    Path config;

    @Override
    public Integer call() {
        try {
            ApiMigration.checkVersions(from, to);
            Path file = config != null ? config : Cli.paths().configFile();
            ConfigMigration m = ApiMigration.migrateConfig(file);
            String verb = dryRun ? "would rename" : "renamed";
            for (ApiUsage u : m.rewritten()) {
                System.out.println(verb + " " + u.file() + ":" + u.line() + ": " + u.at() + ": " + u.found() + " → "
                        + u.replacement());
            }
            if (!m.changes()) {
                System.out.println("nothing to migrate in " + file + ": it uses no " + from + " keys");
            } else if (dryRun) {
                System.out.println("dry run: " + file + " not changed (" + m.rewritten().size() + " key(s) would be "
                        + "renamed)");
            } else {
                // refuse a result the gateway could not start with, before touching the file
                ConfigDocument check = ConfigDocument.load(file, Cli.env());
                check.replace(ai.openclaw.config.YamlEdits.parse(m.after()));
                GatewayConfig.from(check);
                Path backup = file.resolveSibling(file.getFileName() + "." + from + ".bak");
                ConfigDocument.writeFile(backup, m.before());
                ConfigDocument.writeFile(file, m.after());
                System.out.println("migrated " + file + " to " + to + " (" + m.rewritten().size()
                        + " key(s) renamed); the previous file is " + backup);
            }
            for (ApiUsage u : m.manual()) {
                System.out.println("change by hand: " + u.format());
            }
            return m.manual().isEmpty() ? 0 : 1;
        } catch (IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
            System.err.println("error: " + e.getMessage());
            return 2;
        }
    }
}
