package ai.openclaw.store;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.error.ErrorCode;
import ai.openclaw.error.OpenClawException;
import ai.openclaw.llm.Role;
import ai.openclaw.llm.Usage;
import ai.openclaw.session.Message;
import ai.openclaw.session.Session;
import ai.openclaw.session.SessionStore;
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
 * Many turns written at once go through the group commit (rows batched per commit on the writer's kept
 * statements): every turn is durable with its messages in order, and a turn that clashes fails alone.
 */
class GroupCommitStressTest {
    @TempDir
    Path dir;

    @Test
    void concurrentTurnsAreAllStoredAndAClashFailsAlone() throws Exception {
        try (Database db = Database.sqlite(dir.resolve("t.db"))) {
            SessionStore store = db.sessionStore();
            Instant now = Instant.parse("2026-01-01T00:00:00Z");
            store.appendTurn(session("dup", 2, now), true, messages("dup", now));
            int turns = 400;
            ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < turns; i++) {
                String id = i == turns / 2 ? "dup" : "s" + i;
                futures.add(pool.submit(() -> store.appendTurn(session(id, 2, now), true, messages(id, now))));
            }
            int conflicts = 0;
            for (Future<?> f : futures) {
                try {
                    f.get(120, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOfSatisfying(OpenClawException.class,
                            oe -> assertThat(oe.code()).isEqualTo(ErrorCode.CONFLICT));
                    conflicts++;
                }
            }
            pool.shutdown();
            assertThat(conflicts).isEqualTo(1);
            for (int i = 0; i < turns; i++) {
                if (i == turns / 2) {
                    continue;
                }
                String id = "s" + i;
                assertThat(store.find(id)).as(id).isPresent();
                assertThat(store.history(id, 10)).extracting(Message::content)
                        .containsExactly("question " + id, "answer " + id);
            }
            assertThat(store.history("dup", 10)).hasSize(2);
            // a follow-up turn of a stored session appends after its messages (the seq read on the writer)
            store.appendTurn(session("s1", 4, now), false, messages("s1", now));
            assertThat(store.history("s1", 10)).hasSize(4);
        }
    }

    private static Session session(String id, long count, Instant now) {
        return new Session(id, null, Session.DEFAULT_AGENT, null, "owner", now, now, null, count, Map.of());
    }

    private static List<Message> messages(String sessionId, Instant now) {
        return List.of(
                new Message("m-q-" + sessionId + "-" + System.nanoTime(), sessionId, Role.USER, "question " + sessionId,
                        "text", null, Usage.ZERO, now),
                new Message("m-a-" + sessionId + "-" + System.nanoTime(), sessionId, Role.ASSISTANT,
                        "answer " + sessionId, "text", "m", new Usage(1, 2), now));
    }
}
