package id.go.bangka.inovasi.catalog.search;

import id.go.bangka.inovasi.events.InnovationChanged;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.id.IndonesianAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;

/**
 * How an innovation's snapshot is kept in the Lucene index: one document per innovation with its id (a keyword, and as
 * two numbers in doc values, which the queries read), its filter values (also as facets), its sort keys, its title and
 * texts analysed by Lucene's Indonesian analyzer and its title's words as one keyword, whose prefixes complete titles.
 * Only the title is stored, for suggestions: highlights and similar innovations analyse the texts of the records read
 * from MongoDB. Only what the queries read is indexed: no positions, offsets or drill-down terms (docs/search.md).
 */
final class IndexedInnovation {

    static final String ID = "id";
    /**
     * The id's most significant 64 bits (numeric doc values, {@link #sortable}): with {@link #ID_LOW}, the id a query
     * answers and the order of equal sort keys.
     */
    static final String ID_HIGH = "idHigh";
    /** The id's least significant 64 bits (numeric doc values, {@link #sortable}). */
    static final String ID_LOW = "idLow";
    static final String TITLE = "title";
    static final String TEXT = "text";
    /** The title's words as written, lower-cased, unstemmed: for typos and prefixes of words the stemmer changes. */
    static final String TITLE_WORDS = "titleWords";
    static final String OTHER = "other";
    /** The title's words, lower-cased and unstemmed, joined by one space ({@link #titleStart}): completions. */
    static final String TITLE_START = "titleStart";
    static final String YEAR = "year";
    static final String SUBMITTED_AT = "submittedAt";
    static final String TITLE_SORT = "titleSort";
    static final String SCORE_VERIFIED = "scoreVerified";
    static final String SCORE_CLAIMED = "scoreClaimed";
    static final String STATUS = "status";
    static final String OPD_CODE = "opdCode";

    /** Facet name, as the API names it, and whether it also filters. Kept in the order the API lists them. */
    static final List<String> FACETS = List.of("field", OPD_CODE, YEAR, "stage", "kind", "form", "source",
            "programme", STATUS, "governmentAffair");

    /**
     * Facets counted from sorted-set doc values ({@link #facet}); filters use the keyword fields, so no drill-down
     * terms.
     */
    static final FacetsConfig FACETS_CONFIG = facetsConfig();
    /** Indonesian stemming and stop words for the text. */
    static final Analyzer TEXT_ANALYZER = new IndonesianAnalyzer();
    /** Lower-cased words as written, Indonesian stop words dropped, no stemming. */
    static final Analyzer WORDS_ANALYZER = new StandardAnalyzer(IndonesianAnalyzer.getDefaultStopSet());
    /** Lower-cased words as written, stop words kept: the words of a title's start. */
    static final Analyzer START_ANALYZER = new StandardAnalyzer(CharArraySet.EMPTY_SET);
    /** What the index writer analyses with: the remembering Indonesian analysis, the title's words as written. */
    static final Analyzer ANALYZER = new PerFieldAnalyzerWrapper(new CachedIndonesianAnalyzer(),
            Map.of(TITLE_WORDS, WORDS_ANALYZER));

    /** The title, stored for suggestions; documents and frequencies for BM25, no positions (no phrase queries). */
    private static final FieldType STORED_TEXT = textType(true);
    /** Texts: documents and frequencies only. */
    private static final FieldType TEXT_ONLY = textType(false);

    private IndexedInnovation() {
    }

    /**
     * 64 bits of an id as a long that Lucene's signed order sorts as the id's text sorts (its bytes unsigned, as MongoDB
     * also sorts ids), so that ties come in an order a reader can check. Its own inverse.
     */
    static long sortable(long bits) {
        return bits ^ Long.MIN_VALUE;
    }

    /** The id whose two halves' doc values ({@link #sortable}) are given. */
    static UUID id(long high, long low) {
        return new UUID(sortable(high), sortable(low));
    }

