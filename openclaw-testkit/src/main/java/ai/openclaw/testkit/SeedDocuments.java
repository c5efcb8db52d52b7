package ai.openclaw.testkit;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The five seed documents (the project's API spec, {@code shared/seeds/NNN_*.txt} beside the repository) as a test
 * reads them: their lines, the code examples between two anchor lines, and the endpoints they list with the JSON
 * request and response examples printed under each.
 */
public final class SeedDocuments {
    private static final ObjectMapper LENIENT = JsonMapper.builder().enable(JsonParser.Feature.ALLOW_COMMENTS)
            .enable(JsonParser.Feature.ALLOW_SINGLE_QUOTES).build();
    /** An endpoint line: {@code POST /path}, {@code 端点: GET /path}, or an http block's request line. */
    private static final Pattern ENDPOINT = Pattern.compile(
            "^(?:端点:\\s*)?(GET|POST|PUT|PATCH|DELETE)\\s+(/[^\\s`]*)\\s*$");

    private final Path dir;
    private final Map<Integer, List<String>> lines;

    private SeedDocuments(Path dir, Map<Integer, List<String>> lines) {
        this.dir = dir;
        this.lines = lines;
    }

    /**
     * The seeds directory: system property {@code openclaw.seeds}, else variable {@code OPENCLAW_SEEDS_DIR}, else the
     * first {@code shared/seeds} beside the repository or one of its parents (CI clones the repository with
     * {@code shared/} beside it).
     *
     * @return the directory, or empty when no seeds are present
     */
    public static Optional<Path> locate() {
        String configured = System.getProperty("openclaw.seeds", System.getenv("OPENCLAW_SEEDS_DIR"));
        if (configured != null && !configured.isBlank()) {
            Path p = Path.of(configured);
            return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path seeds = p.resolve("shared/seeds");
            if (Files.isDirectory(seeds)) {
                return Optional.of(seeds);
            }
        }
        return Optional.empty();
    }

    /**
     * Reads {@code 000_*.txt} … {@code 004_*.txt} from a seeds directory.
     *
     * @param dir the directory
     * @throws UncheckedIOException when a seed cannot be read
     * @throws IllegalStateException when one of the five is missing
     */
    public static SeedDocuments load(Path dir) {
        Map<Integer, List<String>> lines = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                Matcher m = Pattern.compile("^(\\d{3})_.*\\.txt$").matcher(f.getFileName().toString());
                if (m.matches()) {
                    lines.put(Integer.parseInt(m.group(1)), Files.readAllLines(f, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the seeds in " + dir, e);
        }
        for (int i = 0; i <= 4; i++) {
            if (!lines.containsKey(i)) {
                throw new IllegalStateException("seed " + i + " is missing in " + dir);
            }
        }
        return new SeedDocuments(dir, lines);
    }

    /** The directory the seeds were read from. */
    public Path dir() {
        return dir;
    }

    /** Seed {@code seed}'s lines (0-based indexes), unchanged. */
    public List<String> lines(int seed) {
        List<String> l = lines.get(seed);
        if (l == null) {
            throw new IllegalArgumentException("no seed " + seed);
        }
        return l;
    }

    /**
     * One example as printed: the lines from the {@code occurrence}-th line (1-based) whose stripped text starts with
     * {@code first}, to the next line at or after it whose stripped text starts with {@code last}, both included.
     *
     * @throws IllegalStateException when an anchor is not found (the seed changed)
     */
    public Snippet snippet(int seed, String first, int occurrence, String last) {
        List<String> l = lines(seed);
        int seen = 0;
        for (int i = 0; i < l.size(); i++) {
            if (l.get(i).strip().startsWith(first) && ++seen == occurrence) {
                for (int j = i; j < l.size(); j++) {
                    if (l.get(j).strip().startsWith(last)) {
                        return new Snippet(seed, i, j, String.join("\n", l.subList(i, j + 1)) + "\n");
                    }
                }
                throw new IllegalStateException("seed " + seed + ": no line starting '" + last + "' after '" + first + "'");
            }
        }
        throw new IllegalStateException("seed " + seed + ": line starting '" + first + "' #" + occurrence + " not found");
    }

    /**
     * The endpoints seed {@code seed} lists, in order, each with the JSON printed right under it: the request body
     * (after a POST/PUT/PATCH line or a "请求参数" label) and the response example (after a GET line or a "响应" label).
     * Markdown fences and language labels between them are skipped.
     */
    public List<Operation> operations(int seed) {
        List<String> l = lines(seed);
        List<Operation> out = new ArrayList<>();
        int i = 0;
        String method = null;
        String path = null;
        int at = -1;
        String request = null;
        String response = null;
        boolean wantResponse = false;
        boolean fenced = false;
        String previous = "";
        while (i < l.size()) {
            String s = l.get(i).strip();
            if (s.startsWith("```")) {
                fenced = !fenced;
            }
            Matcher m = ENDPOINT.matcher(s);
            if (m.matches()) {
                if (method != null) {
                    out.add(new Operation(seed, at, method, path, request, response));
                }
                method = m.group(1);
                path = m.group(2);
                at = i;
                request = null;
                response = null;
                wantResponse = method.equals("GET") || method.equals("DELETE");
                i++;
                continue;
            }
            if (method != null && (s.startsWith("响应") || s.startsWith("**响应"))) {
                wantResponse = true;
            } else if (method != null && (s.startsWith("请求参数") || s.startsWith("**请求"))) {
                wantResponse = false;
            } else if (method != null && (s.equals("{") || s.equals("["))) {
                int end = balanced(l, i);
                String json = String.join("\n", l.subList(i, end + 1));
                if (wantResponse && response == null) {
                    response = json;
                } else if (!wantResponse && request == null) {
                    request = json;
                    wantResponse = true;
                }
                i = end + 1;
                continue;
            } else if (method != null && s.startsWith("#") && !fenced && !previous.equals("bash")) {
                // a new section (not a shell comment) ends the endpoint's examples
                out.add(new Operation(seed, at, method, path, request, response));
                method = null;
            }
            if (!s.isEmpty()) {
                previous = s;
            }
            i++;
        }
        if (method != null) {
            out.add(new Operation(seed, at, method, path, request, response));
        }
        return out;
    }

    /**
     * One example with its end moved by {@code extraLines} (for examples whose last line, such as a lone closing
     * brace, is no good anchor).
     */
    public Snippet snippet(int seed, String first, int occurrence, String last, int extraLines) {
        Snippet s = snippet(seed, first, occurrence, last);
        List<String> l = lines(seed);
        int to = Math.min(l.size() - 1, s.to() + extraLines);
        return new Snippet(seed, s.from(), to, String.join("\n", l.subList(s.from(), to + 1)) + "\n");
    }

    /** The JSON value that starts on the first line at or after {@code from} that is a lone {@code {} or {@code [}. */
    public Snippet jsonAfter(int seed, int from) {
        List<String> l = lines(seed);
        for (int i = from; i < l.size(); i++) {
            String s = l.get(i).strip();
            if (s.equals("{") || s.equals("[")) {
                int end = balanced(l, i);
                return new Snippet(seed, i, end, String.join("\n", l.subList(i, end + 1)) + "\n");
            }
        }
        throw new IllegalStateException("seed " + seed + ": no JSON after line " + (from + 1));
    }

    /**
     * Writes a stand-in for Python's {@code requests} package (standard library only; the seeds' Python examples
     * import it) as {@code requests.py} into {@code dir}, for {@code PYTHONPATH} where PyPI's is not installed.
     *
     * @return {@code dir}
     * @throws UncheckedIOException when it cannot be written
     */
    public static Path writeRequestsShim(Path dir) {
        try (var in = SeedDocuments.class.getResourceAsStream("python/requests.py")) {
            Files.createDirectories(dir);
            Files.write(dir.resolve("requests.py"), in.readAllBytes());
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The index of the line that closes the JSON value opened on line {@code from} (brackets balanced, strings skipped). */
    static int balanced(List<String> l, int from) {
        int depth = 0;
        for (int i = from; i < l.size(); i++) {
            String s = l.get(i);
            boolean inString = false;
            for (int k = 0; k < s.length(); k++) {
                char c = s.charAt(k);
                if (inString) {
                    if (c == '\\') {
                        k++;
                    } else if (c == '"') {
                        inString = false;
                    }
                } else if (c == '"') {
                    inString = true;
                } else if (c == '/' && k + 1 < s.length() && s.charAt(k + 1) == '/') {
                    break;
                } else if (c == '{' || c == '[') {
                    depth++;
                } else if (c == '}' || c == ']') {
                    depth--;
                }
            }
            if (depth <= 0) {
                return i;
            }
        }
        return l.size() - 1;
    }

    /**
     * A seed's JSON example parsed leniently ({@code //} comments allowed, as seeds 002 and 004 print them).
     *
     * @throws IllegalArgumentException when it is not JSON even so
     */
    public static JsonNode json(String text) {
        try {
            return LENIENT.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + text, e);
        }
    }

    /**
     * The field paths of a JSON example: {@code a}, {@code a.b}, {@code items[].id} (an array stands for its first
     * element); an empty object or array contributes only its own path.
     */
    public static List<String> fieldPaths(JsonNode node) {
        List<String> out = new ArrayList<>();
        walk(node, "", out);
        return out;
    }

    private static void walk(JsonNode node, String prefix, List<String> out) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                String p = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
                out.add(p);
                walk(e.getValue(), p, out);
            });
        } else if (node.isArray() && !node.isEmpty()) {
            walk(node.get(0), prefix + "[]", out);
        }
    }

    /**
     * The paths of {@code documented} that {@code actual} lacks. An array path is looked up in every element of
     * {@code actual}'s array and counts as present when the array is empty (nothing to compare).
     */
    public static List<String> missingPaths(JsonNode documented, JsonNode actual) {
        List<String> missing = new ArrayList<>();
        for (String p : fieldPaths(documented)) {
            if (!has(actual, p)) {
                missing.add(p);
            }
        }
        return missing;
    }

    private static boolean has(JsonNode node, String path) {
        if (path.isEmpty()) {
            return node != null && !node.isMissingNode();
        }
        if (path.startsWith("[]")) {
            if (!node.isArray()) {
                return false;
            }
            String rest = path.substring(2).replaceFirst("^\\.", "");
            if (node.isEmpty()) {
                return true;
            }
            for (JsonNode e : node) {
                if (has(e, rest)) {
                    return true;
                }
            }
            return false;
        }
        int dot = path.indexOf('.');
        int arr = path.indexOf("[]");
        int cut = dot < 0 ? arr : arr < 0 ? dot : Math.min(dot, arr);
        String key = cut < 0 ? path : path.substring(0, cut);
        String rest = cut < 0 ? "" : path.charAt(cut) == '.' ? path.substring(cut + 1) : path.substring(cut);
        return node.isObject() && node.has(key) && has(node.get(key), rest);
    }

    /**
     * One example's text as the seed prints it.
     *
     * @param seed the seed number (0–4)
     * @param from the first line's index (0-based)
     * @param to the last line's index, included
     * @param text the lines joined by newlines, with a final newline
     */
    public record Snippet(int seed, int from, int to, String text) {
    }

    /**
     * One endpoint a seed lists.
     *
     * @param seed the seed number
     * @param line the endpoint line's index (0-based)
     * @param method the HTTP method
     * @param path the path as printed ({@code /tasks/{task_id}}, {@code /api/v1/sessions/:id}, may have a query)
     * @param request the JSON request example printed under it, or null
     * @param response the JSON response example printed under it, or null
     */
    public record Operation(int seed, int line, String method, String path, String request, String response) {
    }
}
