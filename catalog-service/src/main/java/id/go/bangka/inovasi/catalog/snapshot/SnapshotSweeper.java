package id.go.bangka.inovasi.catalog.snapshot;

import id.go.bangka.inovasi.catalog.innovation.InnovationStore;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Republishes every innovation whose latest snapshot is not out (a crash or a broker outage between the write and the
 * publish). It takes only the ids from its batch: {@link SnapshotPublisher} reads each innovation again and sends what
 * is stored then, so a batch that went stale while the sweeper worked through it never sends an old version.
 * Consumers ignore snapshots that are not newer, so a duplicate from several replicas is harmless.
 */
@Component
public class SnapshotSweeper {

    private static final Logger log = LoggerFactory.getLogger(SnapshotSweeper.class);
    private static final int BATCH = 500;

    private final InnovationStore store;
    private final SnapshotPublisher publisher;

    public SnapshotSweeper(InnovationStore store, SnapshotPublisher publisher) {
        this.store = store;
        this.publisher = publisher;
    }

    /** Starts a sweep now on another thread, instead of waiting for the next scheduled one. */
    public void sweepSoon() {
        CompletableFuture.runAsync(this::sweep);
    }

    @Scheduled(fixedDelayString = "${inovasi.catalog.snapshot-sweep-interval:5s}",
            initialDelayString = "${inovasi.catalog.snapshot-sweep-interval:5s}")
    public synchronized void sweep() {
        int published = 0;
        boolean more = true;
        while (more) {
            List<UUID> batch = store.unpublished(BATCH);
            for (UUID id : batch) {
                if (!publisher.publishPending(id)) {
                    more = false;
                    break;
                }
                published++;
            }
            more = more && batch.size() == BATCH;
        }
        if (published > 0) {
            log.info("Sweeper republished {} pending snapshot(s)", published);
        }
    }
}
