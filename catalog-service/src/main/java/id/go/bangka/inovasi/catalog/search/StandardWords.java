package id.go.bangka.inovasi.catalog.search;

import java.io.CharArrayReader;
import java.io.IOException;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.util.ArrayUtil;

/**
 * The words Lucene's {@link StandardTokenizer} finds, found by a plain loop when the text is all ASCII, as most of
 * the catalogue's texts are, and by the {@link StandardTokenizer} itself otherwise. For ASCII text the Unicode
 * word-break rules it implements (UAX #29) come down to: letters and digits, joined by underscores, and by one
 * {@code . : '} between two letters or one {@code . , ; '} between two digits; a run of underscores alone is no
 * word. Words longer than the tokenizer's 255 characters, which it splits, also go to it. Only the words' text and
 * offsets are set: the index writer's {@link CachedIndonesianAnalyzer} reads nothing else ({@code
 * StandardWordsTest} compares both on random ASCII text and the search quality set).
 */
final class StandardWords extends Tokenizer {

    /** The longest word the tokenizer keeps whole. */
    private static final int LONGEST = StandardAnalyzer.DEFAULT_MAX_TOKEN_LENGTH;

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final StandardTokenizer unicode = new StandardTokenizer();
    private final CharTermAttribute unicodeTerm = unicode.addAttribute(CharTermAttribute.class);
    private final OffsetAttribute unicodeOffset = unicode.addAttribute(OffsetAttribute.class);
    private char[] text = new char[1024];
    private int length;
    private int at;
    private boolean ascii;
    private boolean unicodeOpen;

    @Override
    public void reset() throws IOException {
        super.reset();
        length = 0;
        at = 0;
        int read;
        while ((read = input.read(text, length, text.length - length)) >= 0) {
            length += read;
            if (length == text.length) {
                text = ArrayUtil.grow(text, length + 1);
            }
        }
        ascii = asciiWithShortWords();
        if (!ascii) {
            unicode.setReader(new CharArrayReader(text, 0, length));
            unicode.reset();
            unicodeOpen = true;
        }
    }

    @Override
    public boolean incrementToken() throws IOException {
        clearAttributes();
        if (!ascii) {
            if (!unicode.incrementToken()) {
                return false;
            }
            term.copyBuffer(unicodeTerm.buffer(), 0, unicodeTerm.length());
            offset.setOffset(correctOffset(unicodeOffset.startOffset()), correctOffset(unicodeOffset.endOffset()));
            return true;
        }
        while (at < length) {
            int start = at;
            boolean letterOrDigit = false;
            while (at < length) {
                char c = text[at];
                if (letter(c) || digit(c)) {
                    letterOrDigit = true;
                    at++;
                } else if (c == '_' || joins(c)) {
                    at++;
                } else {
                    break;
                }
            }
            if (letterOrDigit) {
                term.copyBuffer(text, start, at - start);
                offset.setOffset(correctOffset(start), correctOffset(at));
                return true;
            }
            if (at == start) {
                at++;
            }
        }
        return false;
    }

    /** Whether the character at {@link #at}, between two others, joins them into one word. */
    private boolean joins(char c) {
        if (at == 0 || at + 1 >= length) {
            return false;
        }
        char before = text[at - 1];
        char after = text[at + 1];
        return letter(before) && letter(after) && (c == '.' || c == ':' || c == '\'')
                || digit(before) && digit(after) && (c == '.' || c == ',' || c == ';' || c == '\'');
    }

    /** ASCII only, and no run of word characters (joiners included) longer than the tokenizer's longest word. */
    private boolean asciiWithShortWords() {
        int run = 0;
        for (int i = 0; i < length; i++) {
            char c = text[i];
            if (c >= 0x80) {
                return false;
            }
            run = letter(c) || digit(c) || c == '_' || c == '.' || c == ':' || c == '\'' || c == ',' || c == ';'
                    ? run + 1 : 0;
            if (run > LONGEST) {
                return false;
            }
        }
        return true;
    }

    private static boolean letter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Ends where the tokenizer ends (a text ending in half a surrogate pair ends before it), or where the loop is. */
    @Override
    public void end() throws IOException {
        super.end();
        int last;
        if (unicodeOpen) {
            unicode.end();
            last = correctOffset(unicodeOffset.endOffset());
        } else {
            last = correctOffset(at);
        }
        offset.setOffset(last, last);
    }

    /** Closes the tokenizer too; a value read without {@link #reset} then fails, as the tokenizer's does. */
    @Override
    public void close() throws IOException {
        super.close();
        ascii = false;
        if (unicodeOpen) {
            unicode.close();
            unicodeOpen = false;
        }
    }
}
