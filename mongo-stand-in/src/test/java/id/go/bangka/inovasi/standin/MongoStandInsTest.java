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
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.index.MemoryUniqueIndex;
import de.bwaldvogel.mongo.bson.Document;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.bson.conversions.Bson;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
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
        onInnovations(MongoStandIns.inMemory(0), MongoStandInsTest::exerciseConditionalWrites);
    }

    @Test
    void theFileStandInKeepsItsDataAndIndexesAcrossARestart() {
        Path file = directory.resolve("stand-in.mv");
        onInnovations(MongoStandIns.inFile(file, 0), MongoStandInsTest::exerciseConditionalWrites);
        onInnovations(MongoStandIns.inFile(file, 0), innovations -> {
            assertThat(innovations.find(Filters.and(Filters.eq("_id", "a"), Filters.eq("version", 2))).first())
                    .containsEntry("publishedVersion", 2);
            assertThatThrownBy(() -> innovations.insertOne(new org.bson.Document("_id", "c").append("titleKey", "k1")))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
        });
    }

    @Test
    void aSecondaryIndexServesQueriesPinningItsKeyToOneValue() {
        ValueIndex<Integer> index = new ValueIndex<>("publishPending", List.of(new IndexKey("publishPending", true)),
                false);
        index.add(new Document("_id", "a").append("publishPending", true), 1, null);
        index.add(new Document("_id", "b").append("publishPending", false), 2, null);
        index.add(new Document("_id", "c").append("publishPending", true), 3, null);
        index.updateInPlace(new Document("_id", "c").append("publishPending", true),
                new Document("_id", "c").append("publishPending", false), 3, null);

        assertThat(index.canHandle(new Document("publishPending", true))).isTrue();
        assertThat(index.canHandle(new Document("publishPending", true).append("version", 3))).isTrue();
        assertThat(index.canHandle(new Document("publishPending", new Document("$ne", false)))).isFalse();
        assertThat(index.canHandle(new Document("publishPending", null))).isFalse();
        assertThat(index.canHandle(new Document("version", 3))).isFalse();
        assertThat(index.getPositions(new Document("publishPending", true))).containsExactly(1);
        assertThat(index.getPositions(new Document("publishPending", false))).containsExactlyInAnyOrder(2, 3);
        assertThat(index.remove(new Document("_id", "b").append("publishPending", false))).isEqualTo(2);
        assertThat(index.getPositions(new Document("publishPending", false))).containsExactly(3);
        assertThat(index.getCount()).isEqualTo(2);
        assertThat(index.isUnique()).isFalse();
    }

    @Test
    void queriesOnASecondaryIndexFindWhatAScanFinds() {
        onInnovations(MongoStandIns.inMemory(0), MongoStandInsTest::exerciseSecondaryIndex);
    }

    @Test
    void theFileStandInRebuildsItsSecondaryIndexesAtARestart() {
        Path file = directory.resolve("secondary.mv");
        onInnovations(MongoStandIns.inFile(file, 0), MongoStandInsTest::exerciseSecondaryIndex);
        onInnovations(MongoStandIns.inFile(file, 0), innovations -> {
            assertThat(ids(innovations, Filters.eq("publishPending", true))).containsExactly("b");
            assertThat(ids(innovations, Filters.eq("applied", "s3"))).containsExactly("c");
        });
    }

    @Test
    void theFileStandInStoresDocumentsAsBsonAndReadsThemBackAsWritten() {
        Path file = directory.resolve("bson.mv");
        org.bson.Document written = everyKindOfValue("a");
        onInnovations(MongoStandIns.inFile(file, 0), innovations -> innovations.insertOne(written));

        List<Byte> tags = new ArrayList<>();
        MVStore store = MVStore.open(file.toString());
        try {
            MVMap<Object, Object> documents = store.openMap("databases.test.innovations",
                    new MVMap.Builder<Object, Object>().valueType(new TagRecordingType(tags)));
            assertThat(documents.get("a")).isNotNull();
        } finally {
            store.close();
        }
        assertThat(tags).containsOnly(BsonBytesType.BSON_DOCUMENT);
        assertThat(storedTags(file, "._index__id_")).containsOnly(IndexKeyType.BSON_KEY);
        onInnovations(MongoStandIns.inFile(file, 0), innovations ->
                assertThat(innovations.find(Filters.eq("_id", "a")).first()).isEqualTo(written));
    }

    @Test
    void theFileStandInAnswersEveryKindOfWriteAndQueryAndKeepsTheResultAcrossARestart() {
        Path file = directory.resolve("writes.mv");
        onInnovations(MongoStandIns.inFile(file, 0), innovations -> {
            innovations.insertMany(List.of(everyKindOfValue("a"), everyKindOfValue("b"), everyKindOfValue("c")));
            innovations.updateOne(Filters.eq("_id", "a"), Updates.combine(Updates.inc("version", 1),
                    Updates.push("applied", "s3"), Updates.unset("withdrawalReason"),
                    Updates.set("proposal.year", 2025)));
            org.bson.Document before = innovations.findOneAndUpdate(Filters.eq("_id", "b"),
                    Updates.set("title", "Sekolah Lansia"));
            assertThat(before).containsEntry("title", "Inovasi Posyandu Remaja");
            innovations.replaceOne(Filters.eq("_id", "c"), new org.bson.Document("title", "Bank Sampah")
                    .append("score", 12.5));
            innovations.updateOne(Filters.eq("_id", "d"), Updates.set("score", 90.0),
                    new UpdateOptions().upsert(true));
            assertThat(innovations.deleteMany(Filters.eq("title", "Sekolah Lansia")).getDeletedCount()).isOne();

            assertThat(ids(innovations, Filters.gt("score", 50))).containsExactly("a", "d");
            assertThat(innovations.find().sort(new org.bson.Document("$natural", -1)).map(d -> d.get("_id"))
                    .into(new ArrayList<>())).containsExactly("d", "c", "a");
        });
        onInnovations(MongoStandIns.inFile(file, 0), innovations -> {
            org.bson.Document a = innovations.find(Filters.eq("_id", "a")).first();
            assertThat(a).containsEntry("version", 3).containsEntry("applied", List.of("s1", "s2", "s3"))
                    .doesNotContainKey("withdrawalReason");
            assertThat(a.get("proposal", org.bson.Document.class)).containsEntry("year", 2025)
                    .containsEntry("opdCode", "DINKES");
            assertThat(innovations.find(Filters.eq("_id", "c")).first())
                    .isEqualTo(new org.bson.Document("_id", "c").append("title", "Bank Sampah").append("score", 12.5));
            assertThat(innovations.find(Filters.eq("_id", "d")).first())
                    .isEqualTo(new org.bson.Document("_id", "d").append("score", 90.0));
            assertThat(innovations.countDocuments()).isEqualTo(3);
        });
    }

    @Test
    void aDataFileTheLibrarysOwnBackendWroteStaysReadableAndItsUniqueIndexesAreRebuiltInTheNewOrder() {
        Path file = directory.resolve("before.mv");
        org.bson.Document before = everyKindOfValue("old").append("titleKey", "k");
        List<String> keys = keysSortedDifferentlyByTheOldOrder();
        onInnovations(MongoStandIns.bind(new MongoServer(new H2Backend(file.toString())), 0), innovations -> {
            innovations.createIndex(Indexes.ascending("titleKey"), new IndexOptions().unique(true));
            innovations.insertOne(before);
            innovations.insertMany(keys.stream().map(key -> new org.bson.Document("_id", "id-" + key)
                    .append("titleKey", key)).toList());
        });

        onInnovations(MongoStandIns.inFile(file, 0), innovations -> {
            for (String key : keys) {
                assertThat(innovations.find(Filters.eq("titleKey", key)).first()).as(key)
                        .containsEntry("_id", "id-" + key);
                assertThat(innovations.find(Filters.eq("_id", "id-" + key)).first()).as(key)
                        .containsEntry("titleKey", key);
            }
            assertThat(innovations.find(Filters.eq("_id", "old")).first()).isEqualTo(before);
            assertThatThrownBy(() -> innovations.insertOne(new org.bson.Document("_id", "c")
                    .append("titleKey", keys.get(keys.size() / 2))))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            innovations.insertOne(everyKindOfValue("new").append("titleKey", "new"));
        });
        onInnovations(MongoStandIns.inFile(file, 0), innovations -> {
            assertThat(innovations.find(Filters.eq("_id", "new")).first())
                    .isEqualTo(everyKindOfValue("new").append("titleKey", "new"));
            assertThat(innovations.find(Filters.eq("titleKey", keys.get(0))).first())
                    .containsEntry("_id", "id-" + keys.get(0));
            assertThat(innovations.countDocuments()).isEqualTo(keys.size() + 2);
        });
        assertThat(storedTags(file, "._index_titleKey_1")).containsOnly(IndexKeyType.BSON_KEY);
    }

    @Test
    void aRebuildACrashInterruptedIsFinishedAtTheNextStart() {
        List<String> keys = keysSortedDifferentlyByTheOldOrder();
        for (boolean copyWhole : List.of(false, true)) {
            Path file = directory.resolve("interrupted-" + copyWhole + ".mv");
            onInnovations(MongoStandIns.bind(new MongoServer(new H2Backend(file.toString())), 0), innovations -> {
                innovations.createIndex(Indexes.ascending("titleKey"), new IndexOptions().unique(true));
                innovations.insertMany(keys.stream().map(key -> new org.bson.Document("_id", "id-" + key)
                        .append("titleKey", key)).toList());
            });
            MVStore store = MVStore.open(file.toString());
            try {
                String name = store.getMapNames().stream().filter(n -> n.endsWith("._index_titleKey_1")).findFirst()
                        .orElseThrow();
                MVMap<Object, Object> before = store.openMap(name, new MVMap.Builder<Object, Object>()
                        .keyType(new IndexKeyType()));
                MVMap<Object, Object> copy = store.openMap(name + ".rebuilding", new MVMap.Builder<Object, Object>()
                        .keyType(new IndexKeyType()));
                if (copyWhole) {
                    copy.putAll(new java.util.LinkedHashMap<>(before));
                    store.removeMap(before);
                } else {
                    before.entrySet().stream().limit(10).forEach(entry -> copy.put(entry.getKey(), entry.getValue()));
                }
            } finally {
                store.close();
            }

            onInnovations(MongoStandIns.inFile(file, 0), innovations -> {
                for (String key : keys) {
                    assertThat(innovations.find(Filters.eq("titleKey", key)).first()).as(key)
                            .containsEntry("_id", "id-" + key);
                }
                assertThatThrownBy(() -> innovations.insertOne(new org.bson.Document("_id", "c")
                        .append("titleKey", keys.get(0))))
                        .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            });
            MVStore after = MVStore.open(file.toString());
            try {
                assertThat(after.getMapNames()).noneMatch(n -> n.endsWith(".rebuilding"));
            } finally {
                after.close();
            }
        }
    }

    /**
     * 2,000 keys of different lengths: Java serialization puts a string's length before its characters, so H2's old
     * order of the serialized keys ("zz" before "aaa") differs from the order by value, over many pages.
     */
    private static List<String> keysSortedDifferentlyByTheOldOrder() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            keys.add(String.valueOf((char) ('z' - i % 26)).repeat(1 + i % 5) + i);
        }
        return keys;
    }

    /** A document with every kind of value the services store: strings, numbers, dates, UUIDs, nesting, arrays. */
    private static org.bson.Document everyKindOfValue(String id) {
        return new org.bson.Document("_id", id).append("version", 2).append("big", 9_007_199_254_740_993L)
                .append("score", 71.25).append("publishPending", true).append("withdrawalReason", null)
                .append("title", "Inovasi Posyandu Remaja")
                .append("at", new java.util.Date(1_764_460_800_123L))
                .append("submission", new org.bson.types.Binary((byte) 4,
                        new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}))
                .append("proposal", new org.bson.Document("opdCode", "DINKES").append("year", 2024)
                        .append("links", new org.bson.Document("video", "https://example.org/v")))
                .append("history", List.of(new org.bson.Document("version", 1).append("kind", "CREATE"),
                        new org.bson.Document("version", 2).append("kind", "REVISE")))
                .append("applied", List.of("s1", "s2"));
    }

    /** The tag byte of every key stored in the file's map whose name ends with {@code suffix}. */
    private static List<Byte> storedTags(Path file, String suffix) {
        List<Byte> tags = new ArrayList<>();
        MVStore store = MVStore.open(file.toString());
        try {
            String name = store.getMapNames().stream().filter(n -> n.endsWith(suffix)).findFirst().orElseThrow();
            MVMap<Object, Object> index = store.openMap(name, new MVMap.Builder<Object, Object>()
                    .keyType(new TagRecordingType(tags, new IndexKeyType())));
            assertThat(index.keySet()).isNotEmpty();
        } finally {
            store.close();
        }
        return tags;
    }

    /** Reads values (or keys) as the stand-in does, recording the tag byte each one was stored under. */
    private static final class TagRecordingType extends BasicDataType<Object> {

        private final BasicDataType<Object> documents;
        private final List<Byte> tags;

        TagRecordingType(List<Byte> tags) {
            this(tags, new BsonBytesType());
        }

        TagRecordingType(List<Byte> tags, BasicDataType<Object> type) {
            this.tags = tags;
            this.documents = type;
        }

        @Override
        public int compare(Object a, Object b) {
            return documents.compare(a, b);
        }

        @Override
        public Object read(ByteBuffer buffer) {
            tags.add(buffer.get(buffer.position()));
            return documents.read(buffer);
        }

        @Override
        public void write(WriteBuffer buffer, Object value) {
            documents.write(buffer, value);
        }

        @Override
        public int getMemory(Object value) {
            return documents.getMemory(value);
        }

        @Override
        public Object[] createStorage(int size) {
            return new Object[size];
        }
    }

    /** Runs {@code use} on the collection {@code test.innovations} of a stand-in, then shuts the stand-in down. */
    private static void onInnovations(MongoServer server, Consumer<MongoCollection<org.bson.Document>> use) {
        try (MongoClient client = MongoClients.create(MongoStandIns.uri(server))) {
            use.accept(client.getDatabase("test").getCollection("innovations"));
        } finally {
            server.shutdownNow();
        }
    }

    /** Leaves a (not pending), b (pending), c (applied s3, s4); d deleted. */
    private static void exerciseSecondaryIndex(MongoCollection<org.bson.Document> innovations) {
        innovations.createIndex(Indexes.ascending("publishPending"));
        innovations.createIndex(Indexes.ascending("applied"));
        innovations.insertOne(new org.bson.Document("_id", "a").append("publishPending", true)
                .append("applied", List.of("s1")));
        innovations.insertOne(new org.bson.Document("_id", "b").append("publishPending", true)
                .append("applied", List.of("s2")));
        innovations.insertOne(new org.bson.Document("_id", "c").append("publishPending", false)
                .append("applied", List.of("s3")));
        innovations.insertOne(new org.bson.Document("_id", "d").append("publishPending", true));

        assertThat(ids(innovations, Filters.eq("publishPending", true))).containsExactlyInAnyOrder("a", "b", "d");
        innovations.updateOne(Filters.eq("_id", "a"), Updates.set("publishPending", false));
        innovations.updateOne(Filters.eq("_id", "c"), Updates.push("applied", "s4"));
        innovations.deleteOne(Filters.eq("_id", "d"));
        assertThat(ids(innovations, Filters.eq("publishPending", true))).containsExactly("b");
        assertThat(ids(innovations, Filters.and(Filters.eq("publishPending", false), Filters.eq("_id", "c"))))
                .containsExactly("c");
        assertThat(ids(innovations, Filters.eq("applied", "s4"))).containsExactly("c");
        assertThat(ids(innovations, Filters.eq("applied", "s1"))).containsExactly("a");
        innovations.updateMany(new org.bson.Document(), Updates.set("publishPending", true));
        assertThat(ids(innovations, Filters.eq("publishPending", true))).containsExactlyInAnyOrder("a", "b", "c");
        innovations.updateMany(Filters.ne("_id", "b"), Updates.set("publishPending", false));
        assertThat(ids(innovations, Filters.eq("publishPending", true))).containsExactly("b");
    }

    private static List<Object> ids(MongoCollection<org.bson.Document> collection,
            Bson filter) {
        return collection.find(filter).map(d -> d.get("_id")).into(new ArrayList<>());
    }

    private static void exerciseConditionalWrites(MongoCollection<org.bson.Document> innovations) {
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
