package ai.openclaw.session;

import ai.openclaw.llm.ModelCatalog;
import ai.openclaw.llm.StreamListener;
import ai.openclaw.util.Page;
import java.util.List;
import java.util.Objects;

/**
 * A {@link ConversationService} that forwards every call to another one: the base of the server's decorators
 * (metering, token budgets, live turn events), which override {@link #runTurn} and {@link #streamTurn} only. An
 * abstract method added to {@link ConversationService} fails the build here until it is forwarded, and a test
 * checks that default methods are forwarded too, so no decorator drops a call (plain calls: no reflection on the
 * per-request path).
 */
public abstract class ForwardingConversationService implements ConversationService {
    private final ConversationService delegate;

    /**
     * A service forwarding to {@code delegate}.
     *
     * @param delegate the wrapped service, not null
     * @throws NullPointerException if {@code delegate} is null
     */
    protected ForwardingConversationService(ConversationService delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /** The wrapped service. */
    protected final ConversationService delegate() {
        return delegate;
    }

    @Override
    public Session createSession(NewSession spec) {
        return delegate.createSession(spec);
    }

    @Override
    public Session getSession(String id, String owner) {
        return delegate.getSession(id, owner);
    }

    @Override
    public Session relabelSession(String id, String owner, String label) {
        return delegate.relabelSession(id, owner, label);
    }

    @Override
    public Page<Session> listSessions(String owner, int offset, int limit) {
        return delegate.listSessions(owner, offset, limit);
    }

    @Override
    public void deleteSession(String id, String owner) {
        delegate.deleteSession(id, owner);
    }

    @Override
    public Page<Message> messages(String sessionId, String owner, int offset, int limit) {
        return delegate.messages(sessionId, owner, offset, limit);
    }

    @Override
    public Message message(String messageId, String owner) {
        return delegate.message(messageId, owner);
    }

    @Override
    public List<Message> findMessages(MessageQuery query, String owner) {
        return delegate.findMessages(query, owner);
    }

    @Override
    public Message deleteMessage(String messageId, String owner) {
        return delegate.deleteMessage(messageId, owner);
    }

    @Override
    public TurnResult runTurn(TurnRequest request) {
        return delegate.runTurn(request);
    }

    @Override
    public TurnResult streamTurn(TurnRequest request, StreamListener listener) {
        return delegate.streamTurn(request, listener);
    }

    @Override
    public String storedSessionId(String clientId, String namespace, String owner) {
        return delegate.storedSessionId(clientId, namespace, owner);
    }

    @Override
    public ConversationStats stats() {
        return delegate.stats();
    }

    @Override
    public SessionStats sessionStats(String owner) {
        return delegate.sessionStats(owner);
    }

    @Override
    public ModelCatalog models() {
        return delegate.models();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + delegate + ")";
    }
}
