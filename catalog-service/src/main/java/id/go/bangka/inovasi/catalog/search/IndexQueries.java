package id.go.bangka.inovasi.catalog.search;

import static id.go.bangka.inovasi.catalog.search.IndexedInnovation.OTHER;
import static id.go.bangka.inovasi.catalog.search.IndexedInnovation.TEXT;
import static id.go.bangka.inovasi.catalog.search.IndexedInnovation.TITLE;
import static id.go.bangka.inovasi.catalog.search.IndexedInnovation.TITLE_WORDS;

import id.go.bangka.inovasi.catalog.innovation.Visibility;
import id.go.bangka.inovasi.events.InnovationStatus;
import id.go.bangka.inovasi.platform.identity.CallerIdentity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * The Lucene queries of the catalogue: what a caller may see, the filters, and the ranked text query.
 *
 * <p>Ranking of a text: every word (stop words dropped) must match the title, the texts or the OPD/initiator: by its
 * Indonesian stem, by a synonym ({@link Synonyms}), or, when the index does not hold the word, within one edit (words
 * of 4-5 letters) or two (longer words) and (the last word) as a prefix, for a typo or a query typed halfway. An exact match scores above a synonym and a fuzzy one,
 * and a match in the title ({@value #TITLE_BOOST} x) above one in the texts; within that BM25 decides.
 */
final class IndexQueries {

    static final float TITLE_BOOST = 4f;
    private static final float FUZZY_WEIGHT = 0.4f;
    private static final float PREFIX_WEIGHT = 0.3f;
    private static final float SYNONYM_WEIGHT = 0.8f;

    private IndexQueries() {
    }

    /** Whether the text has any word left after analysis. */
    static boolean hasWords(String text) {
        return text != null && !words(text).isEmpty();
    }

    /** Everything the caller may see: PUBLISHED, a portal also its own OPDs', reviewers and ops all. */
    static Query visibleTo(CallerIdentity caller) {
        if (Visibility.seesAll(caller)) {
            return new MatchAllDocsQuery();
        }
        Query published = new TermQuery(new Term(IndexedInnovation.STATUS, InnovationStatus.PUBLISHED.name()));
        Set<String> own = Visibility.ownOpdCodes(caller);
        if (own.isEmpty()) {
            return published;
        }
        return new BooleanQuery.Builder().add(published, Occur.SHOULD)
                .add(new TermInSetQuery(IndexedInnovation.OPD_CODE, own.stream().map(BytesRef::new).toList()),
                        Occur.SHOULD)
                .build();
    }

    /** The visible innovations matching the filter, ranked by the text when there is one. */
    static Query of(CatalogFilter f, CallerIdentity caller, IndexReader reader) throws IOException {
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(visibleTo(caller), Occur.FILTER);
        keyword(query, "field", f.field());
        keyword(query, IndexedInnovation.OPD_CODE, f.opdCode());
        keyword(query, "stage", f.stage());
        keyword(query, "kind", f.kind());
        keyword(query, "form", f.form());
        keyword(query, "source", f.source());
        keyword(query, "programme", f.programme());
        keyword(query, IndexedInnovation.STATUS, f.status());
        keyword(query, "governmentAffair", f.governmentAffair());
        if (f.year() != null) {
            query.add(IntPoint.newExactQuery(IndexedInnovation.YEAR, f.year()), Occur.FILTER);
        }
        if (f.yearFrom() != null || f.yearTo() != null) {
            query.add(IntPoint.newRangeQuery(IndexedInnovation.YEAR,
                    f.yearFrom() == null ? Integer.MIN_VALUE : f.yearFrom(),
                    f.yearTo() == null ? Integer.MAX_VALUE : f.yearTo()), Occur.FILTER);
        }
        List<String> written = f.q() == null ? List.of() : tokens(IndexedInnovation.WORDS_ANALYZER, f.q());
        for (int i = 0; i < written.size(); i++) {
            Query word = word(written.get(i), i == written.size() - 1, reader);
            if (word != null) {
                query.add(word, Occur.MUST);
            }
        }
        return query.build();
    }

    /**
     * One word as written: its stem exact in title or texts, its synonyms' stems a little lower, the stem within one
     * or two edits in the texts and the written word within one or two edits of the title's words, and (the last
     * word) the written word as the start of a title word or the stem as the start of a text word. Null for a word
     * that is only a stop word. A word the index holds exactly (its stem in a title, a text or an OPD/initiator) is
     * taken as meant: only a word the index does not know is looked for with typos and as a prefix, which keeps common
     * queries as cheap as exact ones (docs/benchmarks.md).
     */
    private static Query word(String written, boolean last, IndexReader reader) throws IOException {
        List<String> stems = words(written);
        if (stems.isEmpty()) {
            return null;
        }
        String stem = stems.get(0);
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        exact(any, stem, 1f);
        for (String synonym : Synonyms.of(written)) {
            BooleanQuery.Builder all = new BooleanQuery.Builder();
            words(synonym).forEach(s -> all.add(new BooleanQuery.Builder().add(exactTitle(s), Occur.SHOULD)
                    .add(new TermQuery(new Term(TEXT, s)), Occur.SHOULD).build(), Occur.MUST));
            any.add(new BoostQuery(all.build(), SYNONYM_WEIGHT), Occur.SHOULD);
        }
        if (known(reader, stem)) {
            return any.build();
        }
        if (edits(stem) > 0) {
            any.add(new BoostQuery(new FuzzyQuery(new Term(TEXT, stem), edits(stem), 1), FUZZY_WEIGHT),
                    Occur.SHOULD);
        }
        if (edits(written) > 0) {
            any.add(new BoostQuery(new FuzzyQuery(new Term(TITLE_WORDS, written), edits(written), 1),
                    TITLE_BOOST * FUZZY_WEIGHT), Occur.SHOULD);
        }
        if (last && written.length() >= 3) {
            any.add(new BoostQuery(new PrefixQuery(new Term(TITLE_WORDS, written)), TITLE_BOOST * PREFIX_WEIGHT),
                    Occur.SHOULD);
            any.add(new BoostQuery(new PrefixQuery(new Term(TEXT, stem)), PREFIX_WEIGHT), Occur.SHOULD);
        }
        return any.build();
    }

    private static void exact(BooleanQuery.Builder any, String stem, float weight) {
        any.add(new BoostQuery(exactTitle(stem), weight), Occur.SHOULD)
                .add(new BoostQuery(new TermQuery(new Term(TEXT, stem)), weight), Occur.SHOULD)
                .add(new BoostQuery(new TermQuery(new Term(OTHER, stem)), weight), Occur.SHOULD);
    }

    private static Query exactTitle(String stem) {
        return new BoostQuery(new TermQuery(new Term(TITLE, stem)), TITLE_BOOST);
    }

    private static boolean known(IndexReader reader, String stem) throws IOException {
        return reader.docFreq(new Term(TITLE, stem)) > 0 || reader.docFreq(new Term(TEXT, stem)) > 0
                || reader.docFreq(new Term(OTHER, stem)) > 0;
    }

    /** Edits tolerated: none up to 3 letters, one up to 5, two beyond. */
    private static int edits(String word) {
        return word.length() <= 3 ? 0 : word.length() <= 5 ? 1 : 2;
    }

    /** The words of a text as the index has them (Indonesian analysis). */
    static List<String> words(String text) {
        return tokens(IndexedInnovation.TEXT_ANALYZER, text);
    }

    private static List<String> tokens(Analyzer analyzer, String text) {
        List<String> words = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(TEXT, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                String word = term.toString();
                if (!words.contains(word)) {
                    words.add(word);
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }

    private static void keyword(BooleanQuery.Builder query, String field, Object value) {
        if (value != null) {
            query.add(new TermQuery(new Term(field, value instanceof Enum<?> e ? e.name() : value.toString())),
                    Occur.FILTER);
        }
    }
}
