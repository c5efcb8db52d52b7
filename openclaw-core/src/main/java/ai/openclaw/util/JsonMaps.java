package ai.openclaw.util;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Copies of free-form JSON objects (a session's {@code context}, a skill's {@code config}, event data): unlike
 * {@link Map#copyOf}, a JSON {@code null} value is kept (as a null value) rather than refused.
 */
public final class JsonMaps {
    private JsonMaps() {
    }

    /**
     * An unmodifiable copy of {@code map} in its iteration order, null values kept.
     *
     * @param map the map to copy, or null (an empty map)
     * @throws NullPointerException if a key is null
     */
    public static <K, V> Map<K, V> copy(Map<? extends K, ? extends V> map) {
        if (map == null || map.isEmpty()) {
            return Map.of();
        }
        LinkedHashMap<K, V> copy = new LinkedHashMap<>(map);
        if (copy.containsKey(null)) {
            throw new NullPointerException("map key");
        }
        return Collections.unmodifiableMap(copy);
    }
}
