package id.go.bangka.inovasi.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.bangka.inovasi.events.InnovationChanged;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.id.IndonesianAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.TermFrequencyAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/** The index writer's Indonesian analysis gives the index what Lucene's Indonesian analyzer gives it. */
class CachedIndonesianAnalyzerTest {

    private static final Analyzer LUCENE = new IndonesianAnalyzer();
    private static final String TRICKY = "Yang MEMPERBAIKI pelayanan dan perizinan, yang e-KTP 2.500 warga;"
            + " 𝐀kses ke-2 Pelayanan itu layanan pelayanan";

    @Test
    void eachValueGivesTheSameWordsWithTheirFrequencies() throws IOException {
        Analyzer cached = new CachedIndonesianAnalyzer();
        List<String> texts = new ArrayList<>(texts());
        texts.add(TRICKY);

        for (int pass = 0; pass < 2; pass++) {
            for (String text : texts) {
                assertThat(folded(cached, text)).as(text).isEqualTo(folded(LUCENE, text));
            }
        }
        assertThat(folded(cached, TRICKY)).containsEntry("layan", 4).containsEntry("baik", 1)
                .doesNotContainKeys("yang", "dan", "itu");
    }

    @Test
    void anIndexGetsTheSameTermsFrequenciesAndNorms() throws IOException {
        try (DirectoryReader lucene = index(LUCENE); DirectoryReader cached = index(new CachedIndonesianAnalyzer())) {
            assertThat(statistics(cached)).isEqualTo(statistics(lucene)).hasSizeGreaterThan(100);
            assertThat(norms(cached)).isEqualTo(norms(lucene));
        }
    }

    @Test
    void theTextsAsOneValueGiveTheTermsFrequenciesAndNormsOfOneValueEach() throws IOException {
        try (DirectoryReader each = index(LUCENE, CachedIndonesianAnalyzerTest::oneValuePerText);
                DirectoryReader joined = index(LUCENE, document -> { })) {
            assertThat(statistics(joined)).isEqualTo(statistics(each));
            assertThat(norms(joined)).isEqualTo(norms(each));
        }
    }

    @Test
    void aFullMemoryStartsAfreshAndAnswersTheSame() throws IOException {
        Analyzer small = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                StandardTokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, new CachedIndonesianAnalyzer.DistinctWords(source, 2));
            }
        };
        String text = "pelayanan perizinan kesehatan pelayanan masyarakat kesehatan perizinan desa";

        assertThat(folded(small, text)).isEqualTo(folded(LUCENE, text)).containsEntry("layan", 2);
    }

    private static List<String> texts() {
        return QualitySet.innovations().values().stream().map(InnovationChanged::content)
                .flatMap(c -> Stream.concat(Stream.of(c.title()), IndexedInnovation.paragraphs(c).stream())).toList();
    }

    /** Each word's frequency in the text, from the stream's terms and their frequencies. */
    private static Map<String, Integer> folded(Analyzer analyzer, String text) throws IOException {
        Map<String, Integer> words = new TreeMap<>();
        try (TokenStream stream = analyzer.tokenStream(IndexedInnovation.TEXT, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            TermFrequencyAttribute frequency = stream.addAttribute(TermFrequencyAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                words.merge(term.toString(), frequency.getTermFrequency(), Integer::sum);
            }
            stream.end();
        }
        return words;
    }

    /** The quality set's innovations as the search index keeps them, analysed by the given analyzer. */
    private static DirectoryReader index(Analyzer analyzer) throws IOException {
        return index(analyzer, document -> { });
    }

    /** The quality set's innovations as the search index keeps them, changed as given, analysed by the analyzer. */
    private static DirectoryReader index(Analyzer analyzer, Consumer<Document> change) throws IOException {
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
            for (InnovationChanged snapshot : QualitySet.innovations().values()) {
                Document document = IndexedInnovation.of(snapshot);
                change.accept(document);
                writer.addDocument(document);
            }
        }
        return DirectoryReader.open(directory);
    }

    /** The document with its texts as one value per paragraph, as the index kept them before. */
    private static void oneValuePerText(Document document) {
        IndexableField text = document.getField(IndexedInnovation.TEXT);
        document.removeFields(IndexedInnovation.TEXT);
        for (String paragraph : text.stringValue().split("\n\n")) {
            document.add(new Field(IndexedInnovation.TEXT, paragraph, text.fieldType()));
        }
    }

    /** Every term of the text fields with its document frequency and total frequency. */
    private static Map<String, String> statistics(DirectoryReader reader) throws IOException {
        Map<String, String> terms = new LinkedHashMap<>();
        for (String field : List.of(IndexedInnovation.TITLE, IndexedInnovation.TEXT, IndexedInnovation.OTHER)) {
            TermsEnum each = MultiTerms.getTerms(reader, field).iterator();
            for (BytesRef t = each.next(); t != null; t = each.next()) {
                terms.put(field + ":" + t.utf8ToString(), each.docFreq() + "/" + each.totalTermFreq());
            }
        }
        return terms;
    }

    /** Each document's norm (BM25's encoded field length) per text field. */
    private static List<String> norms(DirectoryReader reader) throws IOException {
        List<String> norms = new ArrayList<>();
        for (var leaf : reader.leaves()) {
            LeafReader segment = leaf.reader();
            for (String field : List.of(IndexedInnovation.TITLE, IndexedInnovation.TEXT, IndexedInnovation.OTHER)) {
                NumericDocValues values = segment.getNormValues(field);
                for (int doc = values.nextDoc(); doc != NumericDocValues.NO_MORE_DOCS; doc = values.nextDoc()) {
                    norms.add(field + "#" + (leaf.docBase + doc) + "=" + values.longValue());
                }
            }
        }
        return norms;
    }
}
