package id.go.bangka.inovasi.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

class SimilarAnswersTest {

    @Test
    void theLeastRecentlyReadAnswerGoesBeyondTheCapacity() throws Exception {
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory();
                IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()));
                DirectoryReader reader = DirectoryReader.open(writer)) {
            SimilarAnswers answers = new SimilarAnswers(reader, 2);
            SimilarAnswers.Key a = key();
            SimilarAnswers.Key b = key();
            SimilarAnswers.Key c = key();
            List<UUID> ofA = List.of(UUID.randomUUID());
            answers.keep(a, ofA);
            answers.keep(b, List.of(UUID.randomUUID()));
            assertThat(answers.get(a)).isEqualTo(ofA);
            answers.keep(c, List.of());

            assertThat(answers.size()).isEqualTo(2);
            assertThat(answers.get(b)).isNull();
            assertThat(answers.get(a)).isEqualTo(ofA);
            assertThat(answers.get(c)).isEmpty();
        }
    }

    @Test
    void answersBelongToOneVersionOfTheIndex() throws Exception {
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory();
                IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()));
                DirectoryReader before = DirectoryReader.open(writer)) {
            SimilarAnswers answers = new SimilarAnswers(before, 10);
            writer.addDocument(new Document());
            try (DirectoryReader after = DirectoryReader.openIfChanged(before, writer)) {
                assertThat(answers.of(before)).isTrue();
                assertThat(answers.of(after)).isFalse();
                assertThat(answers.olderThan(after)).isTrue();
                assertThat(new SimilarAnswers(after, 10).olderThan(before)).isFalse();
            }
        }
    }

    private static SimilarAnswers.Key key() {
        return new SimilarAnswers.Key(UUID.randomUUID(), 1, new MatchAllDocsQuery(), 6);
    }
}
