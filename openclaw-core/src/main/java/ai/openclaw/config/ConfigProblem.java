package ai.openclaw.config;

import java.util.Objects;

/**
 * One problem found in {@code config.yaml} (issue 16): an unknown key or a value of the wrong type.
 *
 * @param path the dotted config path, e.g. {@code gateway.prot}
 * @param line the 1-based line in the file, or 0 when unknown (e.g. a value from the environment)
 * @param message what is wrong, naming the path, e.g. {@code unknown key 'gateway.prot'}
 */
public record ConfigProblem(String path, int line, String message) {
    /** Validates the fields. */
    public ConfigProblem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    /** The problem as {@code FILE:LINE: MESSAGE} (or {@code FILE: MESSAGE} without a line). */
    public String format(String file) {
        return file + (line > 0 ? ":" + line : "") + ": " + message;
    }
}
