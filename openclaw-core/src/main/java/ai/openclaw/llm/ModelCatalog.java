package ai.openclaw.llm;

import ai.openclaw.error.ErrorCode;
import ai.openclaw.error.OpenClawException;
import ai.openclaw.error.UpstreamException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The configured providers and the default model; resolves the model references clients send and calls models
 * with their fallbacks ({@code models.fallbacks}).
 *
 * <p>Resolution rules ({@link #resolve}): null or blank means the default model; {@code provider/model} with a
 * configured provider selects it; any other name (e.g. seed 001's {@code qwen3.5-plus}) is sent to the default
 * model's provider under that name — or, when the default is the offline responder, answered by it.
 * {@link #resolveKnown} is the strict form the OpenAI dialect uses: an unknown model is NOT_FOUND.
 */
public final class ModelCatalog {
    /** What the config says, swapped whole by {@link #replaceWith} (a live config reload). */
    private record State(ModelId defaultModel, Map<String, ModelProvider> providers,
                         Map<String, List<String>> fallbacks, Set<String> withoutTools) {
    }

    private volatile State state;

    /**
     * Creates a catalog without fallbacks.
     *
     * @param defaultModel the default model; its provider must be among {@code providers}
     * @param providers the configured providers
     * @throws IllegalArgumentException if the default model's provider is not configured
     */
    public ModelCatalog(ModelId defaultModel, List<ModelProvider> providers) {
        this(defaultModel, providers, Map.of(), Set.of());
    }

    /**
     * Creates a catalog.
     *
     * @param defaultModel the default model; its provider must be among {@code providers}
     * @param providers the configured providers
     * @param fallbacks {@code provider/model} → the model references to try, in order, when it fails with a
     *     retriable error (config {@code models.fallbacks})
     * @param withoutTools {@code provider/model} ids (or {@code provider/*}) configured {@code supportsTools: false}
     * @throws IllegalArgumentException if the default model's provider is not configured
     */
    public ModelCatalog(ModelId defaultModel, List<ModelProvider> providers, Map<String, List<String>> fallbacks,
                        Set<String> withoutTools) {
        Objects.requireNonNull(defaultModel, "defaultModel");
        Map<String, ModelProvider> map = new LinkedHashMap<>();
        for (ModelProvider p : providers) {
            map.put(p.name(), p);
        }
        if (!map.containsKey(defaultModel.provider())) {
            throw new IllegalArgumentException("default model " + defaultModel + " names an unconfigured provider");
        }
        Set<String> noTools = ConcurrentHashMap.newKeySet();
        noTools.addAll(withoutTools);
        // LinkedHashMap, unmodifiable: the configured order is the order of GET /v1/models
        this.state = new State(defaultModel, java.util.Collections.unmodifiableMap(map), Map.copyOf(fallbacks),
                noTools);
    }

    /**
     * Takes over another catalog's providers, default model, fallbacks and tool support (a live reload of the
     * config's {@code models} section): calls already running finish on the models they resolved; the next
     * resolution sees the new ones. What was learned about tool support is forgotten with the old providers.
     *
     * @param next the catalog built from the new config; never null
     */
    public void replaceWith(ModelCatalog next) {
        this.state = Objects.requireNonNull(next, "next").state;
    }

    /** The default model id. */
    public ModelId defaultModel() {
        State st = state;
        return st.defaultModel();
    }

    /** Whether the default model is the builtin offline responder. */
    public boolean defaultIsOffline() {
        State st = state;
        return st.providers().get(st.defaultModel().provider()).offline();
    }

    /** The configured providers. */
    public List<ModelProvider> providers() {
        State st = state;
        return List.copyOf(st.providers().values());
    }

    /**
     * Resolves a client's model reference leniently (bare unknown names go to the default provider).
     *
     * @param reference {@code provider/model}, a bare model name, or null/blank for the default
     * @return the resolved model
     * @throws OpenClawException INVALID_REQUEST if the reference is longer than 200 characters
     */
    public ResolvedModel resolve(String reference) {
        State st = state;
        if (reference == null || reference.isBlank()) {
            return new ResolvedModel(st.defaultModel(), st.providers().get(st.defaultModel().provider()));
        }
        if (reference.length() > 200) {
            throw OpenClawException.invalid("field 'model' is longer than 200 characters");
        }
        int slash = reference.indexOf('/');
        if (slash > 0 && slash < reference.length() - 1) {
            ModelProvider p = st.providers().get(reference.substring(0, slash));
            if (p != null) {
                return new ResolvedModel(new ModelId(p.name(), reference.substring(slash + 1)), p);
            }
        }
        ModelProvider p = st.providers().get(st.defaultModel().provider());
        if (p.offline()) {
            return new ResolvedModel(st.defaultModel(), p);
        }
        return new ResolvedModel(new ModelId(p.name(), reference), p);
    }

    /**
     * Resolves a model reference strictly: {@code provider/model} of a configured provider that lists the model
     * (or lists none, e.g. a local server serving whatever it has), or a bare name some provider lists.
     *
     * @param reference the reference; null or blank for the default model
     * @return the resolved model
     * @throws OpenClawException NOT_FOUND ({@code model 'x' not found}) for an unknown model
     */
    public ResolvedModel resolveKnown(String reference) {
        State st = state;
        if (reference == null || reference.isBlank()) {
            return resolve(null);
        }
        if (reference.length() > 200) {
            throw OpenClawException.invalid("field 'model' is longer than 200 characters");
        }
        int slash = reference.indexOf('/');
        if (slash > 0 && slash < reference.length() - 1) {
            ModelProvider p = st.providers().get(reference.substring(0, slash));
            String name = reference.substring(slash + 1);
            if (p != null && (p.models().isEmpty() || p.models().contains(name)
                    || new ModelId(p.name(), name).equals(st.defaultModel()))) {
                return new ResolvedModel(new ModelId(p.name(), name), p);
            }
        }
        for (ModelProvider p : st.providers().values()) {
            if (p.models().contains(reference)) {
                return new ResolvedModel(new ModelId(p.name(), reference), p);
            }
        }
        throw modelNotFound(reference);
    }

    /** The NOT_FOUND error for an unknown model (OpenAI {@code model_not_found}). */
    public static OpenClawException modelNotFound(String reference) {
        return new OpenClawException(ErrorCode.NOT_FOUND, "The model '" + reference + "' does not exist (field "
                + "'model'); GET /v1/models lists the models", null, false, null);
    }

    /** Every model id the catalog knows by name: the default first, then each provider's listed models. */
    public List<ModelId> knownModels() {
        State st = state;
        List<ModelId> out = new ArrayList<>();
        out.add(st.defaultModel());
        for (ModelProvider p : st.providers().values()) {
            for (String m : p.models()) {
                ModelId id = new ModelId(p.name(), m);
                if (!out.contains(id)) {
                    out.add(id);
                }
            }
        }
        return out;
    }

    /** Whether the given provider is the builtin offline responder. */
    public boolean isOffline(String providerName) {
        State st = state;
        ModelProvider p = st.providers().get(providerName);
        return p != null && p.offline();
    }

    /**
     * Whether a model may be offered tools: not when configured {@code supportsTools: false} (for the model or
     * its whole provider) or learned from a provider's 400 about tools.
     */
    public boolean supportsTools(ModelId id) {
        State st = state;
        return !st.withoutTools().contains(id.toString()) && !st.withoutTools().contains(id.provider() + "/*");
    }

    /** The fallbacks configured for a model, in order (references as written in config). */
    public List<String> fallbacks(ModelId id) {
        State st = state;
        return st.fallbacks().getOrDefault(id.toString(), List.of());
    }

    /**
     * Calls a model, whole; on a retriable failure the configured fallbacks are tried in order. A 400 about tools
     * from a model offered tools teaches the catalog that it runs without them, and the call is repeated so.
     *
     * @param model the resolved model
     * @param request the call (its model name is replaced for each fallback)
     * @return the answer of the first model that answered
     * @throws UpstreamException the last failure when every model failed
     */
    public ChatResponse chat(ResolvedModel model, ChatRequest request) {
        return call(model, request, null, extraFallbacks(model, List.of()));
    }

    /** As {@link #chat}, with more fallbacks (e.g. an agent's) after the model's own. */
    public ChatResponse chat(ResolvedModel model, ChatRequest request, List<String> moreFallbacks) {
        return call(model, request, null, extraFallbacks(model, moreFallbacks));
    }

    /**
     * Calls a model, streamed; fallbacks are tried only while nothing has been streamed to {@code listener}.
     *
     * @throws UpstreamException the last failure when every model failed
     */
    public ChatResponse stream(ResolvedModel model, ChatRequest request, StreamListener listener,
                               List<String> moreFallbacks) {
        return call(model, request, Objects.requireNonNull(listener, "listener"),
                extraFallbacks(model, moreFallbacks));
    }

    private List<String> extraFallbacks(ResolvedModel model, List<String> more) {
        List<String> chain = new ArrayList<>(fallbacks(model.id()));
        for (String m : more == null ? List.<String>of() : more) {
            if (!chain.contains(m) && !m.equals(model.id().toString())) {
                chain.add(m);
            }
        }
        return chain;
    }

    private ChatResponse call(ResolvedModel first, ChatRequest request, StreamListener listener,
                              List<String> chain) {
        ResolvedModel model = first;
        int next = 0;
        while (true) {
            ChatRequest call = request.model().equals(model.id().model()) ? request
                    : request.withModel(model.id().model());
            if (!call.tools().isEmpty() && !supportsTools(model.id())) {
                call = call.withoutTools();
            }
            StreamGuard guard = listener == null ? null : new StreamGuard(listener);
            try {
                return once(model, call, guard);
            } catch (UpstreamException e) {
                if (guard != null && guard.started) {
                    throw e;
                }
                if (next >= chain.size() || !e.retriable()) {
                    throw e;
                }
                model = resolve(chain.get(next++));
            }
        }
    }

    private ChatResponse once(ResolvedModel model, ChatRequest call, StreamGuard guard) {
        try {
            return guard == null ? model.chatModel().chat(call) : model.chatModel().stream(call, guard);
        } catch (UpstreamException e) {
            if (e.upstreamStatus() == 400 && !call.tools().isEmpty() && (guard == null || !guard.started)
                    && mentionsTools(e)) {
                state.withoutTools().add(model.id().toString());
                ChatRequest bare = call.withoutTools();
                return guard == null ? model.chatModel().chat(bare) : model.chatModel().stream(bare, guard);
            }
            throw e;
        }
    }

    private static boolean mentionsTools(UpstreamException e) {
        String text = (e.getMessage() + " " + e.details()).toLowerCase(Locale.ROOT);
        return text.contains("tool") || text.contains("function call");
    }

    /** Forwards to the listener and remembers whether anything was streamed (then no fallback may run). */
    private static final class StreamGuard implements StreamListener {
        private final StreamListener target;
        private volatile boolean started;

        StreamGuard(StreamListener target) {
            this.target = target;
        }

        @Override
        public void onText(String delta) {
            started = true;
            target.onText(delta);
        }

        @Override
        public void onToolCallDelta(int index, String id, String name, String argumentsDelta) {
            started = true;
            target.onToolCallDelta(index, id, name, argumentsDelta);
        }

        @Override
        public void onReasoning(String delta) {
            started = true;
            target.onReasoning(delta);
        }

        @Override
        public void onRefusal(String delta) {
            started = true;
            target.onRefusal(delta);
        }

        @Override
        public void onLogprobs(com.fasterxml.jackson.databind.JsonNode logprobs) {
            target.onLogprobs(logprobs);
        }

        @Override
        public void onChoice(com.fasterxml.jackson.databind.JsonNode choice) {
            started = true;
            target.onChoice(choice);
        }

        @Override
        public void onToolCall(ToolCall call) {
            target.onToolCall(call);
        }

        @Override
        public void onToolResult(ToolCall call, String result, boolean error, long millis) {
            target.onToolResult(call, result, error, millis);
        }
    }
}
