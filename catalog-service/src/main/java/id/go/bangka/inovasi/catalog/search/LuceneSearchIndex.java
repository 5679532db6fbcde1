package id.go.bangka.inovasi.catalog.search;

import static id.go.bangka.inovasi.catalog.search.IndexedInnovation.ID;
import static id.go.bangka.inovasi.catalog.search.IndexedInnovation.TEXT;
import static id.go.bangka.inovasi.catalog.search.IndexedInnovation.TITLE;

import id.go.bangka.inovasi.events.InnovationChanged;
import id.go.bangka.inovasi.platform.identity.CallerIdentity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The search read model of this replica: a Lucene index in a folder of its own ({@link SearchProperties}), emptied at
 * start and rebuilt from the snapshot topic, one document per innovation ({@link IndexedInnovation}). Applied
 * snapshots become searchable within {@code inovasi.search.refresh-interval}, those of the start-up rebuild all at once
 * when it ends. Ranking, filters and visibility:
 * {@link IndexQueries}; highlights by the unified highlighter, which analyses the shown texts again; facets from the
 * index's sorted-set doc values; title completions as a prefix of the titles' words within what the caller may see, in
 * title order; similar innovations by MoreLikeThis over title and texts.
 */
@Component
public class LuceneSearchIndex implements SearchIndex, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LuceneSearchIndex.class);
    private static final String MARK_OPEN = "<mark>";
    private static final String MARK_CLOSE = "</mark>";
    private static final int TEXT_PASSAGES = 2;
    /** Values counted per facet at most (OPD codes are the most, a few hundred). */
    private static final int FACET_VALUES = 10_000;
    private static final SortField BY_ID = new SortField(ID, SortField.Type.STRING);

    private final Path folder;
    private final boolean temporary;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final ScheduledExecutorService refresher;
    private final Map<UUID, IndexedVersion> versions = new ConcurrentHashMap<>();
    private final SearchProperties properties;
    private volatile boolean rebuilding;
    private volatile FacetState facetState;

    public LuceneSearchIndex(SearchProperties properties) throws IOException {
        this.properties = properties;
        this.temporary = properties.directory() == null;
        this.folder = temporary ? Files.createTempDirectory("catalog-search-") : properties.directory();
        Files.createDirectories(folder);
        this.directory = FSDirectory.open(folder);
        IndexWriterConfig config = new IndexWriterConfig(IndexedInnovation.ANALYZER)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                .setRAMBufferSizeMB(properties.ramBufferMb());
        this.writer = new IndexWriter(directory, config);
        writer.commit();
        this.searchers = new SearcherManager(writer, null);
        this.refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "search-index-refresh");
            thread.setDaemon(true);
            return thread;
        });
        long every = properties.refreshInterval().toMillis();
        refresher.scheduleWithFixedDelay(this::refreshQuietly, every, every, TimeUnit.MILLISECONDS);
        log.info("Search index in {}", folder);
    }

    @Override
    public void apply(InnovationChanged snapshot) {
        // Locked per innovation, not per map bin: writing a document may write a whole segment (a second or more), and
        // a map's bin lock held that long stalled the other rebuild threads whenever the map grew (docs/benchmarks.md).
        IndexedVersion indexed = versions.computeIfAbsent(snapshot.innovationId(), id -> new IndexedVersion());
        synchronized (indexed) {
            if (indexed.version >= snapshot.version()) {
                return;
            }
            try {
                if (indexed.version < 0) {
                    writer.addDocument(IndexedInnovation.of(snapshot));
                } else {
                    writer.updateDocument(new Term(ID, snapshot.innovationId().toString()),
                            IndexedInnovation.of(snapshot));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            indexed.version = snapshot.version();
        }
    }

    /**
     * No refreshes until the rebuild ends, a larger indexing buffer (fewer, larger segments to write and merge) and
     * segments written as they are, not copied again into one compound file each.
     */
    @Override
    public synchronized void beginRebuild() {
        if (!rebuilding) {
            rebuilding = true;
            writer.getConfig().setRAMBufferSizeMB(properties.rebuild().ramBufferMb()).setUseCompoundFile(false);
        }
    }

    /**
     * One refresh for the whole rebuild, then the everyday buffer and refreshes. The segments still buffered (one per
     * rebuild thread) are written side by side first: the refresh would write them one after the other.
     */
    @Override
    public synchronized void endRebuild() {
        ExecutorService writers = Executors.newFixedThreadPool(properties.rebuild().threads());
        try {
            List<Future<Boolean>> written = new ArrayList<>();
            for (int i = 0; i < properties.rebuild().threads(); i++) {
                written.add(writers.submit(writer::flushNextBuffer));
            }
            for (Future<Boolean> segment : written) {
                segment.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            log.warn("Writing the rebuilt segments side by side failed, the refresh writes them: {}", e.toString());
        } finally {
            writers.shutdown();
        }
        writer.getConfig().setRAMBufferSizeMB(properties.ramBufferMb()).setUseCompoundFile(true);
        rebuilding = false;
        refresh();
        log.info("Search index rebuilt: {} innovations", size());
    }

    /** Makes everything applied so far searchable now, instead of at the next refresh. */
    public void refresh() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Innovations indexed. */
    public int size() {
        return versions.size();
    }

    /** The index's folder and the bytes its files take there. */
    public long bytesOnDisk() {
        try (Stream<Path> files = Files.list(folder)) {
            return files.mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path folder() {
        return folder;
    }

    @Override
    public SearchHits search(SearchQuery request) {
        boolean ranked = request.filter().hasText();
        int wanted = request.offset() + request.limit();
        return withSearcher(searcher -> {
            // Rewritten once: a typo's fuzzy clauses build their Levenshtein automata and become the terms they
            // matched here, and the search and the highlighter then reuse those terms (docs/benchmarks.md, section 5).
            Query query = searcher.rewrite(IndexQueries.of(request.filter(), request.caller(),
                    searcher.getIndexReader()));
            FacetsCollectorManager.FacetsResult result = FacetsCollectorManager.search(searcher, query, wanted,
                    sort(request.sort(), ranked), false, new FacetsCollectorManager());
            ScoreDoc[] all = result.topDocs().scoreDocs;
            ScoreDoc[] page = all.length <= request.offset() ? new ScoreDoc[0]
                    : Arrays.copyOfRange(all, request.offset(), all.length);
            List<UUID> ids = ids(searcher, page);
            Highlight[] highlights = ranked ? highlight(searcher, query, page) : new Highlight[page.length];
            List<SearchHits.Hit> hits = new ArrayList<>(page.length);
            for (int i = 0; i < page.length; i++) {
                hits.add(new SearchHits.Hit(ids.get(i), highlights[i]));
            }
            Map<String, Map<String, Long>> facets = request.withFacets()
                    ? facets(searcher, result) : Map.of();
            return new SearchHits(hits, result.topDocs().totalHits.value, facets);
        });
    }

    @Override
    public Set<UUID> matching(CatalogFilter filter, CallerIdentity caller) {
        return withSearcher(searcher -> {
            Set<UUID> ids = new HashSet<>();
            TopDocs all = searcher.search(IndexQueries.of(filter, caller, searcher.getIndexReader()),
                    Math.max(1, searcher.getIndexReader().maxDoc()));
            ids.addAll(ids(searcher, all.scoreDocs));
            return ids;
        });
    }

    @Override
    public List<Suggestion> suggest(String prefix, CallerIdentity caller, int limit) {
        String start = prefix == null ? "" : IndexedInnovation.titleStart(prefix);
        if (start.isEmpty()) {
            return List.of();
        }
        Query query = new BooleanQuery.Builder()
                .add(new PrefixQuery(new Term(IndexedInnovation.TITLE_START, start)), Occur.FILTER)
                .add(IndexQueries.visibleTo(caller), Occur.FILTER)
                .build();
        return withSearcher(searcher -> {
            var stored = searcher.storedFields();
            List<Suggestion> suggestions = new ArrayList<>();
            for (ScoreDoc doc : searcher.search(query, limit, sort(CatalogSort.TITLE, false)).scoreDocs) {
                Document fields = stored.document(doc.doc, Set.of(ID, TITLE));
                suggestions.add(new Suggestion(UUID.fromString(fields.get(ID)), fields.get(TITLE)));
            }
            return suggestions;
        });
    }

    @Override
    public List<UUID> similar(UUID id, CallerIdentity caller, int limit) {
        return withSearcher(searcher -> {
            TopDocs self = searcher.search(new TermQuery(new Term(ID, id.toString())), 1);
            if (self.scoreDocs.length == 0) {
                return List.of();
            }
            MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
            mlt.setAnalyzer(IndexedInnovation.TEXT_ANALYZER);
            mlt.setFieldNames(new String[] {TITLE, TEXT});
            mlt.setMinTermFreq(1);
            mlt.setMinDocFreq(1);
            mlt.setMaxQueryTerms(30);
            mlt.setBoost(true);
            Query like = mlt.like(self.scoreDocs[0].doc);
            Query query = new BooleanQuery.Builder().add(like, Occur.MUST)
                    .add(IndexQueries.visibleTo(caller), Occur.FILTER)
                    .add(new TermQuery(new Term(ID, id.toString())), Occur.MUST_NOT)
                    .build();
            return ids(searcher, searcher.search(query, limit).scoreDocs);
        });
    }

    private static Sort sort(CatalogSort sort, boolean ranked) {
        CatalogSort order = sort == CatalogSort.RELEVANCE && !ranked ? CatalogSort.NEWEST : sort;
        return switch (order) {
            case RELEVANCE -> new Sort(SortField.FIELD_SCORE, BY_ID);
            case NEWEST -> new Sort(new SortField(IndexedInnovation.SUBMITTED_AT, SortField.Type.LONG, true), BY_ID);
            case OLDEST -> new Sort(new SortField(IndexedInnovation.SUBMITTED_AT, SortField.Type.LONG), BY_ID);
            case TITLE -> new Sort(new SortField(IndexedInnovation.TITLE_SORT, SortField.Type.STRING), BY_ID);
            case SCORE -> new Sort(new SortField(IndexedInnovation.SCORE_VERIFIED, SortField.Type.LONG, true),
                    new SortField(IndexedInnovation.SCORE_CLAIMED, SortField.Type.LONG, true), BY_ID);
        };
    }

    private static List<UUID> ids(IndexSearcher searcher, ScoreDoc[] docs) throws IOException {
        var stored = searcher.storedFields();
        List<UUID> ids = new ArrayList<>(docs.length);
        for (ScoreDoc doc : docs) {
            ids.add(UUID.fromString(stored.document(doc.doc, Set.of(ID)).get(ID)));
        }
        return ids;
    }

    /** Highlights of the page's hits for a rewritten query (its typo and prefix clauses are the terms they matched). */
    private static Highlight[] highlight(IndexSearcher searcher, Query terms, ScoreDoc[] page) throws IOException {
        Highlight[] highlights = new Highlight[page.length];
        if (page.length == 0) {
            return highlights;
        }
        TopDocs docs = new TopDocs(new TotalHits(page.length, TotalHits.Relation.EQUAL_TO), page);
        DefaultPassageFormatter marks = new DefaultPassageFormatter(MARK_OPEN, MARK_CLOSE, " … ", true);
        String[] titles = UnifiedHighlighter.builder(searcher, IndexedInnovation.TEXT_ANALYZER)
                .withFormatter(marks).withBreakIterator(WholeBreakIterator::new).withHandleMultiTermQuery(false)
                .build().highlight(TITLE, terms, docs, 1);
        String[] texts = UnifiedHighlighter.builder(searcher, IndexedInnovation.TEXT_ANALYZER)
                .withFormatter(marks).withBreakIterator(() -> BreakIterator.getSentenceInstance(Locale.ROOT))
                .withHandleMultiTermQuery(false).build().highlight(TEXT, terms, docs, TEXT_PASSAGES);
        for (int i = 0; i < page.length; i++) {
            highlights[i] = new Highlight(titles[i], texts[i]);
        }
        return highlights;
    }

    private Map<String, Map<String, Long>> facets(IndexSearcher searcher, FacetsCollectorManager.FacetsResult result)
            throws IOException {
        Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
        IndexedInnovation.FACETS.forEach(name -> facets.put(name, new TreeMap<>()));
        SortedSetDocValuesReaderState state = facetState(searcher.getIndexReader());
        if (state == null) {
            return facets;
        }
        List<FacetResult> dims = new SortedSetDocValuesFacetCounts(state, result.facetsCollector())
                .getAllDims(FACET_VALUES);
        for (FacetResult dim : dims) {
            Map<String, Long> counts = facets.get(dim.dim);
            if (counts != null) {
                for (LabelAndValue value : dim.labelValues) {
                    counts.put(value.label, value.value.longValue());
                }
            }
        }
        return facets;
    }

    /** The facet ordinals of a reader, built once per reader the searcher manager opens; null for an empty index. */
    private SortedSetDocValuesReaderState facetState(IndexReader reader) throws IOException {
        FacetState current = facetState;
        if (current != null && current.reader() == reader) {
            return current.state();
        }
        synchronized (this) {
            current = facetState;
            if (current == null || current.reader() != reader) {
                SortedSetDocValuesReaderState state = reader.maxDoc() == 0 ? null
                        : new DefaultSortedSetDocValuesReaderState(reader, IndexedInnovation.FACETS_CONFIG);
                current = new FacetState(reader, state);
                facetState = current;
            }
            return current.state();
        }
    }

    private <T> T withSearcher(SearcherWork<T> work) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return work.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void refreshQuietly() {
        if (rebuilding) {
            return;
        }
        try {
            searchers.maybeRefresh();
        } catch (IOException | RuntimeException e) {
            log.warn("Search index refresh failed: {}", e.toString());
        }
    }

    @Override
    public void destroy() throws IOException {
        refresher.shutdownNow();
        IOUtils.close(searchers, writer, directory);
        if (temporary) {
            IOUtils.rm(folder);
        }
    }

    /** Work with an acquired searcher. */
    @FunctionalInterface
    private interface SearcherWork<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    /** The version of an innovation in the index (-1: none yet); its monitor orders the writes of that innovation. */
    private static final class IndexedVersion {
        private long version = -1;
    }

    /** The facet ordinals built for one reader. */
    private record FacetState(IndexReader reader, SortedSetDocValuesReaderState state) {
    }
}
