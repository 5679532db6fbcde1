package id.go.bangka.inovasi.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.bangka.inovasi.events.InnovationChanged;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.id.IndonesianAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;

/** The remembering analyzer gives what Lucene's Indonesian analyzer gives: terms, positions and offsets. */
class CachedIndonesianAnalyzerTest {

    private static final Analyzer LUCENE = new IndonesianAnalyzer();

    @Test
    void theQualitySetsTextsAnalyseAsLucenesIndonesianAnalyzerDoes() throws IOException {
        Analyzer cached = new CachedIndonesianAnalyzer();
        List<String> texts = QualitySet.innovations().values().stream().map(InnovationChanged::content)
                .flatMap(c -> Stream.of(c.title(), IndexedInnovation.text(c))).toList();

        for (int pass = 0; pass < 2; pass++) {
            for (String text : texts) {
                assertThat(tokens(cached, text)).as(text).isEqualTo(tokens(LUCENE, text));
            }
        }
        assertThat(tokens(cached, texts.get(1))).hasSizeGreaterThan(3);
    }

    @Test
    void stopWordsLeaveTheirPositionsAndCaseAndStemsMatch() throws IOException {
        String text = "Yang MEMPERBAIKI pelayanan dan perizinan, yang e-KTP 2.500 warga; 𝐀kses ke-2 Pelayanan itu";
        List<String> lucene = tokens(LUCENE, text);

        assertThat(tokens(new CachedIndonesianAnalyzer(), text)).isEqualTo(lucene);
        assertThat(lucene).first().isEqualTo("baik@2 [5,16]");
        assertThat(lucene).contains("layan@1 [17,26]", "end@1 [" + text.length() + "]");
    }

    @Test
    void aFullMemoryStartsAfreshAndAnswersTheSame() throws IOException {
        String text = "pelayanan perizinan kesehatan pelayanan masyarakat kesehatan perizinan desa";
        List<String> lucene = tokens(LUCENE, text);

        assertThat(tokens(new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                StandardTokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, new CachedIndonesianAnalyzer.RememberedWords(source, 2));
            }
        }, text)).isEqualTo(lucene);
    }

    /** Each token as "term@positionIncrement [start,end]", then the end's position increment and offset. */
    private static List<String> tokens(Analyzer analyzer, String text) throws IOException {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(IndexedInnovation.TEXT, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute position = stream.addAttribute(PositionIncrementAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term + "@" + position.getPositionIncrement() + " [" + offset.startOffset() + ","
                        + offset.endOffset() + "]");
            }
            stream.end();
            tokens.add("end@" + position.getPositionIncrement() + " [" + offset.endOffset() + "]");
        }
        return tokens;
    }
}
