package ai.openclaw.it;

import java.util.List;

/**
 * One code example of a seed document, located by anchor lines (its text is read from the seed at test time), how
 * the acceptance test runs it, and what its answers must look like.
 *
 * @param id a short name ({@code 001-curl-status})
 * @param seed the seed number
 * @param first the stripped text the example's first line starts with
 * @param occurrence which such line (1-based)
 * @param last the stripped text its last line starts with (the first such line after {@code first})
 * @param extra lines after {@code last} that still belong to it
 * @param kind how it runs: {@code curl} (bash), {@code node}, {@code python}, {@code cli} (the openclaw CLI),
 *     {@code copy:FILE} (an SDK snippet SdkSnippetsTest runs from {@code sdk-snippets/FILE}: the copy must be the
 *     seed's text), {@code elsewhere:TEST} (run by that test), {@code not-run} (see {@code note})
 * @param expect per answer (curl: per command): {@code STATUS} alone, {@code STATUS METHOD PATH} (the documented
 *     response of that endpoint of the seed), {@code STATUS sse}, or for node/python/cli a regex the output must match
 * @param note why the test changes or does not run it (README "Differences from the seeds"), or empty
 */
record SeedExample(String id, int seed, String first, int occurrence, String last, int extra, String kind,
                   List<String> expect, String note) {
    SeedExample {
        expect = List.copyOf(expect);
    }

    static SeedExample of(String id, int seed, String first, String last, String kind, String... expect) {
        return new SeedExample(id, seed, first, 1, last, 0, kind, List.of(expect), "");
    }

    SeedExample at(int occurrence) {
        return new SeedExample(id, seed, first, occurrence, last, extra, kind, expect, note);
    }

    SeedExample plus(int extraLines) {
        return new SeedExample(id, seed, first, occurrence, last, extraLines, kind, expect, note);
    }

    SeedExample because(String why) {
        return new SeedExample(id, seed, first, occurrence, last, extra, kind, expect, why);
    }
}
