package id.go.bangka.inovasi.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.bangka.inovasi.events.CloudEventHeaders;
import id.go.bangka.inovasi.events.EventCodec;
import id.go.bangka.inovasi.events.EventTypes;
import id.go.bangka.inovasi.events.InnovationChanged;
import id.go.bangka.inovasi.events.InnovationField;
import id.go.bangka.inovasi.events.InnovationStatus;
import id.go.bangka.inovasi.platform.identity.CallerIdentity;
import id.go.bangka.inovasi.platform.readmodel.CatchUpTracker;
import id.go.bangka.inovasi.platform.readmodel.ReadModelFeed;
import id.go.bangka.inovasi.platform.readmodel.ReadModelRecord;
import id.go.bangka.inovasi.platform.readmodel.ReadModelRecords;
import id.go.bangka.inovasi.testsupport.TestKafkaClients;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The start-up rebuild through platform-starter's {@link ReadModelRecords}: records indexed on several threads, the
 * newest snapshot of an innovation kept, an unreadable record skipped, nothing searchable until the restore is done,
 * then everything at once and live snapshots again within the refresh interval.
 */
class SnapshotIndexerTest {

    private static final CallerIdentity REVIEWER = new CallerIdentity("bappeda", Set.of("reviewer"), Set.of(), "t");
    private static final Instant DAY = Instant.parse("2025-01-01T00:00:00Z");

    private final SearchProperties properties = new SearchProperties(null, Duration.ofMillis(20), 16,
            new SearchProperties.Rebuild(3, 32), null);
    private final LuceneSearchIndex index = newIndex(properties);
    private final SnapshotIndexer indexer = new SnapshotIndexer(index, properties);
    private final ReadModelFeed feed = new ReadModelFeed("search", "inovasi.catalog.v1", "indexSnapshot-in-0",
            indexer, null);
    private final ReadModelRecords records = new ReadModelRecords(feed,
            new CatchUpTracker(TestKafkaClients.settings("127.0.0.1:9"), feed));
    private long offset;

    @AfterEach
    void close() throws Exception {
        indexer.destroy();
        index.destroy();
    }

    @Test
    void theRestoreIndexesOnSeveralThreadsAndMakesItSearchableOnceItIsDone() {
        List<UUID> ids = new ArrayList<>();
        List<ReadModelRecord> first = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            first.add(record(snapshot(id, 1, "Posyandu nomor " + i)));
        }
        first.add(new ReadModelRecord(key(UUID.randomUUID()), Map.of(CloudEventHeaders.TYPE,
                EventTypes.INNOVATION_CHANGED.getBytes(StandardCharsets.UTF_8)), "{not json".getBytes(
                StandardCharsets.UTF_8), 0, offset++));
        List<ReadModelRecord> last = new ArrayList<>();
        for (int version = 2; version <= 5; version++) {
            last.add(record(snapshot(ids.get(0), version, "Bank Sampah versi " + version)));
        }

        records.applyRestored(first, false);
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                .until(() -> search(null).total() == 0);
        records.applyRestored(last, true);

        assertThat(search(null).total()).isEqualTo(200);
        assertThat(search("sampah").ids()).containsExactly(ids.get(0));
        assertThat(index.suggest("bank sampah", REVIEWER, 8)).extracting(Suggestion::title)
                .containsExactly("Bank Sampah versi 5");
        assertThat(search("posyandu").total()).isEqualTo(199);

        UUID live = UUID.randomUUID();
        records.apply(Map.of(CloudEventHeaders.TYPE, EventTypes.INNOVATION_CHANGED),
                EventCodec.encode(snapshot(live, 1, "Lumbung Pangan")), 0, offset++);
        await().atMost(Duration.ofSeconds(5)).until(() -> search(null).total() == 201);
    }

    private ReadModelRecord record(InnovationChanged snapshot) {
        return new ReadModelRecord(key(snapshot.innovationId()), Map.of(CloudEventHeaders.TYPE,
                EventTypes.INNOVATION_CHANGED.getBytes(StandardCharsets.UTF_8)), EventCodec.encode(snapshot), 0,
                offset++);
    }

    private static byte[] key(UUID id) {
        return id.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static InnovationChanged snapshot(UUID id, long version, String title) {
        return QualitySet.snapshot(id, version, InnovationStatus.PUBLISHED, "DINKES", InnovationField.HEALTH, title,
                "Layanan warga.", DAY);
    }

    private SearchHits search(String q) {
        return index.search(new SearchQuery(CatalogFilter.text(q), REVIEWER, CatalogSort.NEWEST, 0, 20, false));
    }

    private static LuceneSearchIndex newIndex(SearchProperties properties) {
        try {
            return new LuceneSearchIndex(properties);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
