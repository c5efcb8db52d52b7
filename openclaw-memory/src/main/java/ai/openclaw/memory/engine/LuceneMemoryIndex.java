package ai.openclaw.memory.engine;

import ai.openclaw.memory.HybridScoring;
import ai.openclaw.memory.MemoryFilter;
import ai.openclaw.memory.MemoryIndex;
import ai.openclaw.memory.MemoryItem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.ConcurrentMergeScheduler;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * {@link MemoryIndex} on Lucene: field {@code content} scored by BM25 through {@link MemoryAnalyzer}; one HNSW
 * vector field per embedding model ({@code vec.<model>}, cosine); filter fields for owner, agent, type, tags and
 * expiry. Writes are visible to every search that starts after them (the
 * next search reopens the near-real-time reader); {@link #commit} makes them durable.
 */
final class LuceneMemoryIndex implements MemoryIndex {
    private static final String FINGERPRINT = "openclaw.fingerprint";
    private static final String SCHEMA = "openclaw.schema";
    /** 2: ids in doc values instead of stored fields. */
    private static final String SCHEMA_VERSION = "2";

    private final Analyzer analyzer = new MemoryAnalyzer();
    private final BM25Similarity similarity = new BM25Similarity((float) HybridScoring.K1, 0.75f);
    private final FSDirectory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private volatile String committed;
    /** Set by writes; the next search reopens the reader first (so a write is visible to every later search). */
    private final AtomicLong writes = new AtomicLong();
    /** The write count the current reader is known to include. */
    private final AtomicLong visible = new AtomicLong();

    LuceneMemoryIndex(Path dir) {
        try {
            Files.createDirectories(dir);
            directory = FSDirectory.open(dir);
            String fp = null;
            try {
                if (DirectoryReader.indexExists(directory)) {
                    try (DirectoryReader r = DirectoryReader.open(directory)) {
                        Map<String, String> data = r.getIndexCommit().getUserData();
                        fp = SCHEMA_VERSION.equals(data.get(SCHEMA)) ? data.get(FINGERPRINT) : null;
                    }
                }
            } catch (IOException | RuntimeException e) {
                fp = null;
            }
            IndexWriterConfig cfg = new IndexWriterConfig(analyzer).setSimilarity(similarity)
                    .setOpenMode(fp == null ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.APPEND)
                    .setRAMBufferSizeMB(16)
                    // Fewer, larger segments than Lucene's default (10 per tier): every search walks one HNSW graph
                    // per segment, and memory is searched far more often than written (at 100k items: 15 → 7
                    // segments, HNSW 1.4 → 0.7 ms; docs/BENCHMARKS.md).
                    .setMergePolicy(new TieredMergePolicy().setSegmentsPerTier(4));
            committed = fp;
            writer = new IndexWriter(directory, cfg);
            searchers = new SearcherManager(writer, new SearcherFactory() {
                @Override
                public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
                    IndexSearcher searcher = new IndexSearcher(reader);
                    searcher.setSimilarity(similarity);
                    return searcher;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the memory index at " + dir, e);
        }
    }

    @Override
    public void upsert(MemoryItem item, float[] vector) {
        upsertAll(Map.of(item, vector));
    }

    @Override
    public void upsertAll(Map<MemoryItem, float[]> items) {
        try {
            for (Map.Entry<MemoryItem, float[]> e : items.entrySet()) {
                writer.updateDocument(new Term("id", e.getKey().id()), document(e.getKey(), e.getValue()));
            }
            writes.incrementAndGet();
        } catch (IOException e) {
            throw new UncheckedIOException("memory index write failed", e);
        }
    }

    private static Document document(MemoryItem item, float[] vector) {
        Document doc = new Document();
        doc.add(new StringField("id", item.id(), Field.Store.NO));
        doc.add(new BinaryDocValuesField("id", new BytesRef(item.id())));
        doc.add(new TextField("content", item.content(), Field.Store.NO));
        doc.add(new StringField("owner", item.scope().owner() == null ? FilterQueries.SHARED : item.scope().owner(),
                Field.Store.NO));
        doc.add(new StringField("agent", item.scope().agentId(), Field.Store.NO));
        doc.add(new StringField("type", item.type().wireName(), Field.Store.NO));
        doc.add(new StringField("source", item.source(), Field.Store.NO));
        for (String tag : item.tags()) {
            doc.add(new StringField("tag", tag, Field.Store.NO));
        }
        doc.add(new LongPoint("expires", item.expiresAt() == null ? Long.MAX_VALUE : item.expiresAt().toEpochMilli()));
        if (vector != null) {
            doc.add(new KnnFloatVectorField(vectorField(item.embeddingModel()), vector,
                    VectorSimilarityFunction.COSINE));
        }
        return doc;
    }

    @Override
    public void delete(Collection<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        try {
            writer.deleteDocuments(new TermInSetQuery("id", ids.stream().map(BytesRef::new).toList()));
            writes.incrementAndGet();
        } catch (IOException e) {
            throw new UncheckedIOException("memory index delete failed", e);
        }
    }

    @Override
    public List<Match> hybrid(String query, Supplier<Map<String, float[]>> vectorsOfQuery, MemoryFilter filter,
                              Instant now, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        try {
            IndexSearcher searcher = acquire();
            try {
                Query filterQuery = FilterQueries.of(filter, now, searcher.getIndexReader());
                TextQuery text = textQuery(searcher, query);
                Map<Integer, Parts> byDoc = new HashMap<>();
                if (text != null) {
                    for (ScoreDoc sd : searcher.search(filtered(text.query(), filterQuery), k).scoreDocs) {
                        byDoc.computeIfAbsent(sd.doc, d -> new Parts()).keyword(text.keywordScore(sd.score));
                    }
                }
                Map<String, float[]> queryVectors = vectorsOfQuery.get();
                for (Map.Entry<String, float[]> e : queryVectors.entrySet()) {
                    KnnFloatVectorQuery knn = new KnnFloatVectorQuery(vectorField(e.getKey()), e.getValue(), k,
                            filterQuery);
                    for (ScoreDoc sd : searcher.search(knn, k).scoreDocs) {
                        // Lucene's COSINE score is (1 + cos) / 2.
                        byDoc.computeIfAbsent(sd.doc, d -> new Parts()).vector(e.getKey(), 2.0 * sd.score - 1.0);
                    }
                }
                return complete(searcher, byDoc, text, queryVectors);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("memory search failed", e);
        }
    }

    /**
     * Scores each candidate on the part that did not find it (BM25 of the text query for the document, or the cosine
     * of its stored vector) and reads its id; one forward pass over the candidates in document order.
     */
    private List<Match> complete(IndexSearcher searcher, Map<Integer, Parts> byDoc, TextQuery text,
                                 Map<String, float[]> queryVectors) throws IOException {
        int[] docs = byDoc.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        // The text query's weight is needed only for candidates the vectors alone found.
        boolean vectorOnly = byDoc.values().stream().anyMatch(p -> !p.hasKeyword);
        Weight textWeight = text == null || !vectorOnly ? null
                : searcher.createWeight(searcher.rewrite(text.query()), ScoreMode.COMPLETE, 1f);
        List<Match> out = new ArrayList<>(docs.length);
        int leafIndex = -1;
        LeafReaderContext leaf = null;
        Scorer scorer = null;
        BinaryDocValues ids = null;
        Map<String, VectorCursor> vectors = new HashMap<>();
        for (int doc : docs) {
            int li = ReaderUtil.subIndex(doc, leaves);
            if (li != leafIndex) {
                leafIndex = li;
                leaf = leaves.get(li);
                scorer = textWeight == null ? null : textWeight.scorer(leaf);
                ids = DocValues.getBinary(leaf.reader(), "id");
                vectors.clear();
            }
            int local = doc - leaf.docBase;
            Parts p = byDoc.get(doc);
            if (!p.hasKeyword && scorer != null) {
                DocIdSetIterator it = scorer.iterator();
                if (it.docID() < local) {
                    it.advance(local);
                }
                if (it.docID() == local) {
                    p.keyword(text.keywordScore(scorer.score()));
                }
            }
            if (p.model == null) {
                for (Map.Entry<String, float[]> e : queryVectors.entrySet()) {
                    LeafReader reader = leaf.reader();
                    VectorCursor cursor = vectors.computeIfAbsent(e.getKey(), m -> VectorCursor.open(reader, m));
                    float[] v = cursor.at(local);
                    if (v != null) {
                        p.vector(e.getKey(), 2.0 * VectorSimilarityFunction.COSINE.compare(e.getValue(), v) - 1.0);
                    }
                }
            }
            if (!ids.advanceExact(local)) {
                throw new IllegalStateException("memory index document " + doc + " has no id");
            }
            out.add(new Match(ids.binaryValue().utf8ToString(), p.keyword, p.model, p.model == null ? 0 : p.cosine));
        }
        return out;
    }

    @Override
    public List<Candidate> keyword(String query, MemoryFilter filter, Instant now, int k) {
        try {
            IndexSearcher searcher = acquire();
            try {
                TextQuery text = textQuery(searcher, query);
                if (text == null || k <= 0) {
                    return List.of();
                }
                Query filterQuery = FilterQueries.of(filter, now, searcher.getIndexReader());
                TopDocs top = searcher.search(filtered(text.query(), filterQuery), k);
                List<String> ids = ids(searcher, top.scoreDocs);
                List<Candidate> out = new ArrayList<>(ids.size());
                for (int i = 0; i < ids.size(); i++) {
                    out.add(new Candidate(ids.get(i), text.keywordScore(top.scoreDocs[i].score)));
                }
                return out;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("memory keyword search failed", e);
        }
    }

    @Override
    public List<Candidate> nearest(String model, float[] vector, MemoryFilter filter, Instant now, int k) {
        try {
            IndexSearcher searcher = acquire();
            try {
                TopDocs top = searcher.search(new KnnFloatVectorQuery(vectorField(model), vector, k,
                        FilterQueries.of(filter, now, searcher.getIndexReader())), k);
                List<String> ids = ids(searcher, top.scoreDocs);
                List<Candidate> out = new ArrayList<>(ids.size());
                for (int i = 0; i < ids.size(); i++) {
                    out.add(new Candidate(ids.get(i), 2.0 * top.scoreDocs[i].score - 1.0));
                }
                return out;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("memory vector search failed", e);
        }
    }

    /** Waits for running merges to finish and makes their result visible (the benchmark measures an index at rest). */
    void awaitMerges() {
        if (writer.getConfig().getMergeScheduler() instanceof ConcurrentMergeScheduler cms) {
            cms.sync();
        }
        writes.incrementAndGet();
    }

    /** How many segments the current reader has (the benchmark reports it: each segment is searched on its own). */
    int segmentCount() {
        try {
            IndexSearcher searcher = acquire();
            try {
                return searcher.getIndexReader().leaves().size();
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean isEmpty() {
        try {
            IndexSearcher searcher = acquire();
            try {
                return searcher.getIndexReader().numDocs() == 0;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            return false;
        }
    }

    private IndexSearcher acquire() throws IOException {
        long w = writes.get();
        if (visible.get() < w) {
            searchers.maybeRefreshBlocking();
            visible.accumulateAndGet(w, Math::max);
        }
        return searchers.acquire();
    }

    private static Query filtered(Query query, Query filter) {
        return filter == null ? query : new BooleanQuery.Builder().add(query, BooleanClause.Occur.MUST)
                .add(filter, BooleanClause.Occur.FILTER).build();
    }

    /**
     * The BM25 query for the analysed query text, with the summed IDF of its terms ({@link HybridScoring}); null
     * when the text has no indexable term. Term statistics are looked up once and handed to the term queries.
     */
    private TextQuery textQuery(IndexSearcher searcher, String query) throws IOException {
        Set<String> terms = terms(query);
        if (terms.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder text = new BooleanQuery.Builder();
        double sumIdf = 0;
        long n = Math.max(1, searcher.getIndexReader().numDocs());
        for (String t : terms) {
            Term term = new Term("content", t);
            TermStates states = TermStates.build(searcher, term, true);
            text.add(new TermQuery(term, states), BooleanClause.Occur.SHOULD);
            int df = states.docFreq();
            sumIdf += Math.log(1 + (n - df + 0.5) / (df + 0.5));
        }
        return new TextQuery(text.build(), sumIdf);
    }

    /** The ids of top documents, in their order, read from the {@code id} doc values. */
    private static List<String> ids(IndexSearcher searcher, ScoreDoc[] hits) throws IOException {
        Integer[] order = new Integer[hits.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, java.util.Comparator.comparingInt(i -> hits[i].doc));
        String[] out = new String[hits.length];
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        int leafIndex = -1;
        LeafReaderContext leaf = null;
        BinaryDocValues ids = null;
        for (int i : order) {
            int li = ReaderUtil.subIndex(hits[i].doc, leaves);
            if (li != leafIndex) {
                leafIndex = li;
                leaf = leaves.get(li);
                ids = DocValues.getBinary(leaf.reader(), "id");
            }
            if (!ids.advanceExact(hits[i].doc - leaf.docBase)) {
                throw new IllegalStateException("memory index document " + hits[i].doc + " has no id");
            }
            out[i] = ids.binaryValue().utf8ToString();
        }
        return List.of(out);
    }

    private Set<String> terms(String text) {
        Set<String> out = new LinkedHashSet<>();
        try (TokenStream ts = analyzer.tokenStream("content", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** A BM25 query and the summed IDF that turns its scores into keyword scores. */
    private record TextQuery(Query query, double sumIdf) {
        double keywordScore(float bm25) {
            return HybridScoring.keywordScore(bm25, sumIdf);
        }
    }

    /** The two parts of one candidate's score while they are collected. */
    private static final class Parts {
        boolean hasKeyword;
        double keyword;
        String model;
        double cosine;

        void keyword(double score) {
            hasKeyword = true;
            keyword = score;
        }

        void vector(String m, double cos) {
            if (model == null || cos > cosine) {
                model = m;
                cosine = cos;
            }
        }
    }

    /** A forward-only reader of one segment's vectors of one model. */
    private record VectorCursor(FloatVectorValues values, KnnVectorValues.DocIndexIterator iterator) {
        static VectorCursor open(LeafReader reader, String model) {
            try {
                FloatVectorValues v = reader.getFloatVectorValues(vectorField(model));
                return v == null ? new VectorCursor(null, null) : new VectorCursor(v, v.iterator());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The vector of segment document {@code doc}, or null when it has none; calls go in document order. */
        float[] at(int doc) throws IOException {
            if (iterator == null) {
                return null;
            }
            if (iterator.docID() < doc) {
                iterator.advance(doc);
            }
            return iterator.docID() == doc ? values.vectorValue(iterator.index()) : null;
        }
    }

    static String vectorField(String model) {
        return "vec." + model;
    }

    @Override
    public void clear() {
        try {
            writer.deleteAll();
            writes.incrementAndGet();
        } catch (IOException e) {
            throw new UncheckedIOException("memory index clear failed", e);
        }
    }

    @Override
    public String committedFingerprint() {
        return committed;
    }

    @Override
    public void commit(String fingerprint) {
        try {
            writer.setLiveCommitData(Map.of(FINGERPRINT, fingerprint, SCHEMA, SCHEMA_VERSION).entrySet());
            writer.commit();
            committed = fingerprint;
        } catch (IOException e) {
            throw new UncheckedIOException("memory index commit failed", e);
        }
    }

    @Override
    public void close() {
        try {
            searchers.close();
        } catch (IOException | RuntimeException e) {
            // closing anyway
        }
        try {
            writer.rollback();
        } catch (IOException | RuntimeException e) {
            // uncommitted changes are rebuilt from the database at next start
        }
        try {
            directory.close();
        } catch (IOException e) {
            // ignore
        }
    }
}
