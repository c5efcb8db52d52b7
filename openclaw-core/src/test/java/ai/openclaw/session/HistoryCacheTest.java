package ai.openclaw.session;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.llm.Role;
import ai.openclaw.llm.Usage;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryCacheTest {
    private static Message msg(String id) {
        return new Message(id, "s", Role.USER, id, null, null, Usage.ZERO, Instant.EPOCH);
    }

    @Test
    void servesOnlyWhileTheStoredCountMatches() {
        HistoryCache cache = new HistoryCache(10, 3);
        cache.put("s", 2, List.of(msg("a"), msg("b")));
        assertThat(cache.get("s", 2, 3)).extracting(Message::id).containsExactly("a", "b");
        assertThat(cache.get("s", 5, 3)).as("another node wrote to the session").isNull();
        cache.append("s", 2, 4, List.of(msg("c"), msg("d")));
        assertThat(cache.get("s", 4, 3)).extracting(Message::id).containsExactly("b", "c", "d");
        assertThat(cache.get("s", 4, 2)).extracting(Message::id).containsExactly("c", "d");
        assertThat(cache.get("s", 4, 10)).as("the store holds more than the cache keeps").isNull();
        cache.append("s", 3, 6, List.of(msg("e")));
        assertThat(cache.get("s", 6, 1)).as("append on a stale count drops the entry").isNull();
    }

    @Test
    void evictsLeastRecentlyUsedSessions() {
        HistoryCache cache = new HistoryCache(2, 5);
        cache.put("a", 1, List.of(msg("1")));
        cache.put("b", 1, List.of(msg("2")));
        cache.get("a", 1, 5);
        cache.put("c", 1, List.of(msg("3")));
        assertThat(cache.get("b", 1, 5)).isNull();
        assertThat(cache.get("a", 1, 5)).hasSize(1);
        cache.remove("a");
        assertThat(cache.get("a", 1, 5)).isNull();
    }
}
