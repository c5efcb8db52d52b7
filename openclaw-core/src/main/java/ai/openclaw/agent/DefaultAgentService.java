package ai.openclaw.agent;

import ai.openclaw.error.OpenClawException;
import ai.openclaw.event.DomainEvent;
import ai.openclaw.event.EventBus;
import ai.openclaw.llm.ModelCatalog;
import ai.openclaw.session.Session;
import ai.openclaw.tool.ToolRegistry;
import ai.openclaw.util.Ids;
import ai.openclaw.util.Page;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** {@link AgentService#create}. */
final class DefaultAgentService implements AgentService {
    private static final java.time.Duration TURN_CACHE = java.time.Duration.ofSeconds(2);
    private final java.util.concurrent.ConcurrentHashMap<String, CachedAgent> turnCache =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final AgentStore store;
    private final ModelCatalog models;
    private final ToolRegistry tools;
    private final EventBus events;
    private final Clock clock;
    private final Instant epoch;

    DefaultAgentService(AgentStore store, ModelCatalog models, ToolRegistry tools, EventBus events, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.models = Objects.requireNonNull(models, "models");
        this.tools = Objects.requireNonNull(tools, "tools");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.epoch = clock.instant();
    }

    @Override
    public Agent create(AgentSpec spec, String owner) {
        String caller = ownerOf(owner);
        String id = spec.id() == null ? Ids.newId("agent") : spec.id();
        if (!Ids.isSafeId(id)) {
            throw OpenClawException.invalid("field 'id' must be 1-128 characters of letters, digits and . _ : @ -");
        }
        if (spec.id() != null && !operator(caller) && !id.equals(Agent.MAIN) && !id.startsWith(caller + ":")) {
            id = caller + ":" + id;
            if (!Ids.isSafeId(id)) {
                throw OpenClawException.invalid("field 'id' is too long");
            }
        }
        if (spec.name() == null || spec.name().isBlank()) {
            throw OpenClawException.invalid("field 'name' is required");
        }
        operatorOnlyWorkspace(spec, caller);
        if (id.equals(Agent.MAIN) || store.find(id).isPresent()) {
            throw OpenClawException.conflict("agent '" + id + "' already exists");
        }
        Instant now = clock.instant();
        Agent agent = check(new Agent(id, spec.name().strip(), spec.description(), blankToNull(spec.model()),
                spec.systemPrompt(), spec.skills(), spec.temperature(), spec.maxTokens(),
                spec.memoryEnabled() == null || spec.memoryEnabled(), blankToNull(spec.workspace()), now, now,
                caller));
        store.save(agent);
        turnCache.clear();
        publish("agent.created", agent);
        return agent;
    }

    @Override
    public Agent get(String id, String owner) {
        return find(id, ownerOf(owner)).orElseThrow(() -> OpenClawException.notFound("agent", id));
    }

    /** The agent {@code caller} sees under {@code id}: its own namespaced one first, then the id as given. */
    private java.util.Optional<Agent> find(String id, String caller) {
        if (Agent.MAIN.equals(id)) {
            return java.util.Optional.of(store.find(id).orElseGet(() -> Agent.main(epoch)));
        }
        if (!Ids.isSafeId(id)) {
            return java.util.Optional.empty();
        }
        if (!operator(caller) && !id.startsWith(caller + ":")) {
            java.util.Optional<Agent> own = store.find(caller + ":" + id).filter(a -> a.owner().equals(caller));
            if (own.isPresent()) {
                return own;
            }
        }
        return store.find(id).filter(a -> a.visibleTo(caller));
    }

    @Override
    public Agent forTurn(String id, String owner) {
        String caller = ownerOf(owner);
        String key = id != null && Ids.isSafeId(id) ? id : Agent.MAIN;
        Instant now = clock.instant();
        String cacheKey = caller + "\n" + key;
        CachedAgent c = turnCache.get(cacheKey);
        if (c != null && now.isBefore(c.until())) {
            return c.agent();
        }
        Agent agent = find(key, caller).orElseGet(() -> get(Agent.MAIN, caller));
        turnCache.put(cacheKey, new CachedAgent(agent, now.plus(TURN_CACHE)));
        return agent;
    }

    /** A recently read agent: turns re-read agents at most every {@link #TURN_CACHE} and at once after local changes. */
    private record CachedAgent(Agent agent, Instant until) {
    }

    @Override
    public Page<Agent> list(int offset, int limit, String owner) {
        String caller = ownerOf(owner);
        Page<Agent> stored = store.list(0, Integer.MAX_VALUE);
        List<Agent> all = new ArrayList<>();
        all.add(get(Agent.MAIN, caller));
        stored.items().stream().filter(a -> !a.id().equals(Agent.MAIN) && a.visibleTo(caller)).forEach(all::add);
        int from = Math.min(offset, all.size());
        int to = Math.min(all.size(), from + limit);
        return new Page<>(all.subList(from, to), all.size(), offset, limit);
    }

    /** The agent {@code caller} may change: visible, and its own (or the caller is the operator). */
    private Agent changeable(String id, String caller) {
        Agent a = get(id, caller);
        if (!a.changeableBy(caller)) {
            throw OpenClawException.forbidden("agent '" + a.id() + "' belongs to the operator; only the operator "
                    + "(gateway token or an admin key) may change it");
        }
        return a;
    }

    @Override
    public Agent update(String id, AgentSpec p, String owner) {
        Agent a = changeable(id, ownerOf(owner));
        operatorOnlyWorkspace(p, ownerOf(owner));
        if (p.name() != null && p.name().isBlank()) {
            throw OpenClawException.invalid("field 'name' must not be empty");
        }
        Agent changed = check(new Agent(a.id(), p.name() == null ? a.name() : p.name().strip(),
                p.description() == null ? a.description() : p.description(),
                p.model() == null ? a.model() : blankToNull(p.model()),
                p.systemPrompt() == null ? a.systemPrompt() : p.systemPrompt(),
                p.skills() == null ? a.skills() : p.skills(),
                p.temperature() == null ? a.temperature() : p.temperature(),
                p.maxTokens() == null ? a.maxTokens() : p.maxTokens(),
                p.memoryEnabled() == null ? a.memoryEnabled() : p.memoryEnabled(),
                p.workspace() == null ? a.workspace() : blankToNull(p.workspace()), a.createdAt(), clock.instant(),
                a.owner()));
        store.save(changed);
        turnCache.clear();
        publish("agent.updated", changed);
        return changed;
    }

    @Override
    public void delete(String id, String owner) {
        if (Agent.MAIN.equals(id)) {
            throw OpenClawException.conflict("the default agent 'main' cannot be deleted");
        }
        Agent a = changeable(id, ownerOf(owner));
        store.delete(a.id());
        turnCache.clear();
        events.publish(new DomainEvent("agent.deleted", clock.instant(), Map.of("agent_id", a.id()), a.owner()));
    }

    @Override
    public Agent installSkill(String agentId, AgentSkill skill, String owner) {
        Agent a = changeable(agentId, ownerOf(owner));
        if (tools.find(skill.id()).isEmpty()) {
            throw OpenClawException.notFound("skill", skill.id());
        }
        List<AgentSkill> skills = new ArrayList<>();
        for (AgentSkill s : a.skills()) {
            if (!s.id().equals(skill.id())) {
                skills.add(s);
            }
        }
        skills.add(new AgentSkill(skill.id(), true, skill.version(), skill.config()));
        Agent changed = new Agent(a.id(), a.name(), a.description(), a.model(), a.systemPrompt(), skills,
                a.temperature(), a.maxTokens(), a.memoryEnabled(), a.workspace(), a.createdAt(), clock.instant(),
                a.owner());
        store.save(changed);
        turnCache.clear();
        events.publish(new DomainEvent("skill.installed", clock.instant(), Map.of("agent_id", a.id(), "skill_id",
                skill.id()), a.owner()));
        return changed;
    }

    /** An agent's workspace is a folder on the gateway's disk: only the operator chooses one. */
    private static void operatorOnlyWorkspace(AgentSpec spec, String caller) {
        if (spec.workspace() != null && !operator(caller)) {
            throw OpenClawException.forbidden("field 'workspace' may be set only by the operator (gateway token or "
                    + "an admin key)");
        }
    }

    private static String ownerOf(String owner) {
        return owner == null || owner.isBlank() ? Session.GATEWAY_OWNER : owner;
    }

    private static boolean operator(String caller) {
        return Session.GATEWAY_OWNER.equals(caller);
    }

    private Agent check(Agent a) {
        if (a.model() != null) {
            models.resolve(a.model());
        }
        if (a.temperature() != null && (a.temperature() < 0 || a.temperature() > 2)) {
            throw OpenClawException.invalid("field 'settings.temperature' must be between 0 and 2");
        }
        if (a.maxTokens() != null && a.maxTokens() < 1) {
            throw OpenClawException.invalid("field 'settings.maxTokens' must be at least 1");
        }
        if (a.workspace() != null && (a.workspace().contains("..") || a.workspace().indexOf('\0') >= 0)) {
            throw OpenClawException.invalid("field 'workspace' must not contain '..'");
        }
        return a;
    }

    private void publish(String type, Agent a) {
        if (a != null) {
            events.publish(new DomainEvent(type, clock.instant(), Map.of("agent_id", a.id(), "name", a.name()),
                    a.owner()));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
