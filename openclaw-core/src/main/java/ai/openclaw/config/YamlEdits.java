package ai.openclaw.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Edits of a YAML text that keep everything not edited as written: comments, blank lines, quoting, flow or block
 * style and key order. Each edit locates its node with the parser's marks and replaces only that span of the text.
 * A path is a list of segments: mapping keys, or decimal indexes into sequences.
 *
 * <p>{@link #rewrite} turns one tree into another by a sequence of such edits and checks the result parses to the
 * wanted tree; callers fall back to a plain re-serialisation when it returns null (anchors, merge keys, unusual
 * layouts).
 */
public final class YamlEdits {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_$][A-Za-z0-9_./@$+=-]*");
    private static final Pattern RESERVED = Pattern.compile(
            "(?i)true|false|yes|no|on|off|y|n|null|~|[-+]?(\\.inf|\\.nan)");

    private YamlEdits() {
    }

    /** An edit that cannot be made in place (the caller rewrites the whole file instead). */
    static final class NotInPlace extends RuntimeException {
        NotInPlace(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * The text edited so that it parses to {@code to}, keeping comments and layout where unchanged.
     *
     * @param text the current file text
     * @param to the wanted tree
     * @return the edited text, or null when the edit cannot be made in place (the caller re-serialises)
     */
    public static String rewrite(String text, ObjectNode to) {
        try {
            ObjectNode from = parse(text);
            List<Op> ops = new ArrayList<>();
            diff(new ArrayList<>(), from, to, ops);
            String out = text;
            for (Op op : ops) {
                out = op.value == null ? remove(out, op.path) : set(out, op.path, op.value);
            }
            return parse(out).equals(to) ? out : null;
        } catch (NotInPlace | IllegalArgumentException | org.yaml.snakeyaml.error.YAMLException e) {
            return null;
        }
    }

    /**
     * Renames the key at {@code path} (its last segment) to {@code newKey}, keeping its value and comments.
     *
     * @throws IllegalArgumentException if the path does not lead to a mapping key
     */
    public static String renameKey(String text, List<String> path, String newKey) {
        try {
            Node parent = walk(compose(text), path.subList(0, path.size() - 1), path);
            NodeTuple t = parent instanceof MappingNode m ? tuple(m, path.getLast()) : null;
            if (t == null) {
                throw new IllegalArgumentException("no key at " + String.join(".", path));
            }
            return splice(text, t.getKeyNode().getStartMark(), t.getKeyNode().getEndMark(), key(newKey));
        } catch (NotInPlace e) {
            throw new IllegalArgumentException("cannot rename " + String.join(".", path) + ": " + e.getMessage());
        }
    }

    /**
     * The 1-based line of the node at {@code path} (the key's line for a mapping entry), or 0 when absent.
     */
    public static int line(String text, List<String> path) {
        try {
            Node node = compose(text);
            for (int i = 0; i < path.size(); i++) {
                if (node instanceof MappingNode m) {
                    NodeTuple t = tuple(m, path.get(i));
                    if (t == null) {
                        return 0;
                    }
                    if (i == path.size() - 1) {
                        return t.getKeyNode().getStartMark().getLine() + 1;
                    }
                    node = t.getValueNode();
                } else if (node instanceof SequenceNode s && path.get(i).matches("\\d+")
                        && Integer.parseInt(path.get(i)) < s.getValue().size()) {
                    node = s.getValue().get(Integer.parseInt(path.get(i)));
                } else {
                    return 0;
                }
            }
            return node == null ? 0 : node.getStartMark().getLine() + 1;
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /**
     * Parses YAML text as Jackson does when the gateway reads its config; an empty text is an empty mapping.
     *
     * @throws IllegalArgumentException if it is not YAML or its top level is not a mapping
     */
    public static ObjectNode parse(String text) {
        try {
            JsonNode n = YAML.readTree(text);
            if (n == null || n.isMissingNode() || n.isNull()) {
                return YAML.createObjectNode();
            }
            if (!n.isObject()) {
                throw new IllegalArgumentException("the top level must be a YAML mapping");
            }
            return (ObjectNode) n;
        } catch (IOException e) {
            throw new IllegalArgumentException("not valid YAML", e);
        }
    }

    private record Op(List<String> path, JsonNode value) {
    }

    private static void diff(List<String> path, ObjectNode from, ObjectNode to, List<Op> ops) {
        Iterator<String> names = from.fieldNames();
        while (names.hasNext()) {
            String k = names.next();
            if (!to.has(k)) {
                ops.add(new Op(append(path, k), null));
            }
        }
        for (Map.Entry<String, JsonNode> e : to.properties()) {
            JsonNode old = from.get(e.getKey());
            List<String> p = append(path, e.getKey());
            if (old instanceof ObjectNode o && e.getValue() instanceof ObjectNode n) {
                diff(p, o, n, ops);
            } else if (old == null || !old.equals(e.getValue())) {
                ops.add(new Op(p, e.getValue()));
            }
        }
    }

    private static List<String> append(List<String> path, String k) {
        List<String> p = new ArrayList<>(path);
        p.add(k);
        return p;
    }

    /** Sets the value at a path of mapping keys, inserting the missing mappings. */
    static String set(String text, List<String> path, JsonNode value) {
        Node root = compose(text);
        if (root == null) {
            return appendLine(text, block(0, path.getFirst(), wrap(path.subList(1, path.size()), value)));
        }
        Node node = root;
        for (int i = 0; i < path.size(); i++) {
            if (!(node instanceof MappingNode m)) {
                throw new NotInPlace("not a mapping at " + path.subList(0, i));
            }
            NodeTuple t = tuple(m, path.get(i));
            JsonNode rest = wrap(path.subList(i + 1, path.size()), value);
            if (t == null) {
                return insert(text, m, path.get(i), rest);
            }
            Node v = t.getValueNode();
            boolean last = i == path.size() - 1;
            if (!last && v instanceof MappingNode) {
                node = v;
                continue;
            }
            if (v instanceof ScalarNode && rest.isValueNode()) {
                return splice(text, v.getStartMark(), v.getEndMark(), scalar(rest));
            }
            if (flow(v) && rest.isContainerNode()) {
                return splice(text, v.getStartMark(), v.getEndMark(), JSON.valueToTree(rest).toString());
            }
            return replaceTuple(text, t, path.get(i), rest);
        }
        throw new NotInPlace("empty path");
    }

    static String remove(String text, List<String> path) {
        Node parent = walk(compose(text), path.subList(0, path.size() - 1), path);
        if (!(parent instanceof MappingNode m) || flow(m)) {
            throw new NotInPlace("cannot remove " + path);
        }
        NodeTuple t = tuple(m, path.getLast());
        if (t == null) {
            return text;
        }
        int start = lineStart(text, t);
        return text.substring(0, start) + text.substring(tupleEnd(text, t));
    }

    private static String replaceTuple(String text, NodeTuple t, String key, JsonNode value) {
        int start = lineStart(text, t);
        int indent = t.getKeyNode().getStartMark().getColumn();
        return text.substring(0, start) + block(indent, key, value) + text.substring(tupleEnd(text, t));
    }

    private static String insert(String text, MappingNode m, String key, JsonNode value) {
        List<NodeTuple> tuples = m.getValue();
        if (flow(m)) {
            int end = offset(text, m.getEndMark());
            if (end < 1 || text.charAt(end - 1) != '}') {
                throw new NotInPlace("flow mapping without a closing brace");
            }
            String entry = (tuples.isEmpty() ? "" : ", ") + key(key) + ": " + JSON.valueToTree(value).toString();
            return text.substring(0, end - 1) + entry + text.substring(end - 1);
        }
        if (tuples.isEmpty()) {
            throw new NotInPlace("empty block mapping");
        }
        NodeTuple lastTuple = tuples.getLast();
        lineStart(text, lastTuple); // checks the layout
        int indent = tuples.getFirst().getKeyNode().getStartMark().getColumn();
        int at = tupleEnd(text, lastTuple);
        String prefix = at > 0 && text.charAt(at - 1) != '\n' ? "\n" : "";
        return text.substring(0, at) + prefix + block(indent, key, value) + text.substring(at);
    }

    /** Where the line holding the tuple's key starts; only spaces may precede the key on it. */
    private static int lineStart(String text, NodeTuple t) {
        int keyAt = offset(text, t.getKeyNode().getStartMark());
        int start = text.lastIndexOf('\n', keyAt - 1) + 1;
        if (!text.substring(start, keyAt).isBlank()) {
            throw new NotInPlace("key does not start its line");
        }
        return start;
    }

    /** Just past the line where the tuple's value ends (for a block value: where its last scalar ends). */
    private static int tupleEnd(String text, NodeTuple t) {
        int end = offset(text, lastLeaf(t.getValueNode()).getEndMark());
        int nl = text.indexOf('\n', end);
        return nl < 0 ? text.length() : nl + 1;
    }

    private static Node lastLeaf(Node n) {
        if (!flow(n) && n instanceof MappingNode m && !m.getValue().isEmpty()) {
            return lastLeaf(m.getValue().getLast().getValueNode());
        }
        if (!flow(n) && n instanceof SequenceNode s && !s.getValue().isEmpty()) {
            return lastLeaf(s.getValue().getLast());
        }
        return n;
    }

    private static boolean flow(Node n) {
        if (n instanceof MappingNode m) {
            return m.getFlowStyle() == org.yaml.snakeyaml.DumperOptions.FlowStyle.FLOW;
        }
        if (n instanceof SequenceNode s) {
            return s.getFlowStyle() == org.yaml.snakeyaml.DumperOptions.FlowStyle.FLOW;
        }
        return false;
    }

    private static JsonNode wrap(List<String> path, JsonNode value) {
        JsonNode v = value;
        for (int i = path.size() - 1; i >= 0; i--) {
            ObjectNode o = JSON.createObjectNode();
            o.set(path.get(i), v);
            v = o;
        }
        return v;
    }

    /** {@code key: value} lines at an indentation, block style for a non-empty container. */
    private static String block(int indent, String key, JsonNode value) {
        String pad = " ".repeat(indent);
        if (value.isValueNode() || value.isEmpty()) {
            return pad + key(key) + ": " + (value.isValueNode() ? scalar(value) : value.isObject() ? "{}" : "[]")
                    + "\n";
        }
        try {
            StringBuilder sb = new StringBuilder(pad).append(key(key)).append(":\n");
            for (String line : YAML.writeValueAsString(value).split("\n")) {
                sb.append(pad).append("  ").append(line).append('\n');
            }
            return sb.toString();
        } catch (IOException e) {
            throw new NotInPlace("cannot render " + key);
        }
    }

    private static String key(String k) {
        return PLAIN.matcher(k).matches() && !RESERVED.matcher(k).matches() && readsAsText(k) ? k
                : JSON.valueToTree(k).toString();
    }

    /** Whether the text, written plain, reads back as that same string (not a number, date or boolean). */
    private static boolean readsAsText(String s) {
        try {
            JsonNode n = YAML.readTree("v: " + s).get("v");
            return n != null && n.isTextual() && n.textValue().equals(s);
        } catch (IOException e) {
            return false;
        }
    }

    /** A scalar as YAML text: numbers and booleans as they are, strings plain when safe, else double-quoted. */
    static String scalar(JsonNode v) {
        if (v.isTextual()) {
            String s = v.textValue();
            boolean plain = PLAIN.matcher(s).matches() && !RESERVED.matcher(s).matches() && !s.contains("${")
                    && readsAsText(s) || s.matches("\\$\\{[A-Za-z_][A-Za-z0-9_]*}");
            return plain ? s : v.toString();
        }
        return v.isNull() ? "null" : v.toString();
    }

    private static String appendLine(String text, String lines) {
        return text.isEmpty() || text.endsWith("\n") ? text + lines : text + "\n" + lines;
    }

    private static String splice(String text, Mark start, Mark end, String with) {
        return text.substring(0, offset(text, start)) + with + text.substring(offset(text, end));
    }

    /** A parser mark (code points) as a char offset into the text. */
    private static int offset(String text, Mark m) {
        return text.offsetByCodePoints(0, Math.min(m.getIndex(), text.codePointCount(0, text.length())));
    }

    private static Node compose(String text) {
        LoaderOptions o = new LoaderOptions();
        o.setAllowDuplicateKeys(false);
        Node n = new Yaml(o).compose(new StringReader(text));
        if (n != null && !(n instanceof MappingNode)) {
            throw new NotInPlace("top level is not a mapping");
        }
        return n;
    }

    private static Node walk(Node node, List<String> path, List<String> whole) {
        for (String seg : path) {
            if (node instanceof MappingNode m) {
                NodeTuple t = tuple(m, seg);
                node = t == null ? null : t.getValueNode();
            } else if (node instanceof SequenceNode s && seg.matches("\\d+") && Integer.parseInt(seg) < s.getValue()
                    .size()) {
                node = s.getValue().get(Integer.parseInt(seg));
            } else {
                node = null;
            }
            if (node == null) {
                throw new IllegalArgumentException("no node at " + String.join(".", whole));
            }
        }
        return node;
    }

    private static NodeTuple tuple(MappingNode m, String key) {
        for (NodeTuple t : m.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                throw new NotInPlace("complex key");
            }
            if (k.getValue().equals("<<")) {
                throw new NotInPlace("merge key");
            }
            if (k.getValue().equals(key)) {
                return t;
            }
        }
        return null;
    }
}
