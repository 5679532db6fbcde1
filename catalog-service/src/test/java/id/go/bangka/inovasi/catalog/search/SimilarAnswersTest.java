package id.go.bangka.inovasi.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.IOUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SimilarAnswersTest {

    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private IndexWriter writer;
    private DirectoryReader reader;

    @BeforeEach
    void open() throws IOException {
        writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()));
        reader = DirectoryReader.open(writer);
    }

    @AfterEach
    void close() throws IOException {
        IOUtils.close(reader, writer, directory);
    }

    @Test
    void theLeastRecentlyReadAnswerGoesBeyondTheCapacity() {
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

    @Test
    void answersBelongToOneVersionOfTheIndex() throws IOException {
        SimilarAnswers answers = new SimilarAnswers(reader, 10);
        writer.addDocument(new Document());
        try (DirectoryReader after = DirectoryReader.openIfChanged(reader, writer)) {
            assertThat(answers.of(reader)).isTrue();
            assertThat(answers.of(after)).isFalse();
            assertThat(answers.olderThan(after)).isTrue();
            assertThat(new SimilarAnswers(after, 10).olderThan(reader)).isFalse();
        }
    }

    private static SimilarAnswers.Key key() {
        return new SimilarAnswers.Key(UUID.randomUUID(), 1, new MatchAllDocsQuery(), 6);
    }
}
