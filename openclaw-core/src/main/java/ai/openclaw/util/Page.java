package ai.openclaw.util;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a listing.
 *
 * @param items the items on this page, in listing order
 * @param total the number of items across all pages
 * @param offset how many items precede this page
 * @param limit the page size asked for
 * @param <T> the item type
 */
public record Page<T>(List<T> items, long total, int offset, int limit) {
    /** Validates the bounds and copies the items. */
    public Page {
        items = List.copyOf(items);
        if (total < 0 || offset < 0 || limit <= 0) {
            throw new IllegalArgumentException("bad page bounds: total=" + total + " offset=" + offset + " limit=" + limit);
        }
    }

    /** Whether items exist after this page. */
    public boolean hasMore() {
        return offset + items.size() < total;
    }

    /** The same page with each item mapped. */
    public <R> Page<R> map(Function<? super T, ? extends R> f) {
        return new Page<>(items.stream().<R>map(f).toList(), total, offset, limit);
    }
}
