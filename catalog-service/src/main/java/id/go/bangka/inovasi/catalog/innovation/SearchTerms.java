package id.go.bangka.inovasi.catalog.innovation;

import id.go.bangka.inovasi.events.InnovationProposal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.id.IndonesianAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Indonesian-aware search terms: Lucene's Indonesian analyzer (lower-casing, stop words, stemming), so "layanan"
 * finds "pelayanan" and "kesehatan" finds "sehat". Documents store their terms in an indexed array and queries match
 * terms from the same analyzer, which works alike on real MongoDB and the stand-in (no {@code $text}).
 */
public final class SearchTerms {

    /** Longest query text accepted. */
    public static final int MAX_QUERY_LENGTH = 200;
    private static final Analyzer ANALYZER = new IndonesianAnalyzer();

    private SearchTerms() {
    }

    /** The terms of an innovation's searchable text: title, OPD, design, goals, benefits, results. */
    public static List<String> of(InnovationProposal proposal) {
        String text = String.join(" ", Stream.of(proposal.title(), proposal.opdCode(), proposal.design(),
                proposal.goals(), proposal.benefits(), proposal.results())
                .filter(s -> s != null && !s.isBlank()).toList());
        return new ArrayList<>(analyze(text));
    }

    /** The distinct terms of a text, in order of appearance. */
    public static Set<String> analyze(String text) {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream stream = ANALYZER.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }
}
