package ai.openclaw.migration;

import java.util.Objects;

/**
 * One use of a v1 API spelling found by the v1 → v2 compatibility check (seed 003, 迁移指南 "主要变更").
 *
 * @param file the file it is in, as given to the check (the config file, or a path under the scanned directory)
 * @param line its 1-based line, or 0 when unknown
 * @param at for the config: the dotted path of the key or value ({@code cron.jobs[0].session_id}); null in sources
 * @param found the v1 spelling as written ({@code session_id}, {@code /api/v1/chat})
 * @param replacement its v2 replacement ({@code conversation_id}, {@code /v2/conversations/{id}/messages})
 * @param change the row of seed 003's table it falls under, e.g. {@code 命名统一 (naming)}
 * @param automatic whether {@code openclaw api migrate} rewrites it (config keys), else it needs a hand edit
 */
public record ApiUsage(String file, int line, String at, String found, String replacement, String change,
                       boolean automatic) {
    /** Checks the fields. */
    public ApiUsage {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(found, "found");
        Objects.requireNonNull(replacement, "replacement");
        Objects.requireNonNull(change, "change");
        if (line < 0) {
            throw new IllegalArgumentException("line must be >= 0");
        }
    }

    /** The usage as one line: {@code file:line: [at: ]found → replacement (change)}. */
    public String format() {
        return file + (line > 0 ? ":" + line : "") + ": " + (at == null ? "" : at + ": ") + found + " → "
                + replacement + " (" + change + (automatic ? "; openclaw api migrate rewrites it" : "") + ")";
    }
}
