package ai.openclaw.session;

import ai.openclaw.error.OpenClawException;
import ai.openclaw.util.Page;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The persistence port for sessions and their messages. Implementations (SQLite, PostgreSQL) make every
 * write durable before returning: a message the API acknowledged is on disk.
 */
public interface SessionStore {
    /** The session with this id, expired or not, or empty. */
    Optional<Session> find(String id);

    /**
     * Stores a new session.
     *
     * @throws OpenClawException CONFLICT if a session with that id exists
     */
    void create(Session session);

    /**
     * Lists sessions, most recently updated first.
     *
     * @param owner only this owner's sessions, or null for all
     * @param offset items to skip; at least 0
     * @param limit page size; at least 1
     */
    Page<Session> list(String owner, int offset, int limit);

    /** Deletes a session and its messages; false if it did not exist. */
    boolean delete(String id);

    /** The last {@code max} messages of a session, oldest first. */
    List<Message> history(String sessionId, int max);

    /** A page of a session's messages, oldest first. */
    Page<Message> messages(String sessionId, int offset, int limit);

    /**
     * Atomically stores a turn: creates the session when {@code create} is true (else updates its counters)
     * and appends the messages. Returns after the write is durable.
     *
     * @param session the session as it should be after the turn (counters already advanced)
     * @param create whether the session is new
     * @param messages the turn's messages in order
     * @throws OpenClawException CONFLICT if {@code create} is true and the id exists
     */
    void appendTurn(Session session, boolean create, List<Message> messages);

    /** The message with this id in any session, or empty. */
    Optional<Message> findMessage(String id);

    /**
     * Messages matching a query, oldest first; {@code owner} (null for all) restricts them to that owner's
     * sessions. An {@code afterId} that names no visible message yields an empty list.
     */
    java.util.List<Message> findMessages(MessageQuery query, String owner);

    /**
     * Deletes one message of a session and lowers the session's message count; false if it did not exist.
     * Later turns append after the highest remaining position, so positions stay unique.
     */
    boolean deleteMessage(String sessionId, String messageId);

    /** Counts for the status APIs; {@code activeSince} bounds the "active" count. */
    SessionStats stats(Instant activeSince);

    /**
     * Counts of one owner's sessions for the status APIs.
     *
     * @param activeSince bounds the "active" count
     * @param owner the owner whose sessions are counted, or null for every session (as {@link #stats(Instant)})
     */
    SessionStats stats(Instant activeSince, String owner);

    /** Deletes sessions whose expiry is at or before {@code now}; returns how many. */
    int deleteExpired(Instant now);

    /**
     * Changes a session's label (issue 14: sessions.patch, the Control UI's rename).
     *
     * @param id the session id
     * @param label the new label, or null to clear it
     * @return whether the session exists
     */
    default boolean relabel(String id, String label) {
        throw new UnsupportedOperationException("this session store cannot relabel sessions");
    }
}
