package id.go.bangka.inovasi.catalog.search;

import static id.go.bangka.inovasi.catalog.search.IndexedInnovation.ID;
import static id.go.bangka.inovasi.catalog.search.IndexedInnovation.ID_HIGH;
import static id.go.bangka.inovasi.catalog.search.IndexedInnovation.ID_LOW;
import static id.go.bangka.inovasi.catalog.search.IndexedInnovation.TEXT;
import static id.go.bangka.inovasi.catalog.search.IndexedInnovation.TITLE;

import id.go.bangka.inovasi.events.InnovationChanged;
import id.go.bangka.inovasi.platform.identity.CallerIdentity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
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
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
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
 * when it ends. Ranking, filters and visibility: {@link IndexQueries}; ids from doc values; highlights by the unified
 * highlighter over the shown texts ({@link QueryHighlighter}); facets from the index's sorted-set doc values; title
 * completions as a prefix of the titles' words within what the caller may see, in title order; similar innovations by
 * MoreLikeThis over the given title and texts, with the index's term statistics, kept until the index changes
 * ({@link SimilarAnswers}).
 */
@Component
public class LuceneSearchIndex implements SearchIndex, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LuceneSearchIndex.class);
    private static final SortField[] BY_ID = {new SortField(ID_HIGH, SortField.Type.LONG),
        new SortField(ID_LOW, SortField.Type.LONG)};

    private final Path folder;
    private final boolean temporary;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final ScheduledExecutorService refresher;
    private final Map<UUID, IndexedVersion> versions = new ConcurrentHashMap<>();
    private final SearchProperties properties;
    private volatile boolean rebuilding;
    private volatile boolean rebuilt;
    private volatile FacetState facetState;
    private volatile SimilarAnswers similar;
    /** Replaces {@link #similar}; not this index's monitor, which the end of a rebuild holds for seconds. */
    private final Object similarReplacing = new Object();

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
        rebuilt = true;
        log.info("Search index rebuilt: {} innovations", size());
    }

    @Override
    public boolean rebuilt() {
        return rebuilt;
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
            Map<String, Map<String, Long>> facets = request.withFacets()
                    ? facets(searcher, result) : Map.of();
            return new SearchHits(ids(page), result.topDocs().totalHits.value, facets,
                    ranked ? new QueryHighlighter(query) : Highlighter.NONE);
        });
    }

    @Override
    public List<UUID> matching(CatalogFilter filter, CallerIdentity caller, CatalogSort sort) {
        return withSearcher(searcher -> {
            Query query = IndexQueries.of(filter, caller, searcher.getIndexReader());
            int matches = searcher.count(query);
            if (matches == 0) {
                return List.of();
            }
            return ids(searcher.search(query, matches, sort(sort, filter.hasText())).scoreDocs);
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
            ScoreDoc[] docs = searcher.search(query, limit, sort(CatalogSort.TITLE, false)).scoreDocs;
            List<UUID> ids = ids(docs);
            List<Suggestion> suggestions = new ArrayList<>();
            for (int i = 0; i < docs.length; i++) {
                Document fields = stored.document(docs[i].doc, Set.of(TITLE));
                suggestions.add(new Suggestion(ids.get(i), fields.get(TITLE)));
            }
            return suggestions;
        });
    }

    @Override
    public List<UUID> similar(UUID id, long version, InnovationChanged.Content like, CallerIdentity caller,
            int limit) {
        SimilarAnswers.Key key = new SimilarAnswers.Key(id, version, IndexQueries.visibleTo(caller), limit);
        return withSearcher(searcher -> {
            SimilarAnswers answers = similarAnswers((DirectoryReader) searcher.getIndexReader());
            if (answers == null) {
                return mostAlike(searcher, key, like);
            }
            List<UUID> kept = answers.get(key);
            return kept != null ? kept : answers.keep(key, mostAlike(searcher, key, like));
        });
    }

    /** MoreLikeThis over the title and texts, within what the key's caller may see, without the innovation itself. */
    private static List<UUID> mostAlike(IndexSearcher searcher, SimilarAnswers.Key key, InnovationChanged.Content like)
            throws IOException {
        Map<String, Collection<Object>> texts = new LinkedHashMap<>();
        texts.put(TITLE, like == null || like.title() == null ? List.of() : List.of(like.title()));
        texts.put(TEXT, like == null ? List.of() : List.copyOf(IndexedInnovation.paragraphs(like)));
        MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
        mlt.setAnalyzer(IndexedInnovation.TEXT_ANALYZER);
        mlt.setFieldNames(new String[] {TITLE, TEXT});
        mlt.setMinTermFreq(1);
        mlt.setMinDocFreq(1);
        mlt.setMaxQueryTerms(30);
        mlt.setBoost(true);
        Query query = new BooleanQuery.Builder().add(mlt.like(texts), Occur.MUST)
                .add(key.visible(), Occur.FILTER)
                .add(new TermQuery(new Term(ID, key.id().toString())), Occur.MUST_NOT)
                .build();
        // Only the top few are wanted, never how many match: counting no hits beyond them lets the scorer skip
        // every document that cannot enter the top (the default counts the first 1,000 matches exactly).
        TopFieldCollectorManager topOnly = new TopFieldCollectorManager(thenById(SortField.FIELD_SCORE),
                key.limit(), null, key.limit(), searcher.getSlices().length > 1);
        return ids(searcher.search(query, topOnly).scoreDocs);
    }

    /**
     * The answers kept for {@code reader}, replacing those of an older version of the index; null for a reader older
     * than the one whose answers are kept (a search that began before a refresh), or when none are kept.
     */
    private SimilarAnswers similarAnswers(DirectoryReader reader) {
        SimilarAnswers current = similar;
        if (current != null && current.of(reader)) {
            return current;
        }
        if (properties.similarAnswers() == 0) {
            return null;
        }
        synchronized (similarReplacing) {
            current = similar;
            if (current == null || current.olderThan(reader)) {
                current = new SimilarAnswers(reader, properties.similarAnswers());
                similar = current;
            }
            return current.of(reader) ? current : null;
        }
    }

    private static Sort sort(CatalogSort sort, boolean ranked) {
        CatalogSort order = sort == CatalogSort.RELEVANCE && !ranked ? CatalogSort.NEWEST : sort;
        return switch (order) {
            case RELEVANCE -> thenById(SortField.FIELD_SCORE);
            case NEWEST -> thenById(new SortField(IndexedInnovation.SUBMITTED_AT, SortField.Type.LONG, true));
            case OLDEST -> thenById(new SortField(IndexedInnovation.SUBMITTED_AT, SortField.Type.LONG));
            case TITLE -> thenById(new SortField(IndexedInnovation.TITLE_SORT, SortField.Type.STRING));
            case SCORE -> thenById(new SortField(IndexedInnovation.SCORE_VERIFIED, SortField.Type.LONG, true),
                    new SortField(IndexedInnovation.SCORE_CLAIMED, SortField.Type.LONG, true));
        };
    }

    /** The given order, then by id, so that pages of equal keys stay stable. */
    private static Sort thenById(SortField... fields) {
        SortField[] all = Arrays.copyOf(fields, fields.length + BY_ID.length);
        System.arraycopy(BY_ID, 0, all, fields.length, BY_ID.length);
        return new Sort(all);
    }

    /** The ids of hits sorted {@link #thenById}, in their order: the last two sort keys of each are its id. */
    private static List<UUID> ids(ScoreDoc[] docs) {
        List<UUID> ids = new ArrayList<>(docs.length);
        for (ScoreDoc doc : docs) {
            Object[] keys = ((FieldDoc) doc).fields;
            ids.add(IndexedInnovation.id((Long) keys[keys.length - 2], (Long) keys[keys.length - 1]));
        }
        return ids;
    }

    private Map<String, Map<String, Long>> facets(IndexSearcher searcher, FacetsCollectorManager.FacetsResult result)
            throws IOException {
        Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
        IndexedInnovation.FACETS.forEach(name -> facets.put(name, new TreeMap<>()));
        SortedSetDocValuesReaderState state = facetState(searcher.getIndexReader());
        if (state == null) {
            return facets;
        }
        SortedSetDocValuesFacetCounts counted = new SortedSetDocValuesFacetCounts(state, result.facetsCollector());
        for (Map.Entry<String, Map<String, Long>> dim : facets.entrySet()) {
            // Every value with a count (the map orders them). A top N instead allocated a queue of N per dimension
            // and search: a tenth of what catalog-service allocated under the read mix (docs/benchmarks.md section 9).
            FacetResult values = counted.getAllChildren(dim.getKey());
            if (values != null) {
                for (LabelAndValue value : values.labelValues) {
                    dim.getValue().put(value.label, value.value.longValue());
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
