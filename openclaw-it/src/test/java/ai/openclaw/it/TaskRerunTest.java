package ai.openclaw.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.openclaw.testkit.TestGateway;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A task re-run after a crash is idempotent: one interrupted after its turn was stored finishes with that turn (no
 * second turn, no "session already exists"); one interrupted before its turn continues on its session.
 */
class TaskRerunTest {
    private static JsonNode task(TestGateway gw, String id) {
        return gw.get("/v1/tasks/" + id).json();
    }

    /** What a crash leaves behind: the task's row still {@code running}. */
    private static void markRunning(TestGateway gw, String taskId) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + gw.stateDir().resolve("openclaw.db"))) {
            try (var st = c.prepareStatement("UPDATE tasks SET status = 'running', result = NULL, progress = 50, "
                    + "completed_at = NULL WHERE id = ?")) {
                st.setString(1, taskId);
                assertThat(st.executeUpdate()).isEqualTo(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aTaskInterruptedAfterItsTurnWasStoredFinishesWithThatTurn() {
        try (TestGateway gw = TestGateway.start("tasks:\n  maxAttempts: 3\n")) {
            String own = gw.post("/v1/tasks", "{\"type\": \"agent\", \"parameters\": {\"message\": \"hello once\"}}")
                    .json().path("id").asText();
            String named = gw.post("/v1/tasks", "{\"type\": \"agent\", \"parameters\": {\"message\": \"named once\", "
                    + "\"sessionId\": \"task-notes\"}}").json().path("id").asText();
            for (String id : new String[] {own, named}) {
                await().atMost(Duration.ofSeconds(60)).until(() -> task(gw, id).path("status").asText()
                        .equals("completed"));
            }
            String ownReply = task(gw, own).at("/result/messageId").asText();
            String namedReply = task(gw, named).at("/result/messageId").asText();
            gw.restart(() -> {
                markRunning(gw, own);
                markRunning(gw, named);
            });
            for (String id : new String[] {own, named}) {
                await().atMost(Duration.ofSeconds(60)).until(() -> !task(gw, id).path("status").asText()
                        .equals("running"));
                assertThat(task(gw, id).path("status").asText()).as(task(gw, id).toString()).isEqualTo("completed");
            }
            assertThat(task(gw, own).at("/result/messageId").asText()).isEqualTo(ownReply);
            assertThat(task(gw, named).at("/result/messageId").asText()).isEqualTo(namedReply);
            assertThat(gw.get("/api/v1/sessions/" + own).json().at("/data/messageCount").asInt()).isEqualTo(2);
            assertThat(gw.get("/api/v1/sessions/task-notes").json().at("/data/messageCount").asInt()).isEqualTo(2);
        }
    }

    @Test
    void aTaskInterruptedBeforeItsTurnRunsItOnItsSession() {
        try (TestGateway gw = TestGateway.start("tasks:\n  maxAttempts: 3\n")) {
            String id = gw.post("/v1/tasks", "{\"type\": \"agent\", \"parameters\": {\"message\": \"first\"}}")
                    .json().path("id").asText();
            await().atMost(Duration.ofSeconds(60)).until(() -> task(gw, id).path("status").asText()
                    .equals("completed"));
            // the session holds an earlier exchange only (the interrupted attempt's turn was never stored)
            gw.restart(() -> {
                markRunning(gw, id);
                try (Connection c = DriverManager.getConnection("jdbc:sqlite:"
                        + gw.stateDir().resolve("openclaw.db"))) {
                    try (var st = c.prepareStatement("UPDATE tasks SET parameters = ? WHERE id = ?")) {
                        st.setString(1, "{\"message\":\"second\"}");
                        st.setString(2, id);
                        st.executeUpdate();
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            await().atMost(Duration.ofSeconds(60)).until(() -> !task(gw, id).path("status").asText()
                    .equals("running"));
            assertThat(task(gw, id).path("status").asText()).as(task(gw, id).toString()).isEqualTo("completed");
            assertThat(gw.get("/api/v1/sessions/" + id).json().at("/data/messageCount").asInt()).isEqualTo(4);
        }
    }
}
