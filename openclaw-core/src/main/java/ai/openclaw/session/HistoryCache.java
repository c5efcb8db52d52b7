package ai.openclaw.session;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The recent messages of recently used sessions, so a turn need not re-read its history from the store. An entry is
 * trusted only while its message count equals the stored session's count (read at the start of every turn), so a
 * write by another gateway node sharing the database simply causes a reload. Bounded: least recently used sessions
 * are dropped beyond {@code maxSessions}; each keeps at most {@code perSession} messages.
 */
final class HistoryCache {
    private record Cached(long messageCount, ArrayDeque<Message> recent) {
    }

    private final int perSession;
    private final Map<String, Cached> entries;

    HistoryCache(int maxSessions, int perSession) {
        this.perSession = perSession;
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
                return size() > maxSessions;
            }
        };
    }

    /** The cached last {@code max} messages, oldest first, or null when unknown or stale. */
    synchronized List<Message> get(String sessionId, long messageCount, int max) {
        Cached e = entries.get(sessionId);
        if (e == null || e.messageCount() != messageCount || (e.recent().size() < max && e.recent().size()
                < messageCount)) {
            return null;
        }
        List<Message> all = new ArrayList<>(e.recent());
        return all.size() <= max ? all : all.subList(all.size() - max, all.size());
    }

    /** Records the session's history as loaded from the store. */
    synchronized void put(String sessionId, long messageCount, List<Message> history) {
        ArrayDeque<Message> d = new ArrayDeque<>(history);
        trim(d);
        entries.put(sessionId, new Cached(messageCount, d));
    }

    /** Appends a stored turn; {@code previousCount} must match the cached count, else the entry is dropped. */
    synchronized void append(String sessionId, long previousCount, long newCount, List<Message> added) {
        Cached e = entries.get(sessionId);
        if (e == null || e.messageCount() != previousCount) {
            entries.remove(sessionId);
            return;
        }
        e.recent().addAll(added);
        trim(e.recent());
        entries.put(sessionId, new Cached(newCount, e.recent()));
    }

    /** Forgets a session (deleted or expired). */
    synchronized void remove(String sessionId) {
        entries.remove(sessionId);
    }

    private void trim(ArrayDeque<Message> d) {
        while (d.size() > perSession) {
            d.removeFirst();
        }
    }
}
