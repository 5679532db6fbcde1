package id.go.bangka.inovasi.stats.readiness;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/**
 * Rebuild progress of this replica's in-memory view: {@code inovasi.stats.rebuild.position} (the sum over partitions
 * of the next offset to read), {@code inovasi.stats.rebuild.target} (the sum of the end offsets seen at start-up),
 * {@code inovasi.stats.rebuild.progress} (0 to 1; 1 once caught up). Offsets, not record counts: compaction leaves
 * gaps, so the position jumps over removed records.
 */
@Component
public class RebuildMetrics implements MeterBinder {

    private final CatchUpTracker tracker;

    public RebuildMetrics(CatchUpTracker tracker) {
        this.tracker = tracker;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("inovasi.stats.rebuild.position", tracker, t -> position(t.progress()))
                .description("Next catalogue offsets to read, summed over partitions").register(registry);
        Gauge.builder("inovasi.stats.rebuild.target", tracker, t -> target(t.progress()))
                .description("Catalogue end offsets seen at start-up, summed over partitions").register(registry);
        Gauge.builder("inovasi.stats.rebuild.progress", tracker, t -> progress(t.progress()))
                .description("Share of the start-up end offsets read (1 once caught up)").register(registry);
    }

    private static double position(CatchUpTracker.Progress progress) {
        return progress.targets().entrySet().stream().mapToLong(e -> Math.min(e.getValue(),
                progress.applied().getOrDefault(e.getKey(), -1L) + 1)).sum();
    }

    private static double target(CatchUpTracker.Progress progress) {
        return progress.targets().isEmpty() && !progress.caughtUp() ? Double.NaN
                : progress.targets().values().stream().mapToLong(Long::longValue).sum();
    }

    private static double progress(CatchUpTracker.Progress progress) {
        if (progress.caughtUp()) {
            return 1;
        }
        double target = target(progress);
        return target > 0 ? position(progress) / target : 0;
    }
}
