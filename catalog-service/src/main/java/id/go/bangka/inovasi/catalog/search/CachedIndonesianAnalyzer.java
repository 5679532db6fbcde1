package id.go.bangka.inovasi.catalog.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.CharacterUtils;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.id.IndonesianAnalyzer;
import org.apache.lucene.analysis.id.IndonesianStemmer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.TermFrequencyAttribute;

/**
 * Lucene's {@link IndonesianAnalyzer} (standard tokenizer, lower case, Indonesian stop words, stemming) for the index
 * writer's fields that keep documents and frequencies only (no positions). Its words are the standard tokenizer's,
 * found by a plain loop in ASCII text ({@link StandardWords}). It remembers what each word as written became, since
 * texts repeat their words, so most words cost one lookup instead of lower-casing, a stop-word check and the stemmer;
 * and it hands the writer each distinct spelling of a value once, as its term with its frequency
 * ({@link TermFrequencyAttribute}), instead of every occurrence. The index gets the same terms, frequencies and field
 * lengths (BM25's norms) as with the analyzer it stands for ({@code CachedIndonesianAnalyzerTest}), which queries,
 * highlights and MoreLikeThis keep using. Each thread's token stream remembers at most {@value #REMEMBERED} words, then
 * starts afresh: indexing runs on a few threads only.
 */
final class CachedIndonesianAnalyzer extends Analyzer {

    /** Words remembered per indexing thread (about 100 bytes each). */
    static final int REMEMBERED = 50_000;

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardWords source = new StandardWords();
        return new TokenStreamComponents(source, new DistinctWords(source, REMEMBERED));
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(in);
    }

    /**
     * Lower case, stop words and stemming in one filter, the result per word as written remembered; each distinct
     * spelling of a value is emitted once, as its term, with its frequency, in the order of its first occurrence
     * (spellings with one stem, such as "Pelayanan" and "layanan", each give that stem: the writer adds their
     * frequencies up).
     */
    static final class DistinctWords extends TokenFilter {

        private static final CharArraySet STOP_WORDS = IndonesianAnalyzer.getDefaultStopSet();

        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final TermFrequencyAttribute frequency = addAttribute(TermFrequencyAttribute.class);
        private final IndonesianStemmer stemmer = new IndonesianStemmer();
        private final CharArrayMap<Word> remembered;
        private final int capacity;
        private final List<Word> distinct = new ArrayList<>();
        private long value;
        private int next = -1;

        DistinctWords(TokenStream input, int capacity) {
            super(input);
            this.capacity = capacity;
            this.remembered = new CharArrayMap<>(Math.min(capacity, 4096), false);
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (next < 0) {
                fold();
                next = 0;
            }
            if (next == distinct.size()) {
                return false;
            }
            Word word = distinct.get(next++);
            clearAttributes();
            term.copyBuffer(word.term, 0, word.term.length);
            frequency.setTermFrequency(word.count);
            return true;
        }

        /** Reads the whole value: the distinct words and how often each occurs. */
        private void fold() throws IOException {
            while (input.incrementToken()) {
                Word word = remembered.get(term.buffer(), 0, term.length());
                if (word == null) {
                    word = analyse(term.buffer(), term.length());
                }
                if (word.term == null) {
                    continue;
                }
                if (word.value != value) {
                    word.value = value;
                    word.count = 0;
                    distinct.add(word);
                }
                word.count++;
            }
        }

        private Word analyse(char[] buffer, int length) {
            char[] written = Arrays.copyOf(buffer, length);
            char[] lower = Arrays.copyOf(buffer, length);
            CharacterUtils.toLowerCase(lower, 0, length);
            Word word = new Word(STOP_WORDS.contains(lower, 0, length) ? null
                    : Arrays.copyOf(lower, stemmer.stem(lower, length, true)));
            if (remembered.size() >= capacity) {
                remembered.clear();
            }
            remembered.put(written, word);
            return word;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            distinct.clear();
            value++;
            next = -1;
        }

        /** What a word as written became (null: a stop word), and how often it occurs in the value being read. */
        private static final class Word {

            private final char[] term;
            private long value;
            private int count;

            Word(char[] term) {
                this.term = term;
            }
        }
    }
}
