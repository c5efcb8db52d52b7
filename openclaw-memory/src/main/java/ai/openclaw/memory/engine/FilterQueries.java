package ai.openclaw.memory.engine;

import ai.openclaw.memory.MemoryFilter;
import ai.openclaw.memory.MemoryType;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * Turns a {@link MemoryFilter} into the Lucene filter query of {@link LuceneMemoryIndex}'s fields. The query is built
 * to be the same from one search to the next for the same filter, so Lucene's query cache keeps its matching
 * documents as a bit set after a few uses: the expiry clause, which names the current instant, is added only when
 * some indexed item can have expired, clauses that every document passes are left out, and a filter that keeps
 * everything is {@code null}.
 */
final class FilterQueries {
    /** The owner field's value for shared (ownerless) items. */
    static final String SHARED = "\u0000shared";

    private FilterQueries() {
    }

    /**
     * The filter query, or null when it would keep every live item.
     *
     * @param reader the reader the query will run on (its points tell whether anything can have expired)
     * @throws IOException when the index cannot be read
     */
    static Query of(MemoryFilter filter, Instant now, IndexReader reader) throws IOException {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        int clauses = 0;
        if (filter.ownerFilter() != null && !coversAll(reader, "owner", List.of(filter.ownerFilter(), SHARED))) {
            // Two terms: a disjunction of term queries is cheaper than a TermInSetQuery and is cached as one query.
            b.add(new BooleanQuery.Builder()
                    .add(new TermQuery(new Term("owner", filter.ownerFilter())), BooleanClause.Occur.SHOULD)
                    .add(new TermQuery(new Term("owner", SHARED)), BooleanClause.Occur.SHOULD).build(),
                    BooleanClause.Occur.FILTER);
            clauses++;
        }
        if (filter.agentId() != null && !coversAll(reader, "agent", List.of(filter.agentId()))) {
            b.add(new TermQuery(new Term("agent", filter.agentId())), BooleanClause.Occur.FILTER);
            clauses++;
        }
        if (filter.source() != null && !coversAll(reader, "source", List.of(filter.source()))) {
            b.add(new TermQuery(new Term("source", filter.source())), BooleanClause.Occur.FILTER);
            clauses++;
        }
        List<String> types = filter.types().stream().map(MemoryType::wireName).distinct().toList();
        if (!types.isEmpty() && !coversAll(reader, "type", types)) {
            b.add(new TermInSetQuery("type", types.stream().map(BytesRef::new).toList()), BooleanClause.Occur.FILTER);
            clauses++;
        }
        for (String tag : filter.tags()) {
            if (coversAll(reader, "tag", List.of(tag))) {
                continue;
            }
            b.add(new TermQuery(new Term("tag", tag)), BooleanClause.Occur.FILTER);
            clauses++;
        }
        if (mayHaveExpired(reader, now)) {
            if (clauses == 0) {
                b.add(new MatchAllDocsQuery(), BooleanClause.Occur.FILTER);
            }
            b.add(LongPoint.newRangeQuery("expires", Long.MIN_VALUE, now.toEpochMilli()),
                    BooleanClause.Occur.MUST_NOT);
            clauses++;
        }
        return clauses == 0 ? null : new ConstantScoreQuery(b.build());
    }

    /**
     * Whether every document (deleted ones included) holds one of {@code values} in {@code field}, a field with one
     * value per document (or a single value): then a clause on them keeps everything and is left out, which spares
     * the searches a filter bit set (a gateway with one user, one agent or one type of memory is the common case).
     */
    private static boolean coversAll(IndexReader reader, String field, List<String> values) throws IOException {
        long sum = 0;
        for (String v : values) {
            sum += reader.docFreq(new Term(field, v));
        }
        return sum == reader.maxDoc();
    }

    /** Whether any segment holds an item whose expiry is at or before {@code now} (deleted items may count). */
    private static boolean mayHaveExpired(IndexReader reader, Instant now) throws IOException {
        long t = now.toEpochMilli();
        for (LeafReaderContext leaf : reader.leaves()) {
            PointValues points = leaf.reader().getPointValues("expires");
            if (points != null && points.size() > 0
                    && LongPoint.decodeDimension(points.getMinPackedValue(), 0) <= t) {
                return true;
            }
        }
        return false;
    }
}
