package id.go.bangka.inovasi.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.bangka.inovasi.events.InnovationChanged;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.junit.jupiter.api.Test;

/** The plain loop finds the words, with their offsets, that Lucene's StandardTokenizer finds. */
class StandardWordsTest {

    /** Letters, digits, every ASCII joiner and some separators, several times each so they meet often. */
    private static final String ALPHABET = "aaZZxx0099..::''__,,;;  -/\n\t()\"!?@#&+=%*<>[]{}|~`^$\\\u0000\u007f";

    private static final Analyzer LUCENE = analyzer(StandardTokenizer::new);
    private static final Analyzer WORDS = analyzer(StandardWords::new);

    @Test
    void randomAsciiTextGivesTheTokenizersWords() throws IOException {
        Random random = new Random(20261130);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(40);
            for (int c = 0; c < length; c++) {
                text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            assertThat(words(WORDS, text.toString())).as("[%s]", text).isEqualTo(words(LUCENE, text.toString()));
        }
    }

    @Test
    void theJoinersJoinAsTheTokenizerJoins() throws IOException {
        String text = "e-KTP 2.500 warga; a.b.c 1,000.50 a:b 1:2 don't 1'000 a,b 1;2 a1.2 1.a a..b _x_ __ x__y a_.b "
                + "A.1 1.2.a end.";

        assertThat(words(WORDS, text)).isEqualTo(words(LUCENE, text));
        assertThat(terms(words(WORDS, text))).contains("KTP", "2.500", "a.b.c", "1,000.50",
                "a:b", "don't", "1'000", "a1.2", "_x_", "x__y").doesNotContain("__", "a,b", "1:2", "a..b");
    }

    @Test
    void textBeyondAsciiAndLongWordsGoToTheTokenizer() throws IOException {
        String unicode = "Pelayanan “cepat” – e\u2011KTP café 𝐀kses ke\u20192 日本語 ١٢٣";
        String longWord = "a".repeat(300) + " b " + "1.".repeat(140) + "1";
        String halfPair = "ab \uD800";
        String joinerAtTheLimit = "a".repeat(255) + ".b " + "9".repeat(254) + ",9";

        assertThat(words(WORDS, unicode)).isEqualTo(words(LUCENE, unicode));
        assertThat(terms(words(WORDS, unicode))).contains("café", "𝐀kses");
        assertThat(words(WORDS, longWord)).isEqualTo(words(LUCENE, longWord)).hasSizeGreaterThan(3);
        assertThat(words(WORDS, halfPair)).isEqualTo(words(LUCENE, halfPair)).containsExactly("end@0");
        assertThat(words(WORDS, joinerAtTheLimit)).isEqualTo(words(LUCENE, joinerAtTheLimit));
    }

    @Test
    void aValueReadWithoutResetFailsAsTheTokenizersDoes() throws IOException {
        Tokenizer words = new StandardWords();
        words.setReader(new StringReader("a b c"));
        words.reset();
        words.incrementToken();
        words.close();
        words.setReader(new StringReader("x y"));

        assertThatThrownBy(words::incrementToken).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theQualitySetGivesTheTokenizersWordsOneValueAfterAnother() throws IOException {
        List<String> texts = QualitySet.innovations().values().stream().map(InnovationChanged::content)
                .flatMap(c -> Stream.of(c.title(), IndexedInnovation.text(c), "Dinas “Kesehatan”")).toList();

        for (String text : texts) {
            assertThat(words(WORDS, text)).as(text).isEqualTo(words(LUCENE, text));
        }
    }

    private static Analyzer analyzer(Supplier<Tokenizer> tokenizer) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                return new TokenStreamComponents(tokenizer.get());
            }
        };
    }

    private static List<String> terms(List<String> words) {
        return words.stream().map(w -> w.substring(0, w.lastIndexOf('@'))).toList();
    }

    /** Each word with its offsets, and the offset the stream ends at. */
    private static List<String> words(Analyzer analyzer, String text) throws IOException {
        List<String> words = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                words.add(term + "@" + offset.startOffset() + "-" + offset.endOffset());
            }
            stream.end();
            words.add("end@" + offset.endOffset());
        }
        return words;
    }
}
