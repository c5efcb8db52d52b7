package ai.openclaw.session;

import ai.openclaw.error.OpenClawException;
import ai.openclaw.event.DomainEvent;
import ai.openclaw.event.EventBus;
import ai.openclaw.llm.ChatMessage;
import ai.openclaw.llm.ChatRequest;
import ai.openclaw.llm.ChatResponse;
import ai.openclaw.llm.ModelCatalog;
import ai.openclaw.llm.ResolvedModel;
import ai.openclaw.llm.Role;
import ai.openclaw.llm.StreamListener;
import ai.openclaw.llm.Usage;
import ai.openclaw.util.Ids;
import ai.openclaw.util.Page;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** The default {@link ConversationService}: store-backed sessions, a per-session {@link TurnQueue}. */
final class DefaultConversationService implements ConversationService {
    private final SessionStore store;
    private final ModelCatalog models;
    private final EventBus events;
    private final Clock clock;
    private final ConversationSettings settings;
    private final TurnEngine engine;
    /** The shape of ids the gateway generates ({@link Ids#newId}): a lower-case prefix, {@code _}, 20 base-36. */
    private static final java.util.regex.Pattern GENERATED_ID = java.util.regex.Pattern.compile("[a-z]+_[0-9a-z]{20}");
    private final TurnQueue queue = new TurnQueue();
    private final HistoryCache historyCache;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong lastContextTokens = new AtomicLong();

    DefaultConversationService(SessionStore store, ModelCatalog models, EventBus events, Clock clock,
                               ConversationSettings settings, TurnEngine engine) {
        this.store = Objects.requireNonNull(store, "store");
        this.models = Objects.requireNonNull(models, "models");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.engine = engine == null ? TurnEngine.singleCall(models) : engine;
        this.historyCache = new HistoryCache(4096, Math.max(1, settings.historyLimit()));
    }

    @Override
    public Session createSession(NewSession spec) {
        String id = spec.id() == null ? Ids.newId("session") : checkId(spec.id());
        if (spec.model() != null) {
            models.resolve(spec.model());
        }
        Session session = newSession(spec, id, clock.instant());
        return queue.run(id, () -> {
            Optional<Session> existing = store.find(id);
            if (existing.isPresent()) {
                if (!existing.get().expiredAt(clock.instant())) {
                    throw OpenClawException.conflict("session '" + id + "' already exists");
                }
                store.delete(id);
                historyCache.remove(id);
            }
            store.create(session);
            publish("conversation.created", Map.of("session_id", id, "agent_id", session.agentId()), session.owner());
            return session;
        });
    }

    @Override
    public Session relabelSession(String id, String owner, String label) {
        if (label != null && label.length() > 200) {
            throw OpenClawException.invalid("label must be at most 200 characters");
        }
        Session s = getSession(id, owner);
        store.relabel(s.id(), label == null || label.isBlank() ? null : label.strip());
        return getSession(id, owner);
    }

    @Override
    public Session getSession(String id, String owner) {
        return visible(id, owner).orElseThrow(() -> OpenClawException.notFound("session", id));
    }

    @Override
    public Page<Session> listSessions(String owner, int offset, int limit) {
        return store.list(owner, offset, limit);
    }

    @Override
    public void deleteSession(String id, String owner) {
        getSession(id, owner);
        queue.run(id, () -> {
            historyCache.remove(id);
            return store.delete(id);
        });
    }

    @Override
    public Page<Message> messages(String sessionId, String owner, int offset, int limit) {
        getSession(sessionId, owner);
        return store.messages(sessionId, offset, limit);
    }

    @Override
    public Message message(String messageId, String owner) {
        Optional<Message> m = Ids.isSafeId(messageId) ? store.findMessage(messageId) : Optional.empty();
        if (m.isEmpty() || visible(m.get().sessionId(), owner).isEmpty()) {
            throw OpenClawException.notFound("message", messageId);
        }
        return m.get();
    }

    @Override
    public List<Message> findMessages(MessageQuery query, String owner) {
        if (query.sessionId() != null) {
            getSession(query.sessionId(), owner);
        }
        return store.findMessages(query, owner);
    }

