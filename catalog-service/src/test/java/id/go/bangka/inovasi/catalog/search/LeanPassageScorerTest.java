package id.go.bangka.inovasi.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/** The lean scorer gives Lucene's passage scores to the bit, so highlights pick the same sentences. */
class LeanPassageScorerTest {

    private static final String[] TERMS = {"posyandu", "remaja", "sehat", "desa", "sampah"};

    @Test
    void scoresEveryPassageAsLuceneDoes() {
        PassageScorer lucene = new PassageScorer();
        LeanPassageScorer lean = new LeanPassageScorer();
        Random random = new Random(19);
        for (int round = 0; round < 2_000; round++) {
            Passage passage = new Passage();
            int start = random.nextInt(5_000);
            int length = 20 + random.nextInt(300);
            passage.setStartOffset(start);
            passage.setEndOffset(start + length);
            int matches = random.nextInt(8);
            for (int m = 0; m < matches; m++) {
                String term = TERMS[random.nextInt(TERMS.length)];
                int at = start + random.nextInt(length - 10);
                passage.addMatch(at, at + 5, new BytesRef(term), 1 + term.length() * 3);
            }
            int contentLength = start + length + random.nextInt(10_000);

            assertThat(Float.floatToIntBits(lean.score(passage, contentLength)))
                    .as("passage %s of %d characters", passage, contentLength)
                    .isEqualTo(Float.floatToIntBits(lucene.score(passage, contentLength)));
        }
    }

    @Test
    void aRepeatedTermCountsOnceWithItsFrequency() {
        Passage repeated = new Passage();
        repeated.setStartOffset(0);
        repeated.setEndOffset(100);
        repeated.addMatch(0, 8, new BytesRef("posyandu"), 4);
        repeated.addMatch(20, 28, new BytesRef("posyandu"), 4);
        Passage once = new Passage();
        once.setStartOffset(0);
        once.setEndOffset(100);
        once.addMatch(0, 8, new BytesRef("posyandu"), 4);
        LeanPassageScorer lean = new LeanPassageScorer();

        assertThat(lean.score(repeated, 1_000)).isGreaterThan(lean.score(once, 1_000)).isGreaterThan(0f);
    }
}
