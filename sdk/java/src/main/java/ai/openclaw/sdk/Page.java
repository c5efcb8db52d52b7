package ai.openclaw.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;
import java.util.stream.Stream;

/**
 * One page of a list endpoint.
 *
 * @param items the items of this page
 * @param total the number of items in all pages, or -1 when the route does not say
 * @param hasMore whether a later page exists
 * @param offset this page's offset
 * @param fetch fetches the page at an offset (null: no further pages)
 */
public record Page(List<JsonNode> items, long total, boolean hasMore, int offset, IntFunction<Page> fetch) {
    /** Copies the items. */
    public Page {
        items = List.copyOf(items);
    }

    /** The following page, or null after the last one. */
    public Page next() {
        return hasMore && fetch != null && !items.isEmpty() ? fetch.apply(offset + items.size()) : null;
    }

    /** Every item of this page and the following ones, fetched lazily. */
    public Stream<JsonNode> autoPaging() {
        return Stream.iterate(this, Objects::nonNull, Page::next).flatMap(p -> p.items().stream());
    }

    static Page of(Transport t, String path, String key, int limit, int offset) {
        String sep = path.contains("?") ? "&" : "?";
        JsonNode body = t.request("GET", path + sep + "limit=" + limit + (offset > 0 ? "&offset=" + offset : ""), null);
        List<JsonNode> items = new ArrayList<>();
        body.path(key).forEach(items::add);
        JsonNode p = body.path("pagination");
        long total = p.path("total").isNumber() ? p.path("total").asLong() : -1;
        boolean more = p.path("hasMore").isBoolean() ? p.path("hasMore").asBoolean()
                : total >= 0 && offset + items.size() < total;
        return new Page(items, total, more, offset, off -> of(t, path, key, limit, off));
    }
}