    @Override
    public Message deleteMessage(String messageId, String owner) {
        Message m = message(messageId, owner);
        queue.run(m.sessionId(), () -> {
            historyCache.remove(m.sessionId());
            if (!store.deleteMessage(m.sessionId(), m.id())) {
                throw OpenClawException.notFound("message", messageId);
            }
            return null;
        });
        return m;
    }

    @Override
    public TurnResult runTurn(TurnRequest request) {
        return execute(request, null);
    }

    @Override
    public TurnResult streamTurn(TurnRequest request, StreamListener listener) {
        return execute(request, Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public ConversationStats stats() {
        Instant hourAgo = clock.instant().minus(Duration.ofHours(1));
        return new ConversationStats(store.stats(hourAgo), queue.waiting(), inFlight.get(), lastContextTokens.get());
    }

    @Override
    public String storedSessionId(String clientId, String namespace, String owner) {
        if (clientId == null || namespace == null || clientId.startsWith(namespace + ":")) {
            return clientId;
        }
        if (GENERATED_ID.matcher(clientId).matches()
                && store.find(clientId).filter(s -> s.owner() != null && s.owner().equals(owner)).isPresent()) {
            return clientId;
        }
        return namespace + ":" + clientId;
    }

    @Override
    public SessionStats sessionStats(String owner) {
        return store.stats(clock.instant().minus(Duration.ofHours(1)), owner);
    }

    @Override
    public ModelCatalog models() {
        return models;
    }

    private TurnResult execute(TurnRequest request, StreamListener listener) {
        String id = checkId(request.sessionId());
        ResolvedModel requested = request.model() == null ? null : models.resolve(request.model());
        return queue.run(id, () -> {
            Instant now = clock.instant();
            // A template carrying this very id means the caller just generated it: no row can exist, skip the read
            // (an id clash would still fail the insert with CONFLICT).
            boolean knownNew = request.createIfMissing() && id.equals(request.template().id());
            Optional<Session> stored = knownNew ? Optional.empty() : store.find(id);
            if (stored.isPresent() && !owns(stored.get(), request.owner())) {
                throw OpenClawException.notFound("session", id);
            }
            boolean expired = stored.isPresent() && stored.get().expiredAt(now);
            boolean create = stored.isEmpty() || expired;
            if (create && !request.createIfMissing()) {
                throw OpenClawException.notFound("session", id);
            }
            Session session = create ? newSession(request.template(), id, now) : stored.get();
            List<Message> history = List.of();
            if (!create && settings.historyLimit() > 0) {
                history = historyCache.get(id, session.messageCount(), settings.historyLimit());
                if (history == null) {
                    history = store.history(id, settings.historyLimit());
                    historyCache.put(id, session.messageCount(), history);
                }
            }
            List<ChatMessage> input = request.input();
            if (create && !request.options().earlier().isEmpty()) {
                input = new ArrayList<>(request.options().earlier());
                input.addAll(request.input());
            }
            // a message with attachments is stored as such and given to the model with the files' text (and images)
            List<ChatMessage> modelInput = Attachments.TYPE.equals(request.messageType())
                    ? input.stream().map(in -> Attachments.toModel(in.role(), in.content())).toList() : input;
            TurnPlan plan = new TurnPlan(session, requested, history, modelInput, request.temperature(),
                    request.maxTokens(), settings.modelTimeout(), settings.systemPrompt(), request.options());
            inFlight.incrementAndGet();
            TurnOutcome outcome;
            try {
                outcome = engine.run(plan, listener);
            } finally {
                inFlight.decrementAndGet();
            }
            ResolvedModel model = outcome.model();
            long providerNanos = outcome.providerNanos();
            Instant at = clock.instant();
            List<Message> stored2 = new ArrayList<>(input.size() + outcome.steps().size() + 1);
            for (ChatMessage in : input) {
                boolean plain = request.messageType() != null || ToolMessages.typeOf(in).equals("text");
                stored2.add(new Message(Ids.newId("msg"), id, in.role(), plain ? in.content() : ToolMessages.encode(in),
                        plain ? request.messageType() : ToolMessages.typeOf(in), null, Usage.ZERO, now));
            }
            for (ChatMessage step : outcome.steps()) {
                stored2.add(new Message(Ids.newId("msg"), id, step.role(), ToolMessages.encode(step),
                        ToolMessages.typeOf(step), step.role() == Role.ASSISTANT ? model.id().toString() : null,
                        Usage.ZERO, at));
            }
            if (outcome.failure() != null) {
                stored2.add(new Message(Ids.newId("msg"), id, Role.ASSISTANT, outcome.failure().getMessage(),
                        ToolMessages.ERROR, model.id().toString(), outcome.usage(), at));
                Session after = session.afterTurn(stored2.size(), at);
                historyCache.remove(id);
                if (expired) {
                    store.delete(id);
                }
                store.appendTurn(after, create, stored2);
                throw outcome.failure();
            }
            ChatResponse response = outcome.response();
            ChatMessage answer = response.hasToolCalls()
                    ? ChatMessage.assistantToolCalls(response.text(), response.toolCalls())
                    : ChatMessage.assistant(response.text());
            Message reply = new Message(Ids.newId("msg"), id, Role.ASSISTANT, ToolMessages.encode(answer),
                    ToolMessages.typeOf(answer), model.id().toString(), outcome.usage(), at);
            stored2.add(reply);
            Session after = session.afterTurn(stored2.size(), at);
            if (expired) {
                store.delete(id);
                historyCache.remove(id);
            }
            try {
                store.appendTurn(after, create, stored2);
            } catch (RuntimeException e) {
                historyCache.remove(id);
                throw e;
            }
            if (create) {
                historyCache.put(id, after.messageCount(), stored2);
            } else {
                historyCache.append(id, session.messageCount(), after.messageCount(), stored2);
            }
            lastContextTokens.set(response.usage().inputTokens());
            List<Message> inputs = stored2.subList(0, input.size());
            if (create) {
                publish("conversation.created", Map.of("session_id", id, "agent_id", after.agentId()), after.owner());
            }
            for (Message m : inputs) {
                if (m.role() == Role.USER) {
                    publish("message.received", origin(request.origin(), "session_id", id, "message_id", m.id(),
                            "content", Attachments.of(m).text()), after.owner());
                }
            }
            publish("message.sent", origin(request.origin(), "session_id", id, "message_id", reply.id(), "content",
                    reply.content(), "model", reply.model()), after.owner());
            return new TurnResult(after, create, inputs, reply, model.id(),
                    response.model(), outcome.usage(), providerNanos, model.provider().offline(),
                    response.finishReason(), response);
        });
    }

    private Optional<Session> visible(String id, String owner) {
        if (!Ids.isSafeId(id)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return store.find(id).filter(s -> owns(s, owner) && !s.expiredAt(now));
    }

    private static boolean owns(Session s, String owner) {
        return owner == null || owner.equals(s.owner());
    }

    private Session newSession(NewSession spec, String id, Instant now) {
        Objects.requireNonNull(spec, "template");
        String agent = spec.agentId() == null || spec.agentId().isBlank() ? Session.DEFAULT_AGENT : spec.agentId();
        Instant expires = spec.ttl() == null ? null : now.plus(spec.ttl());
        return new Session(id, spec.label(), agent, spec.model(), spec.owner(), now, now, expires, 0, spec.context());
    }

    private static String checkId(String id) {
        if (!Ids.isSafeId(id)) {
            throw OpenClawException.invalid("session id must be 1-128 characters of letters, digits and . _ : @ -, "
                    + "starting with a letter or digit");
        }
        return id;
    }

    /** Event data from key/value pairs plus the turn's {@code channel} and {@code user} (seed 002's payload). */
    private static Map<String, Object> origin(TurnOrigin origin, Object... pairs) {
        Map<String, Object> data = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            data.put((String) pairs[i], pairs[i + 1]);
        }
        data.put("channel", origin.channel());
        if (origin.user() != null) {
            data.put("user", origin.user());
        }
        return data;
    }

    private void publish(String type, Map<String, Object> data, String owner) {
        events.publish(new DomainEvent(type, clock.instant(), data, owner));
    }
}
