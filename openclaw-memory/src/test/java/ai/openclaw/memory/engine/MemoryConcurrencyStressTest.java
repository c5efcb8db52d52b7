package ai.openclaw.memory.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.memory.MemoryFilter;
import ai.openclaw.memory.MemoryItem;
import ai.openclaw.memory.MemoryQuery;
import ai.openclaw.memory.MemoryScope;
import ai.openclaw.memory.MemoryService;
import ai.openclaw.memory.NewMemory;
import ai.openclaw.store.Database;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Concurrent adds, deletes and searches: every acknowledged add is stored and searchable, every acknowledged delete
 * is gone from both, and after a flush the index matches the database (a restart does not need a rebuild).
 */
class MemoryConcurrencyStressTest {
    @TempDir
    Path dir;

    @Test
    void concurrentWritesAndSearchesKeepStoreAndIndexConsistent() throws Exception {
        List<String> kept = Collections.synchronizedList(new ArrayList<>());
        List<String> deleted = Collections.synchronizedList(new ArrayList<>());
        try (Database db = Database.sqlite(dir.resolve("openclaw.db"));
             MemoryEngine engine = MemoryEngine.open(db, dir, dir.resolve("workspace"), MissingNode.getInstance(),
                     Clock.systemUTC(), null, Runnable::run)) {
            MemoryService m = engine.service();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 6; i++) {
                        MemoryItem item = m.add(new NewMemory("stress fact t" + thread + " n" + i + " zebra" + thread
                                + "x" + i, List.of("stress"), null, null, MemoryScope.ownedBy("s"), null));
                        if (i % 3 == 0) {
                            m.delete(item.id(), null);
                            deleted.add(item.id());
                        } else {
                            kept.add(item.id());
                        }
                        m.search(new MemoryQuery("stress fact zebra" + thread, 10, 0.0, MemoryFilter.visibleTo(null),
                                null));
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get(120, TimeUnit.SECONDS);
            }
            pool.shutdown();
            assertThat(m.list(MemoryFilter.visibleTo(null), 0, 200).total()).isEqualTo(kept.size());
            for (String id : kept) {
                MemoryItem item = m.get(id, null);
                String unique = item.content().substring(item.content().lastIndexOf(' ') + 1);
                assertThat(m.search(new MemoryQuery(unique, 5, 0.0, MemoryFilter.visibleTo(null), null)))
                        .extracting(h -> h.item().id()).contains(id);
            }
            List<String> all = m.search(new MemoryQuery("stress fact", 50, 0.0, MemoryFilter.visibleTo(null), null))
                    .stream().map(h -> h.item().id()).toList();
            assertThat(all).doesNotContainAnyElementsOf(deleted);
            m.flush();
            assertThat(m.reconcile()).isZero();
        }
    }
}
