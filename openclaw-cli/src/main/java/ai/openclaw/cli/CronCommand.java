package ai.openclaw.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ai.openclaw.sdk.OpenClawApiException;
import ai.openclaw.sdk.OpenClawClient;
import java.util.function.Function;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code openclaw cron add|list|run|runs|rm}: manages the running gateway's cron jobs over /api/v1/cron/jobs. */
@Command(name = "cron", mixinStandardHelpOptions = true, description = "Manage cron jobs of the running gateway.",
        subcommands = {CronCommand.Add.class, CronCommand.ListJobs.class, CronCommand.Run.class,
                CronCommand.Runs.class, CronCommand.Remove.class})
final class CronCommand implements Runnable {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** Calls the gateway through the Java SDK; prints the error and returns null on failure. */
    static <T> T sdk(String url, Function<OpenClawClient, T> request) {
        try {
            return request.apply(Cli.client(url));
        } catch (OpenClawApiException e) {
            System.err.println("error: " + Cli.describe(e));
            return null;
        }
    }

    /** Parses {@code 90s}, {@code 10m}, {@code 2h}, {@code 1d} or plain milliseconds. */
    static long millis(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        long unit = 1;
        if (t.endsWith("ms")) {
            t = t.substring(0, t.length() - 2);
        } else if (t.endsWith("s")) {
            unit = 1000;
            t = t.substring(0, t.length() - 1);
        } else if (t.endsWith("m")) {
            unit = 60_000;
            t = t.substring(0, t.length() - 1);
        } else if (t.endsWith("h")) {
            unit = 3_600_000;
            t = t.substring(0, t.length() - 1);
        } else if (t.endsWith("d")) {
            unit = 86_400_000;
            t = t.substring(0, t.length() - 1);
        }
        try {
            return Long.parseLong(t.trim()) * unit;
        } catch (NumberFormatException e) {
            throw new CommandLine.ParameterException(new CommandLine(new CronCommand()),
                    "--every must look like 30s, 10m, 2h, 1d or milliseconds; got '" + s + "'");
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Create a cron job; prints its id.")
    static final class Add implements Callable<Integer> {
        @Option(names = "--name", required = true, description = "The job's name.")
        String name;
        @Option(names = "--every", description = "Fire every period: 30s, 10m, 2h, 1d or milliseconds.")
        String every;
        @Option(names = "--at", description = "Fire once at an ISO-8601 time, e.g. 2026-02-15T00:00:00Z.")
        String at;
        @Option(names = "--cron", description = "A 5-field cron expression, e.g. '0 7 * * *'.")
        String cron;
        @Option(names = "--tz", description = "Time zone of --cron (default UTC), e.g. Asia/Shanghai.")
        String tz;
        @Option(names = "--system-event", description = "Payload: publish this system event text.")
        String systemEvent;
        @Option(names = "--message", description = "Payload: run an agent turn with this message.")
        String message;
        @Option(names = "--agent", description = "The agent for --message.")
        String agent;
        @Option(names = "--session-target", description = "isolated (default), main, or a session id.")
        String sessionTarget;
        @Option(names = "--disabled", description = "Create it disabled.")
        boolean disabled;
        @Option(names = "--url", description = "Gateway URL.")
        String url;

        @Override
        public Integer call() throws Exception {
            ObjectNode body = JSON.createObjectNode().put("name", name);
            ObjectNode schedule = body.putObject("schedule");
            int kinds = (every != null ? 1 : 0) + (at != null ? 1 : 0) + (cron != null ? 1 : 0);
            if (kinds != 1) {
                System.err.println("error: give exactly one of --every, --at, --cron");
                return 2;
            }
            if (every != null) {
                schedule.put("kind", "every").put("everyMs", millis(every));
            } else if (at != null) {
                schedule.put("kind", "at").put("at", at);
            } else {
                schedule.put("kind", "cron").put("expr", cron);
                if (tz != null) {
                    schedule.put("tz", tz);
                }
            }
            if ((systemEvent == null) == (message == null)) {
                System.err.println("error: give exactly one of --system-event, --message");
                return 2;
            }
            ObjectNode payload = body.putObject("payload");
            if (systemEvent != null) {
                payload.put("kind", "systemEvent").put("text", systemEvent);
            } else {
                payload.put("kind", "agentTurn").put("message", message);
                if (agent != null) {
                    payload.put("agentId", agent);
                }
            }
            if (sessionTarget != null) {
                body.put("sessionTarget", sessionTarget);
            }
            body.put("enabled", !disabled);
            JsonNode job = sdk(url, c -> c.cron().create(body));
            if (job == null) {
                return 1;
            }
            System.out.println(job.path("id").asText());
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List cron jobs with their next run.")
    static final class ListJobs implements Callable<Integer> {
        @Option(names = "--url", description = "Gateway URL.")
        String url;

        @Override
        public Integer call() throws Exception {
            java.util.List<JsonNode> jobs = sdk(url, c -> c.cron().list());
            if (jobs == null) {
                return 1;
            }
            System.out.printf("%-26s %-20s %-9s %-28s %s%n", "ID", "NAME", "STATUS", "SCHEDULE", "NEXT RUN");
            for (JsonNode j : jobs) {
                JsonNode s = j.path("schedule");
                String sched = switch (s.path("kind").asText()) {
                    case "every" -> "every " + s.path("everyMs").asLong() + "ms";
                    case "at" -> "at " + s.path("at").asText();
                    default -> "cron " + s.path("expr").asText() + (s.has("tz") ? " " + s.path("tz").asText() : "");
                };
                System.out.printf("%-26s %-20s %-9s %-28s %s%n", j.path("id").asText(), j.path("name").asText(),
                        j.path("status").asText(), sched, j.path("nextRun").asText("-"));
            }
            return 0;
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true, description = "Run a job now; prints its output.")
    static final class Run implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "JOB_ID")
        String id;
        @Option(names = "--url", description = "Gateway URL.")
        String url;

        @Override
        public Integer call() throws Exception {
            JsonNode run = sdk(url, c -> c.cron().run(id));
            if (run == null) {
                return 1;
            }
            if (!"ok".equals(run.path("status").asText())) {
                System.err.println("error: " + run.path("error").asText());
                return 1;
            }
            System.out.println(run.path("output").asText());
            return 0;
        }
    }

    @Command(name = "runs", mixinStandardHelpOptions = true, description = "Show a job's run history.")
    static final class Runs implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "JOB_ID")
        String id;
        @Option(names = "--limit", description = "How many runs (default 20).")
        int limit = 20;
        @Option(names = "--url", description = "Gateway URL.")
        String url;

        @Override
        public Integer call() throws Exception {
            ai.openclaw.sdk.Page page = sdk(url, c -> c.cron().runs(id, limit, 0));
            if (page == null) {
                return 1;
            }
            System.out.printf("%-26s %-8s %-6s %-24s %s%n", "RUN", "TRIGGER", "STATUS", "STARTED", "OUTPUT/ERROR");
            for (JsonNode r : page.items()) {
                String text = r.path("error").isTextual() ? r.path("error").asText() : r.path("output").asText("");
                System.out.printf("%-26s %-8s %-6s %-24s %s%n", r.path("id").asText(), r.path("trigger").asText(),
                        r.path("status").asText(), r.path("startedAt").asText(), text.replace('\n', ' '));
            }
            return 0;
        }
    }

    @Command(name = "rm", mixinStandardHelpOptions = true, description = "Delete a job and its history.")
    static final class Remove implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "JOB_ID")
        String id;
        @Option(names = "--url", description = "Gateway URL.")
        String url;

        @Override
        public Integer call() throws Exception {
            if (sdk(url, c -> {
                c.cron().delete(id);
                return Boolean.TRUE;
            }) == null) {
                return 1;
            }
            System.out.println("deleted " + id);
            return 0;
        }
    }
}
