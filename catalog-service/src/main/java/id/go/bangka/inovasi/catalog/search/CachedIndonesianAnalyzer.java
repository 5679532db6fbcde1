package id.go.bangka.inovasi.catalog.search;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.CharacterUtils;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.id.IndonesianAnalyzer;
import org.apache.lucene.analysis.id.IndonesianStemmer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Lucene's {@link IndonesianAnalyzer} (standard tokenizer, lower case, Indonesian stop words, stemming) for indexing,
 * remembering what each word as written became: texts repeat their words, so most words cost one lookup instead of
 * lower-casing, a stop-word check and the stemmer. The same terms, positions and offsets as the analyzer it stands for
 * ({@code CachedIndonesianAnalyzerTest}), which queries, highlights and MoreLikeThis keep using. Each thread's token
 * stream remembers at most {@value #REMEMBERED} words, then starts afresh: indexing runs on a few threads only.
 */
final class CachedIndonesianAnalyzer extends Analyzer {

    /** Words remembered per indexing thread (about 100 bytes each). */
    static final int REMEMBERED = 50_000;

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer source = new StandardTokenizer();
        return new TokenStreamComponents(source, new RememberedWords(source, REMEMBERED));
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(in);
    }

    /** Lower case, stop words and stemming in one filter, with the result per word as written remembered. */
    static final class RememberedWords extends TokenFilter {

        private static final char[] STOP_WORD = new char[0];
        private static final CharArraySet STOP_WORDS = IndonesianAnalyzer.getDefaultStopSet();

        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
        private final IndonesianStemmer stemmer = new IndonesianStemmer();
        private final CharArrayMap<char[]> remembered;
        private final int capacity;
        private int skippedPositions;

        RememberedWords(TokenStream input, int capacity) {
            super(input);
            this.capacity = capacity;
            this.remembered = new CharArrayMap<>(Math.min(capacity, 4096), false);
        }

        @Override
        public boolean incrementToken() throws IOException {
            skippedPositions = 0;
            while (input.incrementToken()) {
                char[] word = remembered.get(term.buffer(), 0, term.length());
                if (word == null) {
                    word = analyse(term.buffer(), term.length());
                }
                if (word == STOP_WORD) {
                    skippedPositions += position.getPositionIncrement();
                    continue;
                }
                term.copyBuffer(word, 0, word.length);
                if (skippedPositions != 0) {
                    position.setPositionIncrement(position.getPositionIncrement() + skippedPositions);
                }
                return true;
            }
            return false;
        }

        private char[] analyse(char[] buffer, int length) {
            char[] written = Arrays.copyOf(buffer, length);
            char[] word = Arrays.copyOf(buffer, length);
            CharacterUtils.toLowerCase(word, 0, length);
            char[] result = STOP_WORDS.contains(word, 0, length) ? STOP_WORD
                    : Arrays.copyOf(word, stemmer.stem(word, length, true));
            if (remembered.size() >= capacity) {
                remembered.clear();
            }
            remembered.put(written, result);
            return result;
        }

        @Override
        public void end() throws IOException {
            super.end();
            position.setPositionIncrement(position.getPositionIncrement() + skippedPositions);
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            skippedPositions = 0;
        }
    }
}
