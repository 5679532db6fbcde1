package id.go.bangka.inovasi.catalog.search;

import id.go.bangka.inovasi.events.InnovationChanged;
import id.go.bangka.inovasi.events.InnovationStatus;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.id.IndonesianAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.PostingsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.search.suggest.document.Completion912PostingsFormat;
import org.apache.lucene.search.suggest.document.CompletionAnalyzer;
import org.apache.lucene.search.suggest.document.ContextSuggestField;
import org.apache.lucene.util.BytesRef;

/**
 * How an innovation's snapshot is kept in the Lucene index: one document per innovation with its id, its filter values
 * (also as facets), its sort keys, its title and texts analysed by Lucene's Indonesian analyzer (stored with offsets for
 * highlighting) and a title completion whose contexts carry who may see it.
 */
final class IndexedInnovation {

    static final String ID = "id";
    static final String TITLE = "title";
    static final String TEXT = "text";
    /** The title's words as written, lower-cased, unstemmed: for typos and prefixes of words the stemmer changes. */
    static final String TITLE_WORDS = "titleWords";
    static final String OTHER = "other";
    static final String SUGGEST = "suggest";
    static final String YEAR = "year";
    static final String SUBMITTED_AT = "submittedAt";
    static final String TITLE_SORT = "titleSort";
    static final String SCORE_VERIFIED = "scoreVerified";
    static final String SCORE_CLAIMED = "scoreClaimed";
    static final String STATUS = "status";
    static final String OPD_CODE = "opdCode";
    /** Completion context of published innovations. */
    static final String PUBLISHED_CONTEXT = "published";
    /** Completion context prefix of an OPD's innovations. */
    static final String OPD_CONTEXT = "opd:";

    /** Facet name, as the API names it, and whether it also filters. Kept in the order the API lists them. */
    static final List<String> FACETS = List.of("field", OPD_CODE, YEAR, "stage", "kind", "form", "source",
            "programme", STATUS, "governmentAffair");

    static final FacetsConfig FACETS_CONFIG = new FacetsConfig();
    /** Indonesian stemming and stop words for the text, lower-cased words as typed for completions. */
    static final Analyzer TEXT_ANALYZER = new IndonesianAnalyzer();
    /** Lower-cased words as written, Indonesian stop words dropped, no stemming. */
    static final Analyzer WORDS_ANALYZER = new StandardAnalyzer(IndonesianAnalyzer.getDefaultStopSet());
    static final CompletionAnalyzer COMPLETION_ANALYZER =
            new CompletionAnalyzer(new StandardAnalyzer(CharArraySet.EMPTY_SET));
    static final Analyzer ANALYZER = new PerFieldAnalyzerWrapper(TEXT_ANALYZER,
            Map.of(SUGGEST, COMPLETION_ANALYZER, TITLE_WORDS, WORDS_ANALYZER));
    /** The default codec, with the completion postings format for {@value #SUGGEST}. */
    static final Codec CODEC = new Lucene912Codec() {
        private final PostingsFormat completion = new Completion912PostingsFormat();

        @Override
        public PostingsFormat getPostingsFormatForField(String field) {
            return SUGGEST.equals(field) ? completion : super.getPostingsFormatForField(field);
        }
    };

    private static final FieldType HIGHLIGHTED = highlighted();

    private IndexedInnovation() {
    }

    /** The document of a snapshot. */
    static Document of(InnovationChanged s) throws IOException {
        Document doc = new Document();
        String id = s.innovationId().toString();
        doc.add(new StringField(ID, id, Field.Store.YES));
        doc.add(new SortedDocValuesField(ID, new BytesRef(id)));
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
        doc.add(new SortedSetDocValuesFacetField(YEAR, Integer.toString(s.year())));
        doc.add(new NumericDocValuesField(SUBMITTED_AT,
                s.submittedAt() == null ? 0 : s.submittedAt().toEpochMilli()));
        doc.add(new NumericDocValuesField(SCORE_VERIFIED, s.scores() == null ? -1 : s.scores().verified()));
        doc.add(new NumericDocValuesField(SCORE_CLAIMED, s.scores() == null ? -1 : s.scores().claimed()));
        InnovationChanged.Content content = s.content();
        String title = content == null || content.title() == null ? "" : content.title();
        doc.add(new SortedDocValuesField(TITLE_SORT, new BytesRef(title.toLowerCase(Locale.ROOT))));
        doc.add(new Field(TITLE, title, HIGHLIGHTED));
        doc.add(new TextField(TITLE_WORDS, title, Field.Store.NO));
        if (content != null) {
            String text = text(content);
            if (!text.isEmpty()) {
                doc.add(new Field(TEXT, text, HIGHLIGHTED));
            }
            if (content.initiatorName() != null) {
                doc.add(new TextField(OTHER, content.initiatorName(), Field.Store.NO));
            }
        }
        doc.add(new TextField(OTHER, s.opdCode(), Field.Store.NO));
        if (!title.isBlank()) {
            doc.add(new ContextSuggestField(SUGGEST, title, 1, contexts(s)));
        }
        return FACETS_CONFIG.build(doc);
    }

    /** The design, goals, benefits and results, one paragraph each. */
    static String text(InnovationChanged.Content content) {
        return Stream.of(content.design(), content.goals(), content.benefits(), content.results())
                .filter(Objects::nonNull).map(String::strip).filter(t -> !t.isEmpty())
                .collect(Collectors.joining("\n\n"));
    }

    private static CharSequence[] contexts(InnovationChanged s) {
        List<CharSequence> contexts = new ArrayList<>();
        contexts.add(OPD_CONTEXT + s.opdCode());
        if (s.status() == InnovationStatus.PUBLISHED) {
            contexts.add(PUBLISHED_CONTEXT);
        }
        return contexts.toArray(CharSequence[]::new);
    }

    private static void keyword(Document doc, String name, Enum<?> value) {
        if (value != null) {
            keyword(doc, name, value.name());
        }
    }

    private static void keyword(Document doc, String name, String value) {
        if (value != null) {
            doc.add(new StringField(name, value, Field.Store.NO));
            doc.add(new SortedSetDocValuesFacetField(name, value));
        }
    }

    private static FieldType highlighted() {
        FieldType type = new FieldType(TextField.TYPE_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }
}
