package id.go.bangka.inovasi.catalog.search;

import id.go.bangka.inovasi.events.CloudEventHeaders;
import id.go.bangka.inovasi.events.EventCodec;
import id.go.bangka.inovasi.events.EventTypes;
import id.go.bangka.inovasi.events.InnovationChanged;
import id.go.bangka.inovasi.platform.readmodel.ReadModelHandler;
import id.go.bangka.inovasi.platform.readmodel.ReadModelRecord;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Applies records of {@code inovasi.catalog.v1} to the search index: a snapshot is indexed, anything else skipped. The
 * start-up restore's records are decoded and indexed on {@code inovasi.search.rebuild.threads} threads of their own,
 * shared out by key so the snapshots of one innovation stay in order on one thread (the index also keeps only the
 * newest version), while the restore reads on; one thread writing a segment does not hold up the others. The index is
 * made searchable once, when the restore is done and every thread has finished.
 */
@Component
public class SnapshotIndexer implements ReadModelHandler, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SnapshotIndexer.class);

    /** Polls whose records may wait to be indexed, per thread, before the restore waits for the oldest. */
    private static final int IN_FLIGHT_PER_THREAD = 4;

    private final SearchIndex index;
    private final int threads;
    private final Queue<Future<?>> inFlight = new ArrayDeque<>();
    private List<ExecutorService> workers;

    public SnapshotIndexer(SearchIndex index, SearchProperties properties) {
        this.index = index;
        this.threads = properties.rebuild().threads();
    }

    @Override
    public void apply(Map<String, Object> headers, byte[] payload) {
        String type = CloudEventHeaders.attribute(headers, "type");
        if (EventTypes.INNOVATION_CHANGED.equals(type) && payload != null) {
            index.apply(EventCodec.decode(payload, InnovationChanged.class));
        } else {
            log.warn("The search index skipped a record of type {} on the catalogue topic", type);
        }
    }

    @Override
    public void applyRestored(List<ReadModelRecord> records, Consumer<ReadModelRecord> each) {
        index.beginRebuild();
        List<List<ReadModelRecord>> shares = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            shares.add(new ArrayList<>());
        }
        records.forEach(r -> shares.get(Math.floorMod(Arrays.hashCode(r.key()), threads)).add(r));
        List<ExecutorService> workers = workers();
        for (int i = 0; i < threads; i++) {
            List<ReadModelRecord> share = shares.get(i);
            if (!share.isEmpty()) {
                inFlight.add(workers.get(i).submit(() -> share.forEach(each)));
            }
        }
        while (inFlight.size() > threads * IN_FLIGHT_PER_THREAD) {
            await(inFlight.poll());
        }
    }

    /** Waits until every restored record is indexed, then makes the index searchable. */
    @Override
    public void restored() {
        while (!inFlight.isEmpty()) {
            await(inFlight.poll());
        }
        index.endRebuild();
        destroy();
    }

    private static void await(Future<?> work) {
        try {
            work.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while indexing restored snapshots", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Indexing restored snapshots failed", e.getCause());
        }
    }

    private synchronized List<ExecutorService> workers() {
        if (workers == null) {
            workers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                workers.add(Executors.newSingleThreadExecutor(r -> {
                    Thread thread = new Thread(r, "search-rebuild");
                    thread.setDaemon(true);
                    return thread;
                }));
            }
        }
        return workers;
    }

    /** Stops the rebuild's threads (after the restore, or at shutdown). */
    @Override
    public synchronized void destroy() {
        if (workers != null) {
            workers.forEach(ExecutorService::shutdownNow);
            workers = null;
        }
    }
}