    /** The document of a snapshot. */
    static Document of(InnovationChanged s) throws IOException {
        Document doc = new Document();
        doc.add(new StringField(ID, s.innovationId().toString(), Field.Store.NO));
        doc.add(new NumericDocValuesField(ID_HIGH, sortable(s.innovationId().getMostSignificantBits())));
        doc.add(new NumericDocValuesField(ID_LOW, sortable(s.innovationId().getLeastSignificantBits())));
        keyword(doc, STATUS, s.status());
        keyword(doc, OPD_CODE, s.opdCode());
        keyword(doc, "field", s.field());
        keyword(doc, "stage", s.stage());
        keyword(doc, "kind", s.kind());
        keyword(doc, "form", s.form());
        keyword(doc, "source", s.source());
        keyword(doc, "programme", s.programme());
        keyword(doc, "governmentAffair", s.governmentAffair());
        doc.add(new IntPoint(YEAR, s.year()));
        facet(doc, YEAR, Integer.toString(s.year()));
        doc.add(new NumericDocValuesField(SUBMITTED_AT,
                s.submittedAt() == null ? 0 : s.submittedAt().toEpochMilli()));
        doc.add(new NumericDocValuesField(SCORE_VERIFIED, s.scores() == null ? -1 : s.scores().verified()));
        doc.add(new NumericDocValuesField(SCORE_CLAIMED, s.scores() == null ? -1 : s.scores().claimed()));
        InnovationChanged.Content content = s.content();
        String title = content == null || content.title() == null ? "" : content.title();
        doc.add(new SortedDocValuesField(TITLE_SORT, new BytesRef(title.toLowerCase(Locale.ROOT))));
        doc.add(new Field(TITLE, title, STORED_TEXT));
        doc.add(new Field(TITLE_WORDS, title, TEXT_ONLY));
        if (!title.isBlank()) {
            doc.add(new StringField(TITLE_START, titleStart(title), Field.Store.NO));
        }
        if (content != null) {
            String text = text(content);
            if (!text.isEmpty()) {
                doc.add(new Field(TEXT, text, TEXT_ONLY));
            }
            if (content.initiatorName() != null) {
                doc.add(new Field(OTHER, content.initiatorName(), TEXT_ONLY));
            }
        }
        doc.add(new Field(OTHER, s.opdCode(), TEXT_ONLY));
        return doc;
    }

    /**
     * The words of a title, or of what was typed of one, lower-cased and joined by one space: "Posyandu Remaja
     * &lt;Sehat&gt;" is "posyandu remaja sehat", and "posyandu rem" is the start of it.
     */
    static String titleStart(String text) {
        StringBuilder words = new StringBuilder();
        try (TokenStream stream = START_ANALYZER.tokenStream(TITLE_START, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                words.append(words.isEmpty() ? "" : " ").append(term);
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words.toString();
    }

    /** The design, goals, benefits and results, one paragraph each. */
    static String text(InnovationChanged.Content content) {
        return String.join("\n\n", paragraphs(content));
    }

    /** The design, goals, benefits and results that are not blank, stripped. */
    static List<String> paragraphs(InnovationChanged.Content content) {
        return Stream.of(content.design(), content.goals(), content.benefits(), content.results())
                .filter(Objects::nonNull).map(String::strip).filter(t -> !t.isEmpty()).toList();
    }

    private static void keyword(Document doc, String name, Enum<?> value) {
        if (value != null) {
            keyword(doc, name, value.name());
        }
    }

    private static void keyword(Document doc, String name, String value) {
        if (value != null) {
            doc.add(new StringField(name, value, Field.Store.NO));
            facet(doc, name, value);
        }
    }

    /**
     * A facet's value as {@link FacetsConfig#build} keeps a facet field of a flat dimension without drill-down terms:
     * one sorted-set doc value of its path in the facets' field. Added directly, the document is not copied field by
     * field once more for it ({@code IndexedInnovationTest} compares both).
     */
    private static void facet(Document doc, String dim, String value) {
        doc.add(new SortedSetDocValuesField(FacetsConfig.DEFAULT_INDEX_FIELD_NAME,
                new BytesRef(FacetsConfig.pathToString(dim, new String[] {value}))));
    }

    private static FieldType textType(boolean stored) {
        FieldType type = new FieldType(stored ? TextField.TYPE_STORED : TextField.TYPE_NOT_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        type.freeze();
        return type;
    }

    private static FacetsConfig facetsConfig() {
        FacetsConfig config = new FacetsConfig();
        FACETS.forEach(dim -> config.setDrillDownTermsIndexing(dim, FacetsConfig.DrillDownTermsIndexing.NONE));
        return config;
    }
}
