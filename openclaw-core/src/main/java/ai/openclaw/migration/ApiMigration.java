package ai.openclaw.migration;

import ai.openclaw.config.YamlEdits;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The v1 → v2 migration of seed 003 (迁移指南): finds v1 spellings in the config file and in client source files and
 * rewrites the config's. The rules are the rows of seed 003's "主要变更" table: {@code /chat} →
 * {@code /conversations/{id}/messages}, {@code session_id} → {@code conversation_id}, {@code bot_id} →
 * {@code agent_id}, limited streaming ({@code /api/v1/message/stream}) → full SSE.
 *
 * <p>In the config, keys spelled {@code session_id}, {@code sessionId}, {@code bot_id} or {@code botId} are renamed
 * (except under {@code models.providers}, {@code channels}, {@code mcp}, {@code mcpServers} and {@code secrets},
 * which hold third parties' settings); endpoint URLs in values are reported for a hand edit. In sources, each line
 * naming {@code session_id}, {@code bot_id}, {@code botId}, {@code /api/v1/chat} or {@code /v1/chat} (not
 * {@code /v1/chat/completions}, the OpenAI-compatible API, which stays) or {@code /api/v1/message/stream} is one
 * usage.
 */
public final class ApiMigration {
    /** The versions this migration goes between. */
    public static final String FROM = "v1";
    /** The version it migrates to. */
    public static final String TO = "v2";
    private static final String ENDPOINT = "端点重构 (endpoint restructured)";
    private static final String NAMING = "命名统一 (naming unified)";
    private static final String STREAMING = "完整 SSE (full SSE streaming)";
    private static final Map<String, String> KEYS = Map.of("session_id", "conversation_id", "sessionId",
            "conversationId", "bot_id", "agent_id", "botId", "agentId");
    private static final Set<String> THIRD_PARTY = Set.of("models.providers", "channels", "mcp", "mcpServers",
            "secrets");
    private static final Set<String> SOURCE_EXTENSIONS = Set.of("js", "mjs", "cjs", "jsx", "ts", "tsx", "py", "go",
            "java", "kt", "rb", "php", "cs", "rs", "swift", "sh", "bash", "curl", "http", "json", "yaml", "yml", "toml",
            "env", "md", "txt", "html", "vue", "svelte");
    private static final Set<String> SKIPPED_DIRS = Set.of(".git", "node_modules", "target", "build", "dist", ".venv",
            "venv", "__pycache__", ".idea", "vendor", ".gradle", ".next");
    private static final long MAX_SOURCE_BYTES = 2L * 1024 * 1024;

    private record Rule(Pattern pattern, String replacement, String change) {
    }

    private static final List<Rule> ENDPOINT_RULES = List.of(
            new Rule(Pattern.compile("(?:/api)?/v1/message/stream(?![\\w-])"),
                    "POST /v2/conversations/{id}/messages with \"stream\": true (SSE)", STREAMING),
            new Rule(Pattern.compile("(?:/api)?/v1/chat(?!/completions)(?![\\w-])"),
                    "/v2/conversations/{id}/messages", ENDPOINT));
    private static final List<Rule> SOURCE_RULES = List.of(
            ENDPOINT_RULES.get(0), ENDPOINT_RULES.get(1),
            new Rule(Pattern.compile("\\bsession_id\\b"), "conversation_id", NAMING),
            new Rule(Pattern.compile("\\bbot_id\\b"), "agent_id", NAMING),
            new Rule(Pattern.compile("\\bbotId\\b"), "agentId", NAMING));

    private ApiMigration() {
    }

    /**
     * Checks that a migration between two versions is one this gateway knows.
     *
     * @throws IllegalArgumentException naming {@code --from} / {@code --to} unless they are {@code v1} and {@code v2}
     */
    public static void checkVersions(String from, String to) {
        if (!FROM.equalsIgnoreCase(from.strip())) {
            throw new IllegalArgumentException("--from must be v1 (the only earlier API version); got '" + from + "'");
        }
        if (!TO.equalsIgnoreCase(to.strip())) {
            throw new IllegalArgumentException("--to must be v2 (the current API version); got '" + to + "'");
        }
    }

    /**
     * The v1 usages in a config file, in file order; none when the file does not exist.
     *
     * @throws IllegalArgumentException if the file is not YAML with a mapping at the top
     * @throws UncheckedIOException if it cannot be read
     */
    public static List<ApiUsage> checkConfig(Path configFile) {
        ConfigMigration m = migrateConfig(configFile);
        List<ApiUsage> all = new ArrayList<>(m.rewritten());
        all.addAll(m.manual());
        all.sort(Comparator.comparingInt(ApiUsage::line));
        return all;
    }

    /**
     * The config file migrated in memory (nothing is written): v1 keys renamed in place, comments kept.
     *
     * @throws IllegalArgumentException if the file is not YAML with a mapping at the top
     * @throws UncheckedIOException if it cannot be read
     */
    public static ConfigMigration migrateConfig(Path configFile) {
        String text;
        try {
            text = Files.isRegularFile(configFile) ? Files.readString(configFile, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + configFile, e);
        }
        ObjectNode tree;
        try {
            tree = YamlEdits.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("config file " + configFile + " is " + e.getMessage()
                    + (e.getCause() == null ? "" : " (" + firstLine(e.getCause().getMessage()) + ")"), e);
        }
        List<List<String>> renames = new ArrayList<>();
        List<ApiUsage> rewritten = new ArrayList<>();
        List<ApiUsage> manual = new ArrayList<>();
        walk(tree, new ArrayList<>(), text, configFile.toString(), renames, rewritten, manual);
        String after = text;
        ObjectNode expected = tree.deepCopy();
        renames.sort(Comparator.comparingInt((List<String> p) -> -p.size()));
        for (List<String> p : renames) {
            after = YamlEdits.renameKey(after, p, KEYS.get(p.getLast()));
            rename(expected, p);
        }
        if (!YamlEdits.parse(after).equals(expected)) {
            throw new IllegalStateException("the config could not be rewritten in place; rename the keys listed by "
                    + "openclaw api check-compatibility by hand");
        }
        rewritten.sort(Comparator.comparingInt(ApiUsage::line));
        manual.sort(Comparator.comparingInt(ApiUsage::line));
        return new ConfigMigration(text, after, rewritten, manual);
    }

    /**
     * The v1 usages in the client sources under a directory (or in one file): files with a source-like extension,
     * up to 2 MiB, outside {@code node_modules}, {@code .git}, {@code target} and the like; in path and line order.
     *
     * @param root the directory or file to scan
     * @param shownAs how paths are shown: relative to this directory when under it
     * @throws IllegalArgumentException if {@code root} does not exist
     * @throws UncheckedIOException if the directory cannot be listed
     */
    public static List<ApiUsage> scan(Path root, Path shownAs) {
        if (!Files.exists(root)) {
            throw new IllegalArgumentException("--scan: " + root + " does not exist");
        }
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(p -> !skipped(root, p) && Files.isRegularFile(p) && isSource(p)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
        List<ApiUsage> out = new ArrayList<>();
        for (Path f : files) {
            String name = show(f, shownAs);
            String text = read(f);
            if (text == null) {
                continue;
            }
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                for (Rule r : SOURCE_RULES) {
                    Matcher m = r.pattern().matcher(lines[i]);
                    if (m.find()) {
                        out.add(new ApiUsage(name, i + 1, null, m.group(), r.replacement(), r.change(), false));
                    }
                }
            }
        }
        return out;
    }

    /** The number of source files {@link #scan} reads under a directory. */
    public static long sourceFiles(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> !skipped(root, p) && Files.isRegularFile(p) && isSource(p)).count();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
    }

    private static void walk(JsonNode node, List<String> path, String text, String file, List<List<String>> renames,
                             List<ApiUsage> rewritten, List<ApiUsage> manual) {
        String dotted = String.join(".", path);
        for (String skip : THIRD_PARTY) {
            if (dotted.equals(skip)) {
                return;
            }
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                List<String> p = new ArrayList<>(path);
                p.add(e.getKey());
                String v2 = KEYS.get(e.getKey());
                if (v2 != null) {
                    int line = YamlEdits.line(text, p);
                    if (node.has(v2)) {
                        manual.add(new ApiUsage(file, line, display(p), e.getKey(), v2 + " (already set: remove "
                                + e.getKey() + ")", NAMING, false));
                    } else {
                        renames.add(p);
                        rewritten.add(new ApiUsage(file, line, display(p), e.getKey(), v2, NAMING, true));
                    }
                }
                walk(e.getValue(), p, text, file, renames, rewritten, manual);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                List<String> p = new ArrayList<>(path);
                p.add(Integer.toString(i));
                walk(node.get(i), p, text, file, renames, rewritten, manual);
            }
        } else if (node.isTextual()) {
            for (Rule r : ENDPOINT_RULES) {
                Matcher m = r.pattern().matcher(node.textValue());
                if (m.find()) {
                    manual.add(new ApiUsage(file, YamlEdits.line(text, path), display(path), m.group(),
                            r.replacement(), r.change(), false));
                }
            }
        }
    }

    private static void rename(ObjectNode root, List<String> path) {
        JsonNode node = root;
        for (String seg : path.subList(0, path.size() - 1)) {
            node = node.isArray() ? node.get(Integer.parseInt(seg)) : node.get(seg);
        }
        ObjectNode parent = (ObjectNode) node;
        String old = path.getLast();
        ObjectNode copy = parent.deepCopy();
        parent.removeAll();
        for (Map.Entry<String, JsonNode> e : copy.properties()) {
            parent.set(e.getKey().equals(old) ? KEYS.get(old) : e.getKey(), e.getValue());
        }
    }

    /** {@code cron.jobs[0].session_id}. */
    private static String display(List<String> path) {
        StringBuilder sb = new StringBuilder();
        for (String seg : path) {
            if (seg.matches("\\d+")) {
                sb.append('[').append(seg).append(']');
            } else {
                sb.append(sb.isEmpty() ? "" : ".").append(seg);
            }
        }
        return sb.toString();
    }

    private static boolean skipped(Path root, Path p) {
        Path rel = root.relativize(p);
        for (Path part : rel) {
            if (SKIPPED_DIRS.contains(part.toString())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSource(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = n.lastIndexOf('.');
        return dot >= 0 && SOURCE_EXTENSIONS.contains(n.substring(dot + 1)) || n.equals("dockerfile");
    }

    private static String read(Path f) {
        try {
            if (Files.size(f) > MAX_SOURCE_BYTES) {
                return null;
            }
            byte[] b = Files.readAllBytes(f);
            for (byte x : b) {
                if (x == 0) {
                    return null; // binary
                }
            }
            return new String(b, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    private static String show(Path f, Path base) {
        Path abs = f.toAbsolutePath().normalize();
        Path b = base.toAbsolutePath().normalize();
        return abs.startsWith(b) ? b.relativize(abs).toString() : f.toString();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
