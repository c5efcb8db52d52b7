package ai.openclaw.agent;

import ai.openclaw.error.ErrorCode;
import ai.openclaw.error.OpenClawException;
import ai.openclaw.event.DomainEvent;
import ai.openclaw.event.EventBus;
import ai.openclaw.llm.ChatMessage;
import ai.openclaw.session.ConversationService;
import ai.openclaw.session.NewSession;
import ai.openclaw.session.TurnOrigin;
import ai.openclaw.session.TurnRequest;
import ai.openclaw.session.TurnResult;
import ai.openclaw.util.Ids;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * {@link SubAgentService#create}: states are stored (durable when {@code spawn} returns) and cached in a bounded
 * map; a child that was running when the gateway stopped is reported as failed.
 */
final class DefaultSubAgentService implements SubAgentService {
    private static final int KEEP = 2000;
    private final Supplier<ConversationService> conversations;
    private final EventBus events;
    private final ExecutorService executor;
    private final Clock clock;
    private final SpawnStore store;
    private final ConcurrentHashMap<String, CompletableFuture<SpawnedAgent>> done = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, SpawnedAgent> state = new ConcurrentHashMap<>();

    DefaultSubAgentService(Supplier<ConversationService> conversations, EventBus events, ExecutorService executor,
                           Clock clock, SpawnStore store) {
        this.store = store;
        this.conversations = conversations;
        this.events = events;
        this.executor = executor;
        this.clock = clock;
    }

    @Override
    public SpawnedAgent spawn(SpawnRequest r) {
        ConversationService cs = conversations.get();
        if (r.model() != null) {
            cs.models().resolve(r.model());
        }
        String id = Ids.newId("spawn");
        Instant now = clock.instant();
        SpawnedAgent agent = new SpawnedAgent(id, r.task(), r.model(), r.skills(), "running", null, null, r.owner(),
                r.parentSessionId(), r.depth(), r.timeout().toMillis(), now, null);
        Map<String, Object> spawn = new LinkedHashMap<>();
        spawn.put("id", id);
        spawn.put("depth", r.depth());
        spawn.put("skills", r.skills());
        spawn.put("timeoutMs", r.timeout().toMillis());
        if (r.parentSessionId() != null) {
            spawn.put("parentSessionId", r.parentSessionId());
        }
        NewSession template = new NewSession(id, "spawn: " + abbreviate(r.task()), Agent.MAIN, r.model(), r.owner(),
                null, Map.of("spawn", spawn));
        TurnRequest turn = new TurnRequest(id, null, true, template, r.model(), List.of(ChatMessage.user(r.task())),
                null, null, null).from(new TurnOrigin("agent", null, null));
        CompletableFuture<SpawnedAgent> future = new CompletableFuture<>();
        if (store != null) {
            store.save(agent);
        }
        state.put(id, agent);
        done.put(id, future);
        trim();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("agent_id", id);
        data.put("task", r.task());
        data.put("session_id", id);
        if (r.parentSessionId() != null) {
            data.put("parent_session_id", r.parentSessionId());
        }
        events.publish(new DomainEvent("agent.spawned", now, data, r.owner()));
        executor.submit(() -> run(agent, turn, cs, future));
        return agent;
    }

    private void run(SpawnedAgent agent, TurnRequest turn, ConversationService cs,
                     CompletableFuture<SpawnedAgent> future) {
        SpawnedAgent end;
        try {
            TurnResult result = cs.runTurn(turn);
            end = agent.finish("completed", result.reply().content(), null, clock.instant());
            events.publish(new DomainEvent("agent.completed", clock.instant(), Map.of("agent_id", agent.id(),
                    "result", result.reply().content(), "session_id", agent.id(), "duration_ms",
                    Duration.between(agent.createdAt(), clock.instant()).toMillis()), agent.owner()));
        } catch (RuntimeException e) {
            boolean timeout = e instanceof OpenClawException oe && oe.code() == ErrorCode.TIMEOUT;
            String message = e instanceof OpenClawException ? e.getMessage() : "child failed: " + e;
            end = agent.finish(timeout ? "timeout" : "failed", null, message, clock.instant());
            events.publish(new DomainEvent("agent.error", clock.instant(), Map.of("agent_id", agent.id(), "status",
                    end.status(), "error", message, "session_id", agent.id()), agent.owner()));
        }
        try {
            if (store != null) {
                store.save(end);
            }
        } finally {
            state.put(agent.id(), end);
            future.complete(end);
        }
    }

    @Override
    public SpawnedAgent get(String id, String ownerFilter) {
        SpawnedAgent a = id == null ? null : state.get(id);
        if (a == null && store != null && Ids.isSafeId(id)) {
            a = store.find(id).orElse(null);
            if (a != null && !a.done()) {
                a = a.finish("failed", null, "interrupted: the gateway restarted before the child finished",
                        clock.instant());
                store.save(a);
            }
        }
        if (a == null || (ownerFilter != null && !ownerFilter.equals(a.owner()))) {
            throw OpenClawException.notFound("spawned agent", id);
        }
        return a;
    }

    @Override
    public SpawnedAgent await(String id, String ownerFilter, Duration max) {
        SpawnedAgent a = get(id, ownerFilter);
        if (a.done() || max.isZero() || max.isNegative()) {
            return a;
        }
        CompletableFuture<SpawnedAgent> f = done.get(id);
        if (f == null) {
            return get(id, ownerFilter);
        }
        try {
            return f.get(max.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return get(id, ownerFilter);
        } catch (ExecutionException e) {
            return get(id, ownerFilter);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return get(id, ownerFilter);
        }
    }

    private void trim() {
        if (state.size() <= KEEP) {
            return;
        }
        state.values().stream().filter(SpawnedAgent::done)
                .sorted((x, y) -> x.createdAt().compareTo(y.createdAt()))
                .limit(state.size() - KEEP).forEach(a -> {
                    state.remove(a.id());
                    done.remove(a.id());
                });
    }

    private static String abbreviate(String s) {
        String one = s.strip().replaceAll("\\s+", " ");
        return one.length() <= 60 ? one : one.substring(0, 60) + "…";
    }
}
