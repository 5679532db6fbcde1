package id.go.bangka.inovasi.platform.readmodel;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The readiness component {@code readModel}: OUT_OF_SERVICE until this replica has read its read model's topic up to
 * the start-up end offsets, with per-partition progress, the records still to read and the feed's own details.
 */
public class CatchUpHealthIndicator extends AbstractHealthIndicator {

    private final ReadModelFeed feed;
    private final CatchUpTracker tracker;

    public CatchUpHealthIndicator(ReadModelFeed feed, CatchUpTracker tracker) {
        this.feed = feed;
        this.tracker = tracker;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        CatchUpTracker.Progress progress = tracker.progress();
        (progress.caughtUp() ? builder.up() : builder.outOfService())
                .withDetail("model", feed.name())
                .withDetail("topic", feed.topic())
                .withDetail("state", progress.state())
                .withDetail("recordsRemaining", progress.remaining())
                .withDetails(feed.details().get())
                .withDetail("endOffsetsAtStart", progress.targets())
                .withDetail("appliedOffsets", progress.applied());
    }
}
