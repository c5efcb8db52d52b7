package ai.openclaw.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a config tree against the known keys and types ({@code config-schema.yaml} beside this class; issue 16), as
 * OpenClaw's {@code config validate} does: each unknown key and each value of the wrong type is a
 * {@link ConfigProblem} with its path and, when the file is given, its line. The gateway logs them as warnings at
 * start; {@code openclaw config validate} prints them and exits 1.
 */
public final class ConfigValidator {
    private static final JsonNode SCHEMA = loadSchema();

    private ConfigValidator() {
    }

    /**
     * Validates a config tree.
     *
     * @param tree the parsed config (after {@code ${VAR}} substitution); an empty or missing tree has no problems
     * @param file the file it came from, for line numbers, or null
     * @return the problems, in file order; empty when the config is valid
     */
    public static List<ConfigProblem> validate(JsonNode tree, Path file) {
        Map<String, Integer> lines = file == null ? Map.of() : lines(file);
        List<ConfigProblem> out = new ArrayList<>();
        if (tree != null && tree.isObject()) {
            walk(tree, SCHEMA, "", lines, out);
        }
        out.sort(java.util.Comparator.comparingInt(ConfigProblem::line));
        return out;
    }

    private static void walk(JsonNode value, JsonNode schema, String path, Map<String, Integer> lines,
                             List<ConfigProblem> out) {
        if (schema.isTextual()) {
            String type = schema.asText();
            if (!matches(value, type)) {
                out.add(new ConfigProblem(path, lines.getOrDefault(path, 0), "'" + path + "' should be " + type
                        .replace("|", " or ") + ", not " + kind(value)));
            }
            return;
        }
        if (!value.isObject()) {
            if (!value.isNull()) {
                out.add(new ConfigProblem(path, lines.getOrDefault(path, 0), "'" + path
                        + "' should be a map of settings, not " + kind(value)));
            }
            return;
        }
        value.fields().forEachRemaining(e -> {
            String child = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
            JsonNode sub = schema.has(e.getKey()) ? schema.get(e.getKey()) : schema.get("*");
            if (sub == null) {
                List<String> known = new ArrayList<>();
                schema.fieldNames().forEachRemaining(known::add);
                out.add(new ConfigProblem(child, lines.getOrDefault(child, 0), "unknown key '" + child + "'"
                        + suggestion(e.getKey(), known)));
                return;
            }
            walk(e.getValue(), sub, child, lines, out);
        });
    }

    private static boolean matches(JsonNode v, String type) {
        if (v.isNull()) {
            return true;
        }
        for (String t : type.split("\\|")) {
            boolean ok = switch (t) {
                case "string" -> v.isTextual() || v.isNumber() || v.isBoolean();
                case "int" -> v.isIntegralNumber() || (v.isTextual() && v.asText().matches("-?\\d+"));
                case "number" -> v.isNumber() || (v.isTextual() && v.asText().matches("-?\\d+(\\.\\d+)?"));
                case "bool" -> v.isBoolean() || (v.isTextual() && v.asText().matches("true|false"));
                case "list" -> v.isArray();
                case "map" -> v.isObject();
                case "any" -> true;
                default -> false;
            };
            if (ok) {
                return true;
            }
        }
        return false;
    }

    private static String kind(JsonNode v) {
        return v.isObject() ? "a map" : v.isArray() ? "a list" : v.isBoolean() ? "a boolean" : v.isNumber()
                ? "a number" : "the text '" + v.asText() + "'";
    }

    private static String suggestion(String key, List<String> known) {
        String best = null;
        int bestDistance = 3;
        for (String k : known) {
            int d = distance(key.toLowerCase(java.util.Locale.ROOT), k.toLowerCase(java.util.Locale.ROOT));
            if (d < bestDistance && !k.equals("*")) {
                best = k;
                bestDistance = d;
            }
        }
        return best == null ? "" : " (did you mean '" + best + "'?)";
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int[] cur = new int[b.length() + 1];
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1),
                        prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            prev = cur;
        }
        return prev[b.length()];
    }

    /** Dotted path of every key in a YAML file → its 1-based line. */
    private static Map<String, Integer> lines(Path file) {
        Map<String, Integer> out = new HashMap<>();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        try (InputStream in = Files.newInputStream(file);
             JsonParser p = new YAMLFactory().createParser(in)) {
            Deque<String> containers = new ArrayDeque<>();   // each open container's dotted path
            String key = null;                                  // the last field name in the innermost object
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                String here = containers.isEmpty() ? "" : containers.peek();
                if (t == JsonToken.FIELD_NAME) {
                    key = p.currentName();
                    out.putIfAbsent(here.isEmpty() ? key : here + "." + key, p.currentTokenLocation().getLineNr());
                } else if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    String path = containers.isEmpty() ? "" : key == null ? here + "[]"
                            : here.isEmpty() ? key : here + "." + key;
                    containers.push(path);
                    key = null;
                } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    containers.pop();
                    key = null;
                } else {
                    key = null;
                }
            }
        } catch (IOException | RuntimeException e) {
            // the loader reports unreadable files; lines are only a help
        }
        return out;
    }

    private static JsonNode loadSchema() {
        try (InputStream in = ConfigValidator.class.getResourceAsStream("config-schema.yaml")) {
            if (in == null) {
                throw new IllegalStateException("config-schema.yaml missing from the class path");
            }
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
