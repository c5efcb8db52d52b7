package ai.openclaw.llm;

import ai.openclaw.error.OpenClawException;
import java.util.Objects;

/**
 * A model reference in OpenClaw's {@code provider/model} form, e.g. {@code zai/glm-4.7-flash}.
 * The model part may itself contain slashes ({@code openrouter/anthropic/claude-3.5}).
 *
 * @param provider the configured provider name; never blank
 * @param model the provider's model name; never blank
 */
public record ModelId(String provider, String model) {
    /** Validates that both parts are non-blank. */
    public ModelId {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(model, "model");
        if (provider.isBlank() || model.isBlank()) {
            throw new IllegalArgumentException("provider and model must be non-blank");
        }
    }

    /**
     * Parses {@code provider/model}.
     *
     * @param value the id
     * @return the parsed id
     * @throws OpenClawException INVALID_REQUEST if there is no slash or either part is empty
     */
    public static ModelId parse(String value) {
        int slash = value == null ? -1 : value.indexOf('/');
        if (slash <= 0 || slash == value.length() - 1) {
            throw OpenClawException.invalid("model id must look like 'provider/model'; got '" + value + "'");
        }
        return new ModelId(value.substring(0, slash), value.substring(slash + 1));
    }

    /** The {@code provider/model} form. */
    @Override
    public String toString() {
        return provider + "/" + model;
    }
}
