package id.go.bangka.inovasi.catalog.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.bangka.inovasi.catalog.innovation.Innovation;
import id.go.bangka.inovasi.catalog.innovation.InnovationStore;
import id.go.bangka.inovasi.catalog.intake.SubmissionApplier;
import id.go.bangka.inovasi.events.Caller;
import id.go.bangka.inovasi.events.ChangeKind;
import id.go.bangka.inovasi.events.EventCodec;
import id.go.bangka.inovasi.events.InnovationChanged;
import id.go.bangka.inovasi.events.InnovationField;
import id.go.bangka.inovasi.events.InnovationProposal;
import id.go.bangka.inovasi.events.InnovationStatus;
import id.go.bangka.inovasi.events.SubmissionAction;
import id.go.bangka.inovasi.events.SubmissionReceived;
import id.go.bangka.inovasi.events.Topics;
import id.go.bangka.inovasi.events.fixtures.Proposals;
import id.go.bangka.inovasi.testsupport.ApiClient;
import id.go.bangka.inovasi.testsupport.EmbeddedInfrastructure;
import id.go.bangka.inovasi.testsupport.TestIdentities;
import id.go.bangka.inovasi.testsupport.TopicProbe;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The two races that could leave an old snapshot as the last record of a key on the compacted catalogue topic,
 * provoked deterministically through the publisher's seam (no sleeps): a writer held between its write and its send
 * while another writer writes and sends a newer version, and the sweeper held after reading its batch while a writer
 * changes an innovation of that batch. Afterwards the topic's last record for the key must be the stored version.
 * Also: the conditional mark, and that the fields the publisher reads make the same snapshot as the whole document.
 *
 * <p>This context is a replica of its own: its own database and no consumer binding (the consumer's code path,
 * {@link SubmissionApplier}, is called directly), so no other test context's consumer or sweeper touches these
 * innovations and every hold below is reached.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "inovasi.catalog.snapshot-sweep-interval=1h",
        "spring.mongodb.database=inovasi_catalog_snapshot_order",
        "spring.cloud.stream.bindings.applySubmission-in-0.consumer.auto-startup=false"})
class SnapshotOrderIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    SnapshotPublisher publisher;

    @Autowired
    SnapshotSweeper sweeper;

    @Autowired
    SubmissionApplier applier;

    @Autowired
    InnovationStore store;

    @Autowired
    MongoTemplate mongo;

    ApiClient api;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedInfrastructure.get().register(registry);
    }

    @BeforeEach
    void client() {
        api = new ApiClient("http://127.0.0.1:" + port, "catalog-service");
    }

    @AfterEach
    void noHold() {
        publisher.beforePublish(id -> { });
        publisher.beforeSend(innovation -> { });
    }

    @Test
    void aWriterHeldBetweenItsWriteAndItsSendDoesNotLeaveItsOlderVersionLast() throws Exception {
        HeldReview held = reviewHeldWhileV3IsSent("DINKES");
        UUID id = held.id();
        held.hold().release.countDown();

        assertThat(held.review().get(WAIT.toSeconds(), TimeUnit.SECONDS).status()).isEqualTo(200);
        Innovation stored = store.find(id).orElseThrow();
        assertThat(stored.version()).isEqualTo(3);
        assertThat(stored.status()).isEqualTo(InnovationStatus.SUBMITTED);
        assertLastSnapshotIs(stored);
    }

    @Test
    void aStaleWritersCopyFollowedByAFailedSendLeavesTheStoredVersionToTheSweeper() throws Exception {
        HeldReview held = reviewHeldWhileV3IsSent("DINSOS");
        UUID id = held.id();
        assertThat(store.find(id).orElseThrow().publishPending()).as("v3 sent and marked by its writer").isFalse();
        AtomicBoolean failed = new AtomicBoolean();
        publisher.beforeSend(sending -> {
            if (sending.id().equals(id) && sending.version() == 3 && failed.compareAndSet(false, true)) {
                throw new IllegalStateException("the broker is unreachable (test)");
            }
        });

        held.hold().release.countDown();
        assertThat(held.review().get(WAIT.toSeconds(), TimeUnit.SECONDS).status()).isEqualTo(200);

        assertThat(failed).as("v3 sent again after the stale v2, and that send failed").isTrue();
        assertThat(lastSnapshot(id).version()).as("the stale copy, for now the last record").isEqualTo(2);
        assertThat(store.find(id).orElseThrow().publishPending()).as("v3 pending again, for the sweeper").isTrue();
        publisher.beforeSend(sending -> { });
        sweeper.sweep();
        assertLastSnapshotIs(store.find(id).orElseThrow());
    }

    @Test
    void markingAVersionPublishedSaysWhetherItIsStillTheStoredOne() {
        UUID id = insertCreated("Lapak tani", "DISTAN", InnovationField.FOOD_SECURITY);

        assertThat(store.markPublished(id, 2)).as("a version never stored").isFalse();
        assertThat(store.markPublished(id, 1)).as("the stored version").isTrue();
        assertThat(store.find(id).orElseThrow().publishPending()).isFalse();
        assertThat(store.markPublished(UUID.randomUUID(), 1)).as("no such innovation").isFalse();
    }

    @Test
    void theSweeperWorkingOnAStaleBatchDoesNotLeaveAnOlderVersionLast() throws Exception {
        UUID id = insertCreated("Sapu bersih", "DLH", InnovationField.ENVIRONMENT);
        Hold hold = new Hold(id);
        publisher.beforePublish(hold::await);

        CompletableFuture<Void> sweep = CompletableFuture.runAsync(sweeper::sweep);
        assertThat(hold.reached.await(WAIT.toSeconds(), TimeUnit.SECONDS)).as("the sweeper read v1 in its batch")
                .isTrue();
        ApiClient.Answer verified = api.post("/api/v1/innovations/" + id + "/review",
                TestIdentities.reviewer("bappeda"), "{\"decision\":\"VERIFY\"}");
        assertThat(verified.status()).isEqualTo(200);
        awaitLastSnapshotVersion(id, 2);
        hold.release.countDown();
        sweep.get(WAIT.toSeconds(), TimeUnit.SECONDS);

        Innovation stored = store.find(id).orElseThrow();
        assertThat(stored.version()).isEqualTo(2);
        assertThat(stored.status()).isEqualTo(InnovationStatus.VERIFIED);
        assertThat(stored.publishPending()).isFalse();
        assertLastSnapshotIs(stored);
    }

    @Test
    void thePublisherReadsEverythingASnapshotCarriesAndNotTheAuditTrail() {
        UUID id = insertCreated("Kebun sekolah", "DISDIK", InnovationField.EDUCATION);
        for (String decision : List.of("VERIFY", "PUBLISH")) {
            assertThat(api.post("/api/v1/innovations/" + id + "/review", TestIdentities.reviewer("bappeda"),
                    "{\"decision\":\"" + decision + "\"}").status()).isEqualTo(200);
        }

        Innovation whole = store.find(id).orElseThrow();
        Innovation read = store.find(id, SnapshotPublisher.FIELDS).orElseThrow();

        assertThat(whole.verifiedAt()).isNotNull();
        assertThat(whole.publishedAt()).isNotNull();
        assertThat(read.toSnapshot()).isEqualTo(whole.toSnapshot());
        assertThat(read.version()).isEqualTo(3);
        assertThat(read.updatedAt()).isEqualTo(whole.updatedAt());
        assertThat(whole.history()).hasSize(3);
        assertThat(read.history()).as("the audit trail is not read").isNull();
        awaitLastSnapshotVersion(id, 3);
        assertThat(lastSnapshot(id)).as("what the publisher sent").isEqualTo(whole.toSnapshot());
    }

    @Test
    void theFieldsThePublisherLeavesOutAreOnlyOnesASnapshotDoesNotCarry() {
        Set<String> components = Arrays.stream(Innovation.class.getRecordComponents()).map(RecordComponent::getName)
                .collect(Collectors.toCollection(HashSet::new));
        components.removeAll(Set.of("id", "titleKey", "appliedSubmissions", "withdrawalReason", "history",
                "evidence"));

        assertThat(SnapshotPublisher.FIELDS).containsExactlyInAnyOrderElementsOf(components);
    }

    /** Inserts a new innovation (version 1) directly, as the consumer would have written it; returns its id. */
    private UUID insertCreated(String title, String opdCode, InnovationField field) {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        mongo.insert(Innovation.created(id, Proposals.full(title + " " + id, opdCode, field, 2024), now,
                new InnovationChanged.LastChange(ChangeKind.SUBMISSION_APPLIED, now, "portal-" + opdCode,
                        UUID.randomUUID())));
        return id;
    }

    /** A review decision whose write (v2) is held before its publish, and the innovation's id. */
    private record HeldReview(UUID id, Hold hold, CompletableFuture<ApiClient.Answer> review) {
    }

    /**
     * Creates an innovation, holds a review's v2 between its write and its publish, and meanwhile applies a revision
     * (v3) on the consumer's path, which sends and marks v3.
     */
    private HeldReview reviewHeldWhileV3IsSent(String opdCode) throws InterruptedException {
        SubmissionReceived created = create(opdCode);
        UUID id = created.innovationId();
        Hold hold = new Hold(id);
        publisher.beforePublish(hold::await);
        CompletableFuture<ApiClient.Answer> review = CompletableFuture.supplyAsync(() -> api.post(
                "/api/v1/innovations/" + id + "/review", TestIdentities.reviewer("bappeda"),
                "{\"decision\":\"REQUEST_REVISION\",\"note\":\"Lengkapi video\"}"));
        assertThat(hold.reached.await(WAIT.toSeconds(), TimeUnit.SECONDS)).as("the review wrote v2 and waits").isTrue();
        assertThat(store.find(id).orElseThrow().version()).isEqualTo(2);
        applier.apply(new SubmissionReceived(UUID.randomUUID(), id, SubmissionAction.REVISE, 2,
                created.caller(), opdCode, Instant.now(), retitled(created.proposal(), "Revisi " + id), null));
        awaitLastSnapshotVersion(id, 3);
        return new HeldReview(id, hold, review);
    }

    private SubmissionReceived create(String opdCode) {
        SubmissionReceived created = new SubmissionReceived(UUID.randomUUID(), UUID.randomUUID(),
                SubmissionAction.CREATE, 0, new Caller("portal-" + opdCode, "portal"), opdCode, Instant.now(),
                Proposals.full("Jemput bola " + UUID.randomUUID(), opdCode, InnovationField.HEALTH, 2024), null);
        applier.apply(created);
        awaitLastSnapshotVersion(created.innovationId(), 1);
        return created;
    }

    private void awaitLastSnapshotVersion(UUID id, long version) {
        TopicProbe.await(EmbeddedInfrastructure.get().kafkaBootstrapServers(), Topics.CATALOG,
                r -> id.toString().equals(r.key())
                        && EventCodec.decode(r.value(), InnovationChanged.class).version() == version, 1, WAIT);
    }

    /** The topic's last record for the innovation (one key, one partition: the highest offset) is what is stored. */
    private static void assertLastSnapshotIs(Innovation stored) {
        InnovationChanged last = lastSnapshot(stored.id());
        assertThat(last.version()).isEqualTo(stored.version());
        assertThat(last.status()).isEqualTo(stored.status());
    }

    /** The topic's last record for the innovation: one key is one partition, so the highest offset. */
    private static InnovationChanged lastSnapshot(UUID id) {
        List<ConsumerRecord<String, byte[]>> records = TopicProbe.collect(
                EmbeddedInfrastructure.get().kafkaBootstrapServers(), Topics.CATALOG,
                r -> id.toString().equals(r.key()), Duration.ofSeconds(3));
        return EventCodec.decode(records.stream().max(Comparator.comparingLong(ConsumerRecord::offset)).orElseThrow()
                .value(), InnovationChanged.class);
    }

    private static InnovationProposal retitled(InnovationProposal p, String title) {
        return new InnovationProposal(title, p.opdCode(), p.source(), p.initiatorType(), p.initiatorName(),
                p.initiatorNamePublic(), p.field(), p.governmentAffair(), p.secondaryAffairs(), p.form(), p.kind(),
                p.stage(), p.programme(), p.year(), p.trialDate(), p.implementationDate(), p.design(), p.goals(),
                p.benefits(), p.results(), p.links());
    }

    /** Holds the first publish of one innovation until released; every other publish passes. */
    private static final class Hold {

        final CountDownLatch reached = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        private final UUID id;
        private final AtomicBoolean first = new AtomicBoolean(true);

        Hold(UUID id) {
            this.id = id;
        }

        void await(UUID publishing) {
            if (!publishing.equals(id) || !first.compareAndSet(true, false)) {
                return;
            }
            reached.countDown();
            try {
                release.await(WAIT.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
