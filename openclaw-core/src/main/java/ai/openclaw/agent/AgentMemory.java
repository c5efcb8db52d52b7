package ai.openclaw.agent;

import ai.openclaw.llm.ChatMessage;
import ai.openclaw.llm.Role;
import ai.openclaw.memory.MemoryFilter;
import ai.openclaw.memory.MemoryRecall;
import ai.openclaw.memory.MemoryScope;
import ai.openclaw.memory.MemoryService;
import ai.openclaw.memory.MemoryType;
import ai.openclaw.memory.NewMemory;
import ai.openclaw.memory.SearchHit;
import ai.openclaw.session.Session;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Long-term memory in the agent loop (issue 4 "Agent side"): before a turn of an agent with {@code memoryEnabled},
 * the top memories for the user's latest message are recalled into one system message (bounded by a token
 * budget); after a successful turn, a short {@code user: … / assistant: …} summary can be recorded as a
 * {@code conversation} memory. Neither ever fails a turn: errors are logged and the turn goes on.
 */
public final class AgentMemory {
    private static final Logger LOG = LoggerFactory.getLogger(AgentMemory.class);
    private final MemoryService memory;
    private final AgentMemorySettings settings;
    private final ExecutorService executor;

    /**
     * @param memory the memory service
     * @param settings recall and recording settings
     * @param executor runs conversation recording off the turn's thread
     */
    public AgentMemory(MemoryService memory, AgentMemorySettings settings, ExecutorService executor) {
        this.memory = Objects.requireNonNull(memory, "memory");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /** The settings in force. */
    public AgentMemorySettings settings() {
        return settings;
    }

    /**
     * The recall system message for a turn: the memories visible to {@code ownerFilter} (its own and the shared
     * workspace items, or everything for null — as the memory routes scope a search) that match the latest user
     * message of {@code input}; empty when the agent has memory off, nothing matches, or recall failed.
     *
     * @param agent the turn's agent
     * @param ownerFilter the session's owner filter; null for the gateway owner (sees everything)
     * @param input the turn's new messages
     */
    public Optional<ChatMessage> recall(Agent agent, String ownerFilter, List<ChatMessage> input) {
        if (!agent.memoryEnabled() || settings.maxTokens() == 0) {
            return Optional.empty();
        }
        String message = latestUserText(input);
        if (message == null || message.isBlank()) {
            return Optional.empty();
        }
        try {
            int limit = Math.min(settings.limit(), memory.settings().maxLimit());
            List<SearchHit> hits = MemoryRecall.recall(memory, message, MemoryFilter.visibleTo(ownerFilter), limit,
                    settings.maxTokens(), settings.minScore());
            String block = MemoryRecall.contextBlock(hits);
            return block.isEmpty() ? Optional.empty() : Optional.of(ChatMessage.system(block.strip()));
        } catch (RuntimeException e) {
            LOG.warn("memory recall failed for agent {} (turn goes on without it): {}", agent.id(), e.toString());
            return Optional.empty();
        }
    }

    /**
     * Records a successful turn as a {@code conversation} memory (source = the session id, owned like the
     * session) on the executor, when {@code memory.conversation.record} is on and the agent has memory; returns at
     * once.
     *
     * @param agent the turn's agent
     * @param session the session
     * @param input the turn's new messages
     * @param reply the model's final answer text
     */
    public void record(Agent agent, Session session, List<ChatMessage> input, String reply) {
        if (!settings.recordConversations() || !agent.memoryEnabled()) {
            return;
        }
        String user = latestUserText(input);
        if (user == null || user.isBlank() || reply == null || reply.isBlank()) {
            return;
        }
        String summary = summary(user, reply, Math.min(settings.conversationChars(),
                memory.settings().maxContentChars()));
        NewMemory item = new NewMemory(summary, List.of(), MemoryType.CONVERSATION, session.id(),
                new MemoryScope(session.owner(), agent.id(), null, session.id()), null);
        try {
            executor.execute(() -> {
                try {
                    memory.add(item);
                } catch (RuntimeException e) {
                    LOG.warn("recording conversation memory for session {} failed: {}", session.id(), e.toString());
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("conversation memory not recorded (shutting down): {}", session.id());
        }
    }

    /**
     * A compact {@code user: … / assistant: …} line of at most {@code maxChars} characters: whitespace collapsed,
     * each side cut to its share with an ellipsis.
     */
    static String summary(String user, String reply, int maxChars) {
        String u = user.strip().replaceAll("\\s+", " ");
        String a = reply.strip().replaceAll("\\s+", " ");
        int overhead = "user: ".length() + " / assistant: ".length();
        int room = Math.max(2, maxChars - overhead);
        int uRoom = Math.max(1, Math.min(u.length(), Math.max(room / 2, room - a.length())));
        int aRoom = Math.max(1, room - uRoom);
        return "user: " + cut(u, uRoom) + " / assistant: " + cut(a, aRoom);
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, Math.max(0, max - 1)) + "…";
    }

    private static String latestUserText(List<ChatMessage> input) {
        for (int i = input.size() - 1; i >= 0; i--) {
            if (input.get(i).role() == Role.USER) {
                return input.get(i).content();
            }
        }
        return null;
    }
}
