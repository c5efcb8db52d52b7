package ai.openclaw.session;

import ai.openclaw.error.OpenClawException;
import ai.openclaw.llm.ChatMessage;
import ai.openclaw.llm.ChatResponse;
import ai.openclaw.llm.ResolvedModel;
import ai.openclaw.llm.Usage;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link TurnEngine} produced for a turn.
 *
 * @param model the model that answered; never null
 * @param response the final answer, or null when the turn failed
 * @param steps the tool-call messages and tool results exchanged before the answer, in order; never null
 * @param usage the token usage summed over every model call of the turn; never null
 * @param providerNanos time spent waiting on the provider, in nanoseconds
 * @param failure why the turn stopped without an answer (a limit, or a failure after tools ran), or null; the
 *     turn's input, steps and an error record are stored before it is thrown
 */
public record TurnOutcome(ResolvedModel model, ChatResponse response, List<ChatMessage> steps, Usage usage,
                          long providerNanos, OpenClawException failure) {
    /** Validates the fields and copies the steps. */
    public TurnOutcome {
        Objects.requireNonNull(model, "model");
        steps = List.copyOf(steps);
        Objects.requireNonNull(usage, "usage");
        if ((response == null) == (failure == null)) {
            throw new IllegalArgumentException("exactly one of response and failure must be set");
        }
    }
}
