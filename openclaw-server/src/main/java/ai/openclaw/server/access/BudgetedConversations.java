package ai.openclaw.server.access;

import ai.openclaw.auth.Principal;
import ai.openclaw.auth.RateLimiter;
import ai.openclaw.llm.StreamListener;
import ai.openclaw.session.ConversationService;
import ai.openclaw.session.ForwardingConversationService;
import ai.openclaw.session.TurnRequest;
import ai.openclaw.session.TurnResult;

/**
 * Wraps a {@link ConversationService} so that every method returning a {@link TurnResult} (a model turn: {@code
 * runTurn}, {@code streamTurn}) is charged to the calling key's model token budgets (seed 004:
 * tokens per minute and context tokens). A caller whose budget is spent gets RATE_LIMIT_EXCEEDED before the model
 * is called; the turn's usage is charged after it is stored. Turns run outside an HTTP request are not charged.
 * Every other call is forwarded ({@link ForwardingConversationService}).
 */
public final class BudgetedConversations {
    private BudgetedConversations() {
    }

    /**
     * The charging wrapper.
     *
     * @param delegate the real service
     * @param limits where budgets are kept
     */
    public static ConversationService wrap(ConversationService delegate, RateLimiter limits) {
        return new Budgeted(delegate, limits);
    }

    /** The decorator: checks the budget before a turn and charges its usage after. */
    private static final class Budgeted extends ForwardingConversationService {
        private final RateLimiter limits;

        Budgeted(ConversationService delegate, RateLimiter limits) {
            super(delegate);
            this.limits = limits;
        }

        @Override
        public TurnResult runTurn(TurnRequest request) {
            return charged(() -> delegate().runTurn(request));
        }

        @Override
        public TurnResult streamTurn(TurnRequest request, StreamListener listener) {
            return charged(() -> delegate().streamTurn(request, listener));
        }

        private TurnResult charged(java.util.function.Supplier<TurnResult> turn) {
            Principal p = AccessControl.current();
            if (p != null) {
                limits.checkTokens(p);
            }
            TurnResult r = turn.get();
            if (p != null && r != null) {
                limits.recordTokens(p, r.usage());
            }
            return r;
        }
    }
}
