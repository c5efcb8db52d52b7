package ai.openclaw.server.api.graphql;

import ai.openclaw.error.OpenClawException;
import ai.openclaw.util.Page;
import graphql.schema.DataFetchingEnvironment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Relay-style connections over the core's offset pages: {@code first} (1–200) and {@code after}, an opaque cursor
 * naming an item's position; a connection is {@code {edges:[{cursor,node}], nodes, pageInfo, totalCount}}.
 */
final class Connections {
    /** The largest page. */
    static final int MAX_FIRST = 200;

    private Connections() {
    }

    /**
     * A page request.
     *
     * @param offset items to skip
     * @param limit page size
     */
    record Window(int offset, int limit) {
    }

    /**
     * The window of a field's {@code first} and {@code after} arguments.
     *
     * @throws OpenClawException INVALID_REQUEST naming the argument when {@code first} is outside 1–200 or
     *     {@code after} is not a cursor this server made
     */
    static Window window(DataFetchingEnvironment env) {
        Integer first = env.getArgument("first");
        String after = env.getArgument("after");
        return window(first, after);
    }

    /** As {@link #window(DataFetchingEnvironment)}. */
    static Window window(Integer first, String after) {
        int limit = first == null ? 50 : first;
        if (limit < 1 || limit > MAX_FIRST) {
            throw OpenClawException.invalid("argument 'first' must be between 1 and " + MAX_FIRST + ", got " + limit);
        }
        int offset = after == null ? 0 : decode(after) + 1;
        return new Window(offset, limit);
    }

    /** The cursor of the item at {@code position}. */
    static String cursor(int position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("o:" + position)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static int decode(String cursor) {
        try {
            String s = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (s.startsWith("o:")) {
                int p = Integer.parseInt(s.substring(2));
                if (p >= 0 && p < Integer.MAX_VALUE) {
                    return p;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error below
        }
        throw OpenClawException.invalid("argument 'after' is not a cursor from this API: '"
                + (cursor.length() > 40 ? cursor.substring(0, 40) + "…" : cursor) + "'");
    }

    /** The connection of a core page. */
    static <T> Map<String, Object> of(Page<T> page, Function<T, ?> view) {
        return build(page.items(), page.offset(), page.total(), view);
    }

    /** The connection of a window over a whole list. */
    static <T> Map<String, Object> of(List<T> all, Window w, Function<T, ?> view) {
        int from = Math.min(w.offset(), all.size());
        int to = (int) Math.min(all.size(), (long) from + w.limit());
        return build(all.subList(from, to), from, all.size(), view);
    }

    private static <T> Map<String, Object> build(List<T> items, int offset, long total, Function<T, ?> view) {
        List<Object> nodes = new ArrayList<>(items.size());
        List<Object> edges = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            Object node = view.apply(items.get(i));
            nodes.add(node);
            edges.add(Map.of("cursor", cursor(offset + i), "node", node));
        }
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("hasNextPage", offset + items.size() < total);
        info.put("hasPreviousPage", offset > 0);
        info.put("startCursor", items.isEmpty() ? null : cursor(offset));
        info.put("endCursor", items.isEmpty() ? null : cursor(offset + items.size() - 1));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("edges", edges);
        out.put("nodes", nodes);
        out.put("pageInfo", info);
        out.put("totalCount", total);
        return out;
    }
}
