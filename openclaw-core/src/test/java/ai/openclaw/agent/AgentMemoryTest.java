package ai.openclaw.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The conversation summary and the {@code memory.recall}/{@code memory.conversation} settings. */
class AgentMemoryTest {
    @Test
    void summaryKeepsShortTurnsWholeAndCutsLongOnesToTheLimit() {
        assertThat(AgentMemory.summary(" where is\n my bike? ", "In the  garage.", 400))
                .isEqualTo("user: where is my bike? / assistant: In the garage.");
        String longUser = "u".repeat(1000);
        String longReply = "a".repeat(1000);
        String s = AgentMemory.summary(longUser, longReply, 400);
        assertThat(s).hasSizeLessThanOrEqualTo(400).startsWith("user: uuu").contains(" / assistant: aaa");
        assertThat(s.indexOf(" / assistant: ")).isGreaterThan(150);
        // a short question leaves its unused share to a long answer
        String t = AgentMemory.summary("hi?", longReply, 400);
        assertThat(t).hasSizeLessThanOrEqualTo(400).startsWith("user: hi? / assistant: ");
        assertThat(t.length()).isGreaterThan(390);
    }

    @Test
    void settingsReadConfigWithDefaultsAndRejectOutOfRangeValues() throws Exception {
        ObjectMapper yaml = new ObjectMapper();
        AgentMemorySettings d = AgentMemorySettings.from(yaml.readTree("{}"));
        assertThat(d).isEqualTo(AgentMemorySettings.DEFAULTS);
        assertThat(d.minScore()).isNull();
        assertThat(d.recordConversations()).isFalse();
        AgentMemorySettings s = AgentMemorySettings.from(yaml.readTree(
                "{\"recall\":{\"limit\":3,\"maxTokens\":120,\"minScore\":0.5},\"conversation\":{\"record\":true}}"));
        assertThat(s).isEqualTo(new AgentMemorySettings(3, 120, 0.5, true, 400));
        assertThat(AgentMemorySettings.from(yaml.readTree("{\"recall\":{\"max_tokens\":50,\"min_score\":0.2}}")))
                .isEqualTo(new AgentMemorySettings(5, 50, 0.2, false, 400));
        assertThatThrownBy(() -> AgentMemorySettings.from(yaml.readTree("{\"recall\":{\"minScore\":1.5}}")))
                .hasMessageContaining("memory.recall.minScore");
        assertThatThrownBy(() -> AgentMemorySettings.from(yaml.readTree("{\"recall\":{\"limit\":0}}")))
                .hasMessageContaining("memory.recall.limit");
    }
}
