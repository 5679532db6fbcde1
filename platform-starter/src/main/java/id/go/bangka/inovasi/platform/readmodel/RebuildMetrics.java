package id.go.bangka.inovasi.platform.readmodel;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Rebuild progress of this replica's read model, tagged {@code model=<feed name>}: {@code inovasi.readmodel.rebuild.position}
 * (the sum over partitions of the next offset to read), {@code inovasi.readmodel.rebuild.target} (the sum of the end
 * offsets seen at start-up), {@code inovasi.readmodel.rebuild.progress} (0 to 1; 1 once caught up). Offsets, not record
 * counts: compaction leaves gaps, so the position jumps over removed records.
 */
public class RebuildMetrics implements MeterBinder {

    private final String model;
    private final CatchUpTracker tracker;

    public RebuildMetrics(ReadModelFeed feed, CatchUpTracker tracker) {
        this.model = feed.name();
        this.tracker = tracker;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("inovasi.readmodel.rebuild.position", tracker, t -> position(t.progress())).tag("model", model)
                .description("Next offsets to read, summed over partitions").register(registry);
        Gauge.builder("inovasi.readmodel.rebuild.target", tracker, t -> target(t.progress())).tag("model", model)
                .description("End offsets seen at start-up, summed over partitions").register(registry);
        Gauge.builder("inovasi.readmodel.rebuild.progress", tracker, t -> progress(t.progress())).tag("model", model)
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
