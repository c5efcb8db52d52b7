package ai.openclaw.migration;

import java.util.List;
import java.util.Objects;

/**
 * What {@code openclaw api migrate --from v1 --to v2} does to a config file: its text before and after, the v1 keys
 * renamed, and the v1 usages left for a hand edit (endpoint URLs, which need a conversation id).
 *
 * @param before the file's text as read ("" when there is no file)
 * @param after the text with every v1 key renamed to its v2 spelling, comments and layout kept
 * @param rewritten the usages {@code after} fixes
 * @param manual the usages that remain
 */
public record ConfigMigration(String before, String after, List<ApiUsage> rewritten, List<ApiUsage> manual) {
    /** Checks and copies the fields. */
    public ConfigMigration {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        rewritten = List.copyOf(rewritten);
        manual = List.copyOf(manual);
    }

    /** Whether the migration changes the file. */
    public boolean changes() {
        return !before.equals(after);
    }
}
