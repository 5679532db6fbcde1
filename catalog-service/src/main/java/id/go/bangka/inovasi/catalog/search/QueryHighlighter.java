package id.go.bangka.inovasi.catalog.search;

import id.go.bangka.inovasi.events.InnovationChanged;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;

/**
 * Highlights with the unified highlighter, analysing the shown title and texts again for the terms of a rewritten query
 * (its typo and prefix clauses already the terms they matched): the whole title with its matches marked, and the best
 * two sentences of the texts; HTML-escaped, matches in {@code <mark>}. A word matched in any of the text fields is
 * marked wherever it shows: a typo matched in the title's words or the texts is marked in the title too.
 */
final class QueryHighlighter implements Highlighter {

    private static final int TEXT_PASSAGES = 2;
    private static final DefaultPassageFormatter MARKS =
            new DefaultPassageFormatter("<mark>", "</mark>", " … ", true);
    private static final UnifiedHighlighter TITLES = UnifiedHighlighter
            .builderWithoutSearcher(IndexedInnovation.TEXT_ANALYZER).withFormatter(MARKS)
            .withBreakIterator(WholeBreakIterator::new).withHandleMultiTermQuery(false)
            .withFieldMatcher(Set.of(IndexedInnovation.TITLE, IndexedInnovation.TITLE_WORDS, IndexedInnovation.TEXT)
                    ::contains)
            .build();
    private static final UnifiedHighlighter TEXTS = UnifiedHighlighter
            .builderWithoutSearcher(IndexedInnovation.TEXT_ANALYZER).withFormatter(MARKS)
            .withBreakIterator(() -> BreakIterator.getSentenceInstance(Locale.ROOT))
            .withHandleMultiTermQuery(false)
            .withFieldMatcher(Set.of(IndexedInnovation.TITLE, IndexedInnovation.TEXT)::contains).build();

    private final Query rewritten;

    QueryHighlighter(Query rewritten) {
        this.rewritten = rewritten;
    }

    @Override
    public Highlight highlight(UUID id, InnovationChanged.Content shown) {
        String title = shown == null || shown.title() == null ? "" : shown.title();
        String text = shown == null ? "" : IndexedInnovation.text(shown);
        try {
            return new Highlight((String) TITLES.highlightWithoutSearcher(IndexedInnovation.TITLE, rewritten, title, 1),
                    text.isEmpty() ? null
                            : (String) TEXTS.highlightWithoutSearcher(IndexedInnovation.TEXT, rewritten, text,
                                    TEXT_PASSAGES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
