package ai.openclaw.session;

import ai.openclaw.llm.ChatMessage;
import ai.openclaw.llm.ChatOptions;
import ai.openclaw.llm.ToolSpec;
import java.util.List;
import java.util.Objects;

/**
 * What a client asked of a turn beyond its messages: the model call's options, the client's own tools, and whether
 * the model is called directly or through the session's agent.
 *
 * <p>Client tools are the client's: a model's call of one ends the turn and goes back to the client (OpenAI
 * {@code tool_calls}); the gateway never runs it. The agent's tools run server-side and are never shown to the
 * client as calls.
 *
 * @param chat the call's options (OpenAI's surface, unknown fields kept); never null
 * @param clientTools the tools the client declared; never null, empty for none
 * @param direct true when the client named a provider model ({@code provider/model}): the model gets the request as
 *     sent (plus the session's history) — no agent prompt, agent tools or memory; false for an agent turn
 * @param earlier the messages the client sent before the turn's input (OpenAI clients resend the whole
 *     conversation): used, and stored before the input, when the turn creates its session; never null
 */
public record TurnOptions(ChatOptions chat, List<ToolSpec> clientTools, boolean direct, List<ChatMessage> earlier) {
    /** No options: an agent turn without client tools. */
    public static final TurnOptions NONE = new TurnOptions(ChatOptions.NONE, List.of(), false, List.of());

    /** Validates the fields and copies the lists. */
    public TurnOptions {
        Objects.requireNonNull(chat, "chat");
        clientTools = clientTools == null ? List.of() : List.copyOf(clientTools);
        earlier = earlier == null ? List.of() : List.copyOf(earlier);
    }

    /** Options without earlier messages. */
    public TurnOptions(ChatOptions chat, List<ToolSpec> clientTools, boolean direct) {
        this(chat, clientTools, direct, List.of());
    }

    /** Whether the named tool is one of the client's. */
    public boolean isClientTool(String name) {
        for (ToolSpec t : clientTools) {
            if (t.name().equals(name)) {
                return true;
            }
        }
        return false;
    }
}
