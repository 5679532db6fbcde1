package id.go.bangka.inovasi.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.memory.index.MemoryUniqueIndex;
import de.bwaldvogel.mongo.bson.Document;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MongoStandInsTest {

    @TempDir
    Path directory;

    @Test
    void aUniqueIndexServesQueriesPinningItsKeyAndNothingElse() {
        KeyLookupIndex<Integer> index = new KeyLookupIndex<>(
                new MemoryUniqueIndex("_id_", List.of(new IndexKey("_id", true)), false), false);

        assertThat(index.canHandle(new Document("_id", 7))).isTrue();
        assertThat(index.canHandle(new Document("_id", 7).append("version", 3))).isTrue();
        assertThat(index.canHandle(new Document("_id", new Document("$gt", 7)).append("version", 3))).isFalse();
        assertThat(index.canHandle(new Document("_id", List.of(7, 8)).append("version", 3))).isFalse();
        assertThat(index.canHandle(new Document("version", 3))).isFalse();
        assertThat(index.isUnique()).isTrue();
    }

    @Test
    void conditionalWritesByIdStillCheckEveryCondition() {
        MongoServer server = MongoStandIns.inMemory(0);
        try (MongoClient client = MongoClients.create(MongoStandIns.uri(server))) {
            exerciseConditionalWrites(() -> client.getDatabase("test").getCollection("innovations"));
        } finally {
            server.shutdownNow();
        }
    }

    @Test
    void theFileStandInKeepsItsDataAndIndexesAcrossARestart() {
        Path file = directory.resolve("stand-in.mv");
        MongoServer first = MongoStandIns.inFile(file, 0);
        try (MongoClient client = MongoClients.create(MongoStandIns.uri(first))) {
            exerciseConditionalWrites(() -> client.getDatabase("test").getCollection("innovations"));
        } finally {
            first.shutdownNow();
        }
        MongoServer second = MongoStandIns.inFile(file, 0);
        try (MongoClient client = MongoClients.create(MongoStandIns.uri(second))) {
            MongoCollection<org.bson.Document> innovations = client.getDatabase("test").getCollection("innovations");
            assertThat(innovations.find(Filters.and(Filters.eq("_id", "a"), Filters.eq("version", 2))).first())
                    .containsEntry("publishedVersion", 2);
            assertThatThrownBy(() -> innovations.insertOne(new org.bson.Document("_id", "c").append("titleKey", "k1")))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
        } finally {
            second.shutdownNow();
        }
    }

    private static void exerciseConditionalWrites(Supplier<MongoCollection<org.bson.Document>> collection) {
        MongoCollection<org.bson.Document> innovations = collection.get();
        innovations.createIndex(Indexes.ascending("titleKey"), new IndexOptions().unique(true));
        innovations.insertOne(new org.bson.Document("_id", "a").append("version", 2).append("titleKey", "k1"));
        innovations.insertOne(new org.bson.Document("_id", "b").append("version", 1).append("titleKey", "k2"));

        assertThat(innovations.updateOne(Filters.and(Filters.eq("_id", "a"), Filters.eq("version", 1)),
                Updates.set("publishedVersion", 1)).getModifiedCount()).isZero();
        assertThat(innovations.updateOne(Filters.and(Filters.eq("_id", "a"), Filters.eq("version", 2)),
                Updates.set("publishedVersion", 2)).getModifiedCount()).isOne();
        assertThat(innovations.find(Filters.and(Filters.eq("titleKey", "k1"), Filters.ne("_id", "a"))).first())
                .isNull();
        assertThat(innovations.find(Filters.and(Filters.eq("titleKey", "k2"), Filters.ne("_id", "a"))).first())
                .containsEntry("_id", "b");
        assertThat(innovations.find(Filters.and(Filters.eq("_id", "missing"), Filters.eq("version", 1))).first())
                .isNull();
        assertThatThrownBy(() -> innovations.insertOne(new org.bson.Document("_id", "a").append("titleKey", "k9")))
                .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
        assertThat(innovations.countDocuments()).isEqualTo(2);
    }
}
