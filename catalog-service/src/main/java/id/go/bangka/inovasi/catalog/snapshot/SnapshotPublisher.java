package id.go.bangka.inovasi.catalog.snapshot;

import id.go.bangka.inovasi.catalog.innovation.Innovation;
import id.go.bangka.inovasi.catalog.innovation.InnovationStore;
import id.go.bangka.inovasi.catalog.innovation.InnovationWritten;
import id.go.bangka.inovasi.events.CloudEventHeaders;
import id.go.bangka.inovasi.events.EventCodec;
import id.go.bangka.inovasi.events.EventTypes;
import id.go.bangka.inovasi.events.InnovationChanged;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;

/**
 * Publishes innovations' snapshots to the compacted catalogue topic so that the last record per key is the newest
 * version. Meter {@value #DELAY} (tag {@code trigger}: write or sweep) times each snapshot from its change's write to
 * the broker's ack.
 *
 * <p>How: under a lock per innovation (striped, within this replica) the publisher takes a version that was stored:
 * after a write ({@link InnovationWritten}) the writer's copy of the version it just wrote (reading it back would cost
 * a query per write and give the same snapshot, {@link Innovation#toSnapshot} keeping whole milliseconds as stored);
 * for a pending innovation the sweeper finds, the stored innovation, read, unless its snapshot is already out
 * ({@code publishPending} false). It sends that version, waits for the broker's ack, then marks it published with an
 * update that matches only while that version is still the stored one; when it does not match, a newer version was
 * stored meanwhile, and the publisher reads that one, marks it pending again if its snapshot was already out (its own
 * publisher may have sent it before the older record just sent), and sends it the same way. A failed send leaves the
 * version pending for {@link SnapshotSweeper}. A writer's copy that is already stale when its turn comes (a newer
 * version written and sent meanwhile, or the sweeper first) is thus sent once more than needed and followed by the
 * stored version, or, when that send fails, by the sweeper's.
 *
 * <p>Why the last record per key is the stored version once writes stop: take the last record of a key appended to the
 * topic, version v (stored at some point), sent by some publisher P. After the broker acknowledged v, P's conditional
 * mark told it whether v was still stored. If not, P read and sent the newer version after v (so v was not the last
 * record) or failed to, leaving the newer version pending (marked so again before that send if it had been marked
 * published), which the sweeper then sends after v: either way a contradiction. So v was still stored at P's mark;
 * any later write makes a newer version whose writer (or, when that send fails or the writer dies, the sweeper) sends
 * it after P's mark, so after v. Hence the last record is of the newest version. An older version can land after a
 * newer one (a stale writer's copy, or two replicas each holding their own lock), but the publisher of that older
 * record finds at its mark that it is no longer stored and sends the newer version again, which is the argument above.
 * Nothing relies on timing or on one replica. Not covered: the publisher's process dying, or MongoDB failing, between
 * the ack of such an older record and the newer version's mark as pending; the older record then stays last until the
 * innovation's next write or a republication of every snapshot.
 */
@Component
public class SnapshotPublisher {

    static final String BINDING = "snapshots-out-0";
    static final String SOURCE = "/inovasi/catalog-service";
    static final String DELAY = "inovasi.snapshot.publish.delay";
    /**
     * What the publisher reads of an innovation: the fields its snapshot carries ({@link Innovation#toSnapshot}), its
     * version, its last published version, whether its snapshot is pending and when it changed. Not the audit trail,
     * the evidence, the submissions applied, the title key or a withdrawal's reason, which a snapshot does not carry
     * and which are most of a document's bytes (a new innovation's first history entry holds the whole proposal
     * again).
     */
    static final String[] FIELDS = {"version", "publishedVersion", "publishPending", "status", "proposal",
        "submittedAt", "updatedAt", "lastChange", "verifiedAt", "publishedAt", "scores"};
    private static final Logger log = LoggerFactory.getLogger(SnapshotPublisher.class);
    private static final int STRIPES = 64;

    /** Why a snapshot is published: right after its change, or by the sweeper. */
    enum Trigger {
        WRITE, SWEEP
    }

    private final StreamBridge streamBridge;
    private final InnovationStore store;
    private final SnapshotTraces traces;
    private final MeterRegistry registry;
    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];
    private volatile Consumer<UUID> beforePublish = id -> { };
    private volatile Consumer<Innovation> beforeSend = innovation -> { };

    public SnapshotPublisher(StreamBridge streamBridge, InnovationStore store, SnapshotTraces traces,
            MeterRegistry registry) {
        this.streamBridge = streamBridge;
        this.store = store;
        this.traces = traces;
        this.registry = registry;
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    /** Publishes the snapshot of a change just written, on the writer's thread. */
    @EventListener
    void written(InnovationWritten written) {
        publish(written.innovation().id(), Trigger.WRITE, written.innovation());
    }

    /** Publishes a pending snapshot, continuing the trace of the change that made it; false when the send failed. */
    boolean publishPending(UUID id) {
        return traces.continuing(id, () -> publish(id, Trigger.SWEEP, null));
    }

    /** Test seam: runs between a write (or the sweeper's read of its batch) and the publish that follows it. */
    void beforePublish(Consumer<UUID> hook) {
        this.beforePublish = hook;
    }

    /** Test seam: runs before each send; an exception it throws is a failed send. */
    void beforeSend(Consumer<Innovation> hook) {
        this.beforeSend = hook;
    }

    /**
     * Sends {@code written} (or, when null, the stored version if its snapshot is pending) and then the stored version
     * until what was sent is still the stored one; false when a send failed.
     */
    private boolean publish(UUID id, Trigger trigger, Innovation written) {
        beforePublish.accept(id);
        ReentrantLock lock = locks[Math.floorMod(id.hashCode(), STRIPES)];
        lock.lock();
        try {
            Innovation current = written != null ? written : store.find(id, FIELDS).orElse(null);
            if (current == null || !current.publishPending()) {
                return true;
            }
            while (true) {
                if (!send(current, trigger)) {
                    traces.remember(current);
                    return false;
                }
                if (store.markPublished(id, current.version())) {
                    return true;
                }
                current = store.find(id, FIELDS).orElseThrow();
                if (!current.publishPending()) {
                    store.markPending(id, current.version());
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private boolean send(Innovation innovation, Trigger trigger) {
        InnovationChanged snapshot = innovation.toSnapshot();
        Message<byte[]> message = MessageBuilder.withPayload(EventCodec.encode(snapshot))
                .copyHeaders(CloudEventHeaders.of(innovation.id() + ":" + innovation.version(),
                        EventTypes.INNOVATION_CHANGED, SOURCE, innovation.id(),
                        Innovation.asStored(innovation.updatedAt())))
                .setHeader(KafkaHeaders.KEY, innovation.id().toString().getBytes(StandardCharsets.UTF_8))
                .setHeader(CloudEventHeaders.REQUEST_ID, MDC.get("requestId"))
                .build();
        try {
            beforeSend.accept(innovation);
            if (!streamBridge.send(BINDING, message)) {
                return false;
            }
        } catch (RuntimeException e) {
            log.warn("Snapshot {} v{} not published, the sweeper will retry: {}", innovation.id(),
                    innovation.version(), e.getMessage());
            return false;
        }
        Timer.builder(DELAY).description("From a change's write to the broker's ack of its snapshot")
                .tag("trigger", trigger.name().toLowerCase(Locale.ROOT)).publishPercentileHistogram()
                .register(registry).record(Duration.between(innovation.updatedAt(), Instant.now()));
        return true;
    }
}
