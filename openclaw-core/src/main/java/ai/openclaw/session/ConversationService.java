package ai.openclaw.session;

import ai.openclaw.error.OpenClawException;
import ai.openclaw.error.UpstreamException;
import ai.openclaw.event.EventBus;
import ai.openclaw.llm.ModelCatalog;
import ai.openclaw.llm.StreamListener;
import ai.openclaw.util.Page;
import java.time.Clock;

/**
 * Conversations and their turns: the one core that every HTTP dialect maps onto.
 *
 * <p>A turn loads the session's history, calls the model, and stores the input and the reply together in
 * one durable write; if the model fails nothing is stored. Turns of one session run one at a time in
 * arrival order; turns of different sessions run in parallel. {@code owner} arguments restrict access to
 * one owner's sessions (null means unrestricted); another owner's session is reported as NOT_FOUND.
 */
public interface ConversationService {
    /**
     * Creates a session.
     *
     * @throws OpenClawException INVALID_REQUEST if the id is not a safe id; CONFLICT if it exists
     */
    Session createSession(NewSession spec);

    /**
     * The live (unexpired) session visible to {@code owner}.
     *
     * @throws OpenClawException NOT_FOUND if it does not exist, expired, or belongs to another owner
     */
    Session getSession(String id, String owner);

    /**
     * Renames a session (its label).
     *
     * @param label the new label (at most 200 characters), or null to clear it
     * @return the session after the change
     * @throws OpenClawException NOT_FOUND if it does not exist or belongs to another owner; INVALID_REQUEST for a
     *     label that is too long
     */
    default Session relabelSession(String id, String owner, String label) {
        throw new UnsupportedOperationException("relabelSession");
    }

    /** A page of the sessions visible to {@code owner}, most recently updated first. */
    Page<Session> listSessions(String owner, int offset, int limit);

    /**
     * Deletes a session and its messages.
     *
     * @throws OpenClawException NOT_FOUND if it does not exist or belongs to another owner
     */
    void deleteSession(String id, String owner);

    /**
     * A page of a session's messages, oldest first.
     *
     * @throws OpenClawException NOT_FOUND if the session is not visible to {@code owner}
     */
    Page<Message> messages(String sessionId, String owner, int offset, int limit);

    /**
     * One stored message of a session visible to {@code owner}.
     *
     * @throws OpenClawException NOT_FOUND if no such message exists or its session is not visible
     */
    Message message(String messageId, String owner);

    /**
     * Stored messages matching a query, oldest first (seed 003, 消息操作).
     *
     * @throws OpenClawException NOT_FOUND if the query names a session that is not visible to {@code owner}
     */
    java.util.List<Message> findMessages(MessageQuery query, String owner);

    /**
     * Deletes one stored message (it no longer reaches the model in later turns) and returns it.
     *
     * @throws OpenClawException NOT_FOUND if no such message exists or its session is not visible
     */
    Message deleteMessage(String messageId, String owner);

    /**
     * Runs a turn and returns the stored reply.
     *
     * @throws OpenClawException NOT_FOUND for an unknown session when the request does not create it;
     *     INVALID_REQUEST for a bad session id
     * @throws UpstreamException when the model fails or times out (nothing is stored)
     */
    TurnResult runTurn(TurnRequest request);

    /**
     * Runs a turn, streaming the reply's text to {@code listener} as it arrives; returns once it is stored.
     *
     * @throws OpenClawException as {@link #runTurn(TurnRequest)}
     * @throws UpstreamException when the model fails or times out, also mid-stream (nothing is stored)
     */
    TurnResult streamTurn(TurnRequest request, StreamListener listener);

    /**
     * The stored id for a session id or key a client chose (README "Runtime contracts"). A non-admin caller's keys
     * live in its own namespace ({@code <namespace>:<key>}), so two keys can both use {@code default} and no key can
     * squat or probe another's. An id already carrying the caller's namespace is used as it is; so is an id shaped
     * like a generated one ({@code session_…}) — but only when a session with exactly that id exists and belongs to
     * the caller (the gateway made it for them). Any other generated-looking id goes into the namespace too, so a key
     * cannot claim a global id another owner will use.
     *
     * @param clientId the id as the client sent it, or null
     * @param namespace the caller's namespace (its key id), or null for the global namespace (gateway token, admin
     *     keys), where ids are used as they are
     * @param owner the caller's owner id, compared with a stored session's owner
     * @return the stored id, or null when {@code clientId} is null
     */
    String storedSessionId(String clientId, String namespace, String owner);

    /** Live counters for the status APIs, over every session of the gateway. */
    ConversationStats stats();

    /**
     * The stored-session counts of one owner (sessions, messages, tokens), for callers who may not see the whole
     * gateway's.
     *
     * @param owner the owner, or null for every session
     */
    SessionStats sessionStats(String owner);

    /** The models turns can use. */
    ModelCatalog models();

    /**
     * The default implementation.
     *
     * @param store where sessions and messages live
     * @param models the configured models
     * @param events where {@code message.received}/{@code message.sent}/{@code conversation.created} go
     * @param clock the time source for timestamps and expiry
     * @param settings turn tuning
     */
    static ConversationService create(SessionStore store, ModelCatalog models, EventBus events, Clock clock,
                                      ConversationSettings settings) {
        return new DefaultConversationService(store, models, events, clock, settings, null);
    }

    /**
     * The default implementation with a custom turn engine (e.g. the agent loop).
     *
     * @param store where sessions and messages live
     * @param models the configured models
     * @param events where {@code message.received}/{@code message.sent}/{@code conversation.created} go
     * @param clock the time source for timestamps and expiry
     * @param settings turn tuning
     * @param engine answers turns; null for {@link TurnEngine#singleCall(ModelCatalog)}
     */
    static ConversationService create(SessionStore store, ModelCatalog models, EventBus events, Clock clock,
                                      ConversationSettings settings, TurnEngine engine) {
        return new DefaultConversationService(store, models, events, clock, settings, engine);
    }
}
