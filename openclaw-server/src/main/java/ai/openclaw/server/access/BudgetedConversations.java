package ai.openclaw.server.access;

import ai.openclaw.auth.Principal;
import ai.openclaw.auth.RateLimiter;
import ai.openclaw.session.ConversationService;
import ai.openclaw.session.TurnResult;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * Wraps a {@link ConversationService} so that every method returning a {@link TurnResult} (a model turn: {@code
 * runTurn}, {@code streamTurn}, and any added later) is charged to the calling key's model token budgets (seed 004:
 * tokens per minute and context tokens). A caller whose budget is spent gets RATE_LIMIT_EXCEEDED before the model
 * is called; the turn's usage is charged after it is stored. Turns run outside an HTTP request are not charged.
 * A dynamic proxy keeps this correct when the service gains methods.
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
        return (ConversationService) Proxy.newProxyInstance(ConversationService.class.getClassLoader(),
                new Class<?>[] {ConversationService.class}, (proxy, method, args) -> invoke(delegate, limits, method,
                        args));
    }

    private static Object invoke(ConversationService delegate, RateLimiter limits, Method method, Object[] args)
            throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> args[0] == delegate;
                case "hashCode" -> delegate.hashCode();
                default -> "BudgetedConversations(" + delegate + ")";
            };
        }
        Principal p = method.getReturnType() == TurnResult.class ? AccessControl.current() : null;
        if (p != null) {
            limits.checkTokens(p);
        }
        Object result;
        try {
            result = method.invoke(delegate, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
        if (p != null && result instanceof TurnResult r) {
            limits.recordTokens(p, r.usage());
        }
        return result;
    }
}
