package ai.openclaw.session;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.llm.ChatMessage;
import ai.openclaw.llm.Role;
import ai.openclaw.llm.ToolCall;
import ai.openclaw.llm.Usage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ToolMessagesTest {
    private static Message stored(ChatMessage m) {
        return new Message("msg_" + m.hashCode(), "s", m.role(), ToolMessages.encode(m), ToolMessages.typeOf(m), null,
                Usage.ZERO, Instant.EPOCH);
    }

    @Test
    void toolCallsAndResultsRoundTrip() {
        ChatMessage ask = ChatMessage.assistantToolCalls("thinking", List.of(new ToolCall("c1", "weather",
                "{\"args\":[\"北京\"]}")));
        ChatMessage result = ChatMessage.toolResult("c1", "weather", "晴");
        assertThat(stored(ask).toChatMessage()).isEqualTo(ask);
        assertThat(stored(result).toChatMessage()).isEqualTo(result);
        assertThat(ToolMessages.typeOf(ask)).isEqualTo("tool_calls");
        assertThat(ToolMessages.typeOf(result)).isEqualTo("tool_result");
    }

    @Test
    void replayableDropsOrphanedResultsIncompleteCallsAndErrorRecords() {
        List<Message> history = new ArrayList<>();
        history.add(stored(ChatMessage.toolResult("c0", "x", "orphan")));
        history.add(stored(ChatMessage.user("q1")));
        history.add(stored(ChatMessage.assistantToolCalls("", List.of(new ToolCall("c1", "a", "{}"),
                new ToolCall("c2", "b", "{}")))));
        history.add(stored(ChatMessage.toolResult("c1", "a", "only one")));
        history.add(new Message("e", "s", Role.ASSISTANT, "turn stopped", ToolMessages.ERROR, null, Usage.ZERO,
                Instant.EPOCH));
        history.add(stored(ChatMessage.user("q2")));
        history.add(stored(ChatMessage.assistantToolCalls("", List.of(new ToolCall("c3", "a", "{}")))));
        history.add(stored(ChatMessage.toolResult("c3", "a", "done")));
        history.add(stored(ChatMessage.assistant("answer")));
        List<ChatMessage> out = ToolMessages.replayable(history);
        assertThat(out).extracting(ChatMessage::content).containsExactly("q1", "q2", "", "done", "answer");
        assertThat(out.get(2).toolCalls()).hasSize(1);
    }
}
