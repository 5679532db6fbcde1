package id.go.bangka.inovasi.catalog.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import id.go.bangka.inovasi.catalog.innovation.Decision;
import id.go.bangka.inovasi.catalog.innovation.Innovation;
import id.go.bangka.inovasi.catalog.innovation.InnovationStore;
import id.go.bangka.inovasi.catalog.search.CatalogFilter;
import id.go.bangka.inovasi.catalog.search.CatalogSort;
import id.go.bangka.inovasi.catalog.search.SearchHits;
import id.go.bangka.inovasi.catalog.search.SearchIndex;
import id.go.bangka.inovasi.catalog.search.SearchQuery;
import id.go.bangka.inovasi.catalog.search.Suggestion;
import id.go.bangka.inovasi.events.ChangeKind;
import id.go.bangka.inovasi.events.InnovationChanged;
import id.go.bangka.inovasi.events.InnovationField;
import id.go.bangka.inovasi.events.fixtures.Proposals;
import id.go.bangka.inovasi.platform.identity.CallerIdentity;
import id.go.bangka.inovasi.platform.opd.OpdNames;
import id.go.bangka.inovasi.standin.MongoStandIns;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.bson.UuidRepresentation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The export's rows over the real MongoDB driver and the stand-in: the order the index answers, across batches, and
 * only records still published. The index is a fixed list here: its own order is {@code LuceneSearchIndexTest}'s.
 */
class PublishedInnovationsTest {

    private static final Instant AT = Instant.parse("2025-03-01T00:00:00Z");
    private static final OpdNames NAMES = new OpdNames(Map.of("DISKOMINFO", "Dinas Komunikasi dan Informatika"));

    private MongoServer server;
    private MongoClient client;
    private MongoTemplate mongo;
    private InnovationStore store;

    @BeforeEach
    void start() {
        server = MongoStandIns.inMemory(0);
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(MongoStandIns.uri(server)))
                .uuidRepresentation(UuidRepresentation.STANDARD).build());
        mongo = new MongoTemplate(client, "inovasi_export_test");
        store = new InnovationStore(mongo, event -> { });
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void rowsFollowTheIndexOrderAcrossBatchesAndSkipWhatIsNoLongerPublished() {
        List<UUID> order = new ArrayList<>();
        for (int i = 0; i < 2 * PublishedInnovations.BATCH_SIZE + 50; i++) {
            order.add(insert("Inovasi " + i, true));
        }
        Collections.shuffle(order, new Random(7));
        UUID withdrawn = insert("Ditarik", false);
        UUID missing = UUID.randomUUID();
        List<UUID> answered = new ArrayList<>(order);
        answered.add(3, withdrawn);
        answered.add(PublishedInnovations.BATCH_SIZE + 1, missing);

        PublishedInnovations published = new PublishedInnovations(store, new FixedIndex(answered, true));
        try (Stream<ExportRow> rows = published.rows(CatalogFilter.text(null), CatalogSort.NEWEST, NAMES)) {
            assertThat(rows.map(row -> row.view().id()).toList()).containsExactlyElementsOf(order);
        }
    }

    @Test
    void anEmptyAnswerIsNoRowsAndAnIndexStillRebuildingCannotList() {
        try (Stream<ExportRow> rows = new PublishedInnovations(store, new FixedIndex(List.of(), true))
                .rows(CatalogFilter.text(null), CatalogSort.TITLE, NAMES)) {
            assertThat(rows).isEmpty();
        }
        assertThat(new PublishedInnovations(store, new FixedIndex(List.of(), true)).listable()).isTrue();
        assertThat(new PublishedInnovations(store, new FixedIndex(List.of(), false)).listable()).isFalse();
    }

    private UUID insert(String title, boolean publish) {
        UUID id = UUID.randomUUID();
        InnovationChanged.LastChange created =
                new InnovationChanged.LastChange(ChangeKind.SUBMISSION_APPLIED, AT, "test", UUID.randomUUID());
        Innovation innovation = Innovation.created(id,
                Proposals.full(title, "DISKOMINFO", InnovationField.GOVERNANCE, 2024), AT, created);
        if (publish) {
            InnovationChanged.LastChange review =
                    new InnovationChanged.LastChange(ChangeKind.REVIEW_DECISION, AT, "test", null);
            innovation = innovation.decide(Decision.VERIFY, null, null, null, review).next()
                    .decide(Decision.PUBLISH, null, null, null, review).next();
        }
        mongo.insert(innovation);
        return id;
    }

    /** An index that answers the same ids, in the same order, to every filter. */
    private record FixedIndex(List<UUID> ids, boolean rebuilt) implements SearchIndex {

        @Override
        public List<UUID> matching(CatalogFilter filter, CallerIdentity caller, CatalogSort sort) {
            return ids;
        }

        @Override
        public void apply(InnovationChanged snapshot) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SearchHits search(SearchQuery query) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Suggestion> suggest(String prefix, CallerIdentity caller, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<UUID> similar(UUID id, long version, InnovationChanged.Content like, CallerIdentity caller,
                int limit) {
            throw new UnsupportedOperationException();
        }
    }
}
