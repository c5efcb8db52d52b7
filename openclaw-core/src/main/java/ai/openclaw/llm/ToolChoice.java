package ai.openclaw.llm;

import ai.openclaw.error.OpenClawException;
import java.util.Objects;

/**
 * Which tool the model must or may call (OpenAI {@code tool_choice}).
 *
 * @param mode {@code auto}, {@code none}, {@code required} or {@code function}; never null
 * @param name the function the model must call when mode is {@code function}; else null
 */
public record ToolChoice(String mode, String name) {
    /** The model decides. */
    public static final ToolChoice AUTO = new ToolChoice("auto", null);
    /** No tool call. */
    public static final ToolChoice NONE = new ToolChoice("none", null);
    /** At least one tool call. */
    public static final ToolChoice REQUIRED = new ToolChoice("required", null);

    /** Validates the mode and that exactly {@code function} carries a name. */
    public ToolChoice {
        Objects.requireNonNull(mode, "mode");
        switch (mode) {
            case "auto", "none", "required" -> {
                if (name != null) {
                    throw new IllegalArgumentException("tool choice " + mode + " names no function");
                }
            }
            case "function" -> {
                if (name == null || name.isBlank()) {
                    throw new IllegalArgumentException("tool choice function needs a name");
                }
            }
            default -> throw OpenClawException.invalid("field 'tool_choice' must be auto, none, required or "
                    + "{\"type\":\"function\",\"function\":{\"name\":…}}; got '" + mode + "'");
        }
    }

    /** The model must call the named function. */
    public static ToolChoice function(String name) {
        return new ToolChoice("function", name);
    }
}
