package ai.openclaw.store;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.llm.Role;
import ai.openclaw.llm.Usage;
import ai.openclaw.session.Message;
import ai.openclaw.session.Session;
import ai.openclaw.session.SessionStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sustained concurrent writes with checkpoints off the write path ({@link WalCheckpointer}): every turn is stored,
 * and the WAL does not grow with what was written — it is restarted (and truncated) while the writes go on.
 */
class WalCheckpointTest {
    @TempDir
    Path dir;

    @Test
    void theWalStaysBoundedUnderSustainedWritesAndNothingIsLost() throws Exception {
        sustainedWrites(WalCheckpointer.PERIOD_MS);
    }

    /** The writer's own bound holds even when no background pass ever runs (as on a machine too loaded for it). */
    @Test
    void theWriterBoundsTheWalWithoutTheBackgroundPass() throws Exception {
        sustainedWrites(0);
    }

    private void sustainedWrites(long checkpointPeriodMillis) throws Exception {
        Path file = dir.resolve("w" + checkpointPeriodMillis + ".db");
        int turns = 12_000;
        String filler = "x".repeat(3_000);
        long written = (long) turns * 2 * filler.length();
        try (Database db = Database.sqlite(file, checkpointPeriodMillis)) {
            SessionStore store = db.sessionStore();
            Instant now = Instant.parse("2026-01-01T00:00:00Z");
            ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < turns; i++) {
                String id = "s" + i;
                futures.add(pool.submit(() -> store.appendTurn(
                        new Session(id, null, Session.DEFAULT_AGENT, null, "owner", now, now, null, 2, Map.of()), true,
                        List.of(new Message("mq" + id, id, Role.USER, "q " + filler, "text", null, Usage.ZERO, now),
                                new Message("ma" + id, id, Role.ASSISTANT, "a " + filler, "text", "m",
                                        new Usage(1, 2), now)))));
            }
            for (Future<?> f : futures) {
                f.get(300, TimeUnit.SECONDS);
            }
            pool.shutdown();
            long wal = Files.size(Path.of(file + "-wal"));
            System.out.printf("WAL checkpoints (background pass every %d ms): %d WAL bytes after %d content bytes%n",
                    checkpointPeriodMillis, wal, written);
            // the writer's bound plus one group's writes (256 turns of ~6 KB, with their index pages): never more,
            // whatever the scheduling; the file only shrinks when the WAL restarts, so this covers its peak too
            assertThat(wal).as("WAL bytes after writing %d content bytes", written)
                    .isLessThan(WalCheckpointer.WRITER_LIMIT_BYTES + 8L * 1024 * 1024);
            for (int i = 0; i < turns; i += 997) {
                assertThat(store.history("s" + i, 10)).extracting(Message::content)
                        .containsExactly("q " + filler, "a " + filler);
            }
        }
        // reopened: everything acknowledged is there (checkpointed or replayed from the WAL)
        try (Database db = Database.sqlite(file)) {
            assertThat(db.sessionStore().find("s" + (turns - 1))).isPresent();
            assertThat(db.sessionStore().history("s0", 10)).hasSize(2);
        }
    }
}
