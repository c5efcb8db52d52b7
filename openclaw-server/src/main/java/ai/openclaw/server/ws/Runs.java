package ai.openclaw.server.ws;

import ai.openclaw.error.OpenClawException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Agent runs started over the gateway protocol, for {@code agent.wait} and {@code chat.abort}: running ones, and
 * the last {@value #KEEP_FINISHED} finished ones. Aborting a run marks it and interrupts the thread running its turn
 * (the model call and tool calls stop; the turn ends as aborted).
 */
final class Runs {
    static final int KEEP_FINISHED = 1000;

    /** One run. */
    static final class Run {
        final String runId;
        final String sessionId;
        final String ownerId;
        /** The run's key among all owners' runs ({@link #key}): run ids are per owner, like session keys. */
        final String key;
        final long startedAt;
        final CompletableFuture<String> done = new CompletableFuture<>();
        volatile Thread thread;
        volatile boolean aborted;
        volatile long endedAt;
        volatile String error;
        volatile OpenClawException failure;

        Run(String runId, String sessionId, String ownerId, long startedAt) {
            this.runId = runId;
            this.sessionId = sessionId;
            this.ownerId = ownerId;
            this.key = key(ownerId, runId);
            this.startedAt = startedAt;
        }

        /** {@code ok}, {@code error}, {@code aborted}, or {@code running}. */
        String status() {
            return done.isDone() ? done.getNow("running") : "running";
        }

        /** Throws (stopping the turn) when the run was aborted; called from the turn's listener. */
        void check() {
            if (aborted) {
                throw new OpenClawException(ai.openclaw.error.ErrorCode.CONFLICT, "run aborted", null, false, null);
            }
        }
    }

    private final Map<String, Run> runs = new LinkedHashMap<>();
    private final Clock clock;

    Runs(Clock clock) {
        this.clock = clock;
    }

    /** The key of run {@code runId} of owner {@code ownerId} (owner ids never contain {@code /}). */
    static String key(String ownerId, String runId) {
        return ownerId + "/" + runId;
    }

    /**
     * Registers a new run, or returns the existing one with this id (idempotency key) of the same owner. Run ids are
     * per owner: another owner's run with the same id is neither reused nor revealed.
     */
    synchronized Run start(String runId, String sessionId, String ownerId, boolean[] fresh) {
        Run existing = runs.get(key(ownerId, runId));
        if (existing != null) {
            fresh[0] = false;
            return existing;
        }
        Run r = new Run(runId, sessionId, ownerId, clock.millis());
        runs.put(r.key, r);
        fresh[0] = true;
        prune();
        return r;
    }

    synchronized void finish(Run r, String status, String error) {
        r.endedAt = clock.millis();
        r.error = error;
        r.thread = null;
        r.done.complete(status);
        prune();
    }

    /** The run {@code runId} of the owner {@code ownerFilter}; for the operator (null) its own, else anyone's. */
    synchronized Run find(String runId, String ownerFilter) {
        if (ownerFilter != null) {
            return runs.get(key(ownerFilter, runId));
        }
        Run own = runs.get(key(ai.openclaw.session.Session.GATEWAY_OWNER, runId));
        if (own != null) {
            return own;
        }
        for (Run r : runs.values()) {
            if (r.runId.equals(runId)) {
                return r;
            }
        }
        return null;
    }

    /** Aborts the running runs of a session (or just {@code runId}); returns the run ids aborted. */
    List<String> abort(String sessionId, String runId, String ownerFilter) {
        List<Run> hit = new ArrayList<>();
        synchronized (this) {
            for (Run r : runs.values()) {
                boolean mine = ownerFilter == null || ownerFilter.equals(r.ownerId);
                if (mine && !r.done.isDone() && (runId == null ? r.sessionId.equals(sessionId) : r.runId.equals(runId))) {
                    hit.add(r);
                }
            }
        }
        List<String> ids = new ArrayList<>();
        for (Run r : hit) {
            r.aborted = true;
            Thread t = r.thread;
            if (t != null) {
                t.interrupt();
            }
            ids.add(r.runId);
        }
        return ids;
    }

    /** Waits up to {@code timeoutMs} for a run to end; returns its status ({@code timeout} if still running). */
    static String await(Run r, long timeoutMs) {
        try {
            return r.done.get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return "timeout";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "timeout";
        } catch (ExecutionException e) {
            return "error";
        }
    }

    private void prune() {
        int finished = 0;
        for (Run r : runs.values()) {
            if (r.done.isDone()) {
                finished++;
            }
        }
        var it = runs.values().iterator();
        while (finished > KEEP_FINISHED && it.hasNext()) {
            if (it.next().done.isDone()) {
                it.remove();
                finished--;
            }
        }
    }
}
