package ai.openclaw.memory.engine;

import ai.openclaw.memory.HybridScoring;
import ai.openclaw.memory.MemoryFilter;
import ai.openclaw.memory.MemoryIndex;
import ai.openclaw.memory.MemoryItem;
import ai.openclaw.memory.MemoryType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
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
    private static final String SHARED = "\u0000shared";
    private static final String FINGERPRINT = "openclaw.fingerprint";
    private static final String SCHEMA = "openclaw.schema";
    private static final String SCHEMA_VERSION = "1";

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
                    .setRAMBufferSizeMB(16);
            committed = fp;
            writer = new IndexWriter(directory, cfg);
            searchers = new SearcherManager(writer, null);
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
        doc.add(new StringField("id", item.id(), Field.Store.YES));
        doc.add(new TextField("content", item.content(), Field.Store.NO));
        doc.add(new StringField("owner", item.scope().owner() == null ? SHARED : item.scope().owner(),
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
    public List<Candidate> keyword(String query, MemoryFilter filter, Instant now, int k, Collection<String> onlyIds) {
        Set<String> terms = terms(query);
        if (terms.isEmpty() || k <= 0) {
            return List.of();
        }
        try {
            IndexSearcher searcher = acquire();
            try {
                searcher.setSimilarity(similarity);
                BooleanQuery.Builder text = new BooleanQuery.Builder();
                double sumIdf = 0;
                long n = Math.max(1, searcher.getIndexReader().numDocs());
                for (String t : terms) {
                    Term term = new Term("content", t);
                    text.add(new TermQuery(term), BooleanClause.Occur.SHOULD);
                    long df = searcher.getIndexReader().docFreq(term);
                    sumIdf += Math.log(1 + (n - df + 0.5) / (df + 0.5));
                }
                BooleanQuery.Builder q = new BooleanQuery.Builder().add(text.build(), BooleanClause.Occur.MUST)
                        .add(filterQuery(filter, now), BooleanClause.Occur.FILTER);
                if (onlyIds != null) {
                    q.add(new TermInSetQuery("id", onlyIds.stream().map(BytesRef::new).toList()),
                            BooleanClause.Occur.FILTER);
                }
                TopDocs top = searcher.search(q.build(), k);
                List<Candidate> out = new ArrayList<>(top.scoreDocs.length);
                for (ScoreDoc sd : top.scoreDocs) {
                    out.add(new Candidate(id(searcher, sd.doc), HybridScoring.keywordScore(sd.score, sumIdf)));
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
                        filterQuery(filter, now)), k);
                List<Candidate> out = new ArrayList<>(top.scoreDocs.length);
                for (ScoreDoc sd : top.scoreDocs) {
                    // Lucene's COSINE score is (1 + cos) / 2.
                    out.add(new Candidate(id(searcher, sd.doc), 2.0 * sd.score - 1.0));
                }
                return out;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("memory vector search failed", e);
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

    private static Query filterQuery(MemoryFilter filter, Instant now) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        b.add(new MatchAllDocsQuery(), BooleanClause.Occur.FILTER);
        b.add(LongPoint.newRangeQuery("expires", Long.MIN_VALUE, now.toEpochMilli()), BooleanClause.Occur.MUST_NOT);
        if (filter.ownerFilter() != null) {
            b.add(new TermInSetQuery("owner", List.of(new BytesRef(filter.ownerFilter()), new BytesRef(SHARED))),
                    BooleanClause.Occur.FILTER);
        }
        if (filter.agentId() != null) {
            b.add(new TermQuery(new Term("agent", filter.agentId())), BooleanClause.Occur.FILTER);
        }
        if (filter.source() != null) {
            b.add(new TermQuery(new Term("source", filter.source())), BooleanClause.Occur.FILTER);
        }
        if (!filter.types().isEmpty()) {
            b.add(new TermInSetQuery("type", filter.types().stream().map(MemoryType::wireName).map(BytesRef::new)
                    .toList()), BooleanClause.Occur.FILTER);
        }
        for (String tag : filter.tags()) {
            b.add(new TermQuery(new Term("tag", tag)), BooleanClause.Occur.FILTER);
        }
        return b.build();
    }

    private static String id(IndexSearcher searcher, int doc) throws IOException {
        return searcher.storedFields().document(doc, Set.of("id")).get("id");
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
