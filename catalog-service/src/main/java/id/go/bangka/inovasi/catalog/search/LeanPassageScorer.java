package id.go.bangka.inovasi.catalog.search;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;

/**
 * Lucene's passage score (BM25 of the passage's distinct terms, times its position's norm), the same value to the bit,
 * computed without the {@code BytesRefHash} Lucene's {@link PassageScorer#score} creates for every candidate passage:
 * its first term allocates a 32 KiB block, so highlighting a page of 20 hits sentence by sentence allocated a tenth of
 * everything catalog-service allocated under the public read mix (docs/benchmarks.md section 9, nineteenth session).
 * A passage holds a sentence's few matches, so finding each term's first occurrence by comparing it with the earlier
 * ones costs less than hashing.
 */
final class LeanPassageScorer extends PassageScorer {

    @Override
    public float score(Passage passage, int contentLength) {
        int matches = passage.getNumMatches();
        BytesRef[] terms = passage.getMatchTerms();
        int[] freqsInDoc = passage.getMatchTermFreqsInDoc();
        double score = 0;
        for (int i = 0; i < matches; i++) {
            if (seenBefore(terms, i)) {
                continue;
            }
            int inPassage = 1;
            for (int j = i + 1; j < matches; j++) {
                if (terms[j].bytesEquals(terms[i])) {
                    inPassage++;
                }
            }
            float termScore = tf(inPassage, passage.getLength()) * weight(contentLength, freqsInDoc[i]);
            score += termScore;
        }
        score *= norm(passage.getStartOffset());
        return (float) score;
    }

    /** Whether the term of match {@code i} is that of an earlier match: terms count in order of first occurrence. */
    private static boolean seenBefore(BytesRef[] terms, int i) {
        for (int j = 0; j < i; j++) {
            if (terms[j].bytesEquals(terms[i])) {
                return true;
            }
        }
        return false;
    }
}
