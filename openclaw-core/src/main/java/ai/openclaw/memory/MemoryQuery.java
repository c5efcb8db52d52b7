package ai.openclaw.memory;

import java.util.Objects;

/**
 * A hybrid search (seed 001 {@code GET /api/v1/memory/search}: {@code query}, {@code limit}, {@code minScore}).
 *
 * @param query the text to search for; validated by the service (not blank)
 * @param limit the most hits to return; null for the service's default
 * @param minScore the lowest fused {@code score} returned, in [0,1]; null for the service's default
 * @param filter which items to consider
 * @param halfLifeDays optional recency decay: a hit's score is multiplied by {@code 0.5^(ageDays/halfLifeDays)};
 *     null for none
 */
public record MemoryQuery(String query, Integer limit, Double minScore, MemoryFilter filter, Double halfLifeDays) {
    /** Requires a filter. */
    public MemoryQuery {
        Objects.requireNonNull(filter, "filter");
    }
}
