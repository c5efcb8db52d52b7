package ai.openclaw.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code config.yaml} file as a tree: read with {@code ${VAR}} / {@code ${VAR:-default}} substituted from
 * the environment, edited and saved with placeholders kept as written (DESIGN.md §4).
 */
public final class ConfigDocument {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));
    private static final Pattern VAR = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");
    private static final Pattern SECRET_KEY =
            Pattern.compile("(?i).*(token|secret|password|apikey|api_key|credential|private_key)$");
    /** The text that replaces secret values in redacted output. */
    public static final String REDACTED = "__OPENCLAW_REDACTED__";

    private final Path file;
    private final Map<String, String> env;
    private ObjectNode raw;

    private ConfigDocument(Path file, Map<String, String> env, ObjectNode raw) {
        this.file = file;
        this.env = Map.copyOf(env);
        this.raw = raw;
    }

    /**
     * Reads a config file; a missing or empty file is an empty config.
     *
     * @param file the YAML file
     * @param env the environment used for {@code ${VAR}} substitution
     * @throws IllegalArgumentException if the file is not valid YAML or its top level is not a mapping
     * @throws UncheckedIOException if the file exists but cannot be read
     */
    public static ConfigDocument load(Path file, Map<String, String> env) {
        ObjectNode tree = JsonNodeFactory.instance.objectNode();
        if (Files.isRegularFile(file)) {
            try {
                JsonNode node = YAML.readTree(file.toFile());
                if (node != null && !node.isMissingNode() && !node.isNull()) {
                    if (!node.isObject()) {
                        throw new IllegalArgumentException("config file " + file + " must hold a YAML mapping");
                    }
                    tree = (ObjectNode) node;
                }
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalArgumentException("config file " + file + " is not valid YAML: "
                        + e.getOriginalMessage(), e);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read config file " + file, e);
            }
        }
        return new ConfigDocument(file, env, tree);
    }

    /** The file this document was read from and saves to. */
    public Path file() {
        return file;
    }

    /** The whole config with placeholders substituted (a copy). */
    public ObjectNode resolved() {
        return (ObjectNode) substitute(raw.deepCopy());
    }

    /**
     * The value at a dotted path ({@code gateway.auth.token}) with placeholders substituted.
     *
     * @return the node, or empty when the path is absent
     */
    public Optional<JsonNode> get(String dottedPath) {
        JsonNode node = resolved();
        for (String part : dottedPath.split("\\.")) {
            if (node == null || !node.isObject()) {
                return Optional.empty();
            }
            node = node.get(part);
        }
        return Optional.ofNullable(node).filter(n -> !n.isMissingNode());
    }

    /**
     * Sets a value at a dotted path, creating parent mappings. The value is parsed as a YAML scalar or
     * flow collection ({@code 18789} → number, {@code true} → boolean, {@code [a, b]} → list), else kept as text.
     *
     * @throws IllegalArgumentException if the path is empty or crosses a non-mapping value
     */
    public void set(String dottedPath, String value) {
        if (dottedPath == null || dottedPath.isBlank()) {
            throw new IllegalArgumentException("config path must not be empty");
        }
        String[] parts = dottedPath.split("\\.");
        ObjectNode node = raw;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = node.get(parts[i]);
            if (child == null || child.isNull()) {
                child = node.putObject(parts[i]);
            } else if (!child.isObject()) {
                throw new IllegalArgumentException("config path '" + dottedPath + "' crosses the non-mapping value at '"
                        + String.join(".", java.util.Arrays.copyOfRange(parts, 0, i + 1)) + "'");
            }
            node = (ObjectNode) child;
        }
        node.set(parts[parts.length - 1], parseScalar(value));
    }

    /** A copy of the file's tree as written ({@code ${VAR}} references unresolved). */
    public ObjectNode rawCopy() {
        return raw.deepCopy();
    }

    /**
     * Replaces the whole tree in memory (call {@link #save()} to write it).
     *
     * @param tree the new tree, as it should be written
     */
    public void replace(ObjectNode tree) {
        this.raw = java.util.Objects.requireNonNull(tree, "tree").deepCopy();
    }

    /**
     * Writes the document back to its file atomically, readable only by the owner (0600), placeholders kept. The
     * file's comments, blank lines, quoting and key order are kept: only the values that changed are rewritten in
     * place ({@link YamlEdits}); when that is not possible (anchors, merge keys) the whole file is re-serialised.
     *
     * @throws UncheckedIOException if the file cannot be written
     */
    public void save() {
        String text = null;
        try {
            if (Files.isRegularFile(file)) {
                String current = Files.readString(file, java.nio.charset.StandardCharsets.UTF_8);
                text = YamlEdits.rewrite(current, raw);
            }
            if (text == null) {
                text = raw.isEmpty() ? "" : YAML.writeValueAsString(raw);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read config file " + file, e);
        }
        writeFile(file, text);
    }

    /**
     * Replaces a file's content atomically (write to a temporary file beside it, then rename), readable only by
     * the owner (0600) as config files hold secrets.
     *
     * @param file the file to write
     * @param text its new content (UTF-8)
     * @throws UncheckedIOException if it cannot be written
     */
    public static void writeFile(Path file, String text) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".config", ".tmp");
            try {
                setOwnerOnly(tmp);
                Files.writeString(tmp, text, java.nio.charset.StandardCharsets.UTF_8);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write config file " + file, e);
        }
    }

    /** Re-reads the file, discarding unsaved edits. */
    public void reload() {
        this.raw = load(file, env).raw;
    }

    /**
     * A copy of {@code node} with every value under a secret-looking key ({@code token}, {@code secret},
     * {@code apiKey}, {@code password}, …) replaced by {@link #REDACTED}.
     */
    public static JsonNode redact(JsonNode node) {
        JsonNode copy = node.deepCopy();
        redactInPlace(copy);
        return copy;
    }

    /** Whether a config key names a secret ({@code token}, {@code secret}, {@code apiKey}, {@code password}, …). */
    public static boolean isSecretKey(String key) {
        return SECRET_KEY.matcher(key).matches();
    }

    private static void redactInPlace(JsonNode node) {
        if (node.isObject()) {
            ObjectNode obj = (ObjectNode) node;
            Iterator<Map.Entry<String, JsonNode>> it = obj.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (SECRET_KEY.matcher(e.getKey()).matches() && e.getValue().isValueNode() && !e.getValue().isNull()) {
                    e.setValue(TextNode.valueOf(REDACTED));
                } else {
                    redactInPlace(e.getValue());
                }
            }
        } else if (node.isArray()) {
            node.forEach(ConfigDocument::redactInPlace);
        }
    }

    private JsonNode substitute(JsonNode node) {
        if (node.isTextual()) {
            String text = node.textValue();
            if (text.indexOf("${") < 0) {
                return node;
            }
            Matcher m = VAR.matcher(text);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                String v = env.get(m.group(1));
                if (v == null || v.isEmpty()) {
                    v = m.group(2) == null ? "" : m.group(2);
                }
                m.appendReplacement(sb, Matcher.quoteReplacement(v));
            }
            m.appendTail(sb);
            return TextNode.valueOf(sb.toString());
        }
        if (node.isObject()) {
            ObjectNode obj = (ObjectNode) node;
            Iterator<Map.Entry<String, JsonNode>> it = obj.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                e.setValue(substitute(e.getValue()));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                ((com.fasterxml.jackson.databind.node.ArrayNode) node).set(i, substitute(node.get(i)));
            }
        }
        return node;
    }

    private static JsonNode parseScalar(String value) {
        if (value == null) {
            return JsonNodeFactory.instance.nullNode();
        }
        try {
            JsonNode parsed = YAML.readTree(value);
            if (parsed != null && !parsed.isMissingNode() && (parsed.isValueNode() || parsed.isContainerNode())
                    && !value.isBlank()) {
                return parsed;
            }
        } catch (IOException e) {
            // not YAML: keep as text
        }
        return TextNode.valueOf(value);
    }

    private static void setOwnerOnly(Path p) {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // non-POSIX file system: best effort
        }
    }
}
