package id.go.bangka.inovasi.catalog.search;

import id.go.bangka.inovasi.events.InnovationChanged;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.id.IndonesianAnalyzer;
import org.apache.lucene.analysis.id.IndonesianStemFilter;
import org.apache.lucene.analysis.miscellaneous.KeywordRepeatFilter;
import org.apache.lucene.analysis.miscellaneous.RemoveDuplicatesTokenFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;

/**
 * Highlights with the unified highlighter, analysing the shown title and texts again for the terms of a rewritten query
 * (its typo clauses already the terms they matched): the whole title with its matches marked, and the best two
 * sentences of the texts; HTML-escaped, matches in {@code <mark>}. The title is marked where it matched: by a word's
 * stem ({@code title}) or, for a typo, by a title word as written ({@code titleWords}), so it is analysed into both
 * its words as written and their stems. The texts are marked by their stems ({@code text}). As the highlighter does
 * with the index's texts, only their first {@value UnifiedHighlighter#DEFAULT_MAX_LENGTH} characters are analysed.
 */
final class QueryHighlighter implements Highlighter {

    private static final int TEXT_PASSAGES = 2;
    private static final DefaultPassageFormatter MARKS =
            new DefaultPassageFormatter("<mark>", "</mark>", " … ", true);
    private static final LeanPassageScorer SCORES = new LeanPassageScorer();
    /** A title's words lower-cased, stop words dropped, each as written and (where it differs) as its stem. */
    private static final Analyzer TITLE_WORDS_AND_STEMS = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            StandardTokenizer source = new StandardTokenizer();
            TokenStream words = new StopFilter(new LowerCaseFilter(source), IndonesianAnalyzer.getDefaultStopSet());
            return new TokenStreamComponents(source,
                    new RemoveDuplicatesTokenFilter(new IndonesianStemFilter(new KeywordRepeatFilter(words))));
        }
    };
    private static final UnifiedHighlighter TITLES = UnifiedHighlighter
            .builderWithoutSearcher(TITLE_WORDS_AND_STEMS).withFormatter(MARKS).withScorer(SCORES)
            .withBreakIterator(WholeBreakIterator::new).withHandleMultiTermQuery(false)
            .withFieldMatcher(Set.of(IndexedInnovation.TITLE, IndexedInnovation.TITLE_WORDS)::contains)
            .build();
    private static final UnifiedHighlighter TEXTS = UnifiedHighlighter
            .builderWithoutSearcher(IndexedInnovation.TEXT_ANALYZER).withFormatter(MARKS).withScorer(SCORES)
            .withBreakIterator(() -> BreakIterator.getSentenceInstance(Locale.ROOT))
            .withHandleMultiTermQuery(false).build();

    private final Query rewritten;

    QueryHighlighter(Query rewritten) {
        this.rewritten = rewritten;
    }

    @Override
    public Highlight highlight(UUID id, InnovationChanged.Content shown) {
        String title = analysed(shown == null || shown.title() == null ? "" : shown.title());
        String text = analysed(shown == null ? "" : IndexedInnovation.text(shown));
        try {
            return new Highlight((String) TITLES.highlightWithoutSearcher(IndexedInnovation.TITLE, rewritten, title, 1),
                    text.isEmpty() ? null
                            : (String) TEXTS.highlightWithoutSearcher(IndexedInnovation.TEXT, rewritten, text,
                                    TEXT_PASSAGES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String analysed(String shown) {
        return shown.length() <= UnifiedHighlighter.DEFAULT_MAX_LENGTH ? shown
                : shown.substring(0, UnifiedHighlighter.DEFAULT_MAX_LENGTH);
    }
}
