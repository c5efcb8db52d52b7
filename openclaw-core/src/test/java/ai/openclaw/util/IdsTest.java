package ai.openclaw.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class IdsTest {
    @Test
    void idsKeepTheirFormatAndSortInTheOrderTheyWereMade() {
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            made.add(Ids.newId("msg"));
        }
        for (String id : made) {
            assertTrue(id.matches("msg_[0-9a-z]{20}"), id);
            assertTrue(Ids.isSafeId(id), id);
        }
        List<String> sorted = new ArrayList<>(made);
        sorted.sort(null);
        assertEquals(made, sorted, "ids made one after another sort one after another");
        assertEquals(made.size(), new HashSet<>(made).size(), "no duplicate");
    }

    @Test
    void idsMadeConcurrentlyAreUnique() throws Exception {
        Set<String> seen = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int t = 0; t < 8; t++) {
            pool.execute(() -> {
                for (int i = 0; i < 20_000; i++) {
                    seen.add(Ids.newId("session"));
                }
            });
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(2, TimeUnit.MINUTES));
        assertEquals(160_000, seen.size());
    }

    @Test
    void neighboursDifferInTheirRandomPartNotOnlyInTheSequence() {
        Set<String> randomParts = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            randomParts.add(Ids.newId("req").substring("req_".length() + 11));
        }
        assertTrue(randomParts.size() > 990, "9 random characters per id: " + randomParts.size() + " distinct of 1000");
    }

    @Test
    void safeIdsAreLettersDigitsAndPunctuationAfterTheFirst() {
        for (String ok : new String[] {"a", "Z9", "agent:main", "a.b_c-d@e", "x".repeat(128)}) {
            assertTrue(Ids.isSafeId(ok), ok);
        }
        for (String bad : new String[] {null, "", "-a", ".a", "_a", "a b", "a/b", "ä", "x".repeat(129), "a\n", "a;b"}) {
            assertTrue(!Ids.isSafeId(bad), String.valueOf(bad));
        }
    }
}
