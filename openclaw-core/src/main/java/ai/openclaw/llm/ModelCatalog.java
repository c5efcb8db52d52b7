package ai.openclaw.llm;

import ai.openclaw.error.OpenClawException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The configured providers and the default model; resolves the model references clients send.
 *
 * <p>Resolution rules: null or blank means the default model; {@code provider/model} with a configured
 * provider selects it; any other name (e.g. seed 001's {@code qwen3.5-plus}) is sent to the default
 * model's provider under that name — or, when the default is the offline responder, answered by it.
 */
public final class ModelCatalog {
    private final ModelId defaultModel;
    private final Map<String, ModelProvider> providers;

    /**
     * Creates a catalog.
     *
     * @param defaultModel the default model; its provider must be among {@code providers}
     * @param providers the configured providers
     * @throws IllegalArgumentException if the default model's provider is not configured
     */
    public ModelCatalog(ModelId defaultModel, List<ModelProvider> providers) {
        this.defaultModel = Objects.requireNonNull(defaultModel, "defaultModel");
        Map<String, ModelProvider> map = new LinkedHashMap<>();
        for (ModelProvider p : providers) {
            map.put(p.name(), p);
        }
        this.providers = Map.copyOf(map);
        if (!this.providers.containsKey(defaultModel.provider())) {
            throw new IllegalArgumentException("default model " + defaultModel + " names an unconfigured provider");
        }
    }

    /** The default model id. */
    public ModelId defaultModel() {
        return defaultModel;
    }

    /** Whether the default model is the builtin offline responder. */
    public boolean defaultIsOffline() {
        return providers.get(defaultModel.provider()).offline();
    }

    /** The configured providers. */
    public List<ModelProvider> providers() {
        return List.copyOf(providers.values());
    }

    /**
     * Resolves a client's model reference.
     *
     * @param reference {@code provider/model}, a bare model name, or null/blank for the default
     * @return the resolved model
     * @throws OpenClawException INVALID_REQUEST if the reference is longer than 200 characters
     */
    public ResolvedModel resolve(String reference) {
        if (reference == null || reference.isBlank()) {
            return new ResolvedModel(defaultModel, providers.get(defaultModel.provider()));
        }
        if (reference.length() > 200) {
            throw OpenClawException.invalid("field 'model' is longer than 200 characters");
        }
        int slash = reference.indexOf('/');
        if (slash > 0 && slash < reference.length() - 1) {
            ModelProvider p = providers.get(reference.substring(0, slash));
            if (p != null) {
                return new ResolvedModel(new ModelId(p.name(), reference.substring(slash + 1)), p);
            }
        }
        ModelProvider p = providers.get(defaultModel.provider());
        if (p.offline()) {
            return new ResolvedModel(defaultModel, p);
        }
        return new ResolvedModel(new ModelId(p.name(), reference), p);
    }

    /** Every model id the catalog knows by name: the default first, then each provider's listed models. */
    public List<ModelId> knownModels() {
        List<ModelId> out = new ArrayList<>();
        out.add(defaultModel);
        for (ModelProvider p : providers.values()) {
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
        ModelProvider p = providers.get(providerName);
        return p != null && p.offline();
    }
}
