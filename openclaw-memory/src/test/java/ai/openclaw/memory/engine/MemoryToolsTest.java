package ai.openclaw.memory.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.openclaw.error.OpenClawException;
import ai.openclaw.memory.MemoryScope;
import ai.openclaw.memory.MemoryTools;
import ai.openclaw.store.Database;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent tools round-trip: add, search, get; bad arguments name the argument. */
class MemoryToolsTest {
    @TempDir
    Path dir;

    @Test
    void addSearchAndGetThroughTheToolFunctions() throws Exception {
        ObjectMapper json = new ObjectMapper();
        try (Database db = Database.sqlite(dir.resolve("openclaw.db"));
             MemoryEngine engine = MemoryEngine.open(db, dir, dir.resolve("workspace"), MissingNode.getInstance(),
                     Clock.systemUTC(), null)) {
            MemoryScope scope = new MemoryScope("key_1", "main", "u1", "session-9");
            String added = MemoryTools.execute(engine.service(), MemoryTools.ADD,
                    "{\"content\": \"用户偏好简洁的回复风格\", \"tags\": [\"风格\"]}", scope);
            String id = json.readTree(added).path("memoryId").asText();
            assertThat(id).startsWith("mem_");
            String found = MemoryTools.execute(engine.service(), MemoryTools.SEARCH, "{\"query\": \"回复风格\"}", scope);
            assertThat(json.readTree(found).at("/results/0/id").asText()).isEqualTo(id);
            assertThat(json.readTree(found).at("/results/0/source").asText()).isEqualTo("session-9");
            String got = MemoryTools.execute(engine.service(), MemoryTools.GET, "{\"id\": \"" + id + "\"}", scope);
            assertThat(json.readTree(got).path("content").asText()).isEqualTo("用户偏好简洁的回复风格");
            assertThatThrownBy(() -> MemoryTools.execute(engine.service(), MemoryTools.SEARCH, "{}", scope))
                    .isInstanceOf(OpenClawException.class).hasMessageContaining("'query'");
            assertThatThrownBy(() -> MemoryTools.execute(engine.service(), MemoryTools.GET, "{\"id\": \"x\"}",
                    MemoryScope.ownedBy("someone-else"))).isInstanceOf(OpenClawException.class);
            for (String t : MemoryTools.NAMES) {
                assertThat(json.readTree(MemoryTools.parameters(t)).path("type").asText()).isEqualTo("object");
                assertThat(MemoryTools.description(t)).isNotBlank();
            }
        }
    }
}
