package id.go.bangka.inovasi.stats.view;

import id.go.bangka.inovasi.stats.readiness.CatchUpTracker;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * Part of the readiness group: OUT_OF_SERVICE until this replica has read the catalogue topic up to its start-up end
 * offsets, with per-partition progress, the records still to read and the innovations held in the details.
 */
@Component("catalogCatchUp")
public class CatalogCatchUpHealthIndicator extends AbstractHealthIndicator {

    private final CatchUpTracker tracker;
    private final CatalogView view;

    public CatalogCatchUpHealthIndicator(CatchUpTracker tracker, CatalogView view) {
        this.tracker = tracker;
        this.view = view;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        CatchUpTracker.Progress progress = tracker.progress();
        (progress.caughtUp() ? builder.up() : builder.outOfService())
                .withDetail("state", progress.state())
                .withDetail("recordsRemaining", progress.remaining())
                .withDetail("innovations", view.size())
                .withDetail("endOffsetsAtStart", progress.targets())
                .withDetail("appliedOffsets", progress.applied());
    }
}
